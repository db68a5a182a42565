//! The [`Mailer`]: one pooled SMTP transport (rustls for TLS) and the mapping of SMTP failures to
//! temporary or permanent [`MailError`]s.

use std::time::Duration;

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::{MailError, OutgoingMail, Security, SmtpSettings};

/// How long one SMTP conversation may stall before it counts as a temporary failure.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Sends [`OutgoingMail`] through one SMTP server. Cheap to clone; connections are pooled.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for `settings`; fails (permanently) on an invalid sender or TLS setup.
    pub fn new(settings: &SmtpSettings) -> Result<Mailer, MailError> {
        Mailer::with_timeout(settings, DEFAULT_TIMEOUT)
    }

    /// As [`Mailer::new`], with a different timeout for each SMTP conversation.
    pub fn with_timeout(settings: &SmtpSettings, timeout: Duration) -> Result<Mailer, MailError> {
        let from: Mailbox = settings.from.parse().map_err(|e| {
            MailError::Permanent(format!("invalid sender {:?}: {e}", settings.from))
        })?;
        let tls_parameters = || {
            TlsParameters::new(settings.host.clone())
                .map_err(|e| MailError::Permanent(format!("TLS setup for {}: {e}", settings.host)))
        };
        let tls = match settings.security {
            Security::Plain => Tls::None,
            Security::StartTls => Tls::Required(tls_parameters()?),
            Security::Tls => Tls::Wrapper(tls_parameters()?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            .port(settings.port)
            .tls(tls)
            .timeout(Some(timeout));
        if let Some(username) = &settings.username {
            let password = settings.password.clone().unwrap_or_default();
            builder = builder.credentials(Credentials::new(username.clone(), password));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
    }

    /// The sender every mail leaves with.
    pub fn from(&self) -> &Mailbox {
        &self.from
    }

    /// Renders and sends `mail`. Never panics; see [`MailError`] for what to retry.
    pub async fn send(&self, mail: &OutgoingMail) -> Result<(), MailError> {
        self.send_as(mail, None).await
    }

    /// [`Mailer::send`] with a fixed `Message-ID` (e.g. `<event-hash@tend>`), so that a message
    /// sent again for the same event is recognisable as the same message. Automatic mail.
    pub async fn send_as(
        &self,
        mail: &OutgoingMail,
        message_id: Option<&str>,
    ) -> Result<(), MailError> {
        let threading = Threading {
            message_id: message_id.map(str::to_owned),
            ..Threading::default()
        };
        self.send_threaded(mail, &threading).await
    }

    /// [`Mailer::send`] with the headers of `threading`.
    pub async fn send_threaded(
        &self,
        mail: &OutgoingMail,
        threading: &Threading,
    ) -> Result<(), MailError> {
        let sent = match self.build(mail, threading) {
            Ok(message) => self
                .transport
                .send(message)
                .await
                .map(drop)
                .map_err(classify),
            Err(e) => Err(e),
        };
        // Messages the SMTP server accepted, and refusals by whether they may pass later.
        match &sent {
            Ok(()) => metrics::counter!("tend_mail_sent_total").increment(1),
            Err(MailError::Temporary(_)) => {
                metrics::counter!("tend_mail_failed_total", "error" => "temporary").increment(1)
            }
            Err(MailError::Permanent(_)) => {
                metrics::counter!("tend_mail_failed_total", "error" => "permanent").increment(1)
            }
        }
        sent
    }

    fn build(&self, mail: &OutgoingMail, threading: &Threading) -> Result<Message, MailError> {
        let address = mail.to.trim().parse().map_err(|e| {
            MailError::Permanent(format!("invalid recipient address {:?}: {e}", mail.to))
        })?;
        let name = mail
            .to_name
            .as_ref()
            .map(|n| n.replace(|c: char| c.is_control(), " "));
        let rendered = mail.render();
        let mut builder = Message::builder().message_id(threading.message_id.clone());
        if let Some(id) = &threading.in_reply_to {
            builder = builder.in_reply_to(id.clone());
        }
        if !threading.references.is_empty() {
            builder = builder.references(threading.references.join(" "));
        }
        if !threading.by_person {
            builder = builder.header(AutoSubmitted);
        }
        builder
            .from(self.from.clone())
            .to(Mailbox::new(name, address))
            .subject(rendered.subject)
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .body(rendered.text),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .body(rendered.html),
                    ),
            )
            .map_err(|e| MailError::Permanent(format!("message could not be built: {e}")))
    }
}

/// The headers that place a message in its thread (RFC 5322 §3.6.4), and whether a person
/// wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Threading {
    /// `<…>`; `None`: one is made up.
    pub message_id: Option<String>,
    /// The previous message of the thread, `<…>`.
    pub in_reply_to: Option<String>,
    /// The thread's earlier messages, oldest first, each `<…>`.
    pub references: Vec<String>,
    /// Written by a person (an agent's reply). Otherwise the message is Tend's automatic mail
    /// and says so: `Auto-Submitted: auto-generated` (RFC 3834), which keeps well-behaved
    /// auto-responders from answering it.
    pub by_person: bool,
}

/// `Auto-Submitted: auto-generated`.
#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".to_owned())
    }
}

/// 4xx, network trouble, timeouts and TLS handshakes may pass later; 5xx and client-side
/// errors (such as a message the server cannot take) will not.
fn classify(error: lettre::transport::smtp::Error) -> MailError {
    let reason = error.to_string();
    if error.is_permanent() || error.is_client() {
        MailError::Permanent(reason)
    } else {
        MailError::Temporary(reason)
    }
}
