//! Background work: the job handlers (response-standard watcher, follow-ups, retention
//! contacts, outgoing mail) and the loop that claims due jobs and runs them.
//!
//! Every handler is idempotent, because a job runs *at least* once (a worker that dies
//! mid-job leaves it to another once the lease runs out). What must happen once is keyed by its
//! event: a message's job is enqueued under a dedupe key naming the event, the mail log
//! (`sent_mail`) is checked before sending and written after, and an automatic escalation checks
//! that the complaint was not escalated since the breach. The one window left is a crash between
//! the SMTP server's "250 OK" and the log write; the message then goes again with the same
//! `Message-ID`, so a mail client shows it once.
//!
//! `tend serve` runs one worker beside the web server; `tend worker` runs workers alone, on as
//! many machines as wanted: claims never hand one job to two live workers.

mod kind;
pub mod registry;
mod run;

pub use kind::{JobKind, Worker, WorkerConfig, enqueue, job_error, new_job, rearm};
