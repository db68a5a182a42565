//! How the validated text types look in the OpenAPI document (feature `openapi`): the same
//! rules as `Text::parse`, written as JSON Schema `pattern`s so a client (or a schema fuzzer)
//! knows exactly what is accepted.
//!
//! `Text::parse` trims white space (Unicode `White_Space`, as `str::trim`), refuses what is then
//! empty, longer than `MAX` characters or holds a control character (C0, DEL, C1; a multi-line
//! text keeps tab, CR and LF); a single-line text ([`super::text::Line`]) also refuses tab, CR,
//! LF, U+2028 and U+2029. The patterns are valid in ECMA-262 and in Python's `re`.

use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use super::text::Text;

/// Unicode `White_Space`, what `str::trim` removes, as the inside of a character class.
const WS: &str = r"\t\n\x0b\x0c\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// The unanchored pattern of a valid text of at most `max` characters once trimmed: white
/// space, then characters that are not control characters (nor line breaks when single-line),
/// starting and ending with a non-space, then white space. The bound is in the pattern (not a
/// `maxLength`), since surrounding white space does not count.
fn valid(multiline: bool, max: usize) -> String {
    let first = format!(r"[^{WS}\x00-\x1f\x7f-\x9f]");
    let inner = if multiline {
        r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
    } else {
        r"[^\x00-\x1f\x7f-\x9f\u2028\u2029]"
    };
    let rest = match max {
        0 | 1 => String::new(),
        n => format!("(?:{inner}{{0,{}}}{first})?", n - 2),
    };
    format!(r"[{WS}]*{first}{rest}[{WS}]*")
}

fn text_schema(pattern: String, min: Option<usize>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(min)
        .pattern(Some(pattern))
        .into()
}

impl<const MAX: usize, const MULTILINE: bool> PartialSchema for Text<MAX, MULTILINE> {
    fn schema() -> RefOr<Schema> {
        text_schema(format!("^{}$", valid(MULTILINE, MAX)), Some(1))
    }
}

impl<const MAX: usize, const MULTILINE: bool> ToSchema for Text<MAX, MULTILINE> {}

/// An optional text field of a draft: blank (or absent, or `null`) means "not given";
/// anything else must be a valid [`Text`]. Only a schema: drafts hold the raw `String`.
pub struct OptText<const MAX: usize, const MULTILINE: bool = true>;

/// [`OptText`] for a single line.
pub type OptLine<const MAX: usize> = OptText<MAX, false>;

impl<const MAX: usize, const MULTILINE: bool> PartialSchema for OptText<MAX, MULTILINE> {
    fn schema() -> RefOr<Schema> {
        text_schema(format!("^(?:[{WS}]*|{})$", valid(MULTILINE, MAX)), None)
    }
}

impl<const MAX: usize, const MULTILINE: bool> ToSchema for OptText<MAX, MULTILINE> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::text::Line;

    /// The pattern accepts exactly what `parse` accepts, on a table of edge cases, the length
    /// bound (3 here) included.
    #[test]
    fn patterns_agree_with_parse() {
        let cases = [
            "a",
            " a ",
            "\ta\n",
            "a b",
            "a\tb",
            "a\nb",
            "a\rb",
            "a\u{2028}b",
            "",
            " ",
            "\u{3000}",
            "a\u{0}b",
            "a\u{7f}",
            "\u{85}a",
            "a\u{9f}b",
            "ı İ ñ",
            "\u{b}a",
            "a\u{c}b",
            "😀",
        ];
        for multiline in [false, true] {
            let re = regex_lite::Regex::new(&format!("^{}$", valid(multiline, 3))).unwrap();
            for c in cases
                .into_iter()
                .chain(["abc", " abc ", "abcd", "a  b", "ab"])
            {
                let ok = if multiline {
                    Text::<3>::parse(c).is_ok()
                } else {
                    Line::<3>::parse(c).is_ok()
                };
                assert_eq!(re.is_match(c), ok, "{c:?} multiline={multiline}");
            }
        }
    }
}
