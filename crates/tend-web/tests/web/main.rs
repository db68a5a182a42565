//! Web page tests: the real server on a free port over a fresh database, driven like a
//! browser (cookies, forms with their CSRF tokens, redirects followed by hand).

use tend_testkit as helpers;

mod browser;
mod help;
mod i18n;
mod intake;
mod journey;
mod public;
mod references;
mod security;
mod settings;
mod sign_in;
