//! DKIM for tests, offline: a fresh Ed25519 key, the TXT record that publishes it, and
//! messages signed with it; and a sender-checking [`MailAuth`] whose DNS holds only the
//! records given.

use std::sync::Arc;

use base64::Engine as _;
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;
use tend_app::conversations::auth::MailAuth;

/// A signing domain with its key (selector `s1`).
pub struct Dkim {
    domain: String,
    der: Vec<u8>,
    /// The DKIM record's name, `s1._domainkey.<domain>`.
    pub name: String,
    /// The DKIM record publishing the public key.
    pub record: String,
}

impl Dkim {
    pub fn new(domain: &str) -> Dkim {
        let der = Ed25519Key::generate_pkcs8().expect("a key");
        let key = Ed25519Key::from_pkcs8_der(&der).expect("the key reads");
        let public = base64::engine::general_purpose::STANDARD.encode(key.public_key());
        Dkim {
            domain: domain.to_owned(),
            der,
            name: format!("s1._domainkey.{domain}"),
            record: format!("v=DKIM1; k=ed25519; p={public}"),
        }
    }

    /// `message` with a DKIM-Signature over From, To, Subject, Date and Message-ID prepended.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        let key = Ed25519Key::from_pkcs8_der(&self.der).expect("the key reads");
        let signature = DkimSigner::from_key(key)
            .domain(self.domain.as_str())
            .selector("s1")
            .headers(["From", "To", "Subject", "Date", "Message-ID"])
            .sign(message)
            .expect("signed");
        let mut signed = signature.to_header().into_bytes();
        signed.extend_from_slice(message);
        signed
    }
}

/// Sender checks over a DNS holding only `records` (name, TXT), SPF reading the client's
/// address from `X-Original-Client-IP`.
pub fn offline(records: &[(&str, &str)]) -> Arc<MailAuth> {
    Arc::new(MailAuth::offline(
        records,
        Some("X-Original-Client-IP".into()),
    ))
}
