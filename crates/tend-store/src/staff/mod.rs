//! Staff: employees, API tokens and passwords, web sessions and invitations — who may act in
//! Tend and how they prove it.

mod auth;
mod employees;
mod sessions;
mod setup;

pub use auth::{AuthedEmployee, hash_password, new_password, new_token, verify_password};
pub use sessions::{Invite, Session};
pub use setup::FirstRun;
