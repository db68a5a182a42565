//! The public complaint form's two steps in Spanish and Turkish: matching articles are shown
//! (folded: case, accents, Turkish i's), "this solved it" sends nothing, "this didn't help"
//! sends the complaint carrying the articles shown; the deflection rate on the staff page,
//! overall and per article (list and article page), against hand-computed values.

use serde_json::{Value, json};
use tend_domain::staff::Role;

use crate::browser::{Browser, Page, signed_in};
use crate::helpers::{TestApp, spawn_app};

async fn refunds(app: &TestApp) -> i64 {
    let m = &app.manager.token;
    let id = app
        .post_json("/api/v1/articles", m, &json!({"visibility": "public"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    for (lang, title, body) in [
        ("en", "How to get a refund", "Keep the receipt."),
        ("es", "Cómo pedir un reembolso", "Devolución del dinero."),
        ("tr", "İade nasıl yapılır", "Paranızın geri ödemesi."),
    ] {
        let t: Value = json!({"lang": lang, "title": title, "body": body, "status": "published"});
        app.post_json(&format!("/api/v1/articles/{id}/translations"), m, &t)
            .await
            .expect(200);
    }
    id
}

/// A visitor reading in `lang`.
async fn visitor(app: &TestApp, lang: &str) -> Browser {
    let b = Browser::new(app);
    let res = b
        .submit(
            "/complain",
            "/language",
            &[("lang", lang), ("back", "/complain")],
        )
        .await;
    assert_eq!(res.status, 303);
    b
}

/// The first step with `description`.
async fn check(b: &Browser, email: &str, description: &str) -> Page {
    let fields = [
        ("kind", "complaint"),
        ("name", "Ana"),
        ("email", email),
        ("description", description),
        ("step", "check"),
    ];
    b.submit("/complain", "/complain", &fields).await
}

/// The value of the hidden `flow` field.
fn flow(p: &Page) -> String {
    let at = p.html.find("name=\"flow\" value=\"").expect("a flow field") + 19;
    p.html[at..].split('"').next().unwrap().to_owned()
}

async fn complaints(app: &TestApp) -> usize {
    app.list_ids("limit=100").await.len()
}

#[tokio::test]
async fn help_deflect_two_steps_in_spanish_and_turkish() {
    let app = spawn_app().await;
    let id = refunds(&app).await;
    let es = visitor(&app, "es").await;
    // Spanish, solved: the article is shown, "esto lo resolvió" sends nothing.
    let p = check(
        &es,
        "ana@example.com",
        "Quiero un REEMBOLSO, la devolucion no llega",
    )
    .await;
    assert_eq!(p.status, 200, "{}", p.html);
    assert!(
        p.html.contains("id=\"suggestions\"") && p.html.contains("Cómo pedir un reembolso"),
        "{}",
        p.html
    );
    assert!(
        p.html.contains("No me ayudó, enviar mi reclamación"),
        "{}",
        p.html
    );
    let f = flow(&p);
    let aid = id.to_string();
    // An article not shown to this visit is not recorded.
    let solved = [("flow", f.as_str()), ("article", aid.as_str())];
    let res = es.submit("/complain", "/complain/solved", &solved).await;
    assert_eq!(res.status, 200);
    assert!(
        res.html.contains("Nos alegra que le haya ayudado"),
        "{}",
        res.html
    );
    assert_eq!(complaints(&app).await, 0);
    // Spanish, sent anyway: the complaint carries the article.
    let p = check(&es, "bea@example.com", "reembolso por favor").await;
    let f = flow(&p);
    let send = [
        ("kind", "complaint"),
        ("name", "Bea"),
        ("email", "bea@example.com"),
        ("description", "reembolso por favor"),
        ("flow", f.as_str()),
    ];
    let res = es.submit("/complain", "/complain", &send).await;
    assert_eq!(res.status, 303, "{}", res.html);
    let ids = app.list_ids("limit=100").await;
    assert_eq!(ids.len(), 1);
    let carried = app
        .store
        .complaint_articles(tend_domain::kernel::ids::ComplaintId(ids[0]))
        .await
        .unwrap();
    assert_eq!(carried.len(), 1);
    assert_eq!(carried[0].article_id, id);
    // Turkish, dotted capital and no accents: found; sent anyway.
    let tr = visitor(&app, "tr").await;
    let p = check(&tr, "can@example.com", "İADE istiyorum, PARANIZIN geri").await;
    assert!(p.html.contains("İade nasıl yapılır"), "{}", p.html);
    assert!(
        p.html.contains("İşe yaramadı, şikâyetimi gönder"),
        "{}",
        p.html
    );
    let f = flow(&p);
    let send = [
        ("kind", "complaint"),
        ("name", "Can"),
        ("email", "can@example.com"),
        ("description", "İADE istiyorum"),
        ("flow", f.as_str()),
    ];
    assert_eq!(tr.submit("/complain", "/complain", &send).await.status, 303);
    // Nothing matches: the first step sends at once, and counts in neither.
    let p = check(&tr, "deniz@example.com", "Kargo gelmedi zzzz").await;
    assert_eq!(p.status, 303, "{}", p.html);
    assert_eq!(complaints(&app).await, 3);
    // A forged token or an article never shown records nothing.
    let forged = [("flow", "x"), ("article", aid.as_str())];
    assert_eq!(
        tr.submit("/complain", "/complain/solved", &forged)
            .await
            .status,
        400
    );
    // Deflected 1, sent 2: 1 ÷ 3 = 33.3 %, n = 3.
    let counts = app.store.deflection_counts().await.unwrap();
    assert_eq!((counts.deflected, counts.sent, counts.shown), (1, 2, 3));
    let manager = signed_in(&app, Role::Manager).await;
    let list = manager.get("/help/articles").await.html;
    assert!(list.contains("<strong>33.3 %</strong>"), "{list}");
    assert!(
        list.contains("n = <span id=\"deflection-n\">3</span>"),
        "{list}"
    );
    // The article's own figures, on the list and on its page: shown to 3 visits, 1 deflected,
    // 2 sent anyway: 1 ÷ 3 = 33.3 %, n = 3.
    let row = list.split(&format!("id=\"article-{id}\"")).nth(1).unwrap();
    let page = manager.get(&format!("/help/articles/{id}")).await.html;
    let own = page.split("id=\"article-deflection\"").nth(1).unwrap();
    for html in [row, own] {
        for part in [
            "<strong class=\"rate\">33.3 %</strong> (n = <span class=\"n\">3</span>",
            "<span class=\"shown\">3</span>",
            "<span class=\"deflected\">1</span>",
            "<span class=\"sent\">2</span>",
        ] {
            assert!(html.contains(part), "{part}: {html}");
        }
    }
}
