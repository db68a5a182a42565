//! The policy's use cases: saving a draft version, approving it (managers; it takes effect on
//! a date, and each area's review reminder is queued in the same transaction), the states of
//! every version on the business's today, acknowledging the version in effect, who has and
//! has not acknowledged it, and the public page's customer-facing areas in a language.
//!
//! "Today" is the date in the time zone of the e-mail channel's service hours (the company's
//! hours; UTC when none are set), the same hours the review reminder waits for.

pub mod diff;
pub mod review;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use tend_domain::catalog::ChannelCode;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::*;
use tend_domain::policy::state::{Approval, State, effective_on, state_of};
use tend_domain::policy::{ApprovalDraft, PolicyDraft, REVIEW_NOTICE_DAYS};
use tend_domain::staff::{Employee, Role};
use tend_store::{StoreError, StoreResult, StoredArea, StoredPolicyVersion};

use crate::AppState;
use crate::i18n::Language;
use crate::jobs::new_job;

/// The channel whose hours give the business's time zone and the reminder's sending hours.
pub const HOURS_CHANNEL: &str = "email";

/// The business's time zone: the e-mail channel's (UTC when it cannot be read).
pub async fn zone(s: &AppState) -> StoreResult<TimeZone> {
    let code = ChannelCode::parse(HOURS_CHANNEL).expect("a built-in channel");
    match s.store.channel_settings(&code).await {
        Ok((hours, _)) => Ok(hours.time_zone().clone()),
        Err(StoreError::NotFound(_)) => Ok(TimeZone::UTC),
        Err(e) => Err(e),
    }
}

/// The business's date at `now`.
pub fn day(now: Timestamp, tz: &TimeZone) -> Date {
    now.to_zoned(tz.clone()).date()
}

/// The business's date today.
pub async fn today(s: &AppState) -> StoreResult<Date> {
    Ok(day(s.clock.now(), &zone(s).await?))
}

/// Validates `draft` and appends it as a new draft version written by `author`.
pub async fn save_draft(
    s: &AppState,
    draft: &PolicyDraft,
    author: EmployeeId,
) -> StoreResult<StoredPolicyVersion> {
    let p = draft.validate()?;
    let id = s
        .store
        .create_policy_version(&p, author, s.clock.now())
        .await?;
    s.store.policy_version(id).await
}

/// When the review reminder of an area due on `review_on` runs: [`REVIEW_NOTICE_DAYS`] days
/// before, at the start of that day in `tz` (the mail then waits for the channel's hours).
pub fn reminder_at(review_on: Date, tz: &TimeZone) -> Timestamp {
    let day = review_on
        .checked_sub(jiff::Span::new().days(REVIEW_NOTICE_DAYS))
        .unwrap_or(review_on);
    day.to_zoned(tz.clone())
        .map(|z| z.timestamp())
        .unwrap_or_else(|_| Timestamp::UNIX_EPOCH)
}

/// Approves draft `id` by `by` (the caller has checked they are a manager), effective from the
/// posted date (not before today), queuing each area's review reminder with it.
pub async fn approve(
    s: &AppState,
    id: i64,
    draft: &ApprovalDraft,
    by: EmployeeId,
) -> StoreResult<StoredPolicyVersion> {
    let tz = zone(s).await?;
    let now = s.clock.now();
    let effective_from = draft.validate(day(now, &tz))?;
    let version = s.store.policy_version(id).await?;
    let jobs: Vec<_> = version
        .areas
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let due = review::ReviewDue {
                version: id,
                position: i as i64,
            };
            a.review_on
                .map(|d| new_job::<review::PolicyReview>(&due, reminder_at(d, &tz)))
        })
        .collect();
    s.store
        .approve_policy_version(id, by, effective_from, &jobs, now)
        .await?;
    s.store.policy_version(id).await
}

/// Every version (newest first) with its state today, and the version in effect.
pub struct Overview {
    pub today: Date,
    pub versions: Vec<(StoredPolicyVersion, State)>,
    pub effective: Option<i64>,
}

