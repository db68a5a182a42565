//! One module per command of the binary.

pub mod admin;
pub mod channels;
pub mod demo;
pub mod export;
pub mod import;
pub mod serve;
pub mod signal;
pub mod survey_answers;
pub mod work;
