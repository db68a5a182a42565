//! Timing one `tend import`: rows/s, and the importer's peak resident memory (VmHWM of the
//! child, polled from /proc every 20 ms).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `tend` with `args` (an import of `rows` rows from a CSV of `mib` MiB) on `url`, and
/// prints rows/s and the importer's peak resident memory.
pub fn timed(tend: &Path, url: &str, args: &[&str], rows: u64, mib: f64) -> anyhow::Result<()> {
    let started = Instant::now();
    let child = Command::new(tend)
        .args(args)
        .env("TEND_DATABASE_URL", url)
        .env("TEND_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let (peak, output) = watch(child)?;
    let secs = started.elapsed().as_secs_f64();
    anyhow::ensure!(
        output.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!(
        "{} {} {rows} rows ({mib:.0} MiB CSV): {secs:.1} s = {:.0} rows/s, peak RSS {:.0} MiB ({})",
        args[0],
        args[1],
        rows as f64 / secs,
        peak as f64 / 1024.0,
        String::from_utf8_lossy(&output.stdout).trim()
    );
    Ok(())
}

/// Waits for `child`, polling its peak resident memory (VmHWM, KiB) every 20 ms.
fn watch(mut child: Child) -> anyhow::Result<(u64, std::process::Output)> {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let (mut stdout, mut stderr) = (child.stdout.take(), child.stderr.take());
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(e) = stderr.as_mut() {
            std::io::Read::read_to_end(e, &mut s).ok();
        }
        s
    });
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(o) = stdout.as_mut() {
            std::io::Read::read_to_end(o, &mut s).ok();
        }
        s
    });
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = std::process::Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    };
    Ok((peak, output))
}