/// The states of every version today.
pub async fn overview(s: &AppState) -> StoreResult<Overview> {
    let today = today(s).await?;
    let approvals: Vec<Approval> = s.store.policy_approvals().await?;
    let versions = s
        .store
        .policy_versions()
        .await?
        .into_iter()
        .map(|v| {
            let state = state_of(v.id, &approvals, today);
            (v, state)
        })
        .collect();
    Ok(Overview {
        today,
        versions,
        effective: effective_on(&approvals, today),
    })
}

/// The state of version `id` today.
pub async fn state(s: &AppState, id: i64) -> StoreResult<State> {
    let approvals = s.store.policy_approvals().await?;
    Ok(state_of(id, &approvals, today(s).await?))
}

/// Records that `employee` read version `id`: only the version in effect can be acknowledged
/// (refused naming `version`). Returns whether this acknowledgement was new.
pub async fn acknowledge(s: &AppState, id: i64, employee: EmployeeId) -> StoreResult<bool> {
    s.store.policy_version(id).await?;
    if state(s, id).await? != State::Effective {
        return Err(StoreError::field("version", POLICY_NOT_EFFECTIVE));
    }
    s.store
        .acknowledge_policy(id, employee, s.clock.now())
        .await
}

/// Who must acknowledge a version: active staff (not vendors' accounts), by name.
pub async fn staff(s: &AppState) -> StoreResult<Vec<Employee>> {
    let all = s.store.employees().await?;
    Ok(all
        .into_iter()
        .filter(|e| e.active && e.role != Role::Vendor)
        .collect())
}

/// Of the active staff, who acknowledged version `id` (and when) and who has not yet.
pub struct Acknowledgements {
    pub done: Vec<(Employee, Timestamp)>,
    pub pending: Vec<Employee>,
}

/// Who has and has not acknowledged version `id` (that exact version: an acknowledgement of an
/// earlier one does not count).
pub async fn acknowledgements(s: &AppState, id: i64) -> StoreResult<Acknowledgements> {
    let acks = s.store.policy_acknowledgements(id).await?;
    let (mut done, mut pending) = (Vec::new(), Vec::new());
    for e in staff(s).await? {
        match acks.get(&e.id) {
            Some(at) => done.push((e, *at)),
            None => pending.push(e),
        }
    }
    Ok(Acknowledgements { done, pending })
}

/// One customer-facing area as the public page shows it: its code, custom title, the
/// language its text is in and the text rendered safely.
pub struct PublicArea {
    pub code: String,
    pub title: Option<String>,
    pub lang: String,
    pub html: String,
}

/// The text of `area` in `lang`, else in English, else in the first language written.
pub fn text_in(area: &StoredArea, lang: Language) -> Option<(&str, &str)> {
    [lang.code(), "en"]
        .iter()
        .find_map(|l| area.text(l).map(|t| (*l, t)))
        .or_else(|| area.texts.first().map(|(l, t)| (l.as_str(), t.as_str())))
}

/// The version in effect today (id, effective date) and its customer-facing areas in `lang`;
/// `None` before any version takes effect. Only the effective version is ever shown.
pub async fn public(
    s: &AppState,
    lang: Language,
) -> StoreResult<Option<(i64, Date, Vec<PublicArea>)>> {
    let approvals = s.store.policy_approvals().await?;
    let Some(id) = effective_on(&approvals, today(s).await?) else {
        return Ok(None);
    };
    let v = s.store.policy_version(id).await?;
    let areas = v
        .areas
        .iter()
        .filter(|a| a.customer_facing)
        .filter_map(|a| {
            let (l, text) = text_in(a, lang)?;
            Some(PublicArea {
                code: a.code.clone(),
                title: a.title.clone(),
                lang: l.to_owned(),
                html: crate::help::render_markdown(text),
            })
        })
        .collect();
    let from = v.approval.map(|a| a.effective_from).unwrap_or_default();
    Ok(Some((id, from, areas)))
}
