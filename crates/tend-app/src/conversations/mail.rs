//! An agent's reply by mail: the `reply_mail` job sends it to the customer (in their language,
//! once — the mail log is checked before and written after), threaded: its `Message-ID` signed
//! with the complaint (`Store::signed_message_id`), `In-Reply-To` the thread's previous
//! message and `References` the thread so far, the reference in the subject. A person wrote
//! it, so it carries no `Auto-Submitted`. It does not wait for the channel's hours: the agent
//! is answering now.

use serde::{Deserialize, Serialize};
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{Handled, Job, JobError, SentMail};

use crate::complaints::messages::mail_to;
use crate::jobs::{JobKind, Worker, job_error};
use crate::mail::{Template, Threading};

/// How many earlier Message-IDs `References` names at most (the oldest and the latest ones).
const MAX_REFERENCES: usize = 20;

/// The payload: which message of which complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyDue {
    pub complaint: i64,
    pub message: i64,
}

/// Mails one reply to the customer. Key: `reply_mail:{message}`.
pub struct MailReply;

impl JobKind for MailReply {
    const KIND: &'static str = "reply_mail";
    const NEEDS_MAILER: bool = true;
    type Payload = ReplyDue;

    fn dedupe_key(p: &ReplyDue) -> String {
        format!("{}:{}", Self::KIND, p.message)
    }

    async fn run(w: &Worker, job: &Job, p: ReplyDue) -> Result<Handled, JobError> {
        send(w, job, p).await
    }
}

/// The thread's References: the first and the latest, at most [`MAX_REFERENCES`] in all.
fn references(mut ids: Vec<String>) -> Vec<String> {
    if ids.len() > MAX_REFERENCES {
        let tail = ids.split_off(ids.len() - (MAX_REFERENCES - 1));
        ids.truncate(1);
        ids.extend(tail);
    }
    ids
}

async fn send(w: &Worker, job: &Job, p: ReplyDue) -> Result<Handled, JobError> {
    let store = &w.state.store;
    let event = format!("reply:{}", p.message);
    if store.mail_sent(&event).await.map_err(job_error)? {
        return Ok(Handled::Done);
    }
    let id = ComplaintId(p.complaint);
    let c = store.complaint(id).await.map_err(job_error)?;
    let message = store.message(id, p.message).await.map_err(job_error)?;
    let customer = store
        .customer(c.record.customer_id)
        .await
        .map_err(job_error)?;
    let token = store.status_token(id).await.map_err(job_error)?;
    let template = Template::Reply {
        name: customer.customer.name.to_string(),
        reference: c.reference.clone(),
        body: message.body,
        link: format!("{}/status/{token}", w.state.public_url()),
    };
    let Some(mail) = mail_to(w, &customer, template).await.map_err(job_error)? else {
        // No address: the reply is on the status page only.
        return Ok(Handled::Done);
    };
    let Some(mailer) = &w.mailer else {
        return Err(JobError::Retry("no SMTP server is configured".into()));
    };
    let thread = store.thread_ids(id, p.message).await.map_err(job_error)?;
    let message_id = store
        .signed_message_id(id, p.message)
        .await
        .map_err(job_error)?;
    let threading = Threading {
        message_id: Some(message_id.clone()),
        in_reply_to: thread.last().cloned(),
        references: references(thread),
        by_person: true,
    };
    mailer
        .send_threaded(&mail, &threading)
        .await
        .map_err(|e| match e.is_temporary() {
            true => JobError::Retry(e.to_string()),
            false => JobError::GiveUp(e.to_string()),
        })?;
    let logged = SentMail {
        event_key: event,
        kind: mail.template.kind().as_str().to_owned(),
        recipient: mail.to.clone(),
        message_id,
        job_id: Some(job.id),
        sent_at: w.state.clock.now(),
    };
    if let Err(e) = store.record_mail_sent(&logged).await {
        // Sent: not failing the job keeps it from being sent twice.
        tracing::error!(job = job.id.0, error = %e, "reply sent but not logged");
    }
    Ok(Handled::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_keep_the_first_and_the_latest() {
        let ids: Vec<String> = (0..30).map(|i| format!("<{i}@x>")).collect();
        let r = references(ids);
        assert_eq!(r.len(), MAX_REFERENCES);
        assert_eq!(r[0], "<0@x>");
        assert_eq!(r[1], "<11@x>");
        assert_eq!(r.last().unwrap(), "<29@x>");
        assert_eq!(references(vec!["<a@x>".into()]), ["<a@x>"]);
    }
}
