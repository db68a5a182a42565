//! The log lines a test's own thread writes, captured as text: a `tracing` subscriber with
//! Tend's log filter at `trace` (see `tend::log_filter`), set as the thread's default for as
//! long as the capture lives (a `#[tokio::test]` runs its tasks on that thread).

use std::io::Write;
use std::sync::{Arc, Mutex};

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt;

/// What was logged since [`capture`]; stops capturing when dropped.
pub struct Logs {
    buf: Arc<Mutex<Vec<u8>>>,
    _guard: tracing::subscriber::DefaultGuard,
}

impl Logs {
    /// Everything written so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.buf.lock().unwrap()).into_owned()
    }
}

#[derive(Clone)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Sink {
    type Writer = Sink;
    fn make_writer(&'a self) -> Sink {
        self.clone()
    }
}

/// Starts capturing this thread's logs, everything Tend's filter lets through at `trace`.
pub fn capture() -> Logs {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let guard = tracing_subscriber::fmt()
        .with_env_filter(tend::log_filter("trace").expect("a filter"))
        .with_ansi(false)
        .with_writer(Sink(buf.clone()))
        .set_default();
    Logs { buf, _guard: guard }
}
