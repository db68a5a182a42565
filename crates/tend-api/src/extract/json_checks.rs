//! Checks on a JSON body before and after it is read: a NUL escape anywhere is refused naming
//! its field, and numbers with a zero fraction are read as integers.

use super::join;
use crate::error::ApiError;

/// Writes every number with a zero fraction that fits an `i64` exactly (|n| < 2^53) as an
/// integer, so a field typed as an integer accepts `2.0` as JSON Schema defines `integer`.
pub(super) fn integral(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0)
                && f.abs() < 9_007_199_254_740_992.0
            {
                *v = Value::from(f as i64);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(integral),
        Value::Object(o) => o.values_mut().for_each(integral),
        _ => {}
    }
}

/// Whether a JSON text holds the escape `\u0000` (a raw NUL byte is already invalid JSON).
/// Backslashes only occur inside strings, so counting them finds real escapes only.
pub(super) fn has_nul_escape(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            if bytes[i + 1..].starts_with(b"u0000") {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// The 422 for a NUL character, naming the first field (or key) that holds one.
pub(super) fn nul_error(bytes: &[u8]) -> ApiError {
    fn find(v: &serde_json::Value, path: &str) -> Option<String> {
        match v {
            serde_json::Value::String(s) => s.contains('\0').then(|| path.to_owned()),
            serde_json::Value::Array(a) => a
                .iter()
                .enumerate()
                .find_map(|(i, x)| find(x, &format!("{path}[{i}]"))),
            serde_json::Value::Object(o) => o.iter().find_map(|(k, x)| {
                let p = join(path, k);
                if k.contains('\0') {
                    Some(p)
                } else {
                    find(x, &p)
                }
            }),
            _ => None,
        }
    }
    let field = serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|v| find(&v, "."))
        .unwrap_or_else(|| "body".to_owned());
    ApiError::invalid(
        field,
        tend_domain::kernel::reason::CONTROL_CHARACTERS.english,
    )
}
