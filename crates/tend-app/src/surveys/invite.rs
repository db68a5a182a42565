//! Invitations to a survey: customers chosen by a list or a segment, only those with an
//! address and consent to contact, each invited once by mail (typed job `SurveyInvite`) in
//! their language when the survey has it, through a private single-use link, inside the
//! e-mail channel's hours, with one reminder [`REMINDER_AFTER`] later when still unanswered —
//! and never once they withdrew consent. The response rate is computed from the counts.

use jiff::SignedDuration;
use serde::{Deserialize, Serialize};
use tend_domain::catalog::ChannelCode;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::SURVEY_NOT_OPEN;
use tend_domain::surveys::{InvitationStatus, Status, SurveyId, link_expires_at, response_rate};
use tend_store::{
    Audience, Handled, InvitationCounts, InvitationRow, Invited, Job, JobError, StoreError,
    StoreResult,
};

use crate::AppState;
use crate::complaints::messages::mail_to;
use crate::i18n::Language;
use crate::jobs::{JobKind, Worker, enqueue, job_error, new_job};
use crate::mail::Template;
use crate::mail::deliver::{Event, INVITATION_EVENT, REMINDER_EVENT, enqueue_mail};
use crate::policy::HOURS_CHANNEL;

/// How long after the invitation the one reminder goes, if still unanswered: 168 h (7 days).
pub const REMINDER_AFTER: SignedDuration = SignedDuration::from_hours(168);

/// One invitation's mail: the invitation, and whether this is its reminder. Key:
/// `survey_invite:{invitation}:{0|1}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteDue {
    pub invitation: i64,
    pub reminder: bool,
}

/// Mails an invitation (or its reminder) while the survey is open, its link has not expired
/// and the customer still has an address and consent; a reminder only while unanswered and
/// not bounced.
pub struct SurveyInvite;

impl JobKind for SurveyInvite {
    const KIND: &'static str = "survey_invite";
    type Payload = InviteDue;

    fn dedupe_key(p: &InviteDue) -> String {
        format!("{}:{}:{}", Self::KIND, p.invitation, u8::from(p.reminder))
    }

    async fn run(w: &Worker, _: &Job, p: InviteDue) -> Result<Handled, JobError> {
        send(w, p).await.map_err(job_error)
    }
}

/// Invites `audience` to the open survey `id` (refused with `survey_not_open` otherwise): one
/// transaction stores the invitations and their mail jobs.
pub async fn invite(
    s: &AppState,
    id: SurveyId,
    audience: &Audience,
    by: Option<EmployeeId>,
) -> StoreResult<Invited> {
    let survey = s.store.survey(id).await?;
    if survey.status != Status::Open {
        return Err(StoreError::field("status", SURVEY_NOT_OPEN));
    }
    let language_of = language_for(survey.survey.draft.languages.clone());
    let now = s.clock.now();
    s.store
        .invite_to_survey(id, audience, by, language_of, first_mail(now), now)
        .await
}

/// The language an invitation is sent in: the customer's preferred one when the survey has
/// it, else the survey's first.
pub(crate) fn language_for(languages: Vec<String>) -> impl Fn(Option<&str>) -> String {
    move |preferred: Option<&str>| -> String {
        let wanted = preferred.and_then(Language::parse).map(|l| l.code());
        wanted
            .filter(|w| languages.iter().any(|l| l == w))
            .map(str::to_owned)
            .unwrap_or_else(|| languages.first().cloned().unwrap_or_else(|| "en".into()))
    }
}

/// An invitation's first mail job, due at `now`.
pub(crate) fn first_mail(now: jiff::Timestamp) -> impl Fn(i64) -> Vec<tend_store::NewJob> {
    move |invitation: i64| {
        let due = InviteDue {
            invitation,
            reminder: false,
        };
        vec![new_job::<SurveyInvite>(&due, now)]
    }
}

async fn send(w: &Worker, p: InviteDue) -> StoreResult<Handled> {
    let store = &w.state.store;
    let Some(inv) = store.survey_invitation(p.invitation).await? else {
        return Ok(Handled::Done);
    };
    let survey = store.survey(inv.survey_id).await?;
    if survey.status != Status::Open || (p.reminder && (inv.answered || inv.bounced)) {
        return Ok(Handled::Done);
    }
    let valid = store.survey_settings().await?.link_valid();
    if w.state.clock.now() >= link_expires_at(inv.invited_at, valid) {
        // The link no longer takes answers: nothing to ask for.
        return Ok(Handled::Done);
    }
    let customer = store.customer(inv.customer_id).await?;
    if !customer.customer.consent_to_contact {
        return Ok(Handled::Done);
    }
    let token = store.survey_invitation_token(inv.id).await?;
    let (name, reference) = (
        customer.customer.name.to_string(),
        survey
            .survey
            .text(&survey.survey.draft.title, &inv.language)
            .to_owned(),
    );
    let answer_link = format!("{}/s/i/{token}", w.state.public_url());
    let (template, event) = if p.reminder {
        let t = Template::SurveyReminder {
            name,
            reference,
            answer_link,
        };
        (t, Event::SurveyReminder(inv.id))
    } else {
        let t = Template::SurveyInvitation {
            name,
            reference,
            answer_link,
        };
        (t, Event::SurveyInvitation(inv.id))
    };
    let Some(mut mail) = mail_to(w, &customer, template).await? else {
        return Ok(Handled::Done);
    };
    mail.language = Language::parse(&inv.language).unwrap_or(mail.language);
    let now = w.state.clock.now();
    let channel = ChannelCode::parse(HOURS_CHANNEL).expect("a built-in channel");
    enqueue_mail(store, &event, &channel, mail, now).await?;
    if !p.reminder {
        let due = InviteDue {
            invitation: inv.id,
            reminder: true,
        };
        enqueue::<SurveyInvite>(store, &due, now + REMINDER_AFTER, now).await?;
    }
    Ok(Handled::Done)
}

/// A survey's invitations and response rate (see [`response_rate`]): delivered = sent −
/// bounced; `rate` is `None` when none was delivered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResponseRate {
    pub counts: InvitationCounts,
    pub delivered: u64,
    pub rate: Option<f64>,
}

pub async fn response(s: &AppState, id: SurveyId) -> StoreResult<ResponseRate> {
    let counts = s
        .store
        .survey_invitation_counts(id, INVITATION_EVENT)
        .await?;
    let delivered = counts.sent.saturating_sub(counts.bounced);
    Ok(ResponseRate {
        counts,
        delivered,
        rate: response_rate(counts.answered, delivered),
    })
}

/// One page of survey `id`'s invitations (by id after `after`, at most `limit`, only those of
/// `status` when given), each with its link's expiry under the settings in force.
pub async fn list(
    s: &AppState,
    id: SurveyId,
    status: Option<InvitationStatus>,
    after: i64,
    limit: i64,
) -> StoreResult<(Vec<InvitationRow>, jiff::SignedDuration)> {
    s.store.survey(id).await?;
    let valid = s.store.survey_settings().await?.link_valid();
    let rows = s
        .store
        .survey_invitation_list(id, INVITATION_EVENT, REMINDER_EVENT, status, after, limit)
        .await?;
    Ok((rows, valid))
}
