//! A captured message as the tests read it: JSON with the envelope, the decoded headers and the
//! decoded text and HTML parts (mail-parser undoes MIME, quoted-printable, base64, RFC 2047).

use mail_parser::{Address, MessageParser, MimeHeaders, PartType};
use serde_json::{Value, json};

use super::session::Envelope;

/// `{"mail_from", "rcpt_tos": [..], "from", "to", "subject", "message_id" ("<id>"),
/// "content_type" ("type/subtype" of the whole message), "text", "html", "in_reply_to",
/// "references", "auto_submitted" (these three as written, unfolded and trimmed)}`; a missing
/// header or part is `null`.
pub fn to_json(envelope: &Envelope) -> Value {
    let parsed = MessageParser::default().parse(&envelope.data);
    let mut doc = json!({
        "mail_from": envelope.mail_from,
        "rcpt_tos": envelope.rcpt_tos,
        "from": null, "to": null, "subject": null, "message_id": null,
        "content_type": null, "text": null, "html": null,
        "in_reply_to": null, "references": null, "auto_submitted": null,
    });
    let Some(message) = parsed else {
        return doc;
    };
    doc["from"] = message.from().map(address).into();
    doc["to"] = message.to().map(address).into();
    doc["subject"] = message.subject().into();
    doc["message_id"] = message.message_id().map(|id| format!("<{id}>")).into();
    for (key, name) in [
        ("in_reply_to", "In-Reply-To"),
        ("references", "References"),
        ("auto_submitted", "Auto-Submitted"),
    ] {
        let raw = message.header_raw(name);
        doc[key] = raw
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .into();
    }
    doc["content_type"] = match message.content_type() {
        Some(ct) => format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("")),
        None => "text/plain".to_string(),
    }
    .into();
    for part in &message.parts {
        let subtype = part.content_type().and_then(|ct| ct.subtype());
        match &part.body {
            PartType::Text(t) if doc["text"].is_null() && subtype.is_none_or(|s| s == "plain") => {
                doc["text"] = t.to_string().into()
            }
            PartType::Html(h) if doc["html"].is_null() => doc["html"] = h.to_string().into(),
            _ => {}
        }
    }
    doc
}

/// `Name <address>, …` (or the bare address), as a reader of the header would write it.
fn address(a: &Address) -> String {
    let one = |name: Option<&str>, addr: Option<&str>| match (name, addr) {
        (Some(n), Some(a)) => format!("{n} <{a}>"),
        (None, Some(a)) => a.to_string(),
        (Some(n), None) => n.to_string(),
        (None, None) => String::new(),
    };
    match a {
        Address::List(list) => list
            .iter()
            .map(|x| one(x.name(), x.address()))
            .collect::<Vec<_>>()
            .join(", "),
        Address::Group(groups) => groups
            .iter()
            .flat_map(|g| g.addresses.iter())
            .map(|x| one(x.name(), x.address()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}
