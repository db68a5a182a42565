//! Search text: the one folding and tokenizing of what is indexed and what is searched.
//!
//! Both engines store and match only the tokens made here, so SQLite and PostgreSQL cannot
//! drift. The rules, in order:
//!
//! 1. **Folding** ([`fold`]): the four Turkish i's (`I`, `ı`, `İ`, `i`) are one letter `i`;
//!    then Unicode compatibility decomposition (NFKD), combining marks removed, lower case.
//!    So `Café` → `cafe`, `KIRIK` and `kırık` → `kirik`, `ﬁ` → `fi`. Letters without a
//!    decomposition are spelled out: `ß`/`ẞ` → `ss`, `æ` → `ae`, `œ` → `oe`, `ø` → `o`,
//!    `ł` → `l`, `đ`/`ð` → `d`, `þ` → `th`. Spanish `ñ` is **folded** to `n` (NFKD splits it
//!    into `n` and a tilde): agents on a keyboard without it find `España` by `espana`; the
//!    cost, `año` and `ano` matching each other, is accepted for a search box.
//! 2. **Tokens** ([`tokens`]): a *chunk* is a run of letters, digits and the code connectors
//!    `-` `/` `.` `_` `@` `+` `#`. A chunk gives its parts (split at the connectors) and, when it
//!    has several, also the parts joined: `A-77` → `a`, `77`, `a77`;
//!    `ana.diaz@example.com` → `ana`, `diaz`, `example`, `com`, `anadiazexamplecom`. Tokens hold
//!    letters and digits only, at most [`MAX_TOKEN`] characters.
//! 3. **Queries** ([`query_words`]): each chunk of the query is one word, its parts joined
//!    (`A-77` searches `a77`, `KIRIK ÜRÜN` searches `kirik` and `urun`), at most
//!    [`MAX_WORDS`] words. A record matches when **every** word is the **start** of one of its
//!    tokens (prefix matching).
//! 4. **Phones** ([`phone_digits`]): the digits only, so `+34 600-000 000` is `34600000000`.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The longest token kept, in characters (longer ones are cut; PostgreSQL caps lexemes).
pub const MAX_TOKEN: usize = 60;
/// The most words a query is made of; the rest are ignored.
pub const MAX_WORDS: usize = 8;

const CONNECTORS: &[char] = &['-', '/', '.', '_', '@', '+', '#'];

/// The text folded for matching: see the module's rule 1.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'I' | 'ı' | 'İ' => out.push('i'),
            _ => {
                for d in c.nfkd() {
                    if is_combining_mark(d) {
                        continue;
                    }
                    for l in d.to_lowercase() {
                        match l {
                            'ß' => out.push_str("ss"),
                            'æ' => out.push_str("ae"),
                            'œ' => out.push_str("oe"),
                            'ø' => out.push('o'),
                            'ł' => out.push('l'),
                            'đ' | 'ð' => out.push('d'),
                            'þ' => out.push_str("th"),
                            // `İ` lower-cases to i + U+0307, a combining mark: dropped.
                            '\u{307}' => {}
                            l => out.push(l),
                        }
                    }
                }
            }
        }
    }
    out
}

fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() && !is_combining_mark(c)
}

fn is_chunk_char(c: char) -> bool {
    is_token_char(c) || CONNECTORS.contains(&c)
}

