//! A message's sender checks (SPF, DKIM, DMARC and the DMARC policy of its From domain) in
//! the reader's language, for the mail-in pages.

use tend_store::MailAuthResult;

use crate::kit::i18n::Tr;

/// `SPF pass · DKIM fail · DMARC fail (policy: reject)`, each word translated; "not checked"
/// when the message was taken in without checks.
pub fn summary(t: &Tr, a: &MailAuthResult) -> String {
    let word = |v: &Option<String>| match v {
        Some(v) => t.label_or("mail-auth-result", v),
        None => t.get("mail-auth-unchecked"),
    };
    if a.spf.is_none() && a.dkim.is_none() && a.dmarc.is_none() {
        return t.get("mail-auth-unchecked");
    }
    let mut s = t.args(
        "mail-auth-summary",
        &[
            ("spf", &word(&a.spf)),
            ("dkim", &word(&a.dkim)),
            ("dmarc", &word(&a.dmarc)),
        ],
    );
    if let Some(p) = &a.dmarc_policy {
        let policy = t.label_or("mail-auth-policy", p);
        s.push(' ');
        s.push_str(&t.arg("mail-auth-policy", "policy", &policy));
    }
    s
}
