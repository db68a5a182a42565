//! Surveys: a survey's definition (questions of six kinds, every text in each of the survey's
//! languages), its life (draft → open → closed), the answers a respondent may give, and the
//! results' definitions (distributions, mean, median, NPS and its interval).

mod answer;
mod definition;
mod invitation;
mod results;
mod settings;

pub use answer::{Answer, RawAnswer};
pub use definition::{
    Kind, KindName, LANGUAGES, MAX_OPTIONS, MAX_QUESTIONS, Question, QuestionDraft, Survey,
    SurveyDraft, Texts,
};
pub use invitation::{InvitationStatus, link_expires_at};
pub use results::{Histogram, NPS_INTERVAL_MIN, Nps, response_rate, round1};
pub use settings::SurveySettings;

use serde::{Deserialize, Serialize};

use crate::kernel::reason::{Reason, SURVEY_NOT_DRAFT, SURVEY_NOT_OPEN};

/// Where a survey is in its life. Only a draft changes; only an open survey takes answers;
/// a closed survey keeps its results.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SurveyStatus))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Open,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        [Status::Draft, Status::Open, Status::Closed]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// Refused unless a draft: `survey_not_draft`.
    pub fn check_draft(self) -> Result<(), Reason> {
        match self {
            Status::Draft => Ok(()),
            _ => Err(SURVEY_NOT_DRAFT.into()),
        }
    }

    /// Refused unless open: `survey_not_open`.
    pub fn check_open(self) -> Result<(), Reason> {
        match self {
            Status::Open => Ok(()),
            _ => Err(SURVEY_NOT_OPEN.into()),
        }
    }
}

/// A survey's row id.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SurveyId(pub i64);

impl std::fmt::Display for SurveyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
