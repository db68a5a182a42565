//! The public complaint form, the private status link and what a token may see.

use serde_json::json;

use crate::browser::Browser;
use crate::helpers::spawn_app;

/// Submits the public form as a stranger; returns the thank-you page.
pub(crate) async fn complain(b: &Browser, name: &str, description: &str) -> crate::browser::Page {
    let res = b
        .submit(
            "/complain",
            "/complain",
            &[
                ("kind", "complaint"),
                ("name", name),
                ("email", "jane@example.com"),
                ("description", description),
                ("order", "A-1001"),
                ("later_contact", "1"),
                ("website", ""),
            ],
        )
        .await;
    if res.status != 303 {
        return res;
    }
    assert!(res.location().starts_with("/thanks/"), "{}", res.location());
    b.get(res.location()).await
}

#[tokio::test]
async fn a_customer_complains_and_follows_the_status_link() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let form = b.get("/complain").await;
    assert_eq!(form.status, 200);
    assert!(
        form.set_cookie("tend_form")
            .is_some_and(|c| c.contains("HttpOnly"))
    );

    // Neither e-mail nor phone: refused, with what was typed kept.
    let res = b
        .submit(
            "/complain",
            "/complain",
            &[("name", "Jane"), ("description", "Broken lid")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.html.contains("e-mail address or a phone number"));
    assert!(res.html.contains("Broken lid"));

    let thanks = complain(&b, "Jane Doe", "The lid of my blender broke on day one.").await;
    assert_eq!(thanks.status, 200, "{}", thanks.html);
    let link = thanks.href_of("status-link");
    assert!(link.contains("/status/"), "{link}");
    let ids = app.list_ids("").await;
    assert_eq!(ids.len(), 1);
    let c = app.complaint(ids[0]).await;
    assert_eq!(c["channel"], "web");
    assert_eq!(c["source"], "web_form");
    assert_eq!(c["subject"], "Order A-1001");
    assert!(thanks.html.contains(c["reference"].as_str().unwrap()));

    let status = b.get(&link).await;
    assert_eq!(status.status, 200);
    assert!(status.html.contains("We have received your message"));
    assert!(!status.html.contains("Are you satisfied"));

    // The customer adds a message: a step on the timeline, by the customer.
    let res = b
        .submit(
            &link,
            &format!("{link}/message"),
            &[("text", "Here is a photo link")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let tl = app.timeline(ids[0]).await;
    let last = tl.last().unwrap();
    assert_eq!(
        (last["action"].as_str(), last["actor"].as_str()),
        (Some("step_added"), Some("customer"))
    );
    assert!(b.get(&link).await.html.contains("Here is a photo link"));

    // The agent resolves it; the customer is asked and says yes: the method's follow-up.
    let id = ids[0];
    for action in [
        json!({"action": "understand", "facts": "Lid broke"}),
        json!({"action": "identify_cause", "root_cause": "Weak hinge", "responsible_party": "company"}),
        json!({"action": "agree_solution", "agreed_solution": "Send a new lid", "solution_mode": "promised", "promised_by": "2026-03-09T12:00:00Z"}),
    ] {
        app.act(id, &action).await.expect(200);
    }
    let status = b.get(&link).await;
    assert!(status.html.contains("Send a new lid"));
    assert!(
        status.html.contains("Mar 9, 2026 12:00 UTC"),
        "the promise, dated"
    );
    app.act(
        id,
        &json!({"action": "resolve", "corrective_action": "Lid sent"}),
    )
    .await
    .expect(200);
    let status = b.get(&link).await;
    assert!(
        status
            .html
            .contains("Are you satisfied with how we resolved this?")
    );
    // The question is the CSAT instrument: a rating of 5 is the follow-up's outcome too.
    let res = b
        .submit(&link, &format!("{link}/satisfaction"), &[("rating", "5")])
        .await;
    assert_eq!(res.status, 303);
    let c = app.complaint(id).await;
    assert_eq!(c["follow_up_outcome"], "satisfied");
    assert_eq!(c["satisfaction_rating"], 5);
    let after = b.get(&link).await.html;
    assert!(!after.contains("Are you satisfied"));
    assert!(after.contains("<strong>5/5</strong>"));
}

#[tokio::test]
async fn a_token_shows_its_own_complaint_only() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let one = complain(&b, "Ana", "First complaint text")
        .await
        .href_of("status-link");
    let two = complain(&b, "Bea", "Second complaint text")
        .await
        .href_of("status-link");
    assert_ne!(one, two);
    let page = b.get(&one).await;
    assert!(!page.html.contains("Second complaint") && !page.html.contains("Bea"));

    // Another id with the first token's signature, a cut signature, garbage: all 404.
    let token = one.rsplit('/').next().unwrap();
    let (id, sig) = token.split_once('.').unwrap();
    let other_id = app
        .list_ids("")
        .await
        .into_iter()
        .find(|x| x.to_string() != id)
        .unwrap();
    for bad in [
        format!("{other_id}.{sig}"),
        format!("{id}.{}", &sig[1..]),
        id.to_string(),
        "x.y".into(),
    ] {
        let res = b.get(&format!("/status/{bad}")).await;
        assert_eq!(res.status, 404, "{bad}");
        assert_eq!(b.get(&format!("/thanks/{bad}")).await.status, 404, "{bad}");
        let res = b
            .submit(&one, &format!("/status/{bad}/message"), &[("text", "hi")])
            .await;
        assert_eq!(res.status, 404, "{bad}");
    }
    // The store's own check agrees with the page.
    let cid = tend_domain::kernel::ids::ComplaintId(id.parse().unwrap());
    assert_eq!(
        app.store.complaint_for_status_token(token).await.unwrap(),
        Some(cid)
    );
    assert_eq!(app.store.status_token(cid).await.unwrap(), token);
}

#[tokio::test]
async fn bots_fill_the_honeypot_and_store_nothing() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let res = b
        .submit(
            "/complain",
            "/complain",
            &[
                ("name", "Bot"),
                ("email", "bot@spam.test"),
                ("description", "Buy now"),
                ("website", "http://spam.test"),
            ],
        )
        .await;
    assert_eq!(res.status, 200);
    assert!(!res.html.contains("status-link"));
    assert!(app.list_ids("").await.is_empty());
}

