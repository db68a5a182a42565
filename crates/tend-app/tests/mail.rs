//! Outgoing mail against a real SMTP server: the test kit's, on 127.0.0.1 in this process, which
//! keeps each message it accepts as JSON (headers and decoded parts).

use std::time::Duration;

use tend_testkit::smtp;

use smtp::SmtpServer;

use tend_app::i18n::Language;
use tend_app::mail::{MailError, MailKind, Mailer, OutgoingMail, Security, SmtpSettings, Template};

fn mail(to: &str, language: Language, template: Template) -> OutgoingMail {
    OutgoingMail {
        to: to.into(),
        to_name: Some("Ana Pérez".into()),
        language,
        template,
        withdraw_link: None,
    }
}

#[test]
fn every_kind_and_language_renders_both_parts_with_the_reference() {
    let mut seen = 0;
    for kind in MailKind::ALL {
        for language in Language::ALL {
            let reference = format!("C-{kind:?}-{}", language.code());
            let r = sample(kind, "Ana", &reference).render(language);
            let at = format!("{kind:?}/{language:?}");
            assert!(!r.subject.trim().is_empty(), "{at}: empty subject");
            assert!(
                r.text.contains(&reference),
                "{at}: text lacks the reference"
            );
            assert!(
                r.html.contains(&reference),
                "{at}: HTML lacks the reference"
            );
            assert!(
                r.html.contains(&format!("lang=\"{}\"", language.code())),
                "{at}"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, MailKind::ALL.len() * Language::ALL.len());
    assert_eq!(Language::from_tag("es-MX"), Language::Es);
    assert_eq!(Language::from_tag("TR"), Language::Tr);
    assert_eq!(Language::from_tag("fr"), Language::En);
}

#[tokio::test]
async fn mail_arrives_localised_with_both_parts_and_escaped_html() {
    let server = SmtpServer::start();
    let mailer = Mailer::new(&server.settings()).unwrap();
    let sends = [
        mail(
            "ana@example.com",
            Language::En,
            sample(MailKind::Acknowledgement, "<script>x</script>", "C-1001"),
        ),
        mail(
            "luis@example.com",
            Language::Es,
            sample(MailKind::FollowUp, "Luis", "C-1002"),
        ),
        mail(
            "ayse@example.com",
            Language::Tr,
            sample(MailKind::Breach, "Ayşe", "C-1003"),
        ),
    ];
    for m in &sends {
        mailer.send(m).await.unwrap();
    }
    let inbox = server.inbox();
    assert_eq!(inbox.len(), 3, "{inbox:#?}");
    for (got, sent) in inbox.iter().zip(&sends) {
        let rendered = sent.render();
        assert_eq!(got["mail_from"], "service@tend.test");
        assert_eq!(got["rcpt_tos"][0], sent.to.as_str());
        assert!(
            got["from"].as_str().unwrap().contains("service@tend.test"),
            "{got}"
        );
        assert!(got["to"].as_str().unwrap().contains(&sent.to), "{got}");
        assert_eq!(got["subject"], rendered.subject.as_str());
        assert_eq!(got["content_type"], "multipart/alternative");
        let (text, html) = (got["text"].as_str().unwrap(), got["html"].as_str().unwrap());
        assert!(text.contains("C-100") && html.contains("C-100"), "{got}");
        assert!(
            html.contains("<a href=\"https://tend.test/s/C-100"),
            "{html}"
        );
    }
    let (en, es, tr) = (&inbox[0], &inbox[1], &inbox[2]);
    assert!(
        en["subject"]
            .as_str()
            .unwrap()
            .contains("received your complaint C-1001")
    );
    let en_html = en["html"].as_str().unwrap();
    assert!(
        en_html.contains("&lt;script&gt;x&lt;/script&gt;"),
        "{en_html}"
    );
    assert!(!en_html.contains("<script>"), "{en_html}");
    assert!(
        en["text"]
            .as_str()
            .unwrap()
            .contains("Dear <script>x</script>,")
    );
    assert!(
        es["subject"]
            .as_str()
            .unwrap()
            .contains("Una pregunta sobre su reclamación C-1002")
    );
    assert!(
        es["text"]
            .as_str()
            .unwrap()
            .contains("Responda a nuestra breve pregunta")
    );
    assert!(es["html"].as_str().unwrap().contains("Atención al Cliente"));
    assert!(
        tr["subject"]
            .as_str()
            .unwrap()
            .contains("şikâyet yanıt standardını aştı")
    );
    assert!(tr["text"].as_str().unwrap().contains("Merhaba Ayşe"));
    assert!(
        tr["html"]
            .as_str()
            .unwrap()
            .contains("Lütfen hemen ilgilenin")
    );
}

#[tokio::test]
async fn smtp_rejections_are_temporary_for_4xx_and_permanent_for_5xx() {
    let server = SmtpServer::start();
    let mailer = Mailer::new(&server.settings()).unwrap();
    let template = || sample(MailKind::Assignment, "Kim", "C-7");
    let full = mailer
        .send(&mail("full@example.com", Language::En, template()))
        .await;
    assert!(matches!(full, Err(MailError::Temporary(_))), "{full:?}");
    let nobody = mailer
        .send(&mail("nobody@example.com", Language::En, template()))
        .await;
    assert!(matches!(nobody, Err(MailError::Permanent(_))), "{nobody:?}");
    let bad = mailer
        .send(&mail("not an address", Language::En, template()))
        .await;
    assert!(matches!(bad, Err(MailError::Permanent(_))), "{bad:?}");
    assert!(server.inbox().is_empty());
}

#[tokio::test]
async fn nothing_listening_is_a_temporary_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        username: Some("service".into()),
        password: Some("hunter2-secret".into()),
        from: "service@tend.test".into(),
    };
    assert!(!format!("{settings:?}").contains("hunter2-secret"));
    let mailer = Mailer::with_timeout(&settings, Duration::from_secs(5)).unwrap();
    let result = mailer
        .send(&mail(
            "ana@example.com",
            Language::En,
            sample(MailKind::FollowUp, "Ana", "C-9"),
        ))
        .await;
    let err = result.expect_err("nothing listens, so the send must fail");
    assert!(err.is_temporary(), "{err:?}");
    assert!(!err.to_string().contains("hunter2-secret"));
}

