//! Satisfaction after resolution (CSAT): one question per resolution, 24 h after it at the
//! channel's next opening, in the customer's language, through a single-use link that expires
//! 336 h after sending; a dissatisfied answer opens the follow-up again and alerts the assignee.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};
use tend_app::csat::answer::{CsatForm, answer};
use tend_app::mail::Mailer;
use tend_domain::kernel::clock::Clock;
use tend_store::StoreError;

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{customer, madrid, madrid_office, recipients, run_at, worker};

/// The CSAT questions received (Spanish and English subjects).
pub(crate) fn csat_mails(inbox: &[Value]) -> Vec<Value> {
    inbox
        .iter()
        .filter(|m| {
            let s = m["subject"].as_str().unwrap_or("");
            s.starts_with("¿Cómo gestionamos") || s.starts_with("How did we handle")
        })
        .cloned()
        .collect()
}

/// The token in a message's `…/csat/TOKEN` link.
pub(crate) fn csat_token(mail: &Value) -> String {
    let text = mail["text"].as_str().expect("a text part");
    let at = text.find("/csat/").expect("a CSAT link") + "/csat/".len();
    text[at..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_owned()
}

/// A complaint on the phone channel from `customer`, assigned to the agent, resolved at `at`.
pub(crate) async fn resolved_at(app: &TestApp, customer: i64, at: Timestamp) -> i64 {
    app.clock.set(at - SignedDuration::from_mins(30));
    let draft = json!({"customer_id": customer, "channel": "phone", "assignee_id": app.agent.id,
                       "description": "La tapa no cierra."});
    let id = app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap();
    for step in [
        json!({"action": "understand", "facts": "The lid does not close."}),
        json!({"action": "identify_cause", "root_cause": "Bent hinge", "responsible_party": "vendor"}),
        json!({"action": "agree_solution", "agreed_solution": "A new lid", "solution_mode": "on_the_spot"}),
    ] {
        app.act(id, &step).await.expect(200);
    }
    app.clock.set(at);
    app.act(id, &json!({"action": "resolve"})).await.expect(200);
    id
}

pub(crate) fn form(rating: i64, reason: Option<&str>, why: Option<&str>) -> CsatForm {
    CsatForm {
        rating,
        reason: reason.map(str::to_owned),
        why: why.map(str::to_owned),
    }
}

#[tokio::test]
async fn csat_is_asked_once_at_service_time_in_spanish_and_a_low_answer_reopens_the_follow_up() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    madrid_office(&app, "phone", false).await;
    let ana = customer(&app, "Ana Pérez", "ana@example.com", true, "es").await;
    let quiet = customer(&app, "Sin Permiso", "quiet@example.com", false, "es").await;
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    // Resolved on Friday 16:00: 24 h later is Saturday, closed; it goes out on Monday 09:00.
    let id = resolved_at(&app, ana, madrid("2026-03-06 16:00")).await;
    resolved_at(&app, quiet, madrid("2026-03-06 16:00")).await;
    run_at(&app, &w, madrid("2026-03-07 15:59")).await;
    run_at(&app, &w, madrid("2026-03-07 16:00")).await;
    run_at(&app, &w, madrid("2026-03-09 08:59")).await;
    assert!(csat_mails(&smtp.inbox()).is_empty(), "nothing while closed");
    run_at(&app, &w, madrid("2026-03-09 09:00")).await;
    let asked = csat_mails(&smtp.inbox());
    assert_eq!(recipients(&asked), ["ana@example.com"], "only with consent");
    let text = asked[0]["text"].as_str().unwrap();
    assert!(
        text.contains("del 1 (muy insatisfecho/a) al 5"),
        "Spanish: {text}"
    );
    let token = csat_token(&asked[0]);

    // The agent had followed up and found her satisfied; the question says otherwise.
    let followed = json!({"action": "follow_up", "outcome": "satisfied"});
    app.act(id, &followed).await.expect(200);
    assert!(app.list_ids("follow_up_due=true").await.is_empty());
    app.clock.set(madrid("2026-03-09 10:00"));
    let bad = answer(&app.state, &token, form(2, Some("slow"), None)).await;
    assert!(
        matches!(&bad, Err(StoreError::Domain(e)) if e.to_string().contains("reason")),
        "{bad:?}"
    );
    let why = "Tardaron una semana en contestar";
    answer(&app.state, &token, form(2, Some("too_slow"), Some(why)))
        .await
        .expect("the answer is taken");
    assert_eq!(app.list_ids("follow_up_due=true").await, [id], "open again");
    let steps = app
        .get(&format!("/api/v1/complaints/{id}/steps"), &app.agent.token)
        .await;
    let steps = steps.expect(200);
    let step = steps.as_array().unwrap().last().unwrap().clone();
    assert_eq!(step["text"], format!("CSAT 2/5 — too_slow — {why}"));
    assert_eq!(
        step["author_id"], app.agent.id,
        "attributed to the assignee"
    );
    let timeline = app
        .get(
            &format!("/api/v1/complaints/{id}/timeline"),
            &app.agent.token,
        )
        .await;
    let timeline = timeline.expect(200);
    let entry = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "csat_answer" && e["field"] == "satisfaction_rating")
        .cloned()
        .unwrap_or_else(|| panic!("the rating on the timeline: {timeline:#}"));
    assert_eq!(entry["new_value"], "2");
    assert_eq!(entry["actor_id"], app.agent.id);

    let again = answer(&app.state, &token, form(5, None, None)).await;
    assert!(
        matches!(&again, Err(StoreError::Conflict { field: "token", reason }) if reason.to_string().contains("answered already")),
        "single use: {again:?}"
    );
    run_at(&app, &w, madrid("2026-03-09 10:01")).await;
    let inbox = smtp.inbox();
    let alerts: Vec<_> = inbox
        .iter()
        .filter(|m| {
            m["subject"]
                .as_str()
                .unwrap_or("")
                .contains("Dissatisfied customer")
        })
        .collect();
    assert_eq!(alerts.len(), 1, "{inbox:#?}");
    assert_eq!(alerts[0]["rcpt_tos"][0], "agent@tend.test");
    assert!(alerts[0]["text"].as_str().unwrap().contains(why));
    run_at(&app, &w, madrid("2026-04-09 10:00")).await;
    assert_eq!(
        csat_mails(&smtp.inbox()).len(),
        1,
        "one request per resolution"
    );
}