#[tokio::test]
async fn the_public_form_is_rate_limited_per_address() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let mut statuses = vec![];
    for i in 0..12 {
        statuses.push(complain(&b, "Flood", &format!("Message {i}")).await.status);
    }
    assert_eq!(&statuses[..10], &[200; 10], "{statuses:?}");
    assert_eq!(statuses[11], 429, "{statuses:?}");
}

#[tokio::test]
async fn a_customers_message_answers_a_wait_and_closed_cases_take_none() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let link = complain(&b, "Ana", "The kettle leaks")
        .await
        .href_of("status-link");
    let id = app.list_ids("").await[0];
    let wait = json!({"action": "wait_for_customer", "reason": "Which model is it?"});
    app.act(id, &wait).await.expect(200);
    let page = b.get(&link).await;
    assert!(
        page.html.contains("We are waiting for your answer:")
            && page.html.contains("Which model is it?")
    );

    // A message refused (empty) ends nothing: the wait and the message are one change.
    let res = b
        .submit(&link, &format!("{link}/message"), &[("text", "  ")])
        .await;
    assert_eq!(res.status, 422);
    assert!(b.get(&link).await.html.contains("Which model is it?"));
    let res = b
        .submit(&link, &format!("{link}/message"), &[("text", "Model K-2")])
        .await;
    assert_eq!(res.status, 303);
    let c = app.complaint(id).await;
    assert!(
        c["first_response"]["state"] != "paused",
        "the clock runs again: {c}"
    );
    let actions: Vec<_> = app
        .timeline(id)
        .await
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    let replied = actions.iter().position(|a| a == "customer_replied");
    let step = actions.iter().position(|a| a == "step_added");
    assert!(
        step.is_some() && replied > step,
        "the message, then the reply: {actions:?}"
    );
    assert!(
        !b.get(&link)
            .await
            .html
            .contains("We are waiting for your answer")
    );

    // An empty message is refused next to its field.
    let res = b
        .submit(&link, &format!("{link}/message"), &[("text", "  ")])
        .await;
    assert_eq!(res.status, 422);

    app.act(id, &json!({"action": "close", "reason": "Duplicate"}))
        .await
        .expect(200);
    let page = b.get(&link).await;
    assert!(page.html.contains("Your case is closed.") && !page.html.contains("/message\""));
    let res = b
        .submit(&link, &format!("{link}/message"), &[("text", "Hello?")])
        .await;
    assert_eq!(res.status, 409);
}

#[tokio::test]
async fn a_second_complaint_from_the_same_address_joins_the_same_customer() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    complain(&b, "Jane Doe", "The lid broke.").await;
    complain(&b, "J. Doe", "The handle broke too.").await;
    let ids = app.list_ids("").await;
    assert_eq!(ids.len(), 2);
    let (one, two) = (app.complaint(ids[0]).await, app.complaint(ids[1]).await);
    assert_eq!(one["customer_id"], two["customer_id"]);
    let customer = app
        .get(
            &format!("/api/v1/customers/{}", one["customer_id"]),
            &app.agent.token,
        )
        .await
        .expect(200);
    assert_eq!(
        customer["name"], "Jane Doe",
        "the stored profile is not overwritten"
    );
}
