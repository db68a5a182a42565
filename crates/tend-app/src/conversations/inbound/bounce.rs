//! Bounces: a delivery status notification (RFC 3464, `multipart/report`) that says one of
//! Tend's own messages could not be delivered (`Action: failed`) is matched to that message by
//! the returned message's `Message-ID` (its `message/rfc822` part, or its headers in
//! `text/rfc822-headers`), and recorded on what the message was about: a survey invitation
//! then no longer counts as delivered. Delays (`Action: delayed`) and successes record nothing.

use jiff::Timestamp;
use mail_parser::{Message, MessagePart, MimeHeaders, PartType};
use tend_store::StoreResult;

use crate::AppState;
use crate::mail::deliver::INVITATION_EVENT;

fn content_type(p: &MessagePart<'_>) -> String {
    p.content_type().map_or(String::new(), |c| {
        format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")).to_ascii_lowercase()
    })
}

/// `<id>` from a header value (angle brackets and spaces trimmed); `None` when empty.
fn bracketed(raw: &str) -> Option<String> {
    let id = raw.trim().trim_matches(['<', '>', ' ']);
    (!id.is_empty()).then(|| format!("<{id}>"))
}

/// The `Message-ID` in a block of header lines (unfolding a value continued on the next line).
fn id_in_headers(text: &str) -> Option<String> {
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("message-id") {
            let value = match value.trim() {
                "" => lines.next().unwrap_or(""),
                v => v,
            };
            return bracketed(value);
        }
    }
    None
}

/// The `Message-ID` (`<…>`) of the message a failure report returns, or `None` when `m` is not
/// a delivery status report, reports no failed recipient, or does not name the message.
pub fn returned_message_id(m: &Message<'_>) -> Option<String> {
    let top = m.parts.first().map(content_type)?;
    if top != "multipart/report" {
        return None;
    }
    let mut failed = false;
    let mut id = None;
    for p in m.parts.iter().skip(1) {
        match content_type(p).as_str() {
            "message/delivery-status" | "message/global-delivery-status" => {
                let text = String::from_utf8_lossy(p.contents()).to_ascii_lowercase();
                failed |= text.lines().any(|l| {
                    l.split_once(':')
                        .is_some_and(|(k, v)| k.trim() == "action" && v.trim() == "failed")
                });
            }
            "message/rfc822" | "message/global" => {
                if let PartType::Message(inner) = &p.body {
                    id = id.or_else(|| inner.message_id().and_then(bracketed));
                }
            }
            "text/rfc822-headers" | "message/global-headers" => {
                id = id.or_else(|| id_in_headers(&String::from_utf8_lossy(p.contents())));
            }
            _ => {}
        }
    }
    id.filter(|_| failed)
}

/// Records a failure report on what the returned message was about; returns its event key
/// when it was one of Tend's messages. A report about a message Tend never sent changes nothing.
pub async fn record(s: &AppState, m: &Message<'_>, now: Timestamp) -> StoreResult<Option<String>> {
    let Some(id) = returned_message_id(m) else {
        return Ok(None);
    };
    let Some(event) = s.store.sent_mail_event(&id).await? else {
        return Ok(None);
    };
    let invitation = event
        .strip_prefix(INVITATION_EVENT)
        .or_else(|| event.strip_prefix("survey_reminder:"))
        .and_then(|rest| rest.parse::<i64>().ok());
    if let Some(i) = invitation {
        s.store.survey_invitation_bounced(i, now).await?;
    }
    Ok(Some(event))
}

#[cfg(test)]
mod tests {
    use mail_parser::MessageParser;

    use super::*;

    fn report(action: &str, returned: &str) -> Vec<u8> {
        format!(
            "From: MAILER-DAEMON@mx.example\r\nTo: help@tend.test\r\nSubject: Undelivered\r\n\
             MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; \
             boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nSorry.\r\n\
             --B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n\
             \r\nFinal-Recipient: rfc822; cem@example.com\r\nAction: {action}\r\nStatus: 5.1.1\r\n\
             \r\n--B\r\n{returned}\r\n--B--\r\n"
        )
        .into_bytes()
    }

    #[test]
    fn the_returned_message_is_named_only_when_delivery_failed() {
        let whole = "Content-Type: message/rfc822\r\n\r\nMessage-ID: <abc.event@tend>\r\n\
                     Subject: Hi\r\n\r\nBody";
        let headers = "Content-Type: text/rfc822-headers\r\n\r\nSubject: Hi\r\nMessage-ID:\r\n \
                       <folded@tend>\r\n";
        let parse = |raw: &[u8]| returned_message_id(&MessageParser::default().parse(raw).unwrap());
        assert_eq!(
            parse(&report("failed", whole)).as_deref(),
            Some("<abc.event@tend>")
        );
        assert_eq!(
            parse(&report("Failed", headers)).as_deref(),
            Some("<folded@tend>")
        );
        assert_eq!(parse(&report("delayed", whole)), None);
        assert_eq!(parse(&report("delivered", whole)), None);
        let plain = b"From: a@example.com\r\nSubject: Action: failed\r\n\r\nMessage-ID: <x@y>\r\n";
        assert_eq!(parse(plain), None);
    }
}
