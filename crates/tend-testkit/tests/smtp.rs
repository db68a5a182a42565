//! The test SMTP server itself: a whole conversation over TCP, written by hand as a client would
//! (EHLO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT), the replies it gives, the
//! message it keeps, and that it stops when dropped.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;

use tend_testkit::smtp::session::{Envelope, converse};
use tend_testkit::smtp::{SmtpServer, to_json};

/// A client that sends a line and reads one reply (all lines of a multi-line one).
struct Client {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Client {
    fn connect(port: u16) -> (Client, String) {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let mut client = Client {
            reader: BufReader::new(stream.try_clone().unwrap()),
            writer: stream,
        };
        let greeting = client.read_reply();
        (client, greeting)
    }

    fn read_reply(&mut self) -> String {
        let mut all = String::new();
        loop {
            let mut line = String::new();
            assert!(self.reader.read_line(&mut line).unwrap() > 0, "closed");
            all.push_str(&line);
            if line.as_bytes().get(3) != Some(&b'-') {
                return all;
            }
        }
    }

    fn say(&mut self, line: &str) -> String {
        self.writer
            .write_all(format!("{line}\r\n").as_bytes())
            .unwrap();
        self.read_reply()
    }
}

const MESSAGE: &str = "From: Tend <service@tend.test>\r\n\
To: =?utf-8?q?Ay=C5=9Fe?= <ayse@example.com>\r\n\
Subject: =?utf-8?b?xZ5pa8OieWV0?=\r\n\
Message-ID: <m1@tend.test>\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
Merhaba Ay=C5=9Fe\r\n\
..a line that began with a dot\r\n\
...two dots\r\n";

#[test]
fn a_whole_conversation_over_tcp_is_answered_and_the_message_kept() {
    let server = SmtpServer::start();
    let (mut c, greeting) = Client::connect(server.port());
    assert!(greeting.starts_with("220 "), "{greeting}");
    assert!(c.say("MAIL FROM:<a@b>").starts_with("503"), "HELO first");
    let ehlo = c.say("EHLO client.test");
    assert!(
        ehlo.starts_with("250-") && ehlo.contains("8BITMIME"),
        "{ehlo}"
    );
    assert!(c.say("NOOP").starts_with("250"));
    assert!(c.say("RCPT TO:<x@y>").starts_with("503"), "MAIL first");
    assert!(c.say("MAIL FROM:<dropped@tend.test>").starts_with("250"));
    assert!(c.say("RCPT TO:<dropped@example.com>").starts_with("250"));
    assert!(c.say("RSET").starts_with("250"), "forgets the envelope");
    assert!(c.say("DATA").starts_with("503"), "no recipients after RSET");
    assert!(
        c.say("MAIL FROM:<service@tend.test> BODY=8BITMIME")
            .starts_with("250")
    );
    assert!(c.say("RCPT TO:<full@example.com>").starts_with("452"));
    assert!(c.say("RCPT TO:<nobody@example.com>").starts_with("550"));
    assert!(c.say("RCPT TO:<ayse@example.com>").starts_with("250"));
    assert!(c.say("DATA").starts_with("354"));
    let sent = c.say(&format!("{MESSAGE}."));
    assert!(sent.starts_with("250"), "{sent}");
    assert!(c.say("BOGUS").starts_with("500"));
    assert!(c.say("QUIT").starts_with("221"));

    let inbox = server.inbox();
    assert_eq!(inbox.len(), 1, "{inbox:#?}");
    let m = &inbox[0];
    assert_eq!(m["mail_from"], "service@tend.test");
    assert_eq!(m["rcpt_tos"], serde_json::json!(["ayse@example.com"]));
    assert_eq!(m["to"], "Ayşe <ayse@example.com>");
    assert_eq!(m["from"], "Tend <service@tend.test>");
    assert_eq!(m["subject"], "Şikâyet");
    assert_eq!(m["message_id"], "<m1@tend.test>");
    assert_eq!(m["content_type"], "text/plain");
    let text = m["text"].as_str().unwrap();
    assert!(
        text.starts_with("Merhaba Ayşe\r\n.a line that began"),
        "{text:?}"
    );
    assert!(text.contains("\n..two dots"), "{text:?}");
    assert!(m["html"].is_null());
}

#[test]
fn dot_unstuffing_and_the_terminator_in_memory() {
    let input = "HELO x\r\nMAIL FROM:<>\r\nRCPT TO:<r@x>\r\nDATA\r\n\
                 a\r\n..\r\n.b\r\n..c\r\n.\r\nQUIT\r\n";
    let mut out = Vec::new();
    let mut got: Vec<Envelope> = Vec::new();
    converse(input.as_bytes(), &mut out, |e| got.push(e)).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].mail_from, "", "the null sender");
    assert_eq!(got[0].data, b"a\r\n.\r\nb\r\n.c\r\n");
    let replies = String::from_utf8(out).unwrap();
    let codes: Vec<&str> = replies.lines().map(|l| &l[..3]).collect();
    assert_eq!(codes, ["220", "250", "250", "250", "354", "250", "221"]);
    assert_eq!(to_json(&got[0])["rcpt_tos"][0], "r@x");
}

#[test]
fn a_dropped_server_refuses_new_connections_and_cuts_open_ones() {
    let server = SmtpServer::start();
    let port = server.port();
    let (mut open, _) = Client::connect(port);
    assert!(open.say("HELO x").starts_with("250"));
    drop(server);
    let mut line = String::new();
    assert_eq!(open.reader.read_line(&mut line).unwrap_or(0), 0, "{line}");
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
    let again = SmtpServer::start_on(port);
    let (_, greeting) = Client::connect(again.port());
    assert!(greeting.starts_with("220"));
}
