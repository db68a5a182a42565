//! Who really sent a message: SPF, DKIM and DMARC (mail-auth) for each message taken in.
//! The DNS is injectable: production asks the system's resolver (or Cloudflare over TLS when
//! the system has none), through a small cache; tests pre-load every TXT record the checks
//! read ([`MailAuth::offline`]), so nothing leaves the machine. A DNS failure is `temperror`,
//! never a crash.
//!
//! SPF needs the address of the client that handed the message to the first MTA. The LMTP
//! peer is the local MTA, and `Received` headers can be written by anyone, so SPF is
//! evaluated only when the deployment names a header its MTA writes with that address
//! (e.g. `X-Original-Client-IP`, topmost occurrence, which the MTA must strip from incoming
//! mail); otherwise it is `none`.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::resolver::ToFqdn;
use mail_auth::common::verify::DomainKey;
use mail_auth::dkim::DkimError;
use mail_auth::dmarc::{Dmarc, Policy};
use mail_auth::hickory_resolver::proto::op::ResponseCode;
use mail_auth::spf::{Spf, verify::SpfParameters};
use mail_auth::{
    AuthenticatedMessage, DkimResult, DmarcResult, DnsError, Error, MessageAuthenticator,
    Parameters, ResolverCache, SpfResult, Txt, dmarc::verify::DmarcParameters,
};
use tend_store::MailAuthResult;

/// A TXT answer and when it expires (never, pre-loaded).
type Entry = (Txt, Option<Instant>);

/// TXT answers: looked up (valid until their TTL), or pre-loaded; when `offline`, a name not
/// pre-loaded has no record (NXDOMAIN) and the resolver is never asked.
struct TxtCache {
    entries: Mutex<HashMap<Box<str>, Entry>>,
    offline: bool,
}

impl ResolverCache<Box<str>, Txt> for TxtCache {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let entries = self.entries.lock().ok()?;
        match entries.get(name) {
            Some((txt, until)) if until.is_none_or(|u| u > Instant::now()) => Some(txt.clone()),
            _ if self.offline => Some(Txt::Error(Error::Dns(DnsError::RecordNotFound(
                ResponseCode::NXDomain,
            )))),
            _ => None,
        }
    }

    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.entries.lock().ok()?.remove(name).map(|(t, _)| t)
    }

    fn insert(&self, key: Box<str>, value: Txt, valid_until: Instant) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() > 10_000 {
                entries.clear();
            }
            entries.insert(key, (value, Some(valid_until)));
        }
    }
}

/// Checks messages' senders (see the module's documentation).
pub struct MailAuth {
    /// None when no resolver could be built: every check is then `temperror`.
    resolver: Option<MessageAuthenticator>,
    txt: TxtCache,
    /// The header the deployment's MTA writes with the client's address, if any.
    client_ip_header: Option<String>,
}

impl std::fmt::Debug for MailAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailAuth")
            .field("resolver", &self.resolver.is_some())
            .field("offline", &self.txt.offline)
            .field("client_ip_header", &self.client_ip_header)
            .finish()
    }
}

impl MailAuth {
    /// On the system's DNS (Cloudflare over TLS when the system has no configuration). Builds
    /// without touching the network.
    pub fn system(client_ip_header: Option<String>) -> MailAuth {
        let resolver = MessageAuthenticator::new_system_conf()
            .or_else(|_| MessageAuthenticator::new_cloudflare_tls())
            .inspect_err(|e| tracing::warn!(error = %e, "no DNS resolver: mail checks temperror"))
            .ok();
        MailAuth {
            resolver,
            txt: TxtCache {
                entries: Mutex::new(HashMap::new()),
                offline: false,
            },
            client_ip_header,
        }
    }

    /// With only the TXT records given (`(name, record)`; a DKIM key at
    /// `selector._domainkey.domain`, DMARC at `_dmarc.domain`, SPF at the domain): every other
    /// name has none, and nothing is asked of the network.
    pub fn offline(records: &[(&str, &str)], client_ip_header: Option<String>) -> MailAuth {
        let mut entries = HashMap::new();
        for (name, record) in records {
            let bytes = record.as_bytes();
            let txt: Txt = if name.starts_with("_dmarc.") {
                Dmarc::parse(bytes).into()
            } else if name.contains("._domainkey.") {
                DomainKey::parse(bytes).into()
            } else {
                Spf::parse(bytes).into()
            };
            entries.insert(name.to_fqdn(), (txt, None));
        }
        let mut auth = MailAuth::system(client_ip_header);
        auth.txt = TxtCache {
            entries: Mutex::new(entries),
            offline: true,
        };
        auth
    }

