//! Refusal reasons in the reader's language: a domain [`Reason`] (code and parameters)
//! rendered from `locales/<lang>/reasons.ftl`; English is the domain's own text.

use std::sync::LazyLock;

use fluent_bundle::FluentArgs;
use tend_domain::kernel::reason::Reason;

use super::{Catalog, Language};

/// The `.ftl` sources of the reasons in `lang` (none for English: the domain writes it).
pub fn sources(lang: Language) -> Vec<&'static str> {
    match lang {
        Language::En => vec![],
        Language::Es => vec![include_str!("../../locales/es/reasons.ftl")],
        Language::Tr => vec![include_str!("../../locales/tr/reasons.ftl")],
    }
}

static REASONS: LazyLock<Catalog> = LazyLock::new(|| Catalog::new(sources, false));

/// `r` in `lang`: `reason-<code>` with its parameters, or the English text where a language
/// has no message for it (a test keeps that from happening).
pub fn reason(lang: Language, r: &Reason) -> String {
    let key = format!("reason-{}", r.code());
    if lang == Language::En || !REASONS.has(lang, &key) {
        return r.to_string();
    }
    let mut args = FluentArgs::new();
    for (name, value) in &r.args {
        args.set(*name, value.clone());
    }
    REASONS.format(lang, &key, Some(&args))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use tend_domain::kernel::reason::{ALL, TOO_LONG, UNDERSTAND_FIRST};

    use super::*;

    /// `{name}` placeholders of an English text, `{ $name }` variables of a Fluent message.
    fn names(text: &str, open: &str) -> BTreeSet<String> {
        text.split(open)
            .skip(1)
            .filter_map(|s| s.split_once('}'))
            .map(|(n, _)| n.trim().to_owned())
            .collect()
    }

    #[test]
    fn every_reason_speaks_every_language_with_the_same_parameters() {
        for lang in [Language::Es, Language::Tr] {
            let source: String = sources(lang).concat();
            for kind in ALL {
                let key = format!("reason-{}", kind.code);
                // The message's first line and its indented continuation lines (a select).
                let mut lines = source
                    .lines()
                    .skip_while(|l| l.split_once(" = ").is_none_or(|(k, _)| k != key));
                let line = lines
                    .next()
                    .unwrap_or_else(|| panic!("{}: no {key}", lang.code()));
                let more = lines.take_while(|l| l.starts_with(' '));
                let text = std::iter::once(line.split_once(" = ").unwrap().1)
                    .chain(more)
                    .collect::<Vec<_>>()
                    .join("\n");
                assert_eq!(
                    names(&text, "{ $"),
                    names(kind.english, "{"),
                    "{}: {key} has other parameters than the English",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn a_period_is_named_in_the_readers_language() {
        use tend_domain::kernel::reason::PERIOD_START;
        let r = PERIOD_START
            .with("grain", "month")
            .with("got", "2026-05-02");
        assert_eq!(
            reason(Language::En, &r),
            "must be the first day of a month (got 2026-05-02)"
        );
        assert_eq!(
            reason(Language::Es, &r),
            "debe ser el primer día de un mes (recibido 2026-05-02)"
        );
        assert_eq!(
            reason(Language::Tr, &r),
            "bir ayın ilk günü olmalıdır (gelen 2026-05-02)"
        );
        let r = PERIOD_START.with("grain", "week").with("got", "2026-05-02");
        assert!(reason(Language::Es, &r).contains("de una semana"));
        assert!(reason(Language::Tr, &r).starts_with("bir haftanın"));
    }

    #[test]
    fn reasons_render_in_the_readers_language() {
        let r = TOO_LONG.with("max", 200).with("got", 201);
        assert_eq!(
            reason(Language::En, &r),
            "must be at most 200 characters (got 201)"
        );
        assert_eq!(
            reason(Language::Es, &r),
            "admite como máximo 200 caracteres (tiene 201)"
        );
        assert_eq!(
            reason(Language::Tr, &r),
            "en fazla 200 karakter olabilir (201 karakter girildi)"
        );
        assert_eq!(
            reason(Language::Tr, &UNDERSTAND_FIRST.into()),
            "önce şikâyeti anlayın (\"Anlamak\" adımı)"
        );
    }
}
