//! Measures a survey's live results at scale: one survey with a question of each kind, open,
//! with `--answers` complete responses (every question answered; an open text on one in
//! three), written straight into the tables in multi-row inserts, then rolled up by day as the
//! migration back-fills (`Store::refill_survey_tally_days`). It checks the counted results
//! against the generator's own hand count (NPS, n, a rating's mean) and against the count from
//! the raw answers, then times, each `--runs` times in a row: the results as the page and the
//! API compute them (`tend_app::surveys::results`, in-process), the same for a period with
//! mid-day edges (its two part-days counted from the answers), the newest 200 open answers
//! (and the first 200 matching a search), `GET /api/v1/surveys/{id}/results` and the results
//! page `GET /surveys/{id}` (a manager's session) over HTTP on the real server in this
//! process. Prints p50, p95 and the worst of each. Build and run it in release, on an empty
//! database (see docs/survey-results.md for the numbers):
//!
//!   cargo build --release -p tend --bin tend-survey-bench
//!   target/release/tend-survey-bench --database sqlite:///tmp/survey.db --answers 100000 --runs 50
//!   createdb -h 127.0.0.1 -U postgres tend_survey
//!   target/release/tend-survey-bench --database postgres://postgres@127.0.0.1/tend_survey \
//!     --answers 100000 --runs 50

use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use tend_app::AppState;
use tend_domain::kernel::clock::{Clock, SystemClock};
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::Role;
use tend_domain::surveys::{SurveyDraft, SurveyId};
use tend_store::testing::execute;
use tend_store::{Actor, Store, StoreOptions, TallyFilter, hash_password};
use tokio::net::TcpListener;

#[derive(Parser)]
struct Args {
    /// An empty database (it is migrated).
    #[arg(long)]
    database: String,
    #[arg(long, default_value_t = 100_000)]
    answers: i64,
    /// Timed requests per measure.
    #[arg(long, default_value_t = 50)]
    runs: usize,
    /// Responses per insert statement.
    #[arg(long, default_value_t = 1_000)]
    batch: i64,
}

fn t(en: &str) -> serde_json::Value {
    serde_json::json!({"en": en, "es": format!("{en} (es)"), "tr": format!("{en} (tr)")})
}

