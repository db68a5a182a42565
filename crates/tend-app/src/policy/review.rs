//! The policy review reminder: [`REVIEW_NOTICE_DAYS`](tend_domain::policy::REVIEW_NOTICE_DAYS)
//! days before an area's next review date, each owner (every active administrator) is mailed
//! once, in their language, inside the e-mail channel's hours — unless the version was
//! superseded meanwhile (the newer version has reminders of its own).

use serde::{Deserialize, Serialize};
use tend_domain::catalog::ChannelCode;
use tend_domain::policy::state::{State, state_of};
use tend_domain::staff::Role;
use tend_store::{Handled, Job, JobError, StoreError, StoreResult};

use super::{HOURS_CHANNEL, day, zone};
use crate::i18n::Language;
use crate::jobs::{JobKind, Worker, job_error};
use crate::mail::deliver::{Event, enqueue_mail};
use crate::mail::{OutgoingMail, Template, policy_area};

/// The area at `position` (0-based, as written) of policy version `version`. Key:
/// `policy_review:{version}:{position}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDue {
    pub version: i64,
    pub position: i64,
}

/// Mails the owners that the area is due for review.
pub struct PolicyReview;

impl JobKind for PolicyReview {
    const KIND: &'static str = "policy_review";
    type Payload = ReviewDue;

    fn dedupe_key(p: &ReviewDue) -> String {
        format!("{}:{}:{}", Self::KIND, p.version, p.position)
    }

    async fn run(w: &Worker, _: &Job, p: ReviewDue) -> Result<Handled, JobError> {
        remind(w, p).await.map_err(job_error)
    }
}

async fn remind(w: &Worker, p: ReviewDue) -> StoreResult<Handled> {
    let s = &w.state;
    let version = s.store.policy_version(p.version).await?;
    let approvals = s.store.policy_approvals().await?;
    let tz = zone(s).await?;
    let now = s.clock.now();
    let state = state_of(p.version, &approvals, day(now, &tz));
    let area = usize::try_from(p.position)
        .ok()
        .and_then(|i| version.areas.get(i));
    let (Some(area), State::Approved | State::Effective) = (area, state) else {
        return Ok(Handled::Done);
    };
    let Some(review_on) = area.review_on else {
        return Ok(Handled::Done);
    };
    let channel = ChannelCode::parse(HOURS_CHANNEL).expect("a built-in channel");
    let owners = s.store.employees().await?;
    for e in owners.iter().filter(|e| e.active && e.role == Role::Admin) {
        let language = Language::from_tag(&e.language);
        let name = area
            .title
            .clone()
            .or_else(|| policy_area(language, &area.code))
            .unwrap_or_else(|| area.code.clone());
        let noon = review_on
            .at(12, 0, 0, 0)
            .to_zoned(tz.clone())
            .map_err(|_| StoreError::NotFound("review date"))?
            .timestamp();
        let mail = OutgoingMail {
            to: e.email.clone(),
            to_name: Some(e.name.clone()),
            language,
            template: Template::PolicyReview {
                name: e.name.clone(),
                reference: name,
                due: crate::i18n::instant::date(&noon, &tz, language),
                link: format!("{}/plan/policy", s.public_url()),
            },
            withdraw_link: None,
        };
        let event = Event::PolicyReview(p.version, p.position, e.id);
        enqueue_mail(&s.store, &event, &channel, mail, now).await?;
    }
    Ok(Handled::Done)
}
