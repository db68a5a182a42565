//! A catalogue of Fluent messages: one bundle per language, built once from `.ftl` sources
//! embedded in the binary (several files per language, one per capability).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::Language;

type Bundle = FluentBundle<FluentResource>;

/// Messages in every [`Language`]. Build it once (in a `LazyLock`): parsing happens here, and a
/// source that does not parse, or defines a message twice, panics at start-up.
pub struct Catalog {
    bundles: Vec<(Language, Bundle)>,
}

impl Catalog {
    /// `sources(lang)` lists the `.ftl` texts of `lang`. `isolate`: Unicode isolation marks
    /// around arguments (off for HTML and mail, where they would show as stray characters).
    pub fn new(sources: impl Fn(Language) -> Vec<&'static str>, isolate: bool) -> Catalog {
        let bundles = Language::ALL
            .into_iter()
            .map(|lang| {
                let id = lang
                    .code()
                    .parse()
                    .expect("a language code is a language id");
                let mut bundle = Bundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(isolate);
                for source in sources(lang) {
                    let res = FluentResource::try_new(source.to_owned())
                        .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", lang.code()));
                    bundle
                        .add_resource(res)
                        .unwrap_or_else(|e| panic!("{}: {e:?}", lang.code()));
                }
                (lang, bundle)
            })
            .collect();
        Catalog { bundles }
    }

    fn bundle(&self, lang: Language) -> &Bundle {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("every language has a bundle")
            .1
    }

    /// Whether `lang` has a message `key` with a value.
    pub fn has(&self, lang: Language, key: &str) -> bool {
        self.bundle(lang)
            .get_message(key)
            .is_some_and(|m| m.value().is_some())
    }

    /// The message `key` in `lang` with `args`; a missing message is logged and shows its key.
    pub fn format(&self, lang: Language, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = lang.code(), "missing message");
            return key.to_owned();
        };
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "message formatting");
        }
        text.into_owned()
    }
}

/// The message ids one `.ftl` source defines (a message starts a line: `id = …`).
pub fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('='))
        .map(|(id, _)| id.trim().to_owned())
        .collect()
}
