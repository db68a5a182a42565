//! Surveys: the results computed from the store's counts by the domain's definitions
//! (`results`), shared by the API and the pages; invitations by mail and the response rate
//! (`invite`); the relationship (NPS) schedule with its cooldown (`schedule`); the raw
//! answers' export rows (`export`).

pub mod export;
pub mod invite;
pub mod results;
pub mod schedule;

pub use results::{Bucket, QuestionResult, SurveyResults, results};
