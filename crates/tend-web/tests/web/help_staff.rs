//! The staff's help article pages: agents write drafts, managers publish; every save kept in
//! the history with who; refusals name their field in the reader's language; CSRF; Markdown
//! rendered and cleaned; agents link an article to a complaint and put its link into a reply;
//! categories with complaints and no article; the sitemap and the feeds show only what is
//! public.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

/// The id at the end of a `/help/articles/{id}` location.
fn id_of(location: &str) -> i64 {
    location.rsplit('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn help_staff_agents_write_drafts_and_managers_publish() {
    let app = spawn_app().await;
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get("/help/articles").await.status, 200);
    let new = [
        ("visibility", "draft"),
        ("source_lang", "en"),
        ("title", "Refunds"),
        (
            "body",
            "# Refunds\n\n**Keep** the receipt.<script>alert(1)</script>",
        ),
        ("status", "draft"),
        ("category_id", ""),
        ("owner_id", ""),
        ("review_on", ""),
    ];
    let res = agent
        .submit("/help/articles/new", "/help/articles/new", &new)
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let id = id_of(res.location());
    let page = agent.get(&format!("/help/articles/{id}")).await;
    assert!(page.html.contains("<strong>Keep</strong>"), "{}", page.html);
    assert!(!page.html.contains("<script>alert"), "{}", page.html);
    // An agent may not publish: refused on the field, nothing stored.
    let text = format!("/help/articles/{id}/text");
    let from = format!("/help/articles/{id}");
    let publish = [
        ("lang", "en"),
        ("title", "Refunds"),
        ("body", "Text"),
        ("status", "published"),
    ];
    let res = agent.submit(&from, &text, &publish).await;
    assert_eq!(res.status, 422);
    assert!(
        res.html
            .contains("only a manager or an administrator may publish")
    );
    let settings = [
        ("visibility", "public"),
        ("category_id", ""),
        ("owner_id", ""),
        ("review_on", ""),
    ];
    let res = agent.submit(&from, &from, &settings).await;
    assert_eq!(res.status, 422);
    assert_eq!(app.store.article_versions(id, "en").await.unwrap(), 1);
    // In Spanish: an empty title and a bad date, each named.
    let manager = signed_in(&app, Role::Manager).await;
    let es = [("lang", "es"), ("back", "/inbox")];
    assert_eq!(manager.submit("/inbox", "/language", &es).await.status, 303);
    let bad = [
        ("lang", "es"),
        ("title", ""),
        ("body", "Texto"),
        ("status", "draft"),
    ];
    let res = manager.submit(&from, &text, &bad).await;
    assert_eq!(res.status, 422);
    assert!(
        res.html.contains("Título: no puede estar vacío"),
        "{}",
        res.html
    );
    let bad = [
        ("visibility", "public"),
        ("category_id", ""),
        ("owner_id", ""),
        ("review_on", "31/03/2026"),
    ];
    let res = manager.submit(&from, &from, &bad).await;
    assert_eq!(res.status, 422);
    assert!(
        res.html.contains("debe ser una fecha como 2026-03-31"),
        "{}",
        res.html
    );
    // The manager publishes the Spanish text and the article.
    let ok = [
        ("lang", "es"),
        ("title", "Reembolsos"),
        ("body", "Guarde el **recibo**."),
        ("status", "published"),
    ];
    assert_eq!(manager.submit(&from, &text, &ok).await.status, 303);
    let owner = app.agent.id.to_string();
    let ok = [
        ("visibility", "public"),
        ("category_id", ""),
        ("owner_id", owner.as_str()),
        ("review_on", "2026-04-01"),
    ];
    assert_eq!(manager.submit(&from, &from, &ok).await.status, 303);
    let a = app.store.article(id).await.unwrap();
    assert_eq!(a.review_on.unwrap().to_string(), "2026-04-01");
    let public = crate::browser::Browser::new(&app);
    let p = public.get(&format!("/help/es/articles/{id}")).await;
    assert!(p.html.contains("<strong>recibo</strong>"), "{}", p.html);
    // The history: both saves, with who.
    let page = manager.get(&from).await.html;
    let history = page.split("id=\"history\"").nth(1).unwrap();
    assert_eq!(history.matches("<tr><td>").count(), 2, "{history}");
    assert!(
        history.contains("Web agent") && history.contains("Web manager"),
        "{history}"
    );
    // Without the form's token nothing is saved; a viewer reads no staff page.
    assert_eq!(manager.post_raw(&text, &ok).await.status, 403);
    let viewer = signed_in(&app, Role::Viewer).await;
    assert_eq!(viewer.get("/help/articles").await.status, 403);
    assert_eq!(viewer.get(&from).await.status, 403);
    assert_eq!(app.store.article_versions(id, "es").await.unwrap(), 1);
}