/// A sample message, linking to the reference's status page.
fn sample(kind: MailKind, name: &str, reference: &str) -> Template {
    Template::example(
        kind,
        name,
        reference,
        &format!("https://tend.test/s/{reference}?t=abc&x=1"),
    )
}

#[test]
fn mail_to_a_customer_ends_with_the_withdrawal_link_in_their_language() {
    let link = "https://tend.example/consent/7.abc";
    for (language, words) in [
        (Language::En, "To stop any later contact from us"),
        (Language::Es, "Para dejar de recibir contactos posteriores"),
        (Language::Tr, "Sonraki iletişimlerimizi"),
    ] {
        let template = Template::example(MailKind::Acknowledgement, "Ana", "C-1", "https://t/s");
        let mut m = mail("ana@example.com", language, template);
        m.withdraw_link = Some(link.into());
        let r = m.render();
        let last = r.text.trim_end().rsplit("\n\n").next().unwrap();
        assert!(last.starts_with(words) && last.ends_with(link), "{last}");
        assert!(
            r.html
                .contains(&format!("<a href=\"{link}\">{link}</a></p>\n</body>")),
            "{}",
            r.html
        );
    }
    // Mail to staff carries none.
    let staff = mail(
        "s@tend.test",
        Language::En,
        Template::example(MailKind::Assignment, "S", "C-1", "https://t/x"),
    );
    assert!(!staff.render().text.contains("later contact"));
}
