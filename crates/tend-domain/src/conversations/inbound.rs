//! Rules for mail coming in, before anything is stored: whether a message was sent by a
//! machine (and so must create nothing and be answered by nothing — the loop guard), and the
//! complaint reference a subject names.

/// Why a message counts as automatic. The headers are RFC 3834's `Auto-Submitted` (any value
/// but `no`), `Precedence: bulk|junk|list` (RFC 2076, still common), `X-Autoreply` /
/// `X-Autorespond` (Exchange, Zimbra and others), a delivery report (RFC 6522
/// `multipart/report`) and the null envelope sender `<>` of bounces (RFC 5321 §4.5.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Automatic {
    AutoSubmitted,
    Precedence,
    AutoReply,
    Report,
    NullSender,
}

impl Automatic {
    pub fn as_str(self) -> &'static str {
        match self {
            Automatic::AutoSubmitted => "auto_submitted",
            Automatic::Precedence => "precedence",
            Automatic::AutoReply => "x_autoreply",
            Automatic::Report => "report",
            Automatic::NullSender => "null_sender",
        }
    }
}

/// Whether a message is automatic: `header(name)` gives a header's value (any case of name),
/// `content_type` is the message's `type/subtype`, `envelope_from` the `MAIL FROM` address
/// (empty for `<>`).
pub fn automatic(
    header: impl Fn(&str) -> Option<String>,
    content_type: &str,
    envelope_from: &str,
) -> Option<Automatic> {
    let token = |v: String| {
        let v = v
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        v.trim_matches('"').to_owned()
    };
    if envelope_from.trim().trim_matches(['<', '>']).is_empty() {
        return Some(Automatic::NullSender);
    }
    if header("Auto-Submitted")
        .map(token)
        .is_some_and(|v| v != "no")
    {
        return Some(Automatic::AutoSubmitted);
    }
    if header("Precedence")
        .map(token)
        .is_some_and(|v| matches!(v.as_str(), "bulk" | "junk" | "list"))
    {
        return Some(Automatic::Precedence);
    }
    if header("X-Autoreply").is_some() || header("X-Autorespond").is_some() {
        return Some(Automatic::AutoReply);
    }
    if content_type.trim().eq_ignore_ascii_case("multipart/report") {
        return Some(Automatic::Report);
    }
    None
}

/// The first complaint reference in `subject`: `C-` then a four-digit year, `-` and at least
/// six digits (`C-2026-000123`), not inside a longer word.
pub fn reference_in_subject(subject: &str) -> Option<&str> {
    let b = subject.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut at = 0;
    while let Some(i) = subject[at..].find("C-").map(|i| i + at) {
        at = i + 2;
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        if digits(i + 2) != 4 || b.get(i + 6) != Some(&b'-') {
            continue;
        }
        let n = digits(i + 7);
        let end = i + 7 + n;
        if n >= 6 && b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric()) {
            return Some(&subject[i..end]);
        }
    }
    None
}

/// `text` without control characters other than line breaks and tabs (each another becomes a
/// space; `\r\n` becomes `\n`), trimmed, at most `max` characters: a message's body as
/// stored.
pub fn clean(text: &str, max: usize) -> String {
    let text = text.replace("\r\n", "\n");
    let kept = |c: char| !c.is_control() || c == '\n' || c == '\t';
    let t: String = text
        .chars()
        .map(|c| if kept(c) { c } else { ' ' })
        .collect();
    t.trim().chars().take(max).collect()
}

/// `text` on one line (every control character a space), trimmed, at most `max` characters:
/// a subject or a name as stored.
pub fn one_line(text: &str, max: usize) -> String {
    let t: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    t.trim().chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let h: Vec<(String, String)> = h
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
            .collect();
        move |name| {
            let name = name.to_ascii_lowercase();
            h.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn machines_are_recognised_and_people_are_not() {
        let person = automatic(headers(&[("Auto-Submitted", "no")]), "text/plain", "a@b");
        assert_eq!(person, None);
        assert_eq!(
            automatic(headers(&[]), "multipart/alternative", "a@b"),
            None
        );
        let cases = [
            (
                vec![("auto-submitted", "auto-replied")],
                "text/plain",
                "a@b",
                Automatic::AutoSubmitted,
            ),
            (
                vec![("Auto-Submitted", "Auto-Generated; owner-email=x")],
                "text/plain",
                "a@b",
                Automatic::AutoSubmitted,
            ),
            (
                vec![("Precedence", " Bulk")],
                "text/plain",
                "a@b",
                Automatic::Precedence,
            ),
            (
                vec![("Precedence", "list")],
                "text/plain",
                "a@b",
                Automatic::Precedence,
            ),
            (
                vec![("X-Autoreply", "yes")],
                "text/plain",
                "a@b",
                Automatic::AutoReply,
            ),
            (vec![], "multipart/report", "a@b", Automatic::Report),
            (vec![], "text/plain", "<>", Automatic::NullSender),
            (vec![], "text/plain", "", Automatic::NullSender),
        ];
        for (h, ct, from, want) in cases {
            assert_eq!(
                automatic(headers(&h), ct, from),
                Some(want),
                "{h:?} {ct} {from}"
            );
        }
        let first_class = automatic(
            headers(&[("Precedence", "first-class")]),
            "text/plain",
            "a@b",
        );
        assert_eq!(first_class, None);
    }

    #[test]
    fn text_is_cleaned_and_cut() {
        assert_eq!(clean(" a\r\nb\u{7}c\td ", 100), "a\nb c\td");
        assert_eq!(clean("éééé", 2), "éé");
        assert_eq!(one_line("a\nb\u{2}", 10), "a b");
    }

    #[test]
    fn a_reference_is_found_only_whole() {
        assert_eq!(
            reference_in_subject("Re: C-2026-000123 lid"),
            Some("C-2026-000123")
        );
        assert_eq!(
            reference_in_subject("[C-2026-1234567]"),
            Some("C-2026-1234567")
        );
        assert_eq!(reference_in_subject("XC-2026-000123"), None);
        assert_eq!(reference_in_subject("C-2026-00012"), None);
        assert_eq!(reference_in_subject("C-26-000123"), None);
        assert_eq!(reference_in_subject("C-2026-000123x"), None);
        assert_eq!(
            reference_in_subject("C-x C-2026-000001"),
            Some("C-2026-000001")
        );
        assert_eq!(reference_in_subject("ünï C-"), None);
    }
}
