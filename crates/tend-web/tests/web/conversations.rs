//! The conversation on the complaint's page: replies and notes sent with the page's form
//! (CSRF, errors in the reader's language, what was typed kept), escaped; the customer's
//! status page shows the replies and their own messages, never a note.

use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;

#[tokio::test]
async fn agents_reply_and_note_on_the_page_and_the_customer_sees_only_replies() {
    let app = spawn_app().await;
    let agent = signed_in(&app, Role::Agent).await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let (page, action) = (
        format!("/complaints/{id}"),
        format!("/complaints/{id}/messages"),
    );

    let shown = agent.get(&page).await;
    assert_eq!(shown.status, 200);
    assert!(shown.html.contains("No messages yet."), "{}", shown.html);
    assert!(shown.html.contains(&format!("action=\"{action}\"")));

    // Refused in the reader's language, with the kind and the words kept.
    agent.set_cookie("lang", "es");
    let res = agent
        .submit(&page, &action, &[("kind", "note"), ("body", "   ")])
        .await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(res.html.contains("no puede estar vacío"), "{}", res.html);
    assert!(res.html.contains("value=\"note\" checked"), "{}", res.html);
    let res = agent
        .submit(
            &page,
            &action,
            &[("kind", "customer"), ("body", "Soy el cliente")],
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(res.html.contains("Soy el cliente"), "{}", res.html);
    agent.set_cookie("lang", "en");

    // No CSRF token, no message; a viewer has no form and may not post.
    let res = agent
        .post_raw(&action, &[("kind", "note"), ("body", "forged")])
        .await;
    assert_eq!(res.status, 403);
    let viewer = signed_in(&app, Role::Viewer).await;
    let seen = viewer.get(&page).await;
    assert!(!seen.html.contains(&format!("action=\"{action}\"")));
    let res = viewer
        .submit(&page, &action, &[("kind", "note"), ("body", "hi")])
        .await;
    assert_eq!(res.status, 403);

    let reply = "<b>Sorry</b> & thanks\nA new jar ships today.";
    let res = agent
        .submit(&page, &action, &[("kind", "reply"), ("body", reply)])
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert_eq!(res.location(), format!("/complaints/{id}#conversation"));
    let res = agent
        .submit(
            &page,
            &action,
            &[("kind", "note"), ("body", "Internal: courier lost it")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let shown = agent.get(&page).await;
    let escaped = "&#60;b&#62;Sorry&#60;/b&#62; &#38; thanks";
    assert!(shown.html.contains(escaped), "{}", shown.html);
    assert!(!shown.html.contains("<b>Sorry</b>"));
    assert!(shown.html.contains("Internal: courier lost it"));
    assert!(shown.html.contains("internal note"));
    assert!(shown.html.contains("Message added") && shown.html.contains("First response"));
    assert!(app.complaint(id).await["first_response_at"].is_string());

    // The customer's page: the reply, not the note; their message joins the conversation.
    let token = app.store.status_token(ComplaintId(id)).await.unwrap();
    let link = format!("/status/{token}");
    let customer = Browser::new(&app);
    let status = customer.get(&link).await;
    assert_eq!(status.status, 200);
    assert!(status.html.contains(escaped), "{}", status.html);
    assert!(status.html.contains("Our reply"));
    assert!(!status.html.contains("courier lost it"), "{}", status.html);
    let res = customer
        .submit(
            &link,
            &format!("{link}/message"),
            &[("text", "Thanks, got it")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let status = customer.get(&link).await;
    assert!(status.html.contains("Thanks, got it") && status.html.contains("You"));
    let shown = agent.get(&page).await;
    assert!(shown.html.contains("on the status page"), "{}", shown.html);
    let api = app
        .get(
            &format!("/api/v1/complaints/{id}/messages"),
            &app.viewer.token,
        )
        .await
        .expect(200);
    let kinds: Vec<&str> = (api.as_array().unwrap().iter())
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["reply", "note", "customer"]);
}

/// An agent reading Spanish answers a Spanish customer with a canned reply: picked on the page
/// (no script), filled in and escaped, sent as a reply; the customer sees it on the status page
/// and receives it by mail.
#[tokio::test]
async fn a_canned_reply_in_spanish_reaches_the_status_page_and_the_mail() {
    use tend_app::jobs::{Worker, WorkerConfig};
    use tend_app::mail::Mailer;
    use tend_testkit::smtp::SmtpServer;

    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let canned = serde_json::json!({"language": "es", "title": "Envío en camino",
        "body": "Hola {name}:\nsu reclamación {reference} ya está en camino."});
    let path = "/api/v1/canned-replies";
    let canned = app
        .post_json(path, &app.manager.token, &canned)
        .await
        .expect(201);
    let body = serde_json::json!({"name": "Ana <i>Pérez</i>", "email": "ana@example.com",
                                  "preferred_language": "es"});
    let ana = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    let c = app
        .create_complaint(ana.expect(201)["id"].as_i64().unwrap())
        .await;
    let (id, reference) = (c["id"].as_i64().unwrap(), c["reference"].as_str().unwrap());
    let agent = signed_in(&app, Role::Agent).await;
    agent.set_cookie("lang", "es");
    let page = format!("/complaints/{id}");
    let shown = agent.get(&page).await;
    assert!(shown.html.contains("Envío en camino"), "{}", shown.html);
    assert!(
        shown
            .html
            .contains(&format!("action=\"/complaints/{id}/reply\""))
    );

    let picked = agent
        .get(&format!("/complaints/{id}/reply?canned={}", canned["id"]))
        .await;
    assert_eq!(picked.status, 200);
    let filled = format!(
        "Hola Ana &#60;i&#62;Pérez&#60;/i&#62;:\nsu reclamación {reference} ya está en camino."
    );
    assert!(picked.html.contains(&filled), "{}", picked.html);
    let missing = agent
        .get(&format!("/complaints/{id}/reply?canned=999"))
        .await;
    assert_eq!(missing.status, 422);
    assert!(
        missing
            .html
            .contains("no hay ninguna respuesta predefinida"),
        "{}",
        missing.html
    );

    let text = format!("Hola Ana <i>Pérez</i>:\nsu reclamación {reference} ya está en camino.");
    let action = format!("/complaints/{id}/messages");
    let res = agent
        .submit(&page, &action, &[("kind", "reply"), ("body", &text)])
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let token = app.store.status_token(ComplaintId(id)).await.unwrap();
    let status = Browser::new(&app).get(&format!("/status/{token}")).await;
    assert!(status.html.contains(&filled), "{}", status.html);

    let mailer = Mailer::new(&smtp.settings()).unwrap();
    let w = Worker::new(app.state.clone(), Some(mailer), WorkerConfig::new("w"));
    w.drain().await.unwrap();
    let inbox = smtp.inbox();
    let reply = (inbox.iter())
        .find(|m| m["subject"] == format!("Re: su reclamación {reference}"))
        .expect("the reply was mailed");
    assert_eq!(reply["rcpt_tos"][0], "ana@example.com");
    let mailed = reply["text"].as_str().unwrap().replace("\r\n", "\n");
    assert!(mailed.contains(&text), "{mailed}");

    // Ana answers the mail; her answer appears in the conversation on the agent's page.
    let (lmtp, _stop) =
        tend_testkit::lmtp::start_listener(app.state.clone(), "help@tend.test").await;
    let ours = reply["message_id"].as_str().unwrap();
    let answer = format!(
        "From: ana@example.com\r\nSubject: Re: {reference}\r\nIn-Reply-To: {ours}\r\n\r\n¡Gracias, ya llegó!\r\n"
    );
    let r = tend_testkit::lmtp::deliver_one(lmtp, "ana@example.com", answer.as_bytes()).await;
    assert!(r.starts_with("250"), "{r}");
    let shown = agent.get(&page).await;
    assert!(shown.html.contains("¡Gracias, ya llegó!"), "{}", shown.html);
    assert!(
        shown.html.contains("por correo electrónico"),
        "{}",
        shown.html
    );
}

/// Managers see the mail received and what became of each message; agents may not.
#[tokio::test]
async fn managers_see_what_became_of_the_mail_received() {
    let app = spawn_app().await;
    let (lmtp, _stop) =
        tend_testkit::lmtp::start_listener(app.state.clone(), "help@tend.test").await;
    let ooo = "From: away@example.com\r\nSubject: Out <b>of</b> office\r\nAuto-Submitted: auto-replied\r\n\r\nAway\r\n";
    let new = "From: kim@example.com\r\nSubject: Broken lid\r\n\r\nThe lid broke.\r\n";
    for (from, m) in [("away@example.com", ooo), ("kim@example.com", new)] {
        let r = tend_testkit::lmtp::deliver_one(lmtp, from, m.as_bytes()).await;
        assert!(r.starts_with("250"), "{r}");
    }
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get("/settings/mail-in").await.status, 403);
    let manager = signed_in(&app, Role::Manager).await;
    let page = manager.get("/settings/mail-in").await;
    assert_eq!(page.status, 200);
    assert!(
        page.html.contains("automatic (auto-reply or bounce)"),
        "{}",
        page.html
    );
    assert!(page.html.contains("(auto_submitted)"), "{}", page.html);
    assert!(
        page.html.contains("Out &#60;b&#62;of&#60;/b&#62; office"),
        "{}",
        page.html
    );
    let id = app.list_ids("limit=1").await[0];
    assert!(
        page.html
            .contains(&format!("<a href=\"/complaints/{id}\">")),
        "{}",
        page.html
    );
    manager.set_cookie("lang", "es");
    let page = manager.get("/settings/mail-in").await;
    assert!(page.html.contains("reclamación nueva"), "{}", page.html);
}
