//! Customers: create, read, update and list, with re-imports matched on `external_ref`, and
//! display names for pages that list many complaints.

mod anonymise;
mod consent;
mod export;
mod names;
mod people;
mod profile;
mod read;
mod rows;
mod search;
mod write;

pub use anonymise::{ANONYMOUS_NAME, ERASED};
pub use consent::ConsentEntry;
pub(crate) use consent::log_new_consents;
pub use profile::{PROFILE_FIELDS, ProfileCounts};
pub(crate) use rows::fold;
pub(crate) use search::catch_up as catch_up_search;

pub(crate) use people::upsert_batch;
pub(crate) use people::{KEY_COLUMNS, person_keys, slots};
pub(crate) use rows::{COLUMNS as CUSTOMER_COLUMNS, values as customer_values};
pub(crate) use write::{insert_new, remove_new};

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
