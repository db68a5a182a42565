//! Search folding for the help centre: case, accents and the Turkish i's folded away, so
//! "İADE", "iade", "ıade" and "Iade" are one word, and "reembolso" matches "Reembolsó".
//!
//! The letters are folded by the one search rule of every search (`kernel::search_text::fold`);
//! this module only cuts the folded text into words for the help centre's matching.

use crate::kernel::search_text;

/// `raw` folded by [`search_text::fold`] (case, accents, the four Turkish i's, `ß` → `ss` …),
/// every character that is not a letter or digit turned into one space; words separated by
/// single spaces, no leading or trailing space.
pub fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = true;
    for c in search_text::fold(raw).chars() {
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The distinct folded words of `raw`, at most `max` of them, in order of first appearance.
pub fn words(raw: &str, max: usize) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for w in fold(raw).split(' ').filter(|w| !w.is_empty()) {
        if seen.len() == max {
            break;
        }
        if !seen.iter().any(|s| s == w) {
            seen.push(w.to_owned());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_i_forms_are_one_letter() {
        for w in ["İADE", "iade", "IADE", "ıade", "İade"] {
            assert_eq!(fold(w), "iade", "{w}");
        }
        assert_eq!(fold("Şifre sıfırlama"), "sifre sifirlama");
    }

    #[test]
    fn accents_and_case_fold() {
        assert_eq!(fold("  Reembolsó, ¿CÓMO?  "), "reembolso como");
        assert_eq!(fold("Ñandú"), "nandu");
        assert_eq!(words("a b a c", 2), vec!["a", "b"]);
        assert!(words("¿?", 5).is_empty());
    }
}
