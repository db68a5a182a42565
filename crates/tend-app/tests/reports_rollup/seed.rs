//! The story's complaints: a deterministic mix of every shape, and the writes that mark days.

use sqlx::AnyConnection;

pub const DAY: i64 = 86_400_000_000;
pub const HOUR: i64 = 3_600_000_000;
/// 2024-10-04 00:00 UTC (day 20,000).
pub const T0: i64 = 20_000 * DAY;

pub async fn run(c: &mut AnyConnection, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut *c)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A small deterministic generator (numbers from 0 to n − 1).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: i64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as i64
    }
}

fn opt(v: Option<i64>) -> String {
    v.map_or("NULL".to_owned(), |v| v.to_string())
}

pub async fn seed(c: &mut AnyConnection) {
    for (i, parent) in [(1, "NULL"), (2, "1"), (3, "2"), (4, "NULL")] {
        run(c, &format!("INSERT INTO categories (id, name, parent_id, created_at) VALUES ({i}, 'Cat {i}', {parent}, {T0})")).await;
    }
    for i in 1..=3 {
        run(
            c,
            &format!("INSERT INTO products (id, name, created_at) VALUES ({i}, 'P{i}', {T0})"),
        )
        .await;
    }
    for (i, team) in [(1, "'a'"), (2, "'a'"), (3, "'b'"), (4, "NULL")] {
        run(c, &format!("INSERT INTO employees (id, email, name, role, team, created_at) VALUES ({i}, 'e{i}@x.test', 'E{i}', 'agent', {team}, {T0})")).await;
    }
    for i in 1..=12 {
        run(c, &format!("INSERT INTO customers (id, name, created_at, updated_at) VALUES ({i}, 'c{i}', {T0}, {T0})")).await;
    }
    let mut g = Lcg(7);
    for id in 1..=260i64 {
        let received = T0 - 20 * DAY + g.next(50 * DAY / HOUR) * HOUR + g.next(HOUR);
        let channel = ["phone", "email", "web"][g.next(3) as usize];
        let kind = if id % 41 == 0 {
            "feedback"
        } else {
            "complaint"
        };
        let pick = |g: &mut Lcg, n: i64| {
            let v = g.next(n + 1);
            (v > 0).then_some(v)
        };
        let (category, product, assignee) = (pick(&mut g, 4), pick(&mut g, 3), pick(&mut g, 4));
        let tier = g.next(4);
        let responded = g.next(4) > 0;
        let fr = |g: &mut Lcg| responded.then(|| g.next(600));
        let (frm, frs) = (fr(&mut g), fr(&mut g));
        let within = responded.then(|| g.next(3)).filter(|w| *w < 2);
        let resolved = g.next(3) > 0;
        let first_resolved = resolved.then(|| received + g.next(10 * DAY / HOUR) * HOUR + 7);
        let closed = (g.next(5) == 0).then(|| first_resolved.unwrap_or(received) + g.next(3 * DAY));
        let (rm, rs) = if resolved {
            (Some(g.next(900)), Some(g.next(90_000)))
        } else {
            (None, None)
        };
        let (fm, fs) = if resolved {
            (Some(g.next(900)), Some(g.next(90_000)))
        } else {
            (None, None)
        };
        let customer = 1 + g.next(12);
        run(c, &format!(
            "INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, \
             priority, tier, source, version, created_at, updated_at, category_id, product_id, assignee_id, \
             first_response_minutes, first_response_seconds, first_response_within, first_resolved_at, \
             resolved_at, closed_at, first_resolution_minutes, first_resolution_seconds, \
             final_resolution_minutes, final_resolution_seconds) VALUES ({id}, '{kind}', 'received', \
             {customer}, '{channel}', {received}, 'x', 'normal', {tier}, 'api', 1, {received}, {received}, \
             {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
            opt(category), opt(product), opt(assignee), opt(frm), opt(frs), opt(within),
            opt(first_resolved), opt(first_resolved), opt(closed), opt(rm), opt(rs), opt(fm), opt(fs)
        )).await;
        // Every seventh resolved one reopened: once, or twice with the second still open.
        if let (Some(t), true) = (first_resolved, id % 7 == 0) {
            let a = t + g.next(2 * DAY);
            let e = a + g.next(3 * DAY);
            run(c, &format!("INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at) VALUES ({id}, {a}, {e})")).await;
            if id % 2 == 0 {
                let b = e + g.next(DAY);
                run(c, &format!("INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at) VALUES ({id}, {b}, NULL)")).await;
                run(
                    c,
                    &format!("UPDATE complaints SET resolved_at = NULL WHERE id = {id}"),
                )
                .await;
            }
        }
    }
    // Closed without a resolution, reopened, then resolved: the spell overlaps the first.
    let at = T0 + 3 * HOUR;
    run(c, &format!(
        "INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, priority, \
         tier, source, version, created_at, updated_at, closed_at, first_resolved_at, resolved_at) VALUES \
         (900, 'complaint', 'resolved', 3, 'web', {at}, 'x', 'normal', 1, 'api', 1, {at}, {at}, {}, {}, {})",
        at + DAY, at + 3 * DAY, at + 3 * DAY
    )).await;
    run(c, &format!("INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at) VALUES (900, {}, {})", at + 2 * DAY, at + 3 * DAY)).await;
    run(c, "UPDATE complaints SET merged_into = 3 WHERE id = 5").await;
    run(
        c,
        &format!("UPDATE complaints SET deleted_at = {T0} WHERE id = 6"),
    )
    .await;
}

