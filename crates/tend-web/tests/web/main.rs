//! Web page tests: the real server on a free port over a fresh database, driven like a
//! browser (cookies, forms with their CSRF tokens, redirects followed by hand).

use tend_testkit as helpers;

mod access;
mod attachments;
mod audit;
mod browser;
mod complaint_fate;
mod consent;
mod conversations;
mod csat_page;
mod customer_data;
mod dashboard;
mod dead_jobs;
mod figures;
mod focus_groups;
mod goals;
mod help;
mod help_deflect;
mod help_staff;
mod i18n;
mod intake;
mod journey;
mod mail_auth;
mod plan;
mod plan_page;
mod public;
mod quarantine;
mod quotient;
mod redirects;
mod references;
mod reports;
mod search;
mod security;
mod segments;
mod settings;
mod setup;
mod sign_in;
mod strict_forms;
mod survey_api;
mod survey_build;
mod survey_codes;
mod survey_expiry;
mod survey_invite;
mod surveys;
mod zones;
