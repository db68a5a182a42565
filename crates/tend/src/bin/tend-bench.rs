//! `tend-bench`: a load generator for a running Tend — complaint intake over the API at a
//! given concurrency, then list, filter and search latency percentiles.
//!
//! `tend-bench --url http://127.0.0.1:8080 --token T --intake 20000 --concurrency 16 --reads 500`

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::json;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    #[arg(long, env = "TEND_TOKEN", hide_env_values = true)]
    token: String,
    /// Complaints to create.
    #[arg(long, default_value_t = 10_000)]
    intake: u64,
    #[arg(long, default_value_t = 16)]
    concurrency: u64,
    /// Requests per read scenario (sequential, for latency).
    #[arg(long, default_value_t = 300)]
    reads: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()?;
    let auth = format!("Bearer {}", a.token);
    let customer: serde_json::Value = client
        .post(format!("{}/api/v1/customers", a.url))
        .header("Authorization", &auth)
        .json(&json!({"name": "Bench Customer", "email": "bench@example.com"}))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let customer_id = customer["id"].as_i64().unwrap_or(1);
    if a.intake > 0 {
        let next = Arc::new(AtomicU64::new(0));
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..a.concurrency {
            let (client, next, url, auth, n) = (
                client.clone(),
                next.clone(),
                a.url.clone(),
                auth.clone(),
                a.intake,
            );
            tasks.push(tokio::spawn(async move {
                let words = ["blender", "jar", "cracked", "refund", "late", "delivery", "invoice", "screen", "battery", "login"];
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let channel = ["phone", "email", "web", "chat"][(i % 4) as usize];
                    let priority = ["low", "normal", "high", "urgent"][(i % 4) as usize];
                    let body = json!({
                        "customer_id": customer_id, "channel": channel,
                        "description": format!("Complaint {i}: the {} was {} ({})", words[(i % 10) as usize], words[(i / 10 % 10) as usize], i),
                        "priority": priority,
                    });
                    let r = client.post(format!("{url}/api/v1/complaints")).header("Authorization", &auth).json(&body).send().await;
                    match r {
                        Ok(r) if r.status() == 201 => {}
                        Ok(r) => anyhow::bail!("intake answered {}", r.status()),
                        Err(e) => anyhow::bail!("intake failed: {e}"),
                    }
                }
                Ok(())
            }));
        }
        for t in tasks {
            t.await??;
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "intake: {} complaints at concurrency {} in {secs:.2} s = {:.0} complaints/s",
            a.intake,
            a.concurrency,
            a.intake as f64 / secs
        );
    }
    for (name, query) in [
        ("list (newest 50)", "limit=50".to_owned()),
        (
            "filter status=received&channel=phone",
            "status=received&channel=phone&limit=50".to_owned(),
        ),
        (
            "filter priority via customer_id",
            format!("customer_id={customer_id}&limit=50"),
        ),
        (
            "search q=cracked blender",
            "q=cracked%20blender&limit=50".to_owned(),
        ),
        ("search q=refund", "q=refund&limit=25".to_owned()),
    ] {
        let mut times = Vec::with_capacity(a.reads);
        for _ in 0..a.reads {
            let t = Instant::now();
            let r = client
                .get(format!("{}/api/v1/complaints?{query}", a.url))
                .header("Authorization", &auth)
                .send()
                .await?;
            anyhow::ensure!(r.status() == 200, "{name} answered {}", r.status());
            r.bytes().await?;
            times.push(t.elapsed());
        }
        times.sort();
        let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "{name}: p50 {:.2} ms, p99 {:.2} ms",
            ms(p(0.50)),
            ms(p(0.99))
        );
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
