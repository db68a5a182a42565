//! The public help centre: search in the visitor's language (case, accents and Turkish i's
//! folded), fallback to another language with a notice, drafts and internal articles on no
//! public path, "did this help?" and the managers' gaps page.

use serde_json::{Value, json};
use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::{TestApp, spawn_app};

/// An article with `visibility` and its translations `(lang, title, body, status)`; its id.
async fn article(app: &TestApp, visibility: &str, texts: &[(&str, &str, &str, &str)]) -> i64 {
    let m = &app.manager.token;
    let id = app
        .post_json("/api/v1/articles", m, &json!({"visibility": visibility}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    for (lang, title, body, status) in texts {
        let t: Value = json!({"lang": lang, "title": title, "body": body, "status": status});
        app.post_json(&format!("/api/v1/articles/{id}/translations"), m, &t)
            .await
            .expect(200);
    }
    id
}

async fn refunds(app: &TestApp) -> i64 {
    article(
        app,
        "public",
        &[
            (
                "en",
                "How to get a refund",
                "Keep the **receipt**.",
                "published",
            ),
            (
                "es",
                "Cómo pedir un reembolso",
                "Devolución del dinero.",
                "published",
            ),
            (
                "tr",
                "İade nasıl yapılır",
                "Paranızın geri ödemesi.",
                "published",
            ),
        ],
    )
    .await
}

#[tokio::test]
async fn help_three_translations_are_found_by_each_languages_query() {
    let app = spawn_app().await;
    let id = refunds(&app).await;
    let b = Browser::new(&app);
    let found = |lang: &'static str, q: &'static str, title: &'static str| {
        let b = &b;
        async move {
            let p = b
                .get(&format!("/help/{lang}/search?q={}", helpers_encode(q)))
                .await;
            assert_eq!(p.status, 200, "{lang} {q}");
            assert!(
                p.html.contains(&format!("/help/{lang}/articles/{id}")),
                "{lang} {q}: {}",
                p.html
            );
            assert!(p.html.contains(title), "{lang} {q}: {}", p.html);
            assert!(!p.html.contains("id=\"fallback\""), "{lang} {q}");
        }
    };
    found("en", "REFUND", "How to get a refund").await;
    found("en", "receipt refund", "How to get a refund").await;
    found("es", "reembolso", "Cómo pedir un reembolso").await;
    found("es", "DEVOLUCION", "Cómo pedir un reembolso").await;
    found("es", "cómo", "Cómo pedir un reembolso").await;
    for q in ["iade", "İADE", "IADE", "ıade", "NASIL", "paranizin"] {
        found("tr", q, "İade nasıl yapılır").await;
    }
    // Nothing in Turkish says "receipt": the English article is shown, with a notice.
    let p = b.get("/help/tr/search?q=receipt").await;
    assert!(p.html.contains("id=\"fallback\""), "{}", p.html);
    assert!(p.html.contains("How to get a refund"));
    // The article page in each language, its Markdown rendered.
    let p = b.get(&format!("/help/en/articles/{id}")).await;
    assert!(p.html.contains("<strong>receipt</strong>"), "{}", p.html);
    let p = b.get(&format!("/help/es/articles/{id}")).await;
    assert!(p.html.contains("Devolución del dinero.") && !p.html.contains("id=\"fallback\""));
    let home = b.get("/help/tr").await;
    assert!(home.html.contains("İade nasıl yapılır"), "{}", home.html);
    assert_eq!(b.get("/help").await.location(), "/help/en");
}

#[tokio::test]
async fn help_drafts_and_internal_are_found_by_no_public_path() {
    let app = spawn_app().await;
    let draft = article(
        &app,
        "draft",
        &[("en", "Draftword title", "draftword", "published")],
    )
    .await;
    let internal = article(
        &app,
        "internal",
        &[("en", "Internalword title", "internalword", "published")],
    )
    .await;
    // Public, but the Spanish text is still a draft: readers of Spanish get the English one.
    let mixed = article(
        &app,
        "public",
        &[
            ("en", "Warranty claims", "Bring the product.", "published"),
            ("es", "Garantía", "Texto palabraoculta", "draft"),
        ],
    )
    .await;
    let b = Browser::new(&app);
    for lang in ["en", "es", "tr"] {
        let home = b.get(&format!("/help/{lang}")).await;
        assert!(home.html.contains("Warranty claims"), "{lang}");
        for hidden in ["Draftword", "Internalword", "Garantía"] {
            assert!(!home.html.contains(hidden), "{lang} lists {hidden}");
        }
        for q in ["draftword", "internalword", "palabraoculta"] {
            let p = b.get(&format!("/help/{lang}/search?q={q}")).await;
            assert!(
                p.html.contains("id=\"no-results\""),
                "{lang} {q}: {}",
                p.html
            );
        }
        for id in [draft, internal] {
            assert_eq!(
                b.get(&format!("/help/{lang}/articles/{id}")).await.status,
                404
            );
        }
    }
    let p = b.get(&format!("/help/es/articles/{mixed}")).await;
    assert!(p.html.contains("id=\"fallback\"") && p.html.contains("Bring the product."));
    assert!(!p.html.contains("palabraoculta"));
    // No answer can be recorded on a hidden article.
    let from = format!("/help/en/articles/{mixed}");
    let res = b
        .submit(
            &from,
            &format!("/help/en/articles/{draft}/feedback"),
            &[("helped", "no")],
        )
        .await;
    assert_eq!(res.status, 404);
    assert!(app.store.article_outcomes(10).await.unwrap().is_empty());
    assert_eq!(b.get("/help/de").await.status, 404);
}

#[tokio::test]
async fn help_outcomes_and_empty_searches_show_on_the_gaps_page() {
    let app = spawn_app().await;
    let id = refunds(&app).await;
    let b = Browser::new(&app);
    let page = format!("/help/en/articles/{id}");
    let action = format!("{page}/feedback");
    for helped in ["yes", "no", "no"] {
        let res = b.submit(&page, &action, &[("helped", helped)]).await;
        assert_eq!(res.status, 200, "{}", res.html);
        assert!(res.html.contains("id=\"answered\""));
    }
    // Without the form's token nothing is recorded.
    assert_eq!(b.post_raw(&action, &[("helped", "no")]).await.status, 403);
    for _ in 0..2 {
        let p = b.get("/help/en/search?q=Zzqx+Nothing").await;
        assert!(p.html.contains("id=\"no-results\""));
    }
    b.get("/help/es/search?q=reembolso").await;
    // Answers per article: n = 3, "I still need help" = 2, 2/3 = 66.7 %.
    let outcomes = app.store.article_outcomes(10).await.unwrap();
    assert_eq!(
        (outcomes.len(), outcomes[0].n, outcomes[0].still_need_help),
        (1, 3, 2)
    );
    assert_eq!(outcomes[0].title, "How to get a refund");
    let empty = app.store.empty_searches(10).await.unwrap();
    assert_eq!(empty.len(), 1);
    assert_eq!((empty[0].words.as_str(), empty[0].n), ("zzqx nothing", 2));
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get("/help/gaps").await.status, 403);
    let manager = signed_in(&app, Role::Manager).await;
    let gaps = manager.get("/help/gaps").await;
    assert_eq!(gaps.status, 200);
    assert!(gaps.html.contains("zzqx nothing"), "{}", gaps.html);
    assert!(gaps.html.contains("<td data-label=\"I still need help\">2</td><td data-label=\"n\">3</td><td data-label=\"%\">66.7</td>"), "{}", gaps.html);
    assert!(!gaps.html.contains("reembolso"));
    // The last empty search (at NOW) in the reader's zone: UTC by default, then the manager's own.
    assert!(gaps.html.contains("Mar 6, 2026 15:30 UTC"), "{}", gaps.html);
    let mine = [("language", "en"), ("time_zone", "Europe/Istanbul")];
    assert_eq!(manager.submit("/me", "/me", &mine).await.status, 303);
    let gaps = manager.get("/help/gaps").await.html;
    assert!(gaps.contains("Mar 6, 2026 18:30 UTC+03:00"), "{gaps}");
}

/// `q` as a URL query value.
fn helpers_encode(q: &str) -> String {
    q.bytes()
        .map(|c| match c {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (c as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{c:02X}"),
        })
        .collect()
}
