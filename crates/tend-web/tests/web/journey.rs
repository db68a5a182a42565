//! An agent takes a phone complaint from a new customer through every step of the method to
//! closed, with the web forms only, and the timeline records each step.

use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_phone_complaint_from_received_to_closed() {
    let app = spawn_app().await;
    let b = signed_in(&app, Role::Agent).await;

    let form = b.get("/complaints/new").await;
    assert_eq!(form.status, 200);
    assert!(
        form.html.contains("value=\"phone\" selected"),
        "phone is the default channel"
    );
    assert!(
        form.html.contains("value=\"2026-03-06T15:30\""),
        "received now (UTC channel)"
    );

    // A refused form keeps what was typed and names the field.
    let res = b
        .submit(
            "/complaints/new",
            "/complaints/new",
            &[
                ("customer_id", "new"),
                ("c_name", "Jane Doe"),
                ("c_email", "not-an-email"),
                ("channel", "phone"),
                ("description", "Cracked jar"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.html.contains("value=\"Jane Doe\""));
    assert!(
        res.html.contains("must be an e-mail address"),
        "{}",
        res.html
    );
    assert!(app.list_ids("").await.is_empty());

    let res = b
        .submit(
            "/complaints/new",
            "/complaints/new",
            &[
                ("customer_id", "new"),
                ("c_name", "Jane Doe"),
                ("c_phone", "+34 600 000 000"),
                ("c_email", "jane@example.com"),
                ("kind", "complaint"),
                ("channel", "phone"),
                ("received_at", "2026-03-06T15:00"),
                ("priority", "high"),
                ("tier", "1"),
                ("subject", "Cracked jar"),
                ("description", "The blender arrived with a cracked jar."),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let page = res.location().to_owned();
    let id: i64 = page.trim_start_matches("/complaints/").parse().unwrap();
    let c = app.complaint(id).await;
    assert_eq!(c["channel"], "phone");
    assert_eq!(c["priority"], "high");
    assert_eq!(c["received_at"], "2026-03-06T15:00:00Z");
    assert_eq!(c["source"], "web");
    assert!(c["received_by"].is_i64(), "received by me");

    let act = format!("{page}/act");
    let step = |fields: &'static [(&'static str, &'static str)]| {
        let (b, page, act) = (&b, page.clone(), act.clone());
        async move {
            let res = b.submit(&page, &act, fields).await;
            assert_eq!(res.status, 303, "{fields:?}: {}", res.html);
        }
    };

    // 1. Understand — only the step at hand is offered; the read-back is required.
    let shown = b.get(&page).await;
    assert!(shown.html.contains("name=\"action\" value=\"understand\""));
    assert!(!shown.html.contains("name=\"action\" value=\"resolve\""));
    let res = b
        .submit(
            &page,
            &act,
            &[
                ("action", "understand"),
                ("facts", "Jar cracked on arrival"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.html.contains("Read the facts back"));
    assert!(
        res.html
            .contains("<li>I read the facts back and the customer confirmed them:"),
        "the summary names the field by its label"
    );
    step(&[
        ("action", "understand"),
        ("facts", "Jar cracked on arrival; box undamaged."),
        ("read_back", "1"),
    ])
    .await;
    let shown = b.get(&page).await;
    assert!(
        shown
            .html
            .contains("Jar cracked on arrival; box undamaged."),
        "earlier answers show"
    );
    assert!(
        shown
            .html
            .contains("name=\"action\" value=\"identify_cause\"")
    );

    // 2. Identify the cause.
    step(&[
        ("action", "identify_cause"),
        ("root_cause", "Faulty batch from the vendor"),
        ("responsible_party", "vendor"),
    ])
    .await;
    // 3. Agree a solution: promised without a date is refused next to the field.
    let res = b
        .submit(
            &page,
            &act,
            &[
                ("action", "agree_solution"),
                ("customer_proposal", "A new jar"),
                ("agreed_solution", "Send a new jar"),
                ("solution_mode", "promised"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.html
            .contains("is required when solution_mode is promised")
    );
    step(&[
        ("action", "agree_solution"),
        ("customer_proposal", "A new jar"),
        ("agreed_solution", "Send a new jar by courier"),
        ("solution_mode", "promised"),
        ("promised_by", "2026-03-10T12:00"),
    ])
    .await;
    // A step taken, then waiting on the customer and their answer.
    let res = b
        .submit(
            &page,
            &format!("{page}/steps"),
            &[("text", "Courier booked")],
        )
        .await;
    assert_eq!(res.status, 303);
    step(&[
        ("action", "wait_for_customer"),
        ("reason", "Asked for a photo of the jar"),
    ])
    .await;
    assert!(
        b.get(&page)
            .await
            .html
            .contains("Asked for a photo of the jar")
    );
    step(&[("action", "customer_replied"), ("note", "Photo received")]).await;
    // 4. Resolve with compensation, an apology, and the customer's answer.
    step(&[
        ("action", "resolve"),
        ("corrective_action", "New jar delivered"),
        ("apologised", "1"),
        ("comp_kind", "coupon"),
        // Read the English way (`money_text`): `10,50` would be refused here, not guessed.
        ("comp_amount", "10.50"),
        ("comp_currency", "EUR"),
        ("follow_up_at", "2026-03-20T10:00"),
        ("satisfied_now", ""),
    ])
    .await;
    let c = app.complaint(id).await;
    assert_eq!(c["status"], "resolved");
    assert_eq!(c["compensation"]["amount"], "10.50");
    // 5. Follow up, then close.
    assert!(
        b.get(&page)
            .await
            .html
            .contains("name=\"action\" value=\"follow_up\"")
    );
    step(&[
        ("action", "follow_up"),
        ("outcome", "satisfied"),
        ("rating", "5"),
        ("note", "Happy with the new jar"),
    ])
    .await;
    step(&[("action", "close"), ("reason", "")]).await;
    let c = app.complaint(id).await;
    assert_eq!(c["status"], "closed");
    assert_eq!(c["follow_up_outcome"], "satisfied");
    assert_eq!(c["satisfaction_rating"], 5);

    // The timeline: the API's and the page's agree, every step is there.
    let actions: Vec<String> = app
        .timeline(id)
        .await
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    for a in [
        "created",
        "understand",
        "identify_cause",
        "agree_solution",
        "step_added",
        "wait_for_customer",
        "customer_replied",
        "resolve",
        "follow_up",
        "close",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
    let shown = b.get(&page).await;
    assert!(shown.html.contains("Apologised to the customer."));
    assert!(shown.html.contains("Courier booked"));
    assert!(
        shown.html.contains("10.50"),
        "compensation in en: {}",
        shown.html.contains("10,50")
    );
    assert!(shown.html.contains("name=\"action\" value=\"reopen\""));

    // The inbox and the customer's page list it.
    let inbox = b.get("/inbox?status=closed").await;
    assert!(inbox.html.contains(&format!("/complaints/{id}")));
    assert!(
        !b.get("/inbox?status=received")
            .await
            .html
            .contains(&format!("/complaints/{id}\""))
    );
    let found = b.get("/inbox?q=blender").await;
    assert!(found.html.contains(&format!("/complaints/{id}")));
    let customer = c["customer_id"].as_i64().unwrap();
    let their = b.get(&format!("/customers/{customer}")).await;
    assert!(their.html.contains("Jane Doe") && their.html.contains(&format!("/complaints/{id}")));
    assert!(their.html.contains("Satisfied"));
}

#[tokio::test]
async fn the_inbox_pages_by_keyset_and_filters() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    for _ in 0..55 {
        app.create_complaint(customer).await;
    }
    let b = signed_in(&app, Role::Viewer).await;
    let first = b.get("/inbox").await;
    assert_eq!(
        first.html.matches("<tr>").count(),
        51,
        "50 rows and the head"
    );
    let next = first.href_of("next-page");
    assert!(next.contains("cursor="), "{next}");
    let second = b.get(&next).await;
    assert_eq!(second.html.matches("<tr>").count(), 6);
    assert!(!second.html.contains("rel=\"next\""));
    let oldest = b.get("/inbox?sort=oldest").await;
    assert!(oldest.html.contains("value=\"oldest\" selected"));
    let odd = b.get("/inbox?status=nonsense").await;
    assert_eq!(odd.status, 422);
    assert!(odd.html.contains("ignored"));
    assert_eq!(b.get("/inbox?mine=1").await.html.matches("<tr>").count(), 0);
    assert_eq!(
        b.get("/inbox?overdue=1").await.html.matches("<tr>").count(),
        0
    );
}

#[tokio::test]
async fn details_are_edited_like_the_apis_patch_and_mine_lists_them() {
    let app = spawn_app().await;
    let b = signed_in(&app, Role::Agent).await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let id = c["id"].as_i64().unwrap();
    let page = format!("/complaints/{id}");
    assert!(!b.get("/inbox?mine=1").await.html.contains(&page));

    // The agent's own id: the one the "received by me" default names.
    let form = b.get("/complaints/new").await.html;
    let at = form.find("name=\"received_by\"").unwrap();
    let selected = &form[at..][..form[at..].find(" selected").unwrap()];
    let me = selected
        .rsplit("value=\"")
        .next()
        .unwrap()
        .trim_end_matches('"')
        .to_owned();

    let version = c["version"].to_string();
    let res = b
        .submit(
            &page,
            &format!("{page}/edit"),
            &[
                ("version", &version),
                ("assignee", &me),
                ("priority", "urgent"),
                ("category", ""),
                ("product", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let stored = app.complaint(id).await;
    assert_eq!(stored["assignee_id"].to_string(), me);
    assert_eq!(stored["priority"], "urgent");
    let edits: Vec<_> = app
        .timeline(id)
        .await
        .into_iter()
        .filter(|e| e["action"] == "edited")
        .collect();
    assert_eq!(edits.len(), 2, "assignee and priority: {edits:?}");
    assert!(b.get("/inbox?mine=1").await.html.contains(&page));
}
