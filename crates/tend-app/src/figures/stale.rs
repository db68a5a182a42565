//! The stale-figure mail: the typed job `figures_stale`, queued once by every worker as it
//! starts (one job, by its key) and run again every [`EVERY`]. Each run looks at every figure
//! that has an owner and is not computed by Tend: when it is stale
//! ([`tend_domain::figures::is_stale`], today in UTC) its owner — while active — is told by
//! mail, in their language, which period it missed (its last complete period, written the
//! reader's way), with a link to the figure's page. The notice (`figure_stale_notices`, one
//! per figure and missed period) and the mail's job are written in one transaction, so a
//! missed period is told once however often the job runs; a figure pushed again that later
//! misses another period is told again, for that period. The mail waits for the e-mail
//! channel's hours, like all mail.

use jiff::SignedDuration;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use tend_domain::catalog::ChannelCode;
use tend_domain::figures::{Source, missed_period};
use tend_store::{Handled, Job, JobError, StoreResult};

use crate::AppState;
use crate::i18n::Language;
use crate::jobs::{JobKind, Worker, enqueue, job_error};
use crate::mail::deliver::{Event, mail_job};
use crate::mail::{OutgoingMail, Template, figure_period};
use crate::policy::HOURS_CHANNEL;

/// How often the figures are looked at.
pub const EVERY: SignedDuration = SignedDuration::from_hours(1);

/// The check's payload: nothing (there is one check).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StaleCheckDue {}

/// Tells the owners of stale figures, every [`EVERY`]. Key: `figures_stale`.
pub struct FigureStale;

impl JobKind for FigureStale {
    const KIND: &'static str = "figures_stale";
    type Payload = StaleCheckDue;

    fn dedupe_key(_: &StaleCheckDue) -> String {
        Self::KIND.to_owned()
    }

    /// Checks, and runs again [`EVERY`] from now.
    async fn run(w: &Worker, _: &Job, _: StaleCheckDue) -> Result<Handled, JobError> {
        let now = w.state.clock.now();
        let told = check(&w.state).await.map_err(job_error)?;
        if told > 0 {
            tracing::info!(told, "stale figures' owners told");
        }
        Ok(Handled::Defer(now + EVERY))
    }
}

/// Queues the check to run now unless it is queued already.
pub async fn schedule(s: &AppState) -> StoreResult<()> {
    let now = s.clock.now();
    enqueue::<FigureStale>(&s.store, &StaleCheckDue::default(), now, now).await?;
    Ok(())
}

/// A date as the number YYYYMMDD, for event keys.
fn number(d: Date) -> i64 {
    i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())
}

/// Tells the owner of every figure stale now of the period it missed, once per figure and
/// period; returns how many were told by this call.
pub async fn check(s: &AppState) -> StoreResult<usize> {
    let now = s.clock.now();
    let today = now.to_zoned(TimeZone::UTC).date();
    let channel = ChannelCode::parse(HOURS_CHANNEL).expect("a built-in channel");
    let employees = s.store.employees().await?;
    let mut told = 0;
    for f in s.store.figures().await? {
        let Some(owner) = f.owner_id else { continue };
        if f.source == Source::Computed {
            continue;
        }
        let last = s.store.last_period(f.id).await?;
        let Some(missed) = missed_period(&f, last, today) else {
            continue;
        };
        let Some(e) = employees.iter().find(|e| e.id == owner && e.active) else {
            continue;
        };
        let language = Language::from_tag(&e.language);
        let mail = OutgoingMail {
            to: e.email.clone(),
            to_name: Some(e.name.clone()),
            language,
            template: Template::FigureStale {
                name: e.name.clone(),
                reference: f.name.clone(),
                period: figure_period(language, f.grain, missed),
                link: format!("{}/figures/{}", s.public_url(), f.id),
            },
            withdraw_link: None,
        };
        let event = Event::FigureStale(f.id, number(missed), e.id);
        let job = mail_job(&event, &channel, mail, now);
        if s.store
            .notice_stale_figure(f.id, missed, e.id, &job, now)
            .await?
        {
            told += 1;
        }
    }
    Ok(told)
}
