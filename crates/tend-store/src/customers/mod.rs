//! Customers: create, read, update and list, with re-imports matched on `external_ref`, and
//! display names for pages that list many complaints.

mod names;
mod profile;
mod read;
mod rows;
mod write;

pub(crate) use write::{insert_new, remove_new, upsert_batch};

use jiff::Timestamp;
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::CustomerId;

#[derive(Debug, Clone, PartialEq)]
pub struct StoredCustomer {
    pub id: CustomerId,
    pub customer: Customer,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

pub struct CustomerPage {
    pub items: Vec<StoredCustomer>,
    /// Pass as `after` for the next page.
    pub next: Option<CustomerId>,
}
