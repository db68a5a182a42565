//! The operations report as rows of plain values, for the CSV export: one row per period and
//! group (group empty for the period's total), numbers unformatted (durations as numbers of
//! minutes or seconds, shares as percentages with two decimals), instants in RFC 3339.

use tend_domain::reports::report::{Figures, OperationsReport};
use tend_domain::reports::{Share, Times};

/// The CSV's columns, in order.
/// (The reopen columns came last, after `time_zone`, so earlier columns keep their places.)
pub const CSV_HEADER: [&str; 30] = [
    "period",
    "start",
    "end",
    "group",
    "received_complaints",
    "received_customers",
    "resolved_complaints",
    "resolved_customers",
    "open_at_end",
    "first_response_n",
    "first_response_service_minutes_median",
    "first_response_service_minutes_p90",
    "first_response_calendar_seconds_median",
    "first_response_calendar_seconds_p90",
    "first_resolution_n",
    "first_resolution_service_minutes_median",
    "first_resolution_service_minutes_p90",
    "first_resolution_calendar_seconds_median",
    "first_resolution_calendar_seconds_p90",
    "final_resolution_n",
    "final_resolution_service_minutes_median",
    "final_resolution_service_minutes_p90",
    "final_resolution_calendar_seconds_median",
    "final_resolution_calendar_seconds_p90",
    "within_standard",
    "within_standard_n",
    "within_standard_percent",
    "time_zone",
    "reopened_complaints",
    "reopened_customers",
];

fn num(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.2}")).unwrap_or_default()
}

fn times(service: &Times, calendar: &Times) -> [String; 5] {
    [
        service.n.to_string(),
        num(service.median),
        num(service.p90),
        num(calendar.median),
        num(calendar.p90),
    ]
}

fn row(
    label: &str,
    start: String,
    end: String,
    group: &str,
    f: &Figures,
    zone: &str,
) -> Vec<String> {
    let Share { within, n, percent } = f.first_response_within_standard;
    let mut out = vec![
        label.to_owned(),
        start,
        end,
        group.to_owned(),
        f.received.complaints.to_string(),
        f.received.customers.to_string(),
        f.resolved.complaints.to_string(),
        f.resolved.customers.to_string(),
        f.open_at_end.to_string(),
    ];
    out.extend(times(
        &f.first_response_service_minutes,
        &f.first_response_calendar_seconds,
    ));
    out.extend(times(
        &f.first_resolution_service_minutes,
        &f.first_resolution_calendar_seconds,
    ));
    out.extend(times(
        &f.final_resolution_service_minutes,
        &f.final_resolution_calendar_seconds,
    ));
    out.extend([
        within.to_string(),
        n.to_string(),
        num(percent),
        zone.to_owned(),
        f.reopened.complaints.to_string(),
        f.reopened.customers.to_string(),
    ]);
    out
}

/// The report's rows under [`CSV_HEADER`]: each period's total then its groups, then the
/// whole range's total.
pub fn csv_rows(r: &OperationsReport) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for p in r.periods.iter().chain(std::iter::once(&r.range)) {
        let (s, e) = (p.start.to_string(), p.end.to_string());
        out.push(row(
            &p.label,
            s.clone(),
            e.clone(),
            "",
            &p.total,
            &r.time_zone,
        ));
        for c in &p.groups {
            out.push(row(
                &p.label,
                s.clone(),
                e.clone(),
                &c.key,
                &c.figures,
                &r.time_zone,
            ));
        }
    }
    out
}
