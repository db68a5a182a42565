//! The scenario's customers, purchases, complaints and satisfaction answers. The clock stands
//! at 2026-03-06T15:30Z (year 2026). Hand-computed facts are in each test.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

use crate::helpers::{TestApp, now};

/// `days` days before the clock, as microseconds.
fn ago_us(days: i64) -> i64 {
    (now() - SignedDuration::from_hours(days * 24)).as_microsecond()
}

fn ago(days: i64) -> String {
    (now() - SignedDuration::from_hours(days * 24)).to_string()
}

pub async fn sql(app: &TestApp, statement: &str) {
    tend_store::testing::execute(&app.database_url, statement)
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

/// The customers, by letter: A Ana … I Iker (ids in that order).
pub struct People {
    pub ids: Vec<i64>,
}

impl People {
    pub fn id(&self, letter: char) -> i64 {
        self.ids[(letter as u8 - b'A') as usize]
    }
}

async fn purchase(
    app: &TestApp,
    customer: i64,
    days: i64,
    amount: &str,
    currency: &str,
    returned: bool,
) {
    let t = json!({"customer_id": customer, "occurred_at": ago(days), "amount": amount,
        "currency": currency, "returned": returned});
    app.post_json("/api/v1/transactions", &app.agent.token, &t)
        .await
        .expect(201);
}

/// A complaint as stored; `extra` sets one more column (`deleted_at`, `merged_into`).
async fn complaint(
    app: &TestApp,
    id: i64,
    customer: i64,
    kind: &str,
    days: i64,
    extra: Option<(&str, i64)>,
) {
    let r = ago_us(days);
    let (col, val) = extra.map_or((String::new(), String::new()), |(c, v)| {
        (format!(", {c}"), format!(", {v}"))
    });
    sql(app, &format!(
        "INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, \
         priority, tier, source, version, created_at, updated_at{col}) VALUES ({id}, '{kind}', \
         'received', {customer}, 'web', {r}, 'x', 'normal', 1, 'api', 1, {r}, {r}{val})"
    ))
    .await;
}

async fn csat(app: &TestApp, id: i64, complaint: i64, rating: i64, days: i64) {
    let t = ago_us(days);
    sql(app, &format!(
        "INSERT INTO csat_requests (id, complaint_id, resolved_at, created_at) VALUES ({id}, {complaint}, {t}, {t})"
    ))
    .await;
    sql(app, &format!(
        "INSERT INTO csat_answers (request_id, rating, scale, answered_at) VALUES ({id}, {rating}, 5, {t})"
    ))
    .await;
}

/// Every record of the scenario.
pub async fn scenario(app: &TestApp) -> People {
    #[rustfmt::skip]
    let people: [Value; 9] = [
        json!({"name": "Ana", "birth_year": 1995, "country": "ES", "city": "Madrid", "gender": "female", "education_level": "bachelor", "preferred_language": "es", "preferred_channel": "web"}),
        json!({"name": "Bea", "birth_year": 1992, "country": "ES", "city": "Madrid", "gender": "female", "education_level": "master", "preferred_language": "es", "preferred_channel": "web"}),
        json!({"name": "Carlos", "birth_year": 1991, "country": "ES", "city": "Sevilla", "gender": "male", "education_level": "bachelor", "preferred_language": "es", "preferred_channel": "web"}),
        json!({"name": "Dani", "birth_year": 2000, "country": "ES", "city": "Valencia", "gender": "male", "education_level": "secondary", "preferred_language": "en", "preferred_channel": "web"}),
        json!({"name": "Elif", "birth_year": 1998, "country": "TR", "city": "İstanbul", "gender": "female", "preferred_language": "tr", "preferred_channel": "web"}),
        json!({"name": "Fer", "birth_year": 2001, "country": "ES", "city": "Madrid", "gender": "other", "preferred_language": "es", "preferred_channel": "web"}),
        json!({"name": "Gema", "birth_year": 2004, "country": "ES", "city": "Barcelona", "gender": "female", "education_level": "vocational", "preferred_language": "ca", "preferred_channel": "web"}),
        json!({"name": "Hugo", "country": "ES", "preferred_language": "es", "preferred_channel": "web"}),
        json!({"name": "Iker", "birth_year": 1999, "country": "ES", "city": "Madrid", "gender": "male", "education_level": "bachelor", "preferred_language": "es", "preferred_channel": "phone"}),
    ];
    let mut ids = Vec::new();
    for p in &people {
        ids.push(
            app.post_json("/api/v1/customers", &app.agent.token, p)
                .await
                .expect(201)["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let p = People { ids };
    let c = |l| p.id(l);
    // Purchases: (customer, days ago, amount, currency, returned).
    #[rustfmt::skip]
    let buys = [
        ('A', 10, "30.00", "EUR", false),
        ('B', 100, "40.00", "EUR", false), ('B', 200, "40.00", "EUR", false),
        ('C', 5, "60.00", "EUR", false),
        ('D', 3, "100.00", "EUR", true),
        ('E', 3, "20.00", "EUR", false),
        ('F', 400, "20.00", "EUR", false),
        ('G', 1, "10.00", "EUR", false), ('G', 2, "100.00", "USD", false),
        ('H', 1, "5.00", "EUR", false),
        ('I', 1, "5.00", "EUR", false),
    ];
    for (l, days, amount, cur, returned) in buys {
        purchase(app, c(l), days, amount, cur, returned).await;
    }
    // Complaints: 901, 902 Ana's; 903 Bea's a year and more ago; 904 Carlos's, 905 his deleted
    // one; 906 Gema's feedback; 907 Ana's, merged into 901.
    complaint(app, 901, c('A'), "complaint", 2, None).await;
    complaint(app, 902, c('A'), "complaint", 20, None).await;
    complaint(app, 903, c('B'), "complaint", 400, None).await;
    complaint(app, 904, c('C'), "complaint", 1, None).await;
    complaint(
        app,
        905,
        c('C'),
        "complaint",
        2,
        Some(("deleted_at", ago_us(1))),
    )
    .await;
    complaint(app, 906, c('G'), "feedback", 3, None).await;
    complaint(
        app,
        907,
        c('A'),
        "complaint",
        10,
        Some(("merged_into", 901)),
    )
    .await;
    // CSAT: Ana 5 and 2; Carlos 5; Bea 4 but 399 days ago.
    csat(app, 1, 901, 5, 1).await;
    csat(app, 2, 902, 2, 15).await;
    csat(app, 3, 904, 5, 1).await;
    csat(app, 4, 903, 4, 399).await;
    p
}

/// The instant the clock stands at.
pub fn at() -> Timestamp {
    now()
}
