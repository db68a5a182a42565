//! The Tend binary's library: [`server`], the API and the pages composed into one web server,
//! for `tend serve` and for the tests that drive the real server, and its [`metrics`].

pub mod metrics;
pub mod server;
