//! A real SMTP server for tests, run from Rust inside the test process: it listens on
//! 127.0.0.1, holds a real SMTP conversation over TCP with each client ([`session`]), and keeps
//! each message it accepts, parsed to JSON ([`message`]), in arrival order. Nothing to install.
#![allow(dead_code)]

mod message;
pub mod session;

use std::io::BufReader;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use serde_json::Value;
use tend_app::mail::{Security, SmtpSettings};

pub use message::to_json;

/// What the listener and its connections share.
#[derive(Default)]
struct Shared {
    inbox: Mutex<Vec<Value>>,
    connections: Mutex<Vec<TcpStream>>,
    stopping: AtomicBool,
}

/// The running server. Recipients `full@…` get 452 and `nobody@…` get 550. Dropping it stops
/// listening and cuts every open connection, as a mail server going down would.
pub struct SmtpServer {
    shared: Arc<Shared>,
    port: u16,
    acceptor: Option<JoinHandle<()>>,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        Self::start_on(0)
    }

    /// Starts on `port` (0: any free port), e.g. the port a mailer was pointed at while the
    /// server was down.
    pub fn start_on(port: u16) -> SmtpServer {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .unwrap_or_else(|e| panic!("SMTP server cannot listen on 127.0.0.1:{port}: {e}"));
        let port = listener.local_addr().expect("a local address").port();
        let shared = Arc::new(Shared::default());
        let for_thread = shared.clone();
        let acceptor = std::thread::Builder::new()
            .name(format!("smtp-{port}"))
            .spawn(move || accept(listener, for_thread))
            .expect("an SMTP listener thread");
        SmtpServer {
            shared,
            port,
            acceptor: Some(acceptor),
        }
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn settings(&self) -> SmtpSettings {
        settings_for(self.port)
    }

    /// The messages received so far, in arrival order.
    pub fn inbox(&self) -> Vec<Value> {
        self.shared.inbox.lock().unwrap().clone()
    }
}

fn accept(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let Ok(writer) = stream.try_clone() else {
            continue;
        };
        if let Ok(handle) = stream.try_clone() {
            shared.connections.lock().unwrap().push(handle);
        }
        let shared = shared.clone();
        std::thread::spawn(move || {
            let _ = session::converse(BufReader::new(stream), writer, |envelope| {
                let doc = message::to_json(&envelope);
                shared.inbox.lock().unwrap().push(doc);
            });
        });
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wake the listener so it sees the flag and closes the port.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
        for connection in self.shared.connections.lock().unwrap().drain(..) {
            let _ = connection.shutdown(Shutdown::Both);
        }
    }
}

/// A port nothing listens on now (bound, read, released).
pub fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("an address").port()
}

/// Settings for a server on `port` that may not be running.
pub fn settings_for(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        username: None,
        password: None,
        from: "Tend Service <service@tend.test>".into(),
    }
}
