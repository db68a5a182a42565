//! API integration tests: each test starts the real server on a free port over a fresh
//! database and drives it over HTTP. Modules mirror the routes.

mod auth;
mod catalog;
mod channels;
mod complaints;
mod customers;
mod errors;
mod health;
mod help;
use tend_testkit as helpers;
