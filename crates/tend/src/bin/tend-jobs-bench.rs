//! Measures background work: how many due jobs per second workers handle. It stores
//! `--complaints` complaints the way the API does (each with its `sla` watcher and
//! `acknowledge` job; the phone channel has office hours and response standards, so each
//! watcher plans and defers itself), then starts `--workers` workers — each with its own
//! database handle, as separate processes would have — and times them until nothing is due.
//! The customer has no e-mail address, so the acknowledgements queue no mail: what is timed is
//! the queue and the handlers, not an SMTP server (the mail tests cover that).
//!
//!   tend-jobs-bench --database sqlite:///tmp/jobs.db --complaints 20000 --workers 1
//!   tend-jobs-bench --database postgres://postgres@127.0.0.1/tend_jobs --workers 2

use std::sync::Arc;
use std::time::Instant;

use clap::Parser;
use jiff::Timestamp;
use tend_app::AppState;
use tend_app::complaints::new_complaint_jobs;
use tend_app::jobs::{Worker, WorkerConfig};
use tend_domain::catalog::ChannelCode;
use tend_domain::channels::response_standard::ResponseStandards;
use tend_domain::channels::service_hours::ServiceHoursSpec;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord};
use tend_domain::customers::CustomerDraft;
use tend_domain::kernel::clock::{Clock, SystemClock};
use tend_store::{Actor, RunOutcome, Store, StoreOptions};

#[derive(Parser)]
struct Args {
    /// An empty database (it is migrated).
    #[arg(long)]
    database: String,
    #[arg(long, default_value_t = 20_000)]
    complaints: usize,
    #[arg(long, default_value_t = 1)]
    workers: usize,
    /// Jobs each worker claims at once.
    #[arg(long, default_value_t = 50)]
    batch: u32,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let store = Store::open(&StoreOptions::new(&args.database)).await?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let now = clock.now();
    let phone = ChannelCode::parse("phone").map_err(anyhow::Error::msg)?;
    let hours: ServiceHoursSpec = serde_json::from_value(serde_json::json!({
        "time_zone": "Europe/Madrid",
        "week": {"mon": [["07:00", "23:00"]], "tue": [["07:00", "23:00"]], "wed": [["07:00", "23:00"]],
                 "thu": [["07:00", "23:00"]], "fri": [["07:00", "23:00"]], "sat": [["09:00", "14:00"]]}}))?;
    store
        .set_service_hours(
            &phone,
            &hours.validate()?,
            Timestamp::now(),
            &Actor::system("bench"),
        )
        .await?;
    let standards: ResponseStandards = serde_json::from_value(serde_json::json!({
        "targets": {"normal": {"first_response_minutes": 240, "resolution_minutes": 960}}}))?;
    store
        .set_response_standards(
            &phone,
            &standards.validate()?,
            Timestamp::now(),
            &Actor::system("bench"),
        )
        .await?;
    let customer = CustomerDraft {
        name: Some("Bench Customer".into()),
        ..Default::default()
    }
    .validate(2026)?;
    let customer = store
        .create_customer(
            &customer,
            now,
            tend_domain::customers::consent::ConsentVia::Api,
        )
        .await?
        .id;

    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for part in 0..16 {
        let store = store.clone();
        let n = args.complaints / 16 + usize::from(part < args.complaints % 16);
        tasks.spawn(async move {
            for i in 0..n {
                let draft = ComplaintDraft {
                    customer_id: Some(customer),
                    channel: Some("phone".into()),
                    description: Some(format!("Bench complaint {part}-{i}")),
                    ..Default::default()
                };
                let record = ComplaintRecord::received(draft.validate(now)?, "bench");
                let actor = Actor::system("bench");
                store
                    .create_complaint_with_jobs(record, actor, now, new_complaint_jobs)
                    .await?;
            }
            anyhow::Ok(())
        });
    }
    while let Some(r) = tasks.join_next().await {
        r??;
    }
    println!(
        "stored {} complaints ({} jobs due) in {:.1} s",
        args.complaints,
        store.pending_jobs().await?,
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for w in 0..args.workers {
        let handle = Store::open(&StoreOptions::new(&args.database)).await?;
        let mut config = WorkerConfig::new(format!("bench-{w}"));
        config.batch = args.batch;
        let worker = Worker::new(AppState::new(handle, clock.clone()), None, config);
        workers.spawn(async move { worker.drain().await });
    }
    let mut total = RunOutcome::default();
    while let Some(r) = workers.join_next().await {
        total += r??;
    }
    let secs = started.elapsed().as_secs_f64();
    let handled = total.claimed();
    println!(
        "engine {:?}, {} worker(s): {handled} jobs in {secs:.2} s = {:.0} jobs/s \
         ({} completed, {} deferred, {} failed, {} lost)",
        store.engine(),
        args.workers,
        f64::from(handled) / secs,
        total.completed,
        total.deferred,
        total.failed,
        total.lost
    );
    Ok(())
}
