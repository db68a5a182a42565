//! The timeline: what changed in a complaint, by whom and when. Entries are only ever appended.

use jiff::Timestamp;
use serde::Serialize;

use crate::kernel::ids::{ComplaintId, EmployeeId};

/// One field's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The fields that differ between two snapshots (`ComplaintRecord::snapshot`), in order.
pub fn diff(
    before: &[(&'static str, Option<String>)],
    after: &[(&'static str, Option<String>)],
) -> Vec<Change> {
    before
        .iter()
        .zip(after)
        .filter(|(b, a)| b.1 != a.1)
        .map(|(b, a)| Change {
            field: b.0,
            old: b.1.clone(),
            new: a.1.clone(),
        })
        .collect()
}

/// A stored timeline entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub id: i64,
    pub complaint_id: ComplaintId,
    pub at: Timestamp,
    pub actor_id: Option<EmployeeId>,
    /// Who acted, as shown to people: an employee's name, `customer`, `import` or `system`.
    pub actor: String,
    /// `created`, `edited`, `step_added`, or an action name such as `resolve`.
    pub action: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}