/// The chunks of already folded text, each as its parts (non-empty, letters and digits).
fn chunks(folded: &str) -> impl Iterator<Item = Vec<&str>> {
    folded
        .split(|c: char| !is_chunk_char(c))
        .map(|chunk| {
            chunk
                .split(|c: char| !is_token_char(c))
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|parts| !parts.is_empty())
}

fn cut(token: &str) -> String {
    token.chars().take(MAX_TOKEN).collect()
}

/// The distinct tokens of a text, in order of first appearance: see the module's rule 2.
pub fn tokens(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut add = |t: String| {
        if seen.insert(t.clone()) {
            out.push(t);
        }
    };
    for parts in chunks(&folded) {
        for p in &parts {
            add(cut(p));
        }
        if parts.len() > 1 {
            add(cut(&parts.concat()));
        }
    }
    out
}

/// The distinct words of a query (each matched as a token's start): see rule 3. Empty when the
/// query has no letter or digit.
pub fn query_words(q: &str) -> Vec<String> {
    let folded = fold(q);
    let mut out: Vec<String> = Vec::new();
    for parts in chunks(&folded) {
        let w = cut(&parts.concat());
        if !out.contains(&w) {
            out.push(w);
        }
        if out.len() == MAX_WORDS {
            break;
        }
    }
    out
}

/// The digits of a phone number, e.g. `+34 600-000 000` → `34600000000`.
pub fn phone_digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a query looks like a phone number: only digits, spaces, `+ - . / ( )`, and at least
/// four digits. Such a query is searched as its digits (see [`phone_digits`]).
pub fn is_phone_query(q: &str) -> bool {
    q.chars()
        .all(|c| c.is_ascii_digit() || " +-./()".contains(c))
        && phone_digits(q).len() >= 4
}

/// A text cut into pieces for showing a search hit: `(piece, matched)`, in order, covering the
/// whole text. A chunk (rule 2) is matched when one of its tokens starts with one of `words`
/// (as made by [`query_words`]).
pub fn highlight<'a>(text: &'a str, words: &[String]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut chunk_from: Option<usize> = None;
    let flush = |from: usize, to: usize, plain_from: &mut usize, out: &mut Vec<_>| {
        let chunk = &text[from..to];
        let hit = tokens(chunk)
            .iter()
            .any(|t| words.iter().any(|w| t.starts_with(w.as_str())));
        if hit {
            if *plain_from < from {
                out.push((&text[*plain_from..from], false));
            }
            out.push((chunk, true));
            *plain_from = to;
        }
    };
    for (i, c) in text.char_indices() {
        let inside = is_chunk_char(c) || is_combining_mark(c);
        match (inside, chunk_from) {
            (true, None) => chunk_from = Some(i),
            (false, Some(from)) => {
                flush(from, i, &mut plain_from, &mut out);
                chunk_from = None;
            }
            _ => {}
        }
    }
    if let Some(from) = chunk_from {
        flush(from, text.len(), &mut plain_from, &mut out);
    }
    if plain_from < text.len() {
        out.push((&text[plain_from..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_cases_and_the_four_turkish_is() {
        assert_eq!(fold("El Café llegó FRÍO"), "el cafe llego frio");
        assert_eq!(fold("KIRIK ÜRÜN"), "kirik urun");
        assert_eq!(fold("kırık ürün"), "kirik urun");
        assert_eq!(fold("İSTANBUL ılık Iğdır"), "istanbul ilik igdir");
        assert_eq!(fold("Straße Ærø Łódź ﬁne"), "strasse aero lodz fine");
        assert_eq!(fold("España Ñandú"), "espana nandu");
    }

    #[test]
    fn codes_are_kept_whole_and_split() {
        assert_eq!(
            tokens("Spare part A-77 is missing."),
            ["spare", "part", "a", "77", "a77", "is", "missing"]
        );
        assert_eq!(
            tokens("ana.diaz@example.com"),
            ["ana", "diaz", "example", "com", "anadiazexamplecom"]
        );
        assert_eq!(
            tokens("order 2026/11/0042"),
            ["order", "2026", "11", "0042", "2026110042"]
        );
        assert!(tokens(" -- ... ").is_empty());
    }

    #[test]
    fn queries_are_words_joined_at_connectors() {
        assert_eq!(query_words("A-77"), ["a77"]);
        assert_eq!(
            query_words("  Can't \"log in\" -- ŞİFRE*"),
            ["can", "t", "log", "in", "sifre"]
        );
        assert_eq!(query_words("KIRIK kırık"), ["kirik"]);
        assert!(query_words("*** --").is_empty());
        assert_eq!(query_words("a b c d e f g h i j").len(), MAX_WORDS);
    }

    #[test]
    fn phones_are_their_digits() {
        assert_eq!(phone_digits("+34 600-000 000"), "34600000000");
        assert!(is_phone_query("+34 600"));
        assert!(!is_phone_query("600"));
        assert!(!is_phone_query("A-7700"));
    }

    #[test]
    fn highlight_marks_whole_chunks_and_covers_the_text() {
        let words = query_words("kirik a-77");
        let pieces = highlight("KIRIK ürün, part A-77.", &words);
        assert_eq!(
            pieces,
            [("KIRIK", true), (" ürün, part ", false), ("A-77.", true)]
        );
        let joined: String = pieces.iter().map(|p| p.0).collect();
        assert_eq!(joined, "KIRIK ürün, part A-77.");
        assert_eq!(highlight("nothing", &words), [("nothing", false)]);
    }
}
