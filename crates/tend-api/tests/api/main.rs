//! API integration tests: each test starts the real server on a free port over a fresh
//! database and drives it over HTTP. Modules mirror the routes.

mod attachments;
mod audit;
mod auth;
mod catalog;
mod channels;
mod complaints;
mod contract;
mod conversations;
mod csat_reasons;
mod customer_data;
mod customers;
mod docs;
mod errors;
mod figures;
mod figures_breakdown;
mod focus_groups;
mod goals;
mod health;
mod help;
mod help_links;
mod hostile;
mod metrics;
mod policy;
mod problems;
mod problems_sources;
mod profile;
mod quotient;
mod revocation;
mod search;
mod segments;
mod survey_invitations;
mod survey_rollup;
mod survey_schedule;
mod training;
mod vision;
use tend_testkit as helpers;
