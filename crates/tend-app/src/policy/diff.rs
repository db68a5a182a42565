//! The difference between two policy versions: for each area and language whose text changed
//! (an area or a language only in one of them counts as all added or all removed), the line
//! diff from the older text to the newer (`tend_domain::policy::state::diff`).

use tend_domain::policy::LANGUAGES;
use tend_domain::policy::state::{DiffLine, diff};
use tend_store::StoredPolicyVersion;

/// The changed text of one area in one language.
pub struct AreaDiff {
    pub area: String,
    pub lang: &'static str,
    pub lines: Vec<DiffLine>,
}

/// Every changed (area, language) from `from` to `to`: areas in `to`'s order, then the areas
/// only `from` had; languages in en, es, tr order.
pub fn between(from: &StoredPolicyVersion, to: &StoredPolicyVersion) -> Vec<AreaDiff> {
    let mut codes: Vec<&str> = to.areas.iter().map(|a| a.code.as_str()).collect();
    for a in &from.areas {
        if !codes.contains(&a.code.as_str()) {
            codes.push(&a.code);
        }
    }
    let text = |v: &StoredPolicyVersion, code: &str, lang: &str| {
        v.areas
            .iter()
            .find(|a| a.code == code)
            .and_then(|a| a.text(lang))
            .map(|t| format!("{t}\n"))
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for code in codes {
        for lang in LANGUAGES {
            let (old, new) = (text(from, code, lang), text(to, code, lang));
            if old != new {
                out.push(AreaDiff {
                    area: code.to_owned(),
                    lang,
                    lines: diff(&old, &new),
                });
            }
        }
    }
    out
}
