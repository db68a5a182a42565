//! `tend-search-bench`: imports and search at scale. For each `--rows` size it writes a
//! realistic complaints CSV (`corpus.rs`), imports it into a new database with `tend import
//! complaints` and reports rows/s and the import's peak memory (VmHWM of the child process,
//! polled from /proc); then, on the last database, it serves Tend and times searches through
//! the API (`GET /api/v1/complaints?q=…&limit=25`) — a common word, a rare word, three common
//! words, a code — reporting p50 and p99 for each kind.
//!
//! `tend-search-bench --rows 200000 --rows 1000000` (SQLite, files in a temporary folder), or
//! with `--postgres postgres://postgres@127.0.0.1:5432/postgres` (a new database per size,
//! dropped at the end). Run from a release build: `cargo build --release -p tend`.

mod corpus;
mod imports;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Rows to import, each size into a new database (repeatable); searches run on the last.
    #[arg(long = "rows", default_values_t = [200_000u64, 1_000_000])]
    rows: Vec<u64>,
    /// A PostgreSQL server to create the databases on; SQLite files when absent.
    #[arg(long)]
    postgres: Option<String>,
    /// Searches per query kind (sequential, for latency).
    #[arg(long, default_value_t = 200)]
    reads: usize,
    /// The `tend` binary (default: beside this one).
    #[arg(long)]
    tend: Option<PathBuf>,
    #[arg(long, default_value_t = 18090)]
    port: u16,
    /// Keep the databases (and CSV files) instead of removing them.
    #[arg(long)]
    keep: bool,
    /// Only search, on this database (one a `--keep` run left).
    #[arg(long)]
    search_only: Option<String>,
    /// Only import (`scripts/import-bench`): no search afterwards.
    #[arg(long)]
    no_search: bool,
    /// Also import the CSV's people with `tend import customers` into a new database first,
    /// reporting its rows/s and peak memory the same way.
    #[arg(long)]
    customers: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    anyhow::ensure!(!a.rows.is_empty(), "--rows is needed");
    let tend = match &a.tend {
        Some(t) => t.clone(),
        None => std::env::current_exe()?.with_file_name("tend"),
    };
    if let Some(url) = &a.search_only {
        return search(&a, &tend, url, 0).await;
    }
    let dir = std::env::temp_dir().join(format!("tend-search-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let engine = if a.postgres.is_some() {
        "postgres"
    } else {
        "sqlite"
    };
    println!("engine: {engine}");
    let mut made = Vec::new();
    for (k, &rows) in a.rows.iter().enumerate() {
        let csv = dir.join(format!("complaints-{rows}.csv"));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&csv)?);
        corpus::write_csv(&mut out, rows, 7)?;
        std::io::Write::flush(&mut out)?;
        drop(out);
        let mib = std::fs::metadata(&csv)?.len() as f64 / 1048576.0;
        let path = csv.to_str().expect("utf-8 path");
        if a.customers {
            let (url, name) = new_database(&a, &dir, rows, k + 100).await?;
            made.push(name);
            tend_cmd(&tend, &url, &["migrate"])?;
            let mut args = vec!["import", "customers", path];
            for m in ["name=name", "email=email", "phone=phone"] {
                args.extend(["--map", m]);
            }
            imports::timed(&tend, &url, &args, rows, mib)?;
        }
        let (url, name) = new_database(&a, &dir, rows, k).await?;
        made.push(name);
        tend_cmd(&tend, &url, &["migrate"])?;
        let mut args = vec!["import", "complaints", path];
        for m in corpus::MAP {
            args.extend(["--map", m]);
        }
        imports::timed(&tend, &url, &args, rows, mib)?;
        if !a.keep {
            std::fs::remove_file(&csv)?;
        }
        if k + 1 == a.rows.len() && !a.no_search {
            search(&a, &tend, &url, rows).await?;
        }
    }
    if !a.keep {
        if let Some(server) = &a.postgres {
            for name in made.into_iter().flatten() {
                tend_store::testing::execute(server, &format!("DROP DATABASE {name}"))
                    .await
                    .map_err(|e| anyhow::anyhow!("drop {name}: {e}"))?;
            }
        }
        std::fs::remove_dir_all(&dir)?;
    }
    Ok(())
}

