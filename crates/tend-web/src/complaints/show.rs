//! What pages show of complaints: list rows and due times in words, instants in the reader's
//! zone (staff: `Staff::zone`; customers: `tend_app::i18n::zones::customer_zone`). Due times are
//! computed in the channel's zone and shown in the reader's, the zone named.

use jiff::tz::TimeZone;
use tend_domain::catalog::ChannelCode;
use tend_domain::channels::response_standard::{Due, TargetState};
use tend_domain::customers::Customer;
use tend_store::Complaint;

use crate::WebState;
use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;

/// The time zone a customer reads instants in: their country's main zone, else the zone of
/// `channel`'s service hours (`tend_app::i18n::zones::customer_zone`).
pub async fn customer_zone(
    s: &WebState,
    customer: &Customer,
    channel: &ChannelCode,
) -> PageResult<TimeZone> {
    Ok(tend_app::i18n::zones::customer_zone(&s.store, customer, channel).await?)
}

/// A due time in words: when, and how it stands (`ok`, `warn`, `late`, `paused`).
pub struct DueText {
    pub at: String,
    pub state: String,
    pub class: &'static str,
}

impl DueText {
    pub fn new(due: Option<Due>, t: &Tr, tz: &TimeZone) -> Option<DueText> {
        let d = due?;
        let (state, class) = match d.state {
            TargetState::Met => (t.get("due-met"), "ok"),
            TargetState::Breached => (t.get("due-breached"), "late"),
            TargetState::Paused { .. } => (t.get("due-paused"), "paused"),
            TargetState::Pending { minutes_left } => (
                t.arg("due-left", "time", &duration(minutes_left, t)),
                if minutes_left < 60 { "warn" } else { "ok" },
            ),
        };
        Some(DueText {
            at: t.datetime(&d.due_at, tz),
            state,
            class,
        })
    }
}

/// `95` minutes → `1 h 35 min`.
pub fn duration(minutes: i64, t: &Tr) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => t.arg("duration-minutes", "m", &m.to_string()),
        (h, 0) => t.arg("duration-hours", "h", &h.to_string()),
        (h, m) => format!(
            "{} {}",
            t.arg("duration-hours", "h", &h.to_string()),
            t.arg("duration-minutes", "m", &m.to_string())
        ),
    }
}

/// One complaint in a list.
pub struct Row {
    pub id: i64,
    pub reference: String,
    pub received: String,
    pub customer_id: i64,
    pub customer: String,
    pub summary: String,
    /// The summary in pieces, `true` where a search matched (see `mark_matches`).
    pub summary_marked: Vec<(String, bool)>,
    /// The customer's name in pieces, `true` where a search matched.
    pub customer_marked: Vec<(String, bool)>,
    pub kind: String,
    pub status: String,
    pub status_code: &'static str,
    pub priority: String,
    pub priority_code: &'static str,
    pub channel: String,
    pub due: Option<DueText>,
    pub escalated: bool,
    pub waiting: bool,
    pub outcome: Option<String>,
}

/// The first line of a text, cut at `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.chars().count() > max {
        let cut: String = line.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_owned()
    }
}

/// Rows for `complaints`: their due times and customers' names (one query), instants in `tz`,
/// the reader's zone.
pub async fn rows(
    s: &WebState,
    t: &Tr,
    tz: &TimeZone,
    complaints: &[Complaint],
) -> PageResult<Vec<Row>> {
    let views = tend_app::complaints::due::due_times(s, complaints).await?;
    let ids: Vec<_> = complaints.iter().map(|c| c.record.customer_id).collect();
    let names = s.store.customer_names(&ids).await?;
    let mut out = Vec::with_capacity(complaints.len());
    for (c, v) in complaints.iter().zip(views) {
        let r = &c.record;
        let due = if r.resolution.resolved_at.is_none() {
            v.first_response
                .filter(|_| r.understanding.first_response_at.is_none())
                .or(v.resolution)
        } else {
            None
        };
        let summary = excerpt(r.subject.as_deref().unwrap_or(&r.description), 90);
        let customer = names.get(&r.customer_id).cloned().unwrap_or_default();
        out.push(Row {
            id: c.id.0,
            summary_marked: vec![(summary.clone(), false)],
            customer_marked: vec![(customer.clone(), false)],
            reference: c.reference.clone(),
            received: t.datetime(&r.received_at, tz),
            customer_id: r.customer_id.0,
            customer,
            summary,
            kind: t.label("kind", r.kind.as_str()),
            status: t.label("status", r.status.as_str()),
            status_code: r.status.as_str(),
            priority: t.label("priority", r.priority.as_str()),
            priority_code: r.priority.as_str(),
            channel: t.label_or("channel", r.channel.as_str()),
            due: DueText::new(due, t, tz),
            escalated: r.escalated(),
            waiting: r.waiting.is_some(),
            outcome: r
                .follow_up
                .answer
                .as_ref()
                .map(|a| a.outcome)
                .map(|o| t.label("outcome", o.as_str())),
        });
    }
    Ok(out)
}

/// Marks in each row's summary and customer name the words a search `q` matched, by the
/// search's own rules (`tend_domain::kernel::search_text::highlight`); the pieces stay text and
/// are escaped by the template like any other.
pub fn mark_matches(rows: &mut [Row], q: &str) {
    use tend_domain::kernel::search_text::{highlight, query_words};
    let words = query_words(q);
    if words.is_empty() {
        return;
    }
    let owned = |text: &str| {
        highlight(text, &words)
            .into_iter()
            .map(|(p, m)| (p.to_owned(), m))
            .collect::<Vec<_>>()
    };
    for r in rows {
        r.summary_marked = owned(&r.summary);
        r.customer_marked = owned(&r.customer);
    }
}
