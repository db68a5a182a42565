//! The help centre's search through the search index, on the engine the environment selects
//! (`TEND_TEST_DATABASE_URL` for PostgreSQL): a table of queries and the articles each finds in
//! three languages (accented and Turkish forms), never a draft, internal or archived one, and
//! the complaint form's suggestions.

use jiff::Timestamp;
use tend_domain::help::{Body, Status, Title, Visibility};
use tend_store::testing::fresh_database_url;
use tend_store::{ArticleSettings, Store, StoreOptions, TranslationInput};

fn now() -> Timestamp {
    "2026-03-06T15:30:00Z".parse().unwrap()
}

async fn article(s: &Store, vis: Visibility, texts: &[(&'static str, &str, &str, Status)]) -> i64 {
    let settings = ArticleSettings {
        visibility: vis,
        category_id: None,
        product_id: None,
    };
    let a = s
        .create_article(&settings, texts[0].0, now())
        .await
        .unwrap();
    for (lang, title, body, status) in texts {
        let t = TranslationInput {
            lang,
            title: Title::parse(title).unwrap(),
            body: Body::parse(body).unwrap(),
            status: *status,
        };
        s.save_translation(a.id, &t, None, now()).await.unwrap();
    }
    a.id
}

/// Three public articles in three languages (one Spanish text a draft) and a draft, an
/// internal and an archived one that all say "refund": their ids.
async fn articles(s: &Store) -> [i64; 6] {
    use Status::{Draft, Published as P};
    let a = article(
        s,
        Visibility::Public,
        &[
            ("en", "How to get a refund", "Keep the **receipt**.", P),
            ("es", "Cómo pedir un reembolso", "Devolución del dinero.", P),
            ("tr", "İade nasıl yapılır", "Paranızın geri ödemesi.", P),
        ],
    )
    .await;
    let b = article(
        s,
        Visibility::Public,
        &[
            (
                "en",
                "Parcel damaged in delivery",
                "Take photos of the box.",
                P,
            ),
            (
                "es",
                "Paquete dañado en la entrega",
                "Haga fotos de la caja.",
                P,
            ),
            ("tr", "Hasarlı kargo", "Kutunun fotoğraflarını çekin.", P),
        ],
    )
    .await;
    let c = article(
        s,
        Visibility::Public,
        &[
            ("en", "Change your password", "Open the account page.", P),
            (
                "es",
                "Cambiar la contraseña",
                "Abra la página de la cuenta.",
                Draft,
            ),
            ("tr", "ŞİFRE değiştirme", "Hesap sayfasını açın.", P),
        ],
    )
    .await;
    let mut hidden = [0; 3];
    for (i, vis) in [
        Visibility::Draft,
        Visibility::Internal,
        Visibility::Archived,
    ]
    .into_iter()
    .enumerate()
    {
        hidden[i] = article(s, vis, &[("en", "Secret refund plan", "refund receipt", P)]).await;
    }
    [a, b, c, hidden[0], hidden[1], hidden[2]]
}

#[tokio::test]
async fn help_search_table_finds_the_same_articles_on_both_engines() {
    let url = fresh_database_url().await;
    let s = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let [a, b, c, ..] = articles(&s).await;
    // (language, query, articles found in order, found in another language)
    let table: &[(&str, &str, &[i64], bool)] = &[
        ("en", "REFUND", &[a], false),
        ("en", "ref", &[a], false),
        ("en", "receipt refund", &[a], false),
        ("en", "parcel DAMAGED", &[b], false),
        ("en", "the", &[a, b, c], false),
        ("en", "secret", &[], false),
        ("en", "refund plan", &[], false),
        ("es", "reembolso", &[a], false),
        ("es", "DEVOLUCIÓN", &[a], false),
        ("es", "devolucion", &[a], false),
        ("es", "dañado", &[b], false),
        ("es", "DANADO caja", &[b], false),
        // The Spanish text is a draft: not found, nor in another language.
        ("es", "contraseña", &[], false),
        ("es", "password", &[c], true),
        ("tr", "İADE", &[a], false),
        ("tr", "iade", &[a], false),
        ("tr", "IADE", &[a], false),
        ("tr", "ıade", &[a], false),
        ("tr", "paranizin", &[a], false),
        ("tr", "şifre", &[c], false),
        ("tr", "SIFRE", &[c], false),
        ("tr", "kargo HASARLI", &[b], false),
        ("tr", "receipt", &[a], true),
        ("tr", "zzqx", &[], false),
    ];
    for (lang, q, want, fallback) in table {
        let got = s.search_public(lang, q, 20, now()).await.unwrap();
        let ids: Vec<i64> = got.hits.iter().map(|h| h.article_id).collect();
        assert_eq!(&ids, want, "{lang} {q:?}");
        assert_eq!(got.fallback, *fallback, "{lang} {q:?}");
        if !*fallback {
            assert!(got.hits.iter().all(|h| h.lang == *lang), "{lang} {q:?}");
        }
    }
    // The complaint form's suggestions: most words of 4 letters or more shared first.
    let suggest: &[(&str, &str, &[i64])] = &[
        ("en", "I want a refund for the damaged parcel", &[b, a]),
        ("en", "refund", &[a]),
        (
            "es",
            "Quiero un reembolso, el paquete llegó dañado",
            &[b, a],
        ),
        ("tr", "İADE istiyorum, kargo hasarlı geldi", &[b, a]),
        ("es", "olvidé mi contraseña", &[]),
        ("en", "secret plan", &[]),
    ];
    for (lang, text, want) in suggest {
        let got = s.suggest_public(lang, text, 5).await.unwrap();
        let ids: Vec<i64> = got.iter().map(|h| h.article_id).collect();
        assert_eq!(&ids, want, "{lang} {text:?}");
    }
    // A saved text is searched at once; the old one no longer.
    use Status::Published as P;
    let t = TranslationInput {
        lang: "en",
        title: Title::parse("Refund by bank transfer").unwrap(),
        body: Body::parse("Give us your IBAN.").unwrap(),
        status: P,
    };
    s.save_translation(a, &t, None, now()).await.unwrap();
    let ids = |r: tend_store::PublicSearch| r.hits.iter().map(|h| h.article_id).collect::<Vec<_>>();
    assert_eq!(
        ids(s.search_public("en", "iban", 20, now()).await.unwrap()),
        [a]
    );
    assert!(ids(s.search_public("en", "receipt", 20, now()).await.unwrap()).is_empty());
}