/// One stored answer: (question, number, choices, text).
type Answer = (i64, Option<i64>, Option<&'static str>, Option<String>);

/// The answers of response `i` (from 0).
fn answers(i: i64) -> [Answer; 6] {
    let words = [
        "price", "delivery", "staff", "wait", "refund", "quality", "app",
    ];
    let open = (i % 3 == 0).then(|| {
        let w = words[(i % 7) as usize];
        format!("Answer {i}: the {w} could be better")
    });
    let multiple = ["0", "0,1", "1,2", "0,1,2"][(i % 4) as usize];
    [
        (1, None, None, open),
        (2, Some(i % 5 + 1), None, None),
        (3, Some(i % 11), None, None),
        (4, Some(i % 2), None, None),
        (5, None, Some(multiple), None),
        (6, Some(i % 2), None, None),
    ]
}

fn sql_text(v: Option<&str>) -> String {
    v.map_or("NULL".into(), |s| format!("'{}'", s.replace('\'', "''")))
}

async fn seed(url: &str, survey: i64, n: i64, batch: i64, at: i64) -> anyhow::Result<()> {
    let mut from = 0;
    while from < n {
        let to = (from + batch).min(n);
        let mut responses = String::from(
            "INSERT INTO survey_responses (id, survey_id, key_digest, channel, language, page, \
             started_at, updated_at, completed_at) VALUES ",
        );
        let mut rows = String::from(
            "INSERT INTO survey_answers (response_id, question, number, choices, text) VALUES ",
        );
        for i in from..to {
            let id = i + 1;
            let lang = ["en", "es", "tr"][(i % 3) as usize];
            let done = at + i * 1_000_000;
            let sep = if i == from { "" } else { ", " };
            responses.push_str(&format!(
                "{sep}({id}, {survey}, 'bench-{id}', 'public', '{lang}', 2, {done}, {done}, {done})"
            ));
            for (k, (q, number, choices, text)) in answers(i).into_iter().enumerate() {
                let sep = if i == from && k == 0 { "" } else { ", " };
                let number = number.map_or("NULL".into(), |x| x.to_string());
                let (c, x) = (sql_text(choices), sql_text(text.as_deref()));
                rows.push_str(&format!("{sep}({id}, {q}, {number}, {c}, {x})"));
            }
        }
        execute(url, &responses).await.map_err(anyhow::Error::msg)?;
        execute(url, &rows).await.map_err(anyhow::Error::msg)?;
        from = to;
    }
    Ok(())
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let worst = times.last().copied().unwrap_or_default();
    println!(
        "{name}: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms ({} runs)",
        ms(p(0.50)),
        ms(p(0.95)),
        ms(worst),
        times.len()
    );
}

async fn timed<F: std::future::Future<Output = anyhow::Result<()>>>(
    runs: usize,
    mut f: impl FnMut() -> F,
) -> anyhow::Result<Vec<Duration>> {
    f().await?; // warm-up, not counted
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        f().await?;
        times.push(started.elapsed());
    }
    Ok(times)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    let store = Store::open(&StoreOptions::new(&a.database)).await?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let now = clock.now();
    let draft: SurveyDraft = serde_json::from_value(serde_json::json!({
    "languages": ["en", "es", "tr"], "title": t("After your visit"),
    "questions": [
        {"kind": "open", "text": t("What happened?")},
        {"kind": "rating", "scale": 5, "required": true, "text": t("How was it?")},
        {"kind": "nps", "text": t("Would you recommend us?")},
        {"kind": "single_choice", "page": 2, "options": [t("Shop"), t("Web")], "text": t("Where?")},
        {"kind": "multiple_choice", "page": 2, "other": true, "options": [t("Price"), t("Staff"), t("Wait")], "text": t("What mattered?")},
        {"kind": "yes_no", "page": 2, "text": t("Solved?")},
    ]}))?;
    let survey = store.create_survey(&draft.validate()?, now).await?;
    let id: SurveyId = survey.id;
    store.publish_survey(id, now).await?;

    let started = Instant::now();
    let at = now.as_microsecond() - a.answers * 1_000_000;
    seed(&a.database, id.0, a.answers, a.batch, at).await?;
    println!(
        "seeded {} complete responses ({} answer rows) in {:.1} s",
        a.answers,
        a.answers * 6,
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    store.refill_survey_tally_days(id).await?;
    println!(
        "rolled up by day in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // The results must be the generator's hand count before anything is timed.
    let state = AppState::new(store.clone(), clock.clone());
    let results = tend_app::surveys::results(&state, id, &TallyFilter::default()).await?;
    let n = a.answers;
    let promoters = (0..n).filter(|i| i % 11 >= 9).count() as f64;
    let detractors = (0..n).filter(|i| i % 11 <= 6).count() as f64;
    // Shown to one decimal, as the results compute it.
    let nps = ((promoters - detractors) / n as f64 * 1000.0).round() / 10.0;
    let mean = (0..n).map(|i| (i % 5 + 1) as f64).sum::<f64>() / n as f64;
    let q = &results.questions;
    anyhow::ensure!(
        results.complete == n as u64,
        "complete {}",
        results.complete
    );
    let got = q[2].nps.as_ref().and_then(|p| p.score).unwrap_or(f64::NAN);
    anyhow::ensure!((got - nps).abs() < 1e-9, "NPS {got} ≠ {nps}");
    let got_mean = q[1].mean.unwrap_or(f64::NAN);
    anyhow::ensure!((got_mean - mean).abs() < 1e-9, "mean {got_mean} ≠ {mean}");
    // A period whose edges fall mid-day: its part-days are counted from the answers.
    let edged = TallyFilter {
        from: Some(jiff::Timestamp::from_microsecond(
            at + 5_400_000_000 + 1_234_567,
        )?),
        to: Some(jiff::Timestamp::from_microsecond(
            now.as_microsecond() - 7_777_000_000,
        )?),
        channel: Some("public".into()),
    };
    for f in [&TallyFilter::default(), &edged] {
        let (rolled, raw) = (
            store.survey_tallies(id, f).await?,
            store.survey_tallies_from_answers(id, f).await?,
        );
        anyhow::ensure!(
            rolled == raw,
            "the roll-up differs from the answers for {f:?}"
        );
    }
    println!("checked: n = {n}, NPS {nps:.1}, mean rating {mean:.2}; roll-up = raw answers");

    // A manager with a token (the API) and a session (the page).
    let email = Email::parse("bench.manager@tend.test").map_err(anyhow::Error::msg)?;
    let name = Name::parse("Bench Manager").map_err(anyhow::Error::msg)?;
    let hash = hash_password("bench password");
    let e = store
        .create_employee(
            &email,
            &name,
            Role::Manager,
            None,
            Tier::FRONT_LINE,
            &hash,
            now,
        )
        .await?;
    let token = store
        .create_token(e.id, Some("bench"), now, &Actor::system("bench"))
        .await?;
    let authed = store.authenticate(&token).await?;
    let ttl = Duration::from_secs(3600);
    let (session, _) = store.create_session(&authed, now, ttl).await?;

    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(tend::server::serve(
        listener,
        state.clone(),
        tend_web::WebConfig::default(),
        std::future::pending(),
    ));
    let client = reqwest::Client::new();

    let in_process = timed(a.runs, || async {
        tend_app::surveys::results(&state, id, &TallyFilter::default()).await?;
        Ok(())
    })
    .await?;
    report("results computed (in-process)", in_process);
    let period = timed(a.runs, || async {
        tend_app::surveys::results(&state, id, &edged).await?;
        Ok(())
    })
    .await?;
    report("results, period with mid-day edges (in-process)", period);
    for (name, search) in [
        ("newest 200 open answers", None),
        ("200 open answers matching \"refund\"", Some("refund")),
    ] {
        let open = timed(a.runs, || async {
            let got = store
                .survey_open_answers(id, &TallyFilter::default(), search, 200)
                .await?;
            anyhow::ensure!(got.len() == 200, "{} open answers", got.len());
            Ok(())
        })
        .await?;
        report(name, open);
    }
    let api = format!("{base}/api/v1/surveys/{}/results", id.0);
    let bearer = format!("Bearer {token}");
    let api_times = timed(a.runs, || async {
        let r = client
            .get(&api)
            .header("Authorization", &bearer)
            .send()
            .await?;
        anyhow::ensure!(r.status() == 200, "the API answered {}", r.status());
        r.bytes().await?;
        Ok(())
    })
    .await?;
    report("GET /api/v1/surveys/{id}/results", api_times);
    let page = format!("{base}/surveys/{}", id.0);
    let cookie = format!("tend_session={session}");
    let page_times = timed(a.runs, || async {
        let r = client.get(&page).header("Cookie", &cookie).send().await?;
        anyhow::ensure!(r.status() == 200, "the page answered {}", r.status());
        let html = r.text().await?;
        anyhow::ensure!(html.contains(&format!("<strong class=\"n\">{n}</strong>")));
        Ok(())
    })
    .await?;
    report("GET /surveys/{id} (the results page)", page_times);
    Ok(())
}