#[tokio::test]
async fn help_staff_links_gaps_sitemap_and_feeds() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let cat = |name: &'static str| {
        let app = &app;
        async move {
            app.post_json("/api/v1/categories", m, &json!({"name": name}))
                .await
                .expect(201)["id"]
                .as_i64()
                .unwrap()
        }
    };
    let (billing, delivery) = (cat("Billing").await, cat("Delivery").await);
    let customer = app.create_customer().await;
    for (c, n) in [(billing, 2), (delivery, 1)] {
        for _ in 0..n {
            app.create_complaint_with(&json!({"customer_id": customer, "channel": "phone",
                "description": "Charged twice", "category_id": c}))
                .await;
        }
    }
    let manager = signed_in(&app, Role::Manager).await;
    let list = manager.get("/help/articles").await.html;
    assert!(
        list.contains("<td data-label=\"Category\">Billing</td><td data-label=\"n\">2</td>"),
        "{list}"
    );
    assert!(
        list.contains("<td data-label=\"Category\">Delivery</td><td data-label=\"n\">1</td>"),
        "{list}"
    );
    // An article for delivery, public and published in English only; a draft and an internal one.
    let article = |vis: &'static str, title: &'static str, category: Option<i64>| {
        let app = &app;
        async move {
            let id = app
                .post_json(
                    "/api/v1/articles",
                    m,
                    &json!({"visibility": vis, "category_id": category}),
                )
                .await
                .expect(201)["id"]
                .as_i64()
                .unwrap();
            let t = json!({"lang": "en", "title": title, "body": "Text", "status": "published"});
            app.post_json(&format!("/api/v1/articles/{id}/translations"), m, &t)
                .await
                .expect(200);
            id
        }
    };
    let public = article("public", "Late & lost parcels", Some(delivery)).await;
    let draft = article("draft", "Draftword", None).await;
    let internal = article("internal", "Internalword", None).await;
    let list = manager.get("/help/articles").await.html;
    let gaps = list.split("id=\"category-gaps\"").nth(1).unwrap();
    let gaps = gaps.split("</table>").next().unwrap();
    assert!(
        gaps.contains(">Billing</td>") && !gaps.contains(">Delivery</td>"),
        "{gaps}"
    );
    // Feeds and sitemap: only the public article, in its language only.
    let b = crate::browser::Browser::new(&app);
    let map = b.get("/sitemap.xml").await;
    assert_eq!(map.status, 200);
    assert!(
        map.html
            .contains(&format!("/help/en/articles/{public}</loc>")),
        "{}",
        map.html
    );
    assert!(
        !map.html
            .contains(&format!("/help/es/articles/{public}</loc>"))
    );
    for id in [draft, internal] {
        assert!(
            !map.html.contains(&format!("/articles/{id}<")),
            "{}",
            map.html
        );
    }
    let feed = b.get("/help/en/feed.atom").await;
    assert!(
        feed.html.contains("<title>Late &amp; lost parcels</title>"),
        "{}",
        feed.html
    );
    assert!(!feed.html.contains("Draftword") && !feed.html.contains("Internalword"));
    assert!(!b.get("/help/es/feed.atom").await.html.contains("<entry>"));
    // An agent links the public article to a complaint and puts its link into a reply.
    let c = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let agent = signed_in(&app, Role::Agent).await;
    let page = format!("/complaints/{c}");
    let action = format!("/complaints/{c}/articles");
    let res = agent
        .submit(&page, &action, &[("article_id", &public.to_string())])
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let res = agent
        .submit(&page, &action, &[("article_id", "999999")])
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.html.contains("no article with id 999999"),
        "{}",
        res.html
    );
    let shown = agent.get(&page).await.html;
    assert!(shown.contains("Late &#38; lost parcels"), "{shown}");
    let reply = agent
        .get(&format!("/complaints/{c}/articles/{public}/reply"))
        .await
        .html;
    assert!(
        reply.contains(&format!("/help/en/articles/{public}</textarea>")),
        "{reply}"
    );
    let viewer = signed_in(&app, Role::Viewer).await;
    assert_eq!(
        viewer
            .submit(&page, &action, &[("article_id", "1")])
            .await
            .status,
        403
    );
    assert_eq!(app.store.link_counts().await.unwrap(), vec![(public, 1)]);
    let list = manager.get("/help/articles").await.html;
    assert!(
        list.contains("<td data-label=\"Linked complaints\" class=\"links\">1</td>"),
        "{list}"
    );
    let art = manager.get(&format!("/help/articles/{public}")).await.html;
    let linked = art.split("id=\"linked-complaints\"").nth(1).unwrap();
    assert!(
        linked.contains(&format!("/complaints/{c}")) && linked.contains("Web agent"),
        "{art}"
    );
}

/// A new article, its first text and its owner are one write: an owner naming nobody refuses
/// the whole form (422 on `owner_id`) and stores no article, no text and no history.
#[tokio::test]
async fn help_staff_a_refused_new_article_stores_nothing() {
    let app = spawn_app().await;
    let manager = signed_in(&app, Role::Manager).await;
    let new = [
        ("visibility", "public"),
        ("source_lang", "en"),
        ("title", "Refunds"),
        ("body", "Keep the receipt."),
        ("status", "published"),
        ("category_id", ""),
        ("owner_id", "987654"),
        ("review_on", "2030-01-31"),
    ];
    let res = manager
        .submit("/help/articles/new", "/help/articles/new", &new)
        .await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(res.html.contains("owner_id"), "{}", res.html);
    let tables = [
        "help_articles",
        "help_translations",
        "help_versions",
        "jobs WHERE kind = 'help_review'",
    ];
    for table in tables {
        let n = tend_store::testing::count(&app.database_url, table).await;
        assert_eq!(n, 0, "{table} after a refused new article");
    }
    // The same form with a real owner stores the article, its text and the reminder together.
    let owner = app.manager.id.to_string();
    let mut ok = new;
    ok[6] = ("owner_id", owner.as_str());
    let res = manager
        .submit("/help/articles/new", "/help/articles/new", &ok)
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let stored = [
        ("help_articles", 1),
        ("help_translations", 1),
        ("help_versions", 1),
        ("jobs WHERE kind = 'help_review'", 1),
    ];
    for (table, n) in stored {
        assert_eq!(
            tend_store::testing::count(&app.database_url, table).await,
            n,
            "{table}"
        );
    }
}
