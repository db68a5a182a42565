//! Every job kind Tend runs, registered once: the worker dispatches by this list, and a worker
//! without an SMTP server claims only the kinds that send no mail.

use std::future::Future;
use std::pin::Pin;
use std::sync::LazyLock;

use tend_store::{Handled, Job, JobError};

use super::kind::{JobKind, Worker};
use crate::complaints::fate::Purge;
use crate::complaints::messages::{Acknowledge, FollowUp};
use crate::complaints::watch::Watch;
use crate::conversations::MailReply;
use crate::conversations::sweep::SweepFiles;
use crate::csat::Csat;
use crate::figures::stale::FigureStale;
use crate::help::review::HelpReview;
use crate::mail::deliver::Deliver;
use crate::policy::review::PolicyReview;
use crate::reports::job::ReportRollUp;
use crate::surveys::invite::SurveyInvite;
use crate::surveys::schedule::NpsRound;
use crate::transactions::retention::Retention;

type Run = for<'a> fn(
    &'a Worker,
    &'a Job,
) -> Pin<Box<dyn Future<Output = Result<Handled, JobError>> + Send + 'a>>;

/// One registered kind: its name, whether it needs a mailer, and its handler.
pub struct Registered {
    pub kind: &'static str,
    pub needs_mailer: bool,
    pub run: Run,
}

const fn register<J: JobKind>() -> Registered {
    Registered {
        kind: J::KIND,
        needs_mailer: J::NEEDS_MAILER,
        run: run::<J>,
    }
}

fn run<'a, J: JobKind>(
    w: &'a Worker,
    job: &'a Job,
) -> Pin<Box<dyn Future<Output = Result<Handled, JobError>> + Send + 'a>> {
    Box::pin(async move {
        let payload: J::Payload = serde_json::from_value(job.payload.clone())
            .map_err(|e| JobError::GiveUp(format!("bad {} payload: {e}", J::KIND)))?;
        J::run(w, job, payload).await
    })
}

/// The job kinds Tend runs.
pub static REGISTRY: [Registered; 15] = [
    register::<Watch>(),
    register::<Acknowledge>(),
    register::<FollowUp>(),
    register::<Retention>(),
    register::<Deliver>(),
    register::<Csat>(),
    register::<PolicyReview>(),
    register::<MailReply>(),
    register::<Purge>(),
    register::<HelpReview>(),
    register::<SurveyInvite>(),
    register::<NpsRound>(),
    register::<SweepFiles>(),
    register::<FigureStale>(),
    register::<ReportRollUp>(),
];

/// Every kind that sends no mail: what a worker without an SMTP server runs.
pub(super) static WITHOUT_MAIL: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    REGISTRY
        .iter()
        .filter(|r| !r.needs_mailer)
        .map(|r| r.kind)
        .collect()
});
