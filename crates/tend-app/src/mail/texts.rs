//! The words of every mail, from the Fluent catalogue `locales/{lang}/mail.ftl`: per kind a
//! subject `mail-{kind}-subject` and a body `mail-{kind}-body`, whose paragraphs are separated
//! by blank lines. Variables: `$name`, `$reference`, `$link`, `$product`, `$summary`, `$due`, `$received`, `$period` —
//! see `Template` for which kind has which.

use std::sync::LazyLock;

use fluent_bundle::FluentArgs;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use tend_domain::figures::Grain;

use super::kind::MailKind;
use crate::i18n::{Catalog, Language};

/// The `.ftl` sources of the mail in `lang`.
pub fn sources(lang: Language) -> Vec<&'static str> {
    match lang {
        Language::En => vec![include_str!("../../locales/en/mail.ftl")],
        Language::Es => vec![include_str!("../../locales/es/mail.ftl")],
        Language::Tr => vec![include_str!("../../locales/tr/mail.ftl")],
    }
}

/// The mail's messages. No Unicode isolation marks: they would show in mail clients.
static MAIL: LazyLock<Catalog> = LazyLock::new(|| Catalog::new(sources, false));

/// Starts and ends the marker that stands for a value while a message is formatted: characters
/// of Unicode's private use area, which no message contains and HTML escaping leaves alone.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The id of a part (`subject`, `body`) of `kind`'s message: `mail-follow-up-body`.
pub(super) fn key(kind: MailKind, part: &str) -> String {
    format!("mail-{}-{part}", kind.as_str().replace('_', "-"))
}

/// A subject and a body (paragraphs separated by `"\n\n"`) with markers in place of values:
/// the words can be escaped apart from the values, which [`fill`] puts in.
pub(super) struct Text {
    pub subject: String,
    pub body: String,
}

/// `kind`'s words in `language`, with a marker for each of `names` (the variables).
pub(super) fn text(kind: MailKind, language: Language, names: &[&str]) -> Text {
    let mut args = FluentArgs::new();
    for (i, name) in names.iter().enumerate() {
        args.set(*name, format!("{OPEN}{i}{CLOSE}"));
    }
    let format = |part| MAIL.format(language, &key(kind, part), Some(&args));
    Text {
        subject: format("subject"),
        body: format("body"),
    }
}

/// The withdrawal paragraph of every mail to a customer (`mail-withdraw`) in `language`, with a
/// marker for its one variable, `$link`.
pub(super) fn withdrawal(language: Language) -> String {
    let mut args = FluentArgs::new();
    args.set("link", format!("{OPEN}0{CLOSE}"));
    MAIL.format(language, "mail-withdraw", Some(&args))
}

/// The name of the method's policy area `code` in `language` (`mail-policy-area-{code}`), for
/// the review reminder; `None` for a custom area, which has its own title.
pub fn policy_area(language: Language, code: &str) -> Option<String> {
    let id = format!("mail-policy-area-{}", code.replace('_', "-"));
    MAIL.has(language, &id)
        .then(|| MAIL.format(language, &id, None))
}

/// A figure's period (its first day, of `grain`) as the stale-figure mail writes it in
/// `language`: the date (`mail-figure-period-day`), the week of its Monday
/// (`mail-figure-period-week`) or the month's name and year (`mail-figure-period-month`).
pub fn figure_period(language: Language, grain: Grain, first_day: Date) -> String {
    let mut args = FluentArgs::new();
    let id = match grain {
        Grain::Day | Grain::Week => {
            let day = first_day
                .to_zoned(TimeZone::UTC)
                .map(|z| z.timestamp())
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            let date = crate::i18n::instant::date(&day, &TimeZone::UTC, language);
            args.set("date", date);
            if grain == Grain::Day {
                "mail-figure-period-day"
            } else {
                "mail-figure-period-week"
            }
        }
        Grain::Month => {
            let month = format!("mail-month-{}", first_day.month());
            args.set("month", MAIL.format(language, &month, None));
            args.set("year", first_day.year().to_string());
            "mail-figure-period-month"
        }
    };
    MAIL.format(language, id, Some(&args))
}

