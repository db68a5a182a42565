//! What text may enter through a URL or a form: URL-encoded names and values checked strictly.
//!
//! Once percent-decoded (`+` as a space), every name and value must be valid UTF-8 (no silent
//! U+FFFD for a bad byte, and no lone surrogate, which UTF-8 cannot hold) and contain no NUL
//! character: PostgreSQL refuses NUL in text while SQLite stores it, so nothing that one engine
//! refuses may reach the store. Both surfaces (pages and API) check queries, forms and path
//! segments with this one rule.

use std::borrow::Cow;

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unclean {
    /// Its bytes are not UTF-8 once decoded.
    NotUtf8,
    /// It holds a NUL character (U+0000).
    Nul,
}

/// The first field of `body` (a query string or an `application/x-www-form-urlencoded` body)
/// that is not clean text: its name (decoded lossily, for display) and what is wrong.
pub fn check(body: &[u8]) -> Result<(), (String, Unclean)> {
    for pair in body.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match pair.iter().position(|&b| b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &[][..]),
        };
        let name = decode(name);
        let shown = || String::from_utf8_lossy(&name).replace('\0', "\u{fffd}");
        let (Ok(n), Ok(v)) = (std::str::from_utf8(&name), String::from_utf8(decode(value))) else {
            return Err((shown(), Unclean::NotUtf8));
        };
        if n.contains('\0') || v.contains('\0') {
            return Err((shown(), Unclean::Nul));
        }
    }
    Ok(())
}

/// Whether a path, percent-decoded, is clean UTF-8 without NUL (`+` stays a plus in a path).
pub fn clean_path(path: &str) -> bool {
    let raw = path.replace('+', "%2B");
    String::from_utf8(decode(raw.as_bytes())).is_ok_and(|p| !p.contains('\0'))
}

/// `+` as a space, then `%XX` as the byte it stands for (a `%` without two hex digits stays).
pub fn decode(raw: &[u8]) -> Vec<u8> {
    let plus: Cow<[u8]> = if raw.contains(&b'+') {
        Cow::Owned(
            raw.iter()
                .map(|&b| if b == b'+' { b' ' } else { b })
                .collect(),
        )
    } else {
        Cow::Borrowed(raw)
    };
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(plus.len());
    let mut i = 0;
    while i < plus.len() {
        if plus[i] == b'%'
            && let (Some(h), Some(l)) = (
                plus.get(i + 1).and_then(|&c| hex(c)),
                plus.get(i + 2).and_then(|&c| hex(c)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(plus[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_forms_pass_and_bad_fields_are_named() {
        assert_eq!(check(b"a=1&b=caf%C3%A9+au+lait&c=&d"), Ok(()));
        assert_eq!(
            check(b"a=1&name=%FF%FEx"),
            Err(("name".into(), Unclean::NotUtf8))
        );
        assert_eq!(
            check(b"subject=a%00b"),
            Err(("subject".into(), Unclean::Nul))
        );
        assert_eq!(check(b"q=%00"), Err(("q".into(), Unclean::Nul)));
        assert!(matches!(check(b"na%C3me=x"), Err((_, Unclean::NotUtf8))));
        // A lone surrogate encoded as if in UTF-8 is not UTF-8.
        assert!(check(b"q=%ED%A0%80").is_err());
        assert_eq!(check(b"q=100%25&r=%zz"), Ok(()));
        assert!(clean_path("/invite/abc+d%20e"));
        assert!(!clean_path("/invite/%00"));
        assert!(!clean_path("/customers/%FF"));
    }
}
