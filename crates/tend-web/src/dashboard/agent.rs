//! An agent's home as the page shows it: their queue by status (each count linking to the
//! inbox with that filter), what is due for them by the end of their day, and their own
//! satisfaction (CSAT) this month with n.

use tend_app::dashboard::agent::AgentHome;
use tend_domain::goals::Scale;
use tend_domain::goals::Tally;

use crate::goals::shown;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;

/// A status of the queue.
pub struct QueueRow {
    pub status: String,
    pub n: i64,
    pub link: String,
}

/// A complaint due.
pub struct DueRow {
    pub id: i64,
    pub reference: String,
    pub summary: String,
    pub target: String,
    pub due_at: String,
    pub overdue: bool,
}

/// The agent's page's figures.
pub struct AgentView {
    pub queue: Vec<QueueRow>,
    pub due: Vec<DueRow>,
    pub month: String,
    pub csat: String,
    pub csat_n: String,
}

/// The page's figures from `home`, in the reader's language and zone.
pub fn view(t: &Tr, staff: &Staff, home: &AgentHome) -> AgentView {
    let tally = Tally {
        numerator: home.csat.satisfied,
        denominator: home.csat.answers,
    };
    AgentView {
        queue: home
            .queue
            .iter()
            .map(|(st, n)| QueueRow {
                status: t.label("status", st.as_str()),
                n: *n,
                link: format!("/inbox?mine=1&status={}", st.as_str()),
            })
            .collect(),
        due: home
            .due
            .iter()
            .map(|d| DueRow {
                id: d.complaint.id.0,
                reference: d.complaint.reference.clone(),
                summary: d
                    .complaint
                    .record
                    .subject
                    .clone()
                    .unwrap_or_else(|| d.complaint.record.description.chars().take(80).collect()),
                target: t.get(&format!("dashboard-due-{}", d.target.replace('_', "-"))),
                due_at: t.datetime(&d.due_at, staff.tz()),
                overdue: d.overdue,
            })
            .collect(),
        month: home.month.label.clone(),
        csat: shown(t, tally.value(Scale::Percent), Scale::Percent),
        csat_n: crate::goals::n(t, tally),
    }
}
