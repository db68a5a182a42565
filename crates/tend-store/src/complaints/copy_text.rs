//! The text a `COPY` import sends: rows in PostgreSQL's `COPY` text format, and the text and
//! `tsvector` literal of a complaint's search document.

use super::rows::RECORD_COLUMNS;
use crate::kernel::sql::Value;

/// The text a complaint's search document is made of, as `search::TEXTS` reads it back:
/// subject, description, facts, agreed solution and the customer's name, space-separated.
pub(super) fn document(vals: &[Value], customer_name: &str) -> String {
    let text = |col: &str| {
        let i = RECORD_COLUMNS
            .iter()
            .position(|c| *c == col)
            .expect("a record column");
        match &vals[i] {
            Value::Text(Some(s)) => s.as_str(),
            _ => "",
        }
    };
    [
        text("subject"),
        text("description"),
        text("facts"),
        text("agreed_solution"),
        customer_name,
    ]
    .join(" ")
}

/// A `tsvector` literal of tokens (letters and digits only, so quoting cannot be escaped).
pub(super) fn tsvector(toks: &[String]) -> String {
    crate::kernel::search::tsvector(toks)
}

/// Appends one row in `COPY`'s text format: tab-separated, `\N` for NULL, backslash escapes.
pub(super) fn put_row(buf: &mut Vec<u8>, row: impl Iterator<Item = Value>) {
    for (i, v) in row.enumerate() {
        if i > 0 {
            buf.push(b'\t');
        }
        match v {
            Value::Int(Some(n)) => buf.extend_from_slice(n.to_string().as_bytes()),
            Value::Text(Some(s)) => {
                for b in s.bytes() {
                    match b {
                        b'\\' => buf.extend_from_slice(b"\\\\"),
                        b'\t' => buf.extend_from_slice(b"\\t"),
                        b'\n' => buf.extend_from_slice(b"\\n"),
                        b'\r' => buf.extend_from_slice(b"\\r"),
                        b => buf.push(b),
                    }
                }
            }
            Value::Int(None) | Value::Text(None) => buf.extend_from_slice(b"\\N"),
        }
    }
    buf.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_escapes_what_would_end_a_field_or_row() {
        let mut buf = Vec::new();
        put_row(
            &mut buf,
            [
                Value::Int(Some(-7)),
                Value::Text(Some("a\tb\nc\\d\re".into())),
                Value::Text(None),
                Value::Int(None),
            ]
            .into_iter(),
        );
        assert_eq!(buf, b"-7\ta\\tb\\nc\\\\d\\re\t\\N\t\\N\n");
    }
}
