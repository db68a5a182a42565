//! Tend's domain: validated types and the rules of the resolution method. No I/O lives here.
//!
//! Everything that crosses into Tend (API bodies, CSV rows, CLI flags) is parsed into the
//! types of this crate first; a value of a type from here is valid by construction.

pub mod catalog;
pub mod channels;
pub mod complaints;
pub mod conversations;
pub mod csat;
pub mod customers;
pub mod figures;
pub mod focus_groups;
pub mod goals;
pub mod help;
pub mod kernel;
pub mod policy;
pub mod problems;
pub mod quotient;
pub mod reports;
pub mod segments;
pub mod staff;
pub mod surveys;
pub mod training;
pub mod transactions;
pub mod vision;

pub use jiff::Timestamp;
pub use kernel::error::{DomainError, FieldErrors};
