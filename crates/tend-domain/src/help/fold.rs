//! Search folding for the help centre: case, accents and the Turkish i's folded away, so
//! "İADE", "iade", "ıade" and "Iade" are one word, and "reembolso" matches "Reembolsó".
//!
//! A local rule for now: a shared folding function for all searches is being written in
//! parallel; this one should be replaced by it when it lands.

use unicode_normalization::UnicodeNormalization;

/// `raw` folded: canonical decomposition (NFD) with combining marks (U+0300–U+036F) dropped,
/// lower-cased, dotless `ı` (U+0131) read as `i`, every other character that is not a letter
/// or digit turned into one space; words separated by single spaces, no leading or trailing
/// space. `İ` decomposes to `I` + U+0307 and so folds to `i` too.
pub fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = true;
    for c in raw.nfd() {
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                out.push(if l == 'ı' { 'i' } else { l });
            }
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