/// Writes of every kind, each marking days.
pub async fn change(c: &mut AnyConnection) {
    for sql in [
        format!("UPDATE complaints SET first_resolved_at = received_at + {0}, resolved_at = received_at + {0}, first_resolution_minutes = 33, first_resolution_seconds = 4000, final_resolution_minutes = 33, final_resolution_seconds = 4000 WHERE id = (SELECT MIN(id) FROM complaints WHERE first_resolved_at IS NULL AND closed_at IS NULL AND id > 20)", 5 * DAY),
        "UPDATE complaints SET channel = 'email' WHERE id = 11".to_owned(),
        "UPDATE complaints SET category_id = 3, product_id = NULL, assignee_id = 2, tier = 3 WHERE id = 12".to_owned(),
        format!("UPDATE complaints SET deleted_at = {T0} WHERE id = 13"),
        "UPDATE complaints SET merged_into = 15 WHERE id = 14".to_owned(),
        "UPDATE complaints SET deleted_at = NULL WHERE id = 6".to_owned(),
        "UPDATE complaints SET customer_id = 1, first_response_seconds = 5, first_response_within = 1 WHERE id = 16".to_owned(),
        format!("UPDATE complaints SET received_at = received_at - {DAY} WHERE id = 17"),
        format!("INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at) SELECT id, first_resolved_at + {HOUR}, NULL FROM complaints WHERE id = (SELECT MIN(id) FROM complaints WHERE first_resolved_at IS NOT NULL AND id > 30 AND id NOT IN (SELECT complaint_id FROM complaint_reopens))"),
        format!("UPDATE complaint_reopens SET ended_at = reopened_at + {DAY} WHERE ended_at IS NULL AND complaint_id = (SELECT MIN(complaint_id) FROM complaint_reopens WHERE ended_at IS NULL)"),
        "DELETE FROM complaint_reopens WHERE complaint_id = 900".to_owned(),
        format!("INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, priority, tier, source, version, created_at, updated_at) VALUES (950, 'complaint', 'received', 2, 'phone', {0}, 'x', 'normal', 2, 'api', 1, {0}, {0})", T0 + 9 * DAY + 5),
        "DELETE FROM complaints WHERE id = 19 AND id NOT IN (SELECT complaint_id FROM complaint_reopens)".to_owned(),
    ] {
        run(c, &sql).await;
    }
}

/// The segments the queries narrow to: 1, the customers in Türkiye (1–9 of 12; 12 has no
/// country, so it is an outsider by an unknown comparison); 2, every customer; 3, those in
/// Spain (10 and 11).
pub async fn segments(store: &tend_store::Store, c: &mut AnyConnection) {
    run(c, "UPDATE customers SET country = 'TR' WHERE id <= 9").await;
    run(
        c,
        "UPDATE customers SET country = 'ES' WHERE id IN (10, 11)",
    )
    .await;
    for (name, country) in [
        ("Türkiye", Some("TR")),
        ("All", None),
        ("Spain", Some("ES")),
    ] {
        let draft = tend_domain::segments::SegmentDraft {
            name: Some(name.to_owned()),
            country: country.map(str::to_owned),
            ..Default::default()
        };
        let at = jiff::Timestamp::from_microsecond(T0).unwrap();
        tend_app::segments::create(store, &draft, tend_domain::kernel::ids::EmployeeId(1), at)
            .await
            .unwrap();
    }
}
