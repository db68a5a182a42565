//! Where a redirect to a user-given path may go: one normalised local path, or the fallback.
//!
//! Every redirect whose target comes from the request (`next` after signing in, `back` after
//! choosing a language) goes through [`local_path`]. Browsers strip tabs, CR and LF anywhere in a
//! URL and treat `\` as `/`, so `/\t/evil.example` or `/\evil.example` leave the site; a control
//! character in a `Location` header cannot even be sent. The rule is therefore an allow-list.

use tend_domain::kernel::urlencoded;

/// The longest target kept, in bytes.
const MAX_TARGET: usize = 2000;

/// `raw` if it is a safe local path, else `None`.
///
/// Accepted: 1..=2000 bytes of visible ASCII (`!`..=`~`, so no space, control character or
/// non-ASCII letter, whose encoded form a browser may strip or fold) starting with exactly one
/// `/` and containing no `\`; and whose path part (before `?` or `#`), percent-decoded once,
/// still starts with a single `/`, has no `\` and no control character or whitespace — so
/// `/%2F/evil.example`, `/%5Cevil.example` and `/%09/evil.example` are refused too. Anything
/// else — a scheme (`https:`, `javascript:`), `//host`, `/\host` — is `None`.
pub fn local_path(raw: &str) -> Option<&str> {
    let visible = raw
        .bytes()
        .all(|b| (b'!'..=b'~').contains(&b) && b != b'\\');
    if raw.is_empty() || raw.len() > MAX_TARGET || !visible || !single_slash(raw.as_bytes()) {
        return None;
    }
    let path = raw.split(['?', '#']).next().unwrap_or("");
    // Decoded once, `+` kept as itself (in a path it is no space).
    let decoded = urlencoded::decode(path.replace('+', "%2B").as_bytes());
    let clean = !decoded
        .iter()
        .any(|&b| b == b'\\' || b.is_ascii_control() || b.is_ascii_whitespace() || b >= 0x80);
    (clean && single_slash(&decoded)).then_some(raw)
}

/// `raw` if it is a safe local path, else `fallback` (itself a constant local path).
pub fn local_or<'a>(raw: &'a str, fallback: &'static str) -> &'a str {
    local_path(raw).unwrap_or(fallback)
}

fn single_slash(b: &[u8]) -> bool {
    b.first() == Some(&b'/') && !matches!(b.get(1), Some(b'/' | b'\\'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_targets_are_refused() {
        for bad in [
            "",
            "inbox",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/\0",
            "/%09/evil.example",
            "/%2F/evil.example",
            "/%5Cevil.example",
            "/%0d%0aSet-Cookie:x",
            "https://evil.example",
            "javascript:alert(1)",
            "/\u{2003}/evil.example",
            "/\u{a0}/evil.example",
            "/\u{feff}/evil.example",
            "/ /evil.example",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(2000))), None);
    }

    #[test]
    fn local_paths_are_kept() {
        for good in [
            "/",
            "/inbox",
            "/inbox?status=resolved&q=a%20b",
            "/complaints/12#steps",
            "/customers?q=%2F%2F",
        ] {
            assert_eq!(local_path(good), Some(good), "{good:?}");
        }
        assert_eq!(local_or("//x", "/inbox"), "/inbox");
    }
}
