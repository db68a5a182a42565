//! Tend's domain: validated types and the rules of the resolution method. No I/O lives here.
//!
//! Everything that crosses into Tend (API bodies, CSV rows, CLI flags) is parsed into the
//! types of this crate first; a value of a type from here is valid by construction.

pub mod catalog;
pub mod clock;
pub mod complaint;
pub mod customer;
pub mod employee;
pub mod error;
pub mod ids;
pub mod lifecycle;
pub mod money;
pub mod response_standard;
pub mod service_hours;
pub mod sla;
pub mod text;
pub mod timeline;
pub mod transaction;

pub use error::{DomainError, FieldErrors};
pub use jiff::Timestamp;
