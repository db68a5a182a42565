//! Satisfaction after resolution (CSAT): the reasons a dissatisfied customer (1–3) may pick,
//! which the business defines — at most [`MAX_REASONS`], each with a stable code and its text
//! in every language Tend speaks (en, es, tr) — and the list used until it does.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::{
    CSAT_REASON_CODE, CSAT_REASON_TWICE, CSAT_REASONS_COUNT, REQUIRED, SURVEY_LANGUAGE,
};
use crate::kernel::text::Text;

/// The most reasons a business may offer.
pub const MAX_REASONS: usize = 8;

/// The languages every reason's text is given in.
pub const LANGUAGES: [&str; 3] = ["en", "es", "tr"];

/// The longest code, in characters.
pub const CODE_MAX: usize = 40;

/// One reason as typed: a code (what an answer stores) and its text by language.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsatReason {
    /// 1–40 lowercase letters, digits or `_`, e.g. `too_slow`.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[a-z0-9_]{1,40}$", min_length = 1, max_length = 40)
    )]
    pub code: String,
    /// The text in each of `en`, `es` and `tr` (1–100 characters each).
    pub labels: BTreeMap<String, String>,
}

/// The business's list of reasons, checked: at most [`MAX_REASONS`], codes well formed and
/// each once, every text present in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsatReasons(Vec<CsatReason>);

fn code_ok(code: &str) -> bool {
    (1..=CODE_MAX).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl CsatReasons {
    /// Checks `list`; each refusal names its place: `reasons` for the count,
    /// `reasons[N].code`, `reasons[N].labels.LANG` (N from 1).
    pub fn new(list: Vec<CsatReason>) -> Result<Self, DomainError> {
        let mut e = FieldErrors::new();
        if list.len() > MAX_REASONS {
            e.add(
                "reasons",
                CSAT_REASONS_COUNT
                    .with("max", MAX_REASONS)
                    .with("got", list.len()),
            );
        }
        let mut seen = Vec::new();
        let mut out = Vec::with_capacity(list.len());
        for (i, r) in list.into_iter().enumerate() {
            let at = format!("reasons[{}]", i + 1);
            let code = r.code.trim().to_owned();
            if !code_ok(&code) {
                e.add(format!("{at}.code"), CSAT_REASON_CODE.with("max", CODE_MAX));
            } else if seen.contains(&code) {
                e.add(
                    format!("{at}.code"),
                    CSAT_REASON_TWICE.with("code", code.as_str()),
                );
            }
            seen.push(code.clone());
            let mut labels = BTreeMap::new();
            for lang in LANGUAGES {
                let field = format!("{at}.labels.{lang}");
                match r.labels.get(lang).map(|v| Text::<100>::parse(v)) {
                    None => e.add(field, REQUIRED),
                    Some(Err(reason)) => e.add(field, reason),
                    Some(Ok(text)) => {
                        labels.insert(lang.to_owned(), text.as_str().to_owned());
                    }
                }
            }
            for other in r.labels.keys().filter(|k| !LANGUAGES.contains(&k.as_str())) {
                let got = format!("\"{other}\"");
                e.add(
                    format!("{at}.labels.{other}"),
                    SURVEY_LANGUAGE.with("got", got),
                );
            }
            out.push(CsatReason { code, labels });
        }
        e.finish(|| CsatReasons(out))
    }

    /// The list Tend offers until the business sets its own: too slow, not solved, the
    /// staff's manner, unclear information, the compensation, something else.
    pub fn standard() -> Self {
        let rows: [(&str, [&str; 3]); 6] = [
            (
                "too_slow",
                ["It took too long", "Tardó demasiado", "Çok uzun sürdü"],
            ),
            (
                "not_solved",
                [
                    "The problem is not solved",
                    "El problema no está resuelto",
                    "Sorun çözülmedi",
                ],
            ),
            (
                "staff_manner",
                [
                    "How the staff treated me",
                    "El trato del personal",
                    "Personelin tutumu",
                ],
            ),
            (
                "unclear_information",
                [
                    "The information was unclear",
                    "La información no era clara",
                    "Bilgiler açık değildi",
                ],
            ),
            (
                "compensation",
                ["The compensation", "La compensación", "Tazminat"],
            ),
            ("other", ["Something else", "Otra cosa", "Başka bir şey"]),
        ];
        CsatReasons(
            rows.into_iter()
                .map(|(code, texts)| CsatReason {
                    code: code.to_owned(),
                    labels: LANGUAGES
                        .iter()
                        .zip(texts)
                        .map(|(l, t)| ((*l).to_owned(), t.to_owned()))
                        .collect(),
                })
                .collect(),
        )
    }

    /// The reasons, in their order.
    pub fn list(&self) -> &[CsatReason] {
        &self.0
    }

    /// Whether `code` is one of them.
    pub fn contains(&self, code: &str) -> bool {
        self.0.iter().any(|r| r.code == code)
    }

    /// Each reason's code and its text in `lang` (English when `lang` is not one of them).
    pub fn in_language(&self, lang: &str) -> Vec<(String, String)> {
        self.0
            .iter()
            .map(|r| {
                let text = r.labels.get(lang).or_else(|| r.labels.get("en"));
                (r.code.clone(), text.cloned().unwrap_or_default())
            })
            .collect()
    }
}
