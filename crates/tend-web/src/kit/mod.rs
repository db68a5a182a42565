//! The pages' kit: errors rendered as pages, languages, sessions and CSRF, rate limits, and
//! form fields' errors and selects' choices. Every capability's pages stand on it; it knows none of them.

pub mod chart;
pub mod cookies;
pub mod error;
pub mod fields;
pub mod form;
pub mod i18n;
pub mod limits;
pub mod redirect;
pub mod select;
pub mod session;
pub mod upload;
