//! `/metrics` on the main address: refused without a token (401) and for a non-admin (403);
//! for an admin, Prometheus text that parses, with the figures a test can count by hand.

use openmetrics_parser::{MetricsExposition, PrometheusType, PrometheusValue};

use crate::helpers::{Reply, spawn_app};

type Scrape = MetricsExposition<PrometheusType, PrometheusValue>;

/// The value of the sample of family `name` whose labels include every `(label, value)` of
/// `labels`, if any (a histogram's value is its count).
fn sample(scrape: &Scrape, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let family = scrape.families.get(name)?;
    let s = family.iter_samples().find(|s| {
        let set = s.get_labelset().expect("a sample's labels");
        labels
            .iter()
            .all(|(k, v)| set.get_label_value(k) == Some(*v))
    })?;
    Some(match &s.value {
        PrometheusValue::Counter(c) => c.value.as_f64(),
        PrometheusValue::Gauge(n) | PrometheusValue::Unknown(n) => n.as_f64(),
        PrometheusValue::Histogram(h) => h.count.expect("a histogram's count") as f64,
        PrometheusValue::Summary(_) => f64::NAN,
    })
}

/// `/metrics` as the admin, checked by a strict parser of the Prometheus text format.
async fn scrape(app: &tend_testkit::TestApp) -> Scrape {
    let res = app.get("/metrics", &app.admin.token).await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    let content_type = res.headers["content-type"].to_str().unwrap();
    assert!(
        content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    openmetrics_parser::prometheus::parse_prometheus(&res.text)
        .unwrap_or_else(|e| panic!("not Prometheus text ({e:?}):\n{}", res.text))
}

#[tokio::test]
async fn metrics_refuse_no_token_and_non_admins() {
    let app = spawn_app().await;
    let res = Reply::send(app.client.get(app.url("/metrics"))).await;
    res.expect_error(401, "unauthorized", None);
    let res = app.get("/metrics", "not-a-token").await;
    res.expect_error(401, "unauthorized", None);
    for token in [&app.agent.token, &app.manager.token, &app.viewer.token] {
        let res = app.get("/metrics", token).await;
        res.expect_error(403, "forbidden", None);
    }
}

#[tokio::test]
async fn metrics_count_new_complaints_requests_due_jobs_and_pools() {
    let app = spawn_app().await;
    let before = scrape(&app).await;
    let created = |s: &Scrape| {
        sample(s, "tend_complaints_created_total", &[("channel", "phone")]).unwrap_or(0.0)
    };
    let posts = |s: &Scrape| {
        let labels = [
            ("method", "POST"),
            ("route", "/api/v1/complaints"),
            ("status", "201"),
        ];
        sample(s, "tend_http_requests_total", &labels).unwrap_or(0.0)
    };

    let customer = app.create_customer().await;
    app.create_complaint(customer).await;
    app.create_complaint(customer).await;
    let res = app.get("/api/v1/complaints/999999", &app.agent.token).await;
    assert_eq!(res.status.as_u16(), 404);

    let after = scrape(&app).await;
    assert_eq!(
        created(&after) - created(&before),
        2.0,
        "two complaints taken"
    );
    assert_eq!(
        posts(&after) - posts(&before),
        2.0,
        "two 201 answers on the matched route"
    );
    let labels = [("route", "/api/v1/complaints/{id}"), ("status", "404")];
    assert!(
        sample(&after, "tend_http_requests_total", &labels).is_some(),
        "the matched path is the label, never the raw URI"
    );
    assert!(!res_text_has(&after, "999999"), "no raw URI in a label");
    // Latency: a histogram whose count equals the requests counted for the same labels, and
    // whose +Inf bucket holds them all.
    let labels = [
        ("method", "POST"),
        ("route", "/api/v1/complaints"),
        ("status", "201"),
    ];
    let latency = scrape_histogram(&after, &labels);
    assert_eq!(latency.count.map(|n| n as f64), Some(posts(&after)));
    let inf = latency
        .buckets
        .iter()
        .find(|b| b.upper_bound == f64::INFINITY);
    assert_eq!(inf.map(|b| b.count.as_f64()), Some(posts(&after)));
    // Each new complaint starts a response-standard watcher and an acknowledgement, due now; no
    // worker runs in the test server, so two of each are due.
    assert_eq!(
        sample(&after, "tend_jobs_due", &[("kind", "sla")]),
        Some(2.0)
    );
    assert_eq!(
        sample(&after, "tend_jobs_due", &[("kind", "acknowledge")]),
        Some(2.0)
    );
    assert_eq!(
        sample(&after, "tend_jobs_due", &[("kind", "retention")]),
        Some(0.0)
    );
    assert!(sample(&after, "tend_group_commit_batch_size", &[]).is_some());
    let rss = sample(&after, "tend_memory_resident_bytes", &[]).expect("resident memory");
    assert!(rss > 1_048_576.0, "more than 1 MiB resident: {rss}");
    let heap = sample(&after, "tend_sqlite_heap_bytes", &[("kind", "now")]);
    let peak = sample(&after, "tend_sqlite_heap_bytes", &[("kind", "peak")]);
    if app.database_url.starts_with("sqlite") {
        let (heap, peak) = (heap.expect("SQLite heap"), peak.expect("SQLite peak"));
        assert!(heap > 0.0 && peak >= heap, "heap {heap}, peak {peak}");
    } else {
        assert_eq!((heap, peak), (None, None), "no SQLite heap on PostgreSQL");
    }
    let pools = &after.families["tend_db_connections"];
    let states: Vec<String> = pools
        .iter_samples()
        .map(|s| {
            s.get_labelset()
                .unwrap()
                .get_label_value("state")
                .unwrap()
                .to_owned()
        })
        .collect();
    assert!(
        states.len() >= 2,
        "in_use and idle for each pool: {states:?}"
    );
    assert!(
        states.iter().all(|s| s == "in_use" || s == "idle"),
        "{states:?}"
    );
}

fn res_text_has(scrape: &Scrape, needle: &str) -> bool {
    scrape.families.values().any(|f| {
        f.iter_samples().any(|s| {
            s.get_labelset()
                .unwrap()
                .iter_values()
                .any(|v| v.contains(needle))
        })
    })
}

fn scrape_histogram(
    scrape: &Scrape,
    labels: &[(&str, &str)],
) -> openmetrics_parser::HistogramValue {
    let family = &scrape.families["tend_http_request_duration_seconds"];
    let s = family
        .iter_samples()
        .find(|s| {
            let set = s.get_labelset().unwrap();
            labels
                .iter()
                .all(|(k, v)| set.get_label_value(k) == Some(*v))
        })
        .expect("a latency sample");
    match &s.value {
        PrometheusValue::Histogram(h) => h.clone(),
        other => panic!("the latency is a histogram: {other:?}"),
    }
}

/// `tend_jobs_dead`: the dead jobs in the database by kind at the scrape, 0 for a registered
/// kind with none, and down again when an admin discards one.
#[tokio::test]
async fn metrics_count_dead_jobs_by_kind() {
    let app = spawn_app().await;
    let now = tend_testkit::now();
    let store = &app.store;
    let mut ids = Vec::new();
    for key in ["dead-1", "dead-2"] {
        let payload = serde_json::json!({"to": "x@example.com>"});
        let id = store
            .enqueue("deliver", &payload, now, Some(key), now)
            .await
            .unwrap()
            .unwrap();
        ids.push(id);
    }
    let lease = jiff::SignedDuration::from_mins(1);
    let claimed = store
        .claim("w", &["deliver"], 10, lease, now)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 2);
    for id in &ids {
        store
            .give_up(*id, "w", "invalid address", now)
            .await
            .unwrap();
    }
    let s = scrape(&app).await;
    assert_eq!(
        sample(&s, "tend_jobs_dead", &[("kind", "deliver")]),
        Some(2.0)
    );
    assert_eq!(sample(&s, "tend_jobs_dead", &[("kind", "sla")]), Some(0.0));
    assert!(store.discard_dead_job(ids[0]).await.unwrap());
    let s = scrape(&app).await;
    assert_eq!(
        sample(&s, "tend_jobs_dead", &[("kind", "deliver")]),
        Some(1.0)
    );
}
