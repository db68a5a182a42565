//! The relationship (NPS) survey's schedule: a survey with an NPS question asked of every
//! customer with an address and consent, a round every `every_days` days (e.g. 91 for a
//! quarter), by the typed job `NpsRound`. A round runs inside the e-mail channel's service
//! hours (deferred to its next opening otherwise, like the mail jobs), and leaves out every
//! customer asked by any survey within the cooldown (`SurveySettings::cooldown_days`,
//! default 90): invited to any survey, or sent a satisfaction request, after now − cooldown.
//! Each invitation is then mailed as any other (`SurveyInvite`: language, reminder, link
//! expiry).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use tend_domain::catalog::ChannelCode;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::{RANGE, SURVEY_NO_NPS, SURVEY_NOT_OPEN};
use tend_domain::surveys::{Kind, Status, SurveyId};
use tend_store::{Audience, Handled, Job, JobError, StoreError, StoreResult, SurveySchedule};

use super::invite::{first_mail, language_for};
use crate::AppState;
use crate::jobs::{JobKind, Worker, job_error, new_job};
use crate::policy::HOURS_CHANNEL;

/// The range of `every_days`.
pub const EVERY_DAYS: (i64, i64) = (1, 3650);

/// One round of a survey's schedule: the survey and the instant it is due (UTC
/// microseconds). Key: `nps_round:{survey}:{due}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundDue {
    pub survey: i64,
    pub due: i64,
}

/// Runs one round of a relationship schedule (see the module).
pub struct NpsRound;

impl JobKind for NpsRound {
    const KIND: &'static str = "nps_round";
    type Payload = RoundDue;

    fn dedupe_key(p: &RoundDue) -> String {
        format!("{}:{}:{}", Self::KIND, p.survey, p.due)
    }

    async fn run(w: &Worker, _: &Job, p: RoundDue) -> Result<Handled, JobError> {
        round(w, p).await.map_err(job_error)
    }
}

fn round_job(survey: SurveyId, due: Timestamp) -> tend_store::NewJob {
    let p = RoundDue {
        survey: survey.0,
        due: due.as_microsecond(),
    };
    new_job::<NpsRound>(&p, due)
}

/// Schedules survey `id` (open, with an NPS question) every `every_days` days, the first
/// round at `first` (default now). Errors: fields `every_days` (`range`), `status`
/// (`survey_not_open`), `questions` (`survey_no_nps`); not found.
pub async fn set(
    s: &AppState,
    id: SurveyId,
    every_days: i64,
    first: Option<Timestamp>,
    by: Option<EmployeeId>,
) -> StoreResult<SurveySchedule> {
    let survey = s.store.survey(id).await?;
    let (min, max) = EVERY_DAYS;
    if !(min..=max).contains(&every_days) {
        return Err(StoreError::field(
            "every_days",
            RANGE.with("min", min).with("max", max),
        ));
    }
    if survey.status != Status::Open {
        return Err(StoreError::field("status", SURVEY_NOT_OPEN));
    }
    if !survey.survey.questions.iter().any(|q| q.kind == Kind::Nps) {
        return Err(StoreError::field("questions", SURVEY_NO_NPS));
    }
    let now = s.clock.now();
    let first = first.unwrap_or(now);
    s.store
        .set_survey_schedule(id, every_days, first, round_job(id, first), by, now)
        .await
}

async fn round(w: &Worker, p: RoundDue) -> StoreResult<Handled> {
    let store = &w.state.store;
    let id = SurveyId(p.survey);
    let Ok(due) = Timestamp::from_microsecond(p.due) else {
        return Ok(Handled::Done);
    };
    let Some(schedule) = store.survey_schedule(id).await? else {
        return Ok(Handled::Done);
    };
    if schedule.next_run_at != due {
        return Ok(Handled::Done);
    }
    let survey = store.survey(id).await?;
    if survey.status != Status::Open {
        return Ok(Handled::Done);
    }
    let now = w.state.clock.now();
    let channel = ChannelCode::parse(HOURS_CHANNEL).expect("a built-in channel");
    let (hours, _) = store.channel_settings(&channel).await?;
    if !hours.is_open(now)
        && let Ok(opening) = hours.next_opening(now)
    {
        return Ok(Handled::Defer(opening));
    }
    let cooldown = store.survey_settings().await?.cooldown();
    let audience = Audience {
        not_asked_since: Some(now - cooldown),
        ..Audience::default()
    };
    let language_of = language_for(survey.survey.draft.languages.clone());
    let done = store
        .run_survey_round(
            id,
            due,
            &audience,
            language_of,
            first_mail(now),
            |next| round_job(id, next),
            now,
        )
        .await?;
    if let Some(d) = done {
        tracing::info!(
            survey = id.0,
            invited = d.invited,
            cooled = d.already,
            "relationship survey round"
        );
    }
    Ok(Handled::Done)
}