/// A new empty database: its URL, and its name on PostgreSQL.
async fn new_database(
    a: &Args,
    dir: &Path,
    rows: u64,
    k: usize,
) -> anyhow::Result<(String, Option<String>)> {
    match &a.postgres {
        Some(server) => {
            let name = format!("tend_bench_{}_{k}_{rows}", std::process::id());
            tend_store::testing::execute(server, &format!("CREATE DATABASE {name}"))
                .await
                .map_err(|e| anyhow::anyhow!("create {name}: {e}"))?;
            let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
            Ok((format!("{base}/{name}"), Some(name)))
        }
        None => Ok((
            format!(
                "sqlite://{}",
                dir.join(format!("bench-{k}-{rows}.db")).display()
            ),
            None,
        )),
    }
}

/// Runs `tend` with `args` on `url`; its standard output.
fn tend_cmd(tend: &Path, url: &str, args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new(tend)
        .args(args)
        .env("TEND_DATABASE_URL", url)
        .env("TEND_LOG", "warn")
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "tend {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Serves Tend on the database and times each kind of search.
async fn search(a: &Args, tend: &Path, url: &str, rows: u64) -> anyhow::Result<()> {
    // Already there when the database is searched again.
    let _ = tend_cmd(
        tend,
        url,
        &[
            "user",
            "add",
            "--email",
            "bench@example.com",
            "--name",
            "Bench",
            "--role",
            "admin",
        ],
    );
    let token = tend_cmd(
        tend,
        url,
        &["token", "create", "--email", "bench@example.com"],
    )?;
    let listen = format!("127.0.0.1:{}", a.port);
    let mut server = Command::new(tend)
        .args(["serve", "--listen", &listen])
        .env("TEND_DATABASE_URL", url)
        .env("TEND_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()?;
    let result = timed_searches(a, &listen, &token, rows).await;
    server.kill().ok();
    server.wait().ok();
    result
}

async fn timed_searches(a: &Args, listen: &str, token: &str, rows: u64) -> anyhow::Result<()> {
    let client = reqwest::Client::new();
    let base = format!("http://{listen}");
    let ready = Instant::now();
    while client.get(format!("{base}/readyz")).send().await.is_err() {
        anyhow::ensure!(
            ready.elapsed() < Duration::from_secs(120),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let v = corpus::Vocabulary::new();
    let w = |r: usize| v.words[r].clone();
    let kinds: Vec<(&str, Vec<String>)> = vec![
        ("common word", (0..5).map(w).collect()),
        ("rare word", (20_000..20_010).map(w).collect()),
        (
            "three common words",
            vec![
                format!("{} {} {}", w(0), w(1), w(2)),
                format!("{} {} {}", w(1), w(3), w(4)),
                format!("{} {} {}", w(2), w(5), w(0)),
            ],
        ),
        ("code", vec!["A-77".into(), "K-512".into(), "Z-9".into()]),
    ];
    println!(
        "search at {rows} complaints, {} requests per kind, limit 25:",
        a.reads
    );
    for (kind, queries) in kinds {
        let mut times = Vec::with_capacity(a.reads);
        let mut found = 0usize;
        for i in 0..a.reads {
            let q = &queries[i % queries.len()];
            let t = Instant::now();
            let r = client
                .get(format!("{base}/api/v1/complaints"))
                .query(&[("q", q.as_str()), ("limit", "25")])
                .bearer_auth(token)
                .send()
                .await?;
            anyhow::ensure!(r.status() == 200, "q={q} answered {}", r.status());
            let body: serde_json::Value = r.json().await?;
            times.push(t.elapsed());
            found += body["items"].as_array().map_or(0, Vec::len);
        }
        times.sort();
        let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "  {kind:<20} p50 {:>7.2} ms  p99 {:>7.2} ms  ({:.1} hits a page; e.g. q={:?})",
            ms(p(0.50)),
            ms(p(0.99)),
            found as f64 / a.reads as f64,
            queries[0]
        );
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
