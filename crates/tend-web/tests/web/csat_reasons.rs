//! The business's CSAT reasons: managers replace the list on `/settings/csat-reasons` (each
//! refusal next to its row, in the reader's language, nothing stored; agents read only); the
//! mailed link and the status page offer exactly that list in the reader's language, and the
//! status page's question is the CSAT instrument itself (one answer per resolution).

use jiff::Timestamp;
use serde_json::json;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::Role;
use tend_store::testing::count;

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;
use crate::public::complain;

const PAGE: &str = "/settings/csat-reasons";

#[tokio::test]
async fn managers_define_the_reasons_and_both_links_offer_them() {
    let app = spawn_app().await;
    let audited = "staff_audit WHERE action = 'csat_reasons_set'";
    let manager = signed_in(&app, Role::Manager).await;
    let page = manager.get(PAGE).await;
    assert_eq!(page.status, 200);
    assert!(
        page.html
            .contains(r#"name="reasons[1].code" maxlength="40" value="too_slow""#)
    );
    assert_eq!(page.html.matches("<fieldset id=\"reason-").count(), 8);

    // In Spanish: a bad code in row 1, a missing Turkish text in row 3 (row 2 left empty).
    manager.set_cookie("lang", "es");
    let bad = [
        ("reasons[1].code", "Muy Lento"),
        ("reasons[1].labels.en", "Slow"),
        ("reasons[1].labels.es", "Lento"),
        ("reasons[1].labels.tr", "Yavaş"),
        ("reasons[3].code", "broken_again"),
        ("reasons[3].labels.en", "It broke again"),
        ("reasons[3].labels.es", "Se volvió a romper"),
    ];
    let refused = manager.submit(PAGE, PAGE, &bad).await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    let html = &refused.html;
    assert!(
        html.contains(
            "Motivo 1 · Código (minúsculas, cifras, _): debe tener de 1 a 40 letras minúsculas"
        ),
        "{html}"
    );
    assert!(
        html.contains("Motivo 3 · En turco: es obligatorio"),
        "{html}"
    );
    assert!(html.contains(r#"value="Muy Lento""#), "typed values kept");
    assert_eq!(count(&app.database_url, audited).await, 0);

    let good = [
        ("reasons[1].code", "slow"),
        ("reasons[1].labels.en", "Too slow"),
        ("reasons[1].labels.es", "Demasiado lento"),
        ("reasons[1].labels.tr", "Çok yavaş"),
        ("reasons[3].code", "broken_again"),
        ("reasons[3].labels.en", "It broke again"),
        ("reasons[3].labels.es", "Se volvió a romper"),
        ("reasons[3].labels.tr", "Yine bozuldu"),
    ];
    let saved = manager.submit(PAGE, PAGE, &good).await;
    assert_eq!(saved.status, 303, "{}", saved.html);
    assert_eq!(count(&app.database_url, audited).await, 1);
    let api = app
        .get("/api/v1/csat-reasons", &app.agent.token)
        .await
        .expect(200);
    let codes: Vec<&str> = api["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["slow", "broken_again"]);

    // Agents read the list, and may not change it.
    let agent = signed_in(&app, Role::Agent).await;
    let read = agent.get(PAGE).await;
    assert_eq!(read.status, 200);
    assert!(read.html.contains("<td>broken_again</td>"));
    assert!(!read.html.contains("save-reasons"));
    assert_eq!(agent.submit(PAGE, PAGE, &good).await.status, 403);
    assert_eq!(
        manager.post_raw(PAGE, &good).await.status,
        403,
        "no CSRF token"
    );

    // The mailed link offers the business's reasons in Turkish; the old list is gone.
    let mut b = Browser::new(&app);
    complain(&b, "Lucía Pérez", "La tapa llegó rota.").await;
    let id = app.list_ids("").await[0];
    let request = app
        .store
        .csat_request(ComplaintId(id), Timestamp::now(), None, Timestamp::now())
        .await
        .unwrap();
    let token = app.store.csat_token(request).await.unwrap();
    b.accept_language = Some("tr".into());
    let asked = b.get(&format!("/csat/{token}")).await;
    assert!(
        asked
            .html
            .contains(r#"<option value="broken_again">Yine bozuldu</option>"#)
    );
    assert!(!asked.html.contains("too_slow"));
}

#[tokio::test]
async fn the_status_page_asks_the_csat_question_in_spanish_and_a_low_answer_reopens_the_follow_up()
{
    let app = spawn_app().await;
    let mut b = Browser::new(&app);
    b.accept_language = Some("es".into());
    let thanks = complain(&b, "Lucía Pérez", "La tapa de la batidora se rompió.").await;
    let link = thanks.href_of("status-link");
    let id = app.list_ids("").await[0];
    for action in [
        json!({"action": "understand", "facts": "Lid broke"}),
        json!({"action": "identify_cause", "root_cause": "Weak hinge", "responsible_party": "company"}),
        json!({"action": "agree_solution", "agreed_solution": "Una tapa nueva", "solution_mode": "on_the_spot"}),
        json!({"action": "resolve", "corrective_action": "Tapa enviada"}),
    ] {
        app.act(id, &action).await.expect(200);
    }
    let page = b.get(&link).await;
    assert!(
        page.html
            .contains("¿Qué tan satisfecho está con cómo gestionamos su queja?")
    );
    assert!(
        page.html
            .contains(r#"<option value="not_solved">El problema no está resuelto</option>"#)
    );
    let answer = format!("{link}/satisfaction");

    // No rating: refused in Spanish, nothing stored.
    let refused = b.submit(&link, &answer, &[("why", "nada")]).await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    assert!(refused.html.contains("Elija un número del 1 al 5."));
    // A reason not on the list: refused by field, in Spanish.
    let fields = [("rating", "2"), ("reason", "made_up")];
    let refused = b.submit(&link, &answer, &fields).await;
    assert_eq!(refused.status, 422);
    assert_eq!(count(&app.database_url, "csat_answers").await, 0);

    let fields = [
        ("rating", "2"),
        ("reason", "not_solved"),
        ("why", "Sigue sin cerrar"),
    ];
    let done = b.submit(&link, &answer, &fields).await;
    assert_eq!(done.status, 303, "{}", done.html);
    assert_eq!(
        count(
            &app.database_url,
            "csat_answers WHERE rating = 2 AND scale = 5 AND reason = 'not_solved'"
        )
        .await,
        1
    );
    let c = app.complaint(id).await;
    assert_eq!(c["satisfaction_rating"], 2);
    assert_eq!(
        app.list_ids("follow_up_due=true").await,
        [id],
        "the follow-up is open again"
    );
    let tl = app.timeline(id).await;
    assert!(tl.iter().any(|e| e["action"] == "csat_answer"), "{tl:#?}");
    let after = b.get(&link).await.html;
    assert!(!after.contains("name=\"rating\""), "asked once");
    assert!(after.contains("Su respuesta sobre su satisfacción: <strong>2/5</strong>"));
    // A second post is refused: answered already.
    let again = b.submit(&link, &answer, &[("rating", "5")]).await;
    assert_eq!(again.status, 422);
    assert_eq!(count(&app.database_url, "csat_answers").await, 1);
}
