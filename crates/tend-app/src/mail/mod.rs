//! Outgoing e-mail: SMTP settings, the [`Mailer`] that sends, and the localised templates.
//!
//! A job builds an [`OutgoingMail`] (recipient, [`Language`], [`Template`] with its values),
//! and calls [`Mailer::send`]. Every message leaves as `multipart/alternative` with a plain-text
//! and an HTML part rendered from the same text, so the two never disagree; every value put into
//! the HTML is escaped. A failure is a [`MailError`] that says whether to retry later.

pub mod deliver;
mod example;
mod kind;
mod render;
pub(crate) mod server_url;
mod settings;
mod templates;
mod texts;
mod transport;

use serde::{Deserialize, Serialize};

pub use kind::MailKind;
pub use render::{Rendered, escape_html};
pub use settings::{Security, SmtpSettings};
pub use templates::Template;
pub use texts::{figure_period, policy_area};

use crate::i18n::Language;
pub use transport::{Mailer, Threading};

/// One message to send: who gets it, in which language, and what it says.
///
/// Serializable so a job can carry it as its payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    /// The recipient's address, `name@example.com`.
    pub to: String,
    /// The recipient's display name, if known.
    pub to_name: Option<String>,
    pub language: Language,
    pub template: Template,
    /// The signed link that withdraws the recipient's consent to later contact
    /// (`{public_url}/consent/{token}`): every mail to a customer carries it, as a last
    /// paragraph (`mail-withdraw`). Mail to staff has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdraw_link: Option<String>,
}

impl OutgoingMail {
    /// The subject, plain-text and HTML parts this mail will carry.
    pub fn render(&self) -> Rendered {
        let mut r = self.template.render(self.language);
        if let Some(link) = &self.withdraw_link {
            render::append_withdrawal(&mut r, self.language, link);
        }
        r
    }
}

/// Why a mail was not sent. Jobs retry [`MailError::Temporary`] and give up on
/// [`MailError::Permanent`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    /// The server was unreachable, timed out or answered 4xx: the same mail may go through later.
    #[error("mail not sent, retry later: {0}")]
    Temporary(String),
    /// The server answered 5xx, or an address or setting is invalid: retrying will not help.
    #[error("mail cannot be sent: {0}")]
    Permanent(String),
}

impl MailError {
    /// Whether a later attempt may succeed.
    pub fn is_temporary(&self) -> bool {
        matches!(self, MailError::Temporary(_))
    }
}