    /// SPF, DKIM and DMARC for message `raw` whose envelope sender is `envelope_from`.
    pub async fn check(&self, raw: &[u8], envelope_from: &str) -> MailAuthResult {
        let temp = || MailAuthResult {
            spf: Some("temperror".into()),
            dkim: Some("temperror".into()),
            dmarc: Some("temperror".into()),
            dmarc_policy: None,
        };
        let Some(resolver) = &self.resolver else {
            return temp();
        };
        let Some(message) = AuthenticatedMessage::parse(raw) else {
            return MailAuthResult::default();
        };
        let dkim = resolver
            .verify_dkim(Parameters::new(&message).with_txt_cache(&self.txt))
            .await;
        let sender = envelope_from.trim_matches(['<', '>']);
        let domain = sender.rsplit_once('@').map_or("", |(_, d)| d);
        let spf = match self.client_ip(raw) {
            Some(ip) if !domain.is_empty() => {
                let params = SpfParameters::verify_mail_from(ip, domain, "tend", sender);
                (resolver)
                    .verify_spf(Parameters::new(params).with_txt_cache(&self.txt))
                    .await
            }
            _ => mail_auth::SpfOutput::default(),
        };
        let dmarc = resolver
            .verify_dmarc(
                Parameters::new(DmarcParameters::new(&message, &dkim, domain, &spf))
                    .with_txt_cache(&self.txt),
            )
            .await;
        let policy = dmarc.dmarc_record().map(|_| match dmarc.policy() {
            Policy::Reject => "reject",
            Policy::Quarantine => "quarantine",
            Policy::None | Policy::Unspecified => "none",
        });
        MailAuthResult {
            spf: Some(spf_word(spf.result()).into()),
            dkim: Some(dkim_word(dkim.iter().map(|d| d.result())).into()),
            dmarc: Some(
                dmarc_word(dmarc.spf_result(), dmarc.dkim_result(), policy.is_some()).into(),
            ),
            dmarc_policy: policy.map(str::to_owned),
        }
    }

    /// The client's address from the configured header (its topmost occurrence).
    fn client_ip(&self, raw: &[u8]) -> Option<IpAddr> {
        let name = self.client_ip_header.as_deref()?;
        let m = mail_parser::MessageParser::default().parse_headers(raw)?;
        m.header_raw(name)?.trim().parse().ok()
    }
}

fn spf_word(r: SpfResult) -> &'static str {
    match r {
        SpfResult::Pass => "pass",
        SpfResult::Fail => "fail",
        SpfResult::SoftFail => "softfail",
        SpfResult::Neutral => "neutral",
        SpfResult::TempError => "temperror",
        SpfResult::PermError => "permerror",
        SpfResult::None => "none",
    }
}

/// `pass` when any signature verifies; else the first signature's result (a body that no
/// longer matches its signed hash is `fail`, RFC 6376 §6.1.3); `none` unsigned.
fn dkim_word<'a>(mut all: impl Iterator<Item = &'a DkimResult> + Clone) -> &'static str {
    if all.clone().any(|r| *r == DkimResult::Pass) {
        return "pass";
    }
    match all.next() {
        None | Some(DkimResult::None) => "none",
        Some(DkimResult::Pass) => "pass",
        Some(DkimResult::Neutral(Error::Dkim(DkimError::FailedBodyHashMatch))) => "fail",
        Some(DkimResult::Neutral(_)) => "neutral",
        Some(DkimResult::Fail(_)) => "fail",
        Some(DkimResult::PermError(_)) => "permerror",
        Some(DkimResult::TempError(_)) => "temperror",
    }
}

/// `pass` when SPF or DKIM passes aligned; `none` without a record; else the lookup's error,
/// or `fail` (a record, and neither passes aligned).
fn dmarc_word(spf: &DmarcResult, dkim: &DmarcResult, record: bool) -> &'static str {
    let both = [spf, dkim];
    if both.contains(&&DmarcResult::Pass) {
        "pass"
    } else if both.iter().all(|r| **r == DmarcResult::None) {
        if record { "fail" } else { "none" }
    } else if both.iter().any(|r| matches!(r, DmarcResult::TempError(_))) {
        "temperror"
    } else if both.iter().any(|r| matches!(r, DmarcResult::PermError(_))) {
        "permerror"
    } else {
        "fail"
    }
}