/// Copies `marked`, the words going through `literal` and each marker replaced by `value(i)`
/// for the `i`th variable.
pub(super) fn fill(
    marked: &str,
    literal: impl Fn(&mut String, &str),
    value: impl Fn(&mut String, usize),
) -> String {
    let mut out = String::with_capacity(marked.len() * 2);
    let mut rest = marked;
    while let Some(start) = rest.find(OPEN) {
        let after = &rest[start + OPEN.len_utf8()..];
        let marker = after
            .split_once(CLOSE)
            .and_then(|(i, tail)| Some((i.parse().ok()?, tail)));
        match marker {
            Some((i, tail)) => {
                literal(&mut out, &rest[..start]);
                value(&mut out, i);
                rest = tail;
            }
            // Not a marker after all: words, kept as written.
            None => {
                literal(&mut out, &rest[..start + OPEN.len_utf8()]);
                rest = after;
            }
        }
    }
    literal(&mut out, rest);
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::templates::Template;
    use super::*;
    use crate::i18n::message_ids;

    fn ids(lang: Language) -> BTreeSet<String> {
        sources(lang).iter().flat_map(|s| message_ids(s)).collect()
    }

    #[test]
    fn every_language_has_every_message() {
        let english = ids(Language::En);
        for kind in MailKind::ALL {
            for part in ["subject", "body"] {
                assert!(english.contains(&key(kind, part)), "{}", key(kind, part));
            }
        }
        for lang in Language::ALL {
            let ids = ids(lang);
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in en {extra:?}",
                lang.code()
            );
            for id in &ids {
                assert!(MAIL.has(lang, id), "{}: {id} does not parse", lang.code());
            }
        }
    }

    #[test]
    fn a_figure_s_period_is_written_the_reader_s_way() {
        let feb = Date::new(2026, 2, 1).unwrap();
        let monday = Date::new(2026, 2, 23).unwrap();
        let cases = [
            (Language::En, Grain::Month, feb, "February 2026"),
            (Language::Es, Grain::Month, feb, "febrero de 2026"),
            (Language::Tr, Grain::Month, feb, "Şubat 2026"),
            (
                Language::En,
                Grain::Week,
                monday,
                "the week of Feb 23, 2026",
            ),
            (
                Language::Es,
                Grain::Week,
                monday,
                "la semana del 23/02/2026",
            ),
            (Language::Tr, Grain::Week, monday, "23.02.2026 haftası"),
            (Language::En, Grain::Day, monday, "Feb 23, 2026"),
            (Language::Es, Grain::Day, monday, "el 23/02/2026"),
            (Language::Tr, Grain::Day, monday, "23.02.2026"),
        ];
        for (language, grain, day, want) in cases {
            assert_eq!(
                figure_period(language, grain, day),
                want,
                "{language:?} {grain:?}"
            );
        }
    }

    #[test]
    fn every_kind_renders_in_every_language_from_its_messages() {
        for kind in MailKind::ALL {
            for language in Language::ALL {
                let r = Template::example(kind, "Ana", "C-42", "https://t/x").render(language);
                let all = format!("{}{}{}", r.subject, r.text, r.html);
                // A missing message shows as its id, `mail-…`; a missing variable as `{$…}`.
                assert!(
                    !all.contains("mail-") && !all.contains('{') && !all.contains(OPEN),
                    "{kind:?}/{language:?}: {all}"
                );
                // Sign-offs are messages of their own, referenced from each body.
                assert!(r.text.trim_end().ends_with(&MAIL.format(
                    language,
                    match kind {
                        MailKind::Assignment
                        | MailKind::ResponseWarning
                        | MailKind::Breach
                        | MailKind::CsatAlert
                        | MailKind::PolicyReview
                        | MailKind::HelpReview
                        | MailKind::FigureStale => {
                            "mail-sign-staff"
                        }
                        _ => "mail-sign-customer",
                    },
                    None
                )));
            }
        }
    }

    #[test]
    fn every_placeholder_is_filled_and_escaped() {
        for kind in MailKind::ALL {
            for language in Language::ALL {
                let r = Template::example(kind, "Ana <b>", "C-42", "https://t/x?a=1&b=2")
                    .render(language);
                let all = format!("{}{}{}", r.subject, r.text, r.html);
                assert!(
                    !all.contains('{') && !all.contains('}'),
                    "{kind:?}/{language:?}: {all}"
                );
                assert!(
                    r.text.contains("Ana <b>") && r.text.contains("C-42"),
                    "{kind:?}/{language:?}"
                );
                assert!(r.html.contains("Ana &lt;b&gt;") && !r.html.contains("<b>"));
                assert!(r.html.contains("<a href=\"https://t/x?a=1&amp;b=2\">"));
            }
        }
    }

    /// Values that need escaping, a control character, an http(s) link or a relative one, and
    /// text that looks like a placeholder.
    fn nasty(kind: MailKind, i: usize) -> Template {
        let link = ["https://t/x?a=1&b=2&c=\"'<>", "/s/abc<&>{name}"][i];
        serde_json::from_value(serde_json::json!({
            "kind": kind.as_str(),
            "name": format!("Ana <b>&\"' Pérez\u{7}{i}"),
            "reference": "C-42<&>{reference}",
            "status_link": link, "answer_link": link, "link": link,
            "product": "Kettle <i>&'\"",
            "summary": "Broken\nlid & <script>alert('x')</script>",
            "due": "2026-12-01 17:00 <CET>",
            "received": "30/11/2026 10:00 <UTC+03:00>",
        }))
        .unwrap()
    }

    /// The mail reads, byte for byte, as when its words were Rust string tables
    /// (`snapshot.txt`, rendered before the move to Fluent).
    #[test]
    fn renders_match_the_snapshot() {
        let mut out = String::new();
        for (kind, i) in [(MailKind::Acknowledgement, 0), (MailKind::Breach, 1)] {
            for language in Language::ALL {
                let r = nasty(kind, i).render(language);
                out.push_str(&format!(
                    "===== {kind:?} {language:?} {i}\n--- subject\n{}\n--- text\n{}--- html\n{}",
                    r.subject, r.text, r.html
                ));
            }
        }
        assert_eq!(out, include_str!("snapshot.txt"));
    }
}
