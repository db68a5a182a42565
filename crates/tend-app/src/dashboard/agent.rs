//! An agent's home: the complaints assigned to them by status, what is due for them by the end
//! of today (their own day, in the reader's zone), and the satisfaction (CSAT) answers given
//! this month (the company's calendar month) about complaints assigned to them, with n.
//!
//! "Due" is a target not reached yet — the first response while none was sent, else the
//! resolution while the complaint is not resolved — whose due time, from the channel's service
//! hours and response standard (`complaints::due`), falls before the reader's next midnight;
//! overdue ones are included.

use jiff::Timestamp;
use jiff::ToSpan;
use jiff::tz::TimeZone;
use tend_domain::complaints::Status;
use tend_domain::goals::Window;
use tend_domain::goals::period::midnight;
use tend_domain::kernel::ids::EmployeeId;
use tend_store::{Complaint, ComplaintFilter, OwnCsat, StoreResult};

use crate::AppState;

/// The most complaints assigned to one agent looked at for "due today" (oldest first).
pub const LOOKED_AT: usize = 1_000;

/// One complaint due: which target and when.
#[derive(Debug, Clone)]
pub struct DueItem {
    pub complaint: Complaint,
    /// `first_response` or `resolution`.
    pub target: &'static str,
    pub due_at: Timestamp,
    pub overdue: bool,
}

/// What an agent's home shows.
#[derive(Debug, Clone)]
pub struct AgentHome {
    /// (status, complaints assigned), in the method's order, every status listed.
    pub queue: Vec<(Status, i64)>,
    pub due: Vec<DueItem>,
    pub month: Window,
    pub csat: OwnCsat,
}

/// The open complaints assigned to `me`, oldest first, at most [`LOOKED_AT`].
async fn open_assigned(s: &AppState, me: EmployeeId) -> StoreResult<Vec<Complaint>> {
    let mut out = Vec::new();
    let mut f = ComplaintFilter {
        assignee_id: Some(me),
        limit: 200,
        oldest_first: true,
        ..ComplaintFilter::default()
    };
    loop {
        let page = s.store.list_complaints(&f).await?;
        out.extend(
            page.items
                .into_iter()
                .filter(|c| !matches!(c.record.status, Status::Resolved | Status::Closed)),
        );
        match page.next {
            Some(next) if out.len() < LOOKED_AT => f.after = Some(next),
            _ => break,
        }
    }
    out.truncate(LOOKED_AT);
    Ok(out)
}

/// `me`'s home as of now; "today" ends at the next midnight in `zone` (the reader's).
pub async fn agent_home(s: &AppState, me: EmployeeId, zone: &TimeZone) -> StoreResult<AgentHome> {
    let now = s.clock.now();
    let counts = s.store.queue_by_status(me).await?;
    let queue = Status::ALL
        .iter()
        .map(|st| {
            let n = counts
                .iter()
                .find(|(code, _)| code == st.as_str())
                .map_or(0, |(_, n)| *n);
            (*st, n)
        })
        .collect();
    let tomorrow = now.to_zoned(zone.clone()).date().saturating_add(1.day());
    let end_of_today = midnight(tomorrow, zone);
    let open = open_assigned(s, me).await?;
    let dues = crate::complaints::due::due_times(s, &open).await?;
    let mut due = Vec::new();
    for (c, d) in open.into_iter().zip(dues) {
        let r = &c.record;
        let next = if r.understanding.first_response_at.is_none() {
            d.first_response.map(|x| ("first_response", x.due_at))
        } else {
            None
        }
        .or_else(|| {
            r.resolution
                .resolved_at
                .is_none()
                .then_some(d.resolution.map(|x| ("resolution", x.due_at)))
                .flatten()
        });
        if let Some((target, due_at)) = next.filter(|(_, at)| *at < end_of_today) {
            due.push(DueItem {
                complaint: c,
                target,
                due_at,
                overdue: due_at <= now,
            });
        }
    }
    due.sort_by_key(|d| (d.due_at, d.complaint.id.0));
    let month = super::this_month(s).await?;
    let csat = s
        .store
        .assignee_csat(me, month.start, month.end.min(now))
        .await?;
    Ok(AgentHome {
        queue,
        due,
        month,
        csat,
    })
}
