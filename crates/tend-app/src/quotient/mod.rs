//! The customer service quotient's use cases: submitting an assessment (to the named round, or
//! by default the calendar quarter it is submitted in, UTC) and reading the rounds back with the
//! business's scores, each respondent's, the spread, the trend per area and the weakest areas.

use jiff::Timestamp;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::quotient::round::RoundScore;
use tend_domain::quotient::{Area, round::Ratio};
use tend_domain::quotient::{Assessment, AssessmentDraft};
use tend_store::{StoreResult, StoredAssessment};

use crate::AppState;

/// The default round of an assessment submitted at `now`: its calendar quarter in UTC,
/// e.g. `2026-Q1`.
pub fn default_round(now: Timestamp) -> String {
    let d = now.to_zoned(jiff::tz::TimeZone::UTC);
    format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

/// Validates and stores one respondent's assessment, submitted by `employee`.
pub async fn submit(
    s: &AppState,
    draft: &AssessmentDraft,
    employee: EmployeeId,
) -> StoreResult<StoredAssessment> {
    let a: Assessment = draft.validate()?;
    let now = s.clock.now();
    let round = match &a.round {
        Some(r) => r.to_string(),
        None => default_round(now),
    };
    s.store.create_assessment(&a, &round, employee, now).await
}

/// One round: its label and its assessments (at least one), oldest first.
#[derive(Debug, Clone)]
pub struct Round {
    pub label: String,
    pub answers: Vec<StoredAssessment>,
    assessments: Vec<Assessment>,
}

impl Round {
    /// The business's scores for this round (see `tend_domain::quotient::round`).
    pub fn score(&self) -> RoundScore<'_> {
        RoundScore::new(&self.assessments).expect("a stored round has answers")
    }
}

/// Every round, oldest first.
pub async fn rounds(s: &AppState) -> StoreResult<Vec<Round>> {
    let rounds = s.store.quotient_rounds().await?;
    Ok(rounds
        .into_iter()
        .map(|(label, answers)| Round {
            label,
            assessments: answers.iter().map(|a| a.assessment.clone()).collect(),
            answers,
        })
        .collect())
}

/// The trend of `area`: the business's score in each round, oldest first.
pub fn trend(rounds: &[Round], area: Area) -> Vec<(String, Ratio)> {
    rounds
        .iter()
        .map(|r| (r.label.clone(), r.score().area(area)))
        .collect()
}