#[tokio::test]
async fn a_csat_link_expires_336_hours_after_it_was_sent_and_a_switched_off_channel_asks_nothing() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    let luis = customer(&app, "Luis Gómez", "luis@example.com", true, "en").await;
    let start = app.clock.now();
    resolved_at(&app, luis, start).await;
    run_at(&app, &w, start + SignedDuration::from_hours(24)).await;
    let asked = csat_mails(&smtp.inbox());
    assert_eq!(recipients(&asked), ["luis@example.com"]);
    let token = csat_token(&asked[0]);
    let sent = app
        .store
        .sent_mail(50)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.kind == "csat")
        .expect("logged")
        .sent_at;
    app.clock
        .set(sent + SignedDuration::from_hours(336) + SignedDuration::from_secs(1));
    let late = answer(&app.state, &token, form(4, None, None)).await;
    assert!(
        matches!(&late, Err(StoreError::Domain(e)) if e.to_string().contains("336 hours")),
        "{late:?}"
    );
    let forged = format!("{}x", &token[..token.len() - 1]);
    let forged = answer(&app.state, &forged, form(4, None, None)).await;
    assert!(matches!(forged, Err(StoreError::NotFound(_))), "{forged:?}");

    app.store.set_csat_enabled("phone", false).await.unwrap();
    let again = app.clock.now();
    resolved_at(&app, luis, again).await;
    run_at(&app, &w, again + SignedDuration::from_hours(48)).await;
    assert_eq!(
        csat_mails(&smtp.inbox()).len(),
        1,
        "the channel is switched off"
    );
}
