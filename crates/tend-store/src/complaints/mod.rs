//! Complaints: the stored complaint and who changed it, and the modules that keep it — reads,
//! rule-checked changes with their timeline and steps, bulk imports, the group commit of new complaints,
//! keyset listing and customers' status links.

mod bulk_sqlite;
mod change;
mod copy;
mod copy_text;
mod counted;
mod days;
mod fate;
mod group_commit;
mod import;
mod insert;
pub(crate) mod list;
mod purge;
mod read;
mod refs;
mod retention;
mod rider;
mod rows;
mod status_links;
mod step_rows;

pub use change::{ChangeFn, Entry, Write};
pub(crate) use counted::{COUNTED, counted};
pub use fate::Fate;
pub use import::{ComplaintImport, Import};
pub(crate) use insert::insert_batch;
pub use list::{ComplaintFilter, ComplaintPage, Cursor};
pub use rider::Rider;
pub(crate) use rows::{SELECT, from_row};

use jiff::Timestamp;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::kernel::ids::{ComplaintId, EmployeeId};

/// Who made a change, as the timeline records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: Option<EmployeeId>,
    pub label: String,
}

impl Actor {
    pub fn employee(id: EmployeeId, name: &str) -> Self {
        Actor {
            id: Some(id),
            label: name.to_owned(),
        }
    }

    pub fn system(label: &str) -> Self {
        Actor {
            id: None,
            label: label.to_owned(),
        }
    }
}

/// A stored complaint.
#[derive(Debug, Clone, PartialEq)]
pub struct Complaint {
    pub id: ComplaintId,
    pub reference: String,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub record: ComplaintRecord,
}

/// How an import ended: rows stored, and rows already present (matched on their source id).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub inserted: u64,
    pub already_present: u64,
}
