//! Staff: employees, API tokens and passwords, web sessions and invitations — who may act in
//! Tend and how they prove it.

mod auth;
mod company;
mod employees;
mod sessions;
mod setup;

pub use auth::{AuthedEmployee, hash_password, new_password, new_token, verify_password};
pub use company::CompanySettings;
pub use sessions::{Invite, Session};
pub use setup::FirstRun;
