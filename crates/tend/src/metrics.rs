//! Prometheus metrics: the process-wide recorder (`metrics` + `metrics-exporter-prometheus`,
//! rendered on request, no exporter listener), the per-request layer, and `/metrics` — on the
//! main address for an admin's API token, on `--metrics-listen` for anyone who can reach it.
//! Every metric is defined in `docs/configuration.md` (Metrics).

use std::sync::OnceLock;
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tend_api::auth::Authed;
use tend_api::error::ApiError;
use tend_app::AppState;
use tend_domain::staff::Permission;

/// Request latency buckets, in seconds (1 ms to 10 s).
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
/// Group-commit batch size buckets, in complaints per commit (the batch holds at most 256).
const BATCH_BUCKETS: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's Prometheus recorder, installed as the global `metrics` recorder on first use
/// (several servers in one process, as in tests, share it).
pub fn handle() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("tend_http_request_duration_seconds".into()),
                    LATENCY_BUCKETS,
                )
                .and_then(|b| {
                    b.set_buckets_for_metric(
                        Matcher::Full("tend_group_commit_batch_size".into()),
                        BATCH_BUCKETS,
                    )
                })
                .expect("bucket lists are not empty")
                .build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed; /metrics stays empty");
            }
            describe();
            handle
        })
        .clone()
}

/// How often histograms' pending samples are folded into their buckets (see [`spawn_upkeep`]).
pub const UPKEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// Starts the recorder's upkeep on the current runtime: every [`UPKEEP_EVERY`] the samples
/// each histogram has collected since are folded into its buckets. Without it (a recorder
/// built with `build_recorder`) they pile up until `/metrics` is scraped — memory that grows
/// with every request on a server nobody scrapes. Call once per process that serves or works.
pub fn spawn_upkeep() {
    let h = handle();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(UPKEEP_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            h.run_upkeep();
        }
    });
}

fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        "tend_http_requests_total",
        "HTTP requests answered, by method, matched route and status."
    );
    describe_histogram!(
        "tend_http_request_duration_seconds",
        Unit::Seconds,
        "Time from a request's arrival to its response's head, by method, matched route and status."
    );
    describe_counter!(
        "tend_complaints_created_total",
        "Complaints taken through the API, the pages and the public form (not CSV imports), by channel."
    );
    describe_gauge!(
        "tend_jobs_due",
        "Jobs due now and not leased to a worker, by kind, at scrape time."
    );
    describe_counter!(
        "tend_jobs_claimed_total",
        "Job runs claimed by a worker, by kind."
    );
    describe_counter!("tend_jobs_done_total", "Job runs that completed, by kind.");
    describe_counter!(
        "tend_jobs_deferred_total",
        "Job runs put off to a later time by their handler, by kind."
    );
    describe_counter!(
        "tend_jobs_retried_total",
        "Job runs that failed and will be retried, by kind."
    );
    describe_counter!(
        "tend_jobs_dead_total",
        "Job runs that failed for the last time (the job is dead), by kind."
    );
    describe_counter!(
        "tend_jobs_lost_total",
        "Job runs whose lease ran out first (another worker has the job), by kind."
    );
    describe_counter!("tend_mail_sent_total", "Messages the SMTP server accepted.");
    describe_counter!(
        "tend_mail_failed_total",
        "Messages not sent, by error: temporary (retried) or permanent."
    );
    describe_histogram!(
        "tend_group_commit_batch_size",
        Unit::Count,
        "New complaints stored per group commit (one transaction, one disk flush)."
    );
    describe_gauge!(
        "tend_db_connections",
        "Database connections per pool, by state: in_use or idle, at scrape time."
    );
    describe_gauge!(
        "tend_sqlite_heap_bytes",
        Unit::Bytes,
        "SQLite only: memory SQLite holds (page caches, statements, schema), at scrape time; \
         kind=peak is the most it has held."
    );
    describe_gauge!(
        "tend_memory_resident_bytes",
        Unit::Bytes,
        "The process's resident memory (Linux: VmRSS of /proc/self/status), at scrape time."
    );
    describe_gauge!(
        "tend_jobs_dead",
        "Dead jobs kept for an admin to retry or discard, by kind, at scrape time."
    );
}

/// The per-request layer (as a route layer, so the route is known): counts and times every
/// answered request by method, matched path (`/api/v1/complaints/{id}`, never the raw URI) and
/// status.
pub async fn track(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(req).await;
    record(method, route, response.status(), started);
    response
}

/// Records one answered request (also used for the fallback, as route `unmatched`).
pub fn record(method: String, route: String, status: StatusCode, started: Instant) {
    let labels = [
        ("method", method),
        ("route", route),
        ("status", status.as_str().to_owned()),
    ];
    metrics::counter!("tend_http_requests_total", &labels).increment(1);
    metrics::histogram!("tend_http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
}

/// Sets the scrape-time gauges (pool use, jobs due, dead jobs) and renders everything as Prometheus text.
async fn render(app: &AppState) -> Response {
    for p in app.store.pool_use() {
        let gauge = |state: &'static str, n: u32| {
            metrics::gauge!("tend_db_connections", "pool" => p.pool, "state" => state)
                .set(f64::from(n));
        };
        gauge("in_use", p.in_use);
        gauge("idle", p.idle);
    }
    if let Some((now, peak)) = app.store.sqlite_heap() {
        metrics::gauge!("tend_sqlite_heap_bytes", "kind" => "now").set(now as f64);
        metrics::gauge!("tend_sqlite_heap_bytes", "kind" => "peak").set(peak as f64);
    }
    if let Some(rss) = resident_bytes() {
        metrics::gauge!("tend_memory_resident_bytes").set(rss as f64);
    }
    for r in tend_app::jobs::registry::REGISTRY.iter() {
        metrics::gauge!("tend_jobs_due", "kind" => r.kind).set(0.0);
        metrics::gauge!("tend_jobs_dead", "kind" => r.kind).set(0.0);
    }
    match app.store.jobs_dead_by_kind().await {
        Ok(dead) => {
            for (kind, n) in dead {
                metrics::gauge!("tend_jobs_dead", "kind" => kind).set(n as f64);
            }
        }
        Err(e) => tracing::error!(error = %e, "metrics: counting dead jobs failed"),
    }
    match app.store.jobs_due_by_kind(app.clock.now()).await {
        Ok(due) => {
            for (kind, n) in due {
                metrics::gauge!("tend_jobs_due", "kind" => kind).set(n as f64);
            }
        }
        Err(e) => tracing::error!(error = %e, "metrics: counting due jobs failed"),
    }
    let body = handle().render();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

/// `GET /metrics` on the main address: an admin's bearer API token (401 without a valid
/// token, 403 for any other role).
async fn metrics_for_admins(
    State(app): State<AppState>,
    who: Authed,
) -> Result<Response, ApiError> {
    who.require(Permission::Administer)?;
    Ok(render(&app).await)
}

async fn metrics_open(State(app): State<AppState>) -> Response {
    render(&app).await
}

/// `/metrics` for the main router (admins only).
pub fn routes() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics_for_admins))
}

/// The separate metrics address: `/metrics` without authentication, nothing else.
pub fn open_router(app: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics_open))
        .with_state(app)
}

/// Resident memory in bytes: `VmRSS` of `/proc/self/status` (kB) × 1024. `None` where there
/// is no such file (not Linux).
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
