//! E-mail addresses as a mail library reads them: an `addr-spec` of RFC 5322 (a dot-atom local
//! part, `@`, a domain name), with none of the forms that can be written but never mailed.
//!
//! Accepted: a local part of 1..=64 bytes of `atext` (letters, digits and
//! ``! # $ % & ' * + - / = ? ^ _ ` { | } ~``, plus any non-ASCII letter or digit as RFC 6531
//! allows) in dot-separated atoms (no leading, trailing or double dot); a domain of at least
//! two labels, each 1..=63 bytes of letters, digits (ASCII or not) and inner hyphens, the last
//! not all digits; at most 254 bytes in all. Refused: display-name forms (`Ana <a@x.com>`,
//! `a@x.com>`), lists (`,` `;`), quoted local parts, comments, IP literals (`a@[10.0.0.1]`,
//! `a@10.0.0.1`), white space and control characters. The domain is stored lower-cased.

use serde::Serialize;

use crate::kernel::reason::{EMAIL, Reason};

/// An e-mail address that can be mailed (see the module's rule). `Display` writes it as stored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// Trims and validates `raw`. Errors: the `email` reason.
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        let s = raw.trim();
        let reason = || Reason::from(EMAIL);
        if s.len() > 254 {
            return Err(reason());
        }
        let (local, domain) = s.rsplit_once('@').ok_or_else(reason)?;
        if !local_ok(local) || !domain_ok(domain) {
            return Err(reason());
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+-/=?^_`{|}~".contains(c)
        || (!c.is_ascii() && c.is_alphanumeric())
}

fn local_ok(local: &str) -> bool {
    (1..=64).contains(&local.len())
        && local
            .split('.')
            .all(|atom| !atom.is_empty() && atom.chars().all(atext))
}

fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels
            .last()
            .is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mailable_addresses_pass() {
        assert_eq!(
            Email::parse(" Ana@Example.COM ").unwrap().as_str(),
            "Ana@example.com"
        );
        for good in [
            "a.b+tag@mail.example.co",
            "o'brien@x-y.example",
            "ñandú@correo.example",
            "user@xn--bcher-kva.example",
        ] {
            assert!(Email::parse(good).is_ok(), "{good} refused");
        }
    }

    #[test]
    fn addresses_that_cannot_be_mailed_are_refused() {
        for bad in [
            "",
            "ana",
            "ana@",
            "@x.com",
            "a b@x.com",
            "a@x",
            "a@@x.com",
            "a@x..com",
            "x@example.com>",
            "Ana <ana@example.com>",
            "<ana@example.com>",
            "a@example.com,b@example.com",
            "a@example.com;b@example.com",
            "a@[10.0.0.1]",
            "a@10.0.0.1",
            "\"a b\"@example.com",
            "a(comment)@example.com",
            ".a@example.com",
            "a.@example.com",
            "a..b@example.com",
            "a@-x.example",
            "a@x-.example",
            "a@exa_mple.com",
            "a\r\n@example.com",
            "a\0@example.com",
            "a@example.com\nBcc: b@example.com",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
        let long = format!("{}@example.com", "a".repeat(65));
        assert!(Email::parse(&long).is_err());
    }

    proptest! {
        #[test]
        fn parsed_emails_reparse_to_themselves(
            s in "[a-zA-Z0-9%+-]{1,10}(\\.[a-zA-Z0-9_]{1,5})?@[a-zA-Z0-9]{1,10}\\.[a-zA-Z]{2,6}"
        ) {
            let e = Email::parse(&s).unwrap();
            prop_assert_eq!(Email::parse(e.as_str()).unwrap(), e);
        }
    }
}
