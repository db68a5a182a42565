//! The help centre's history, outcomes and searches are append-only, even for raw SQL, on
//! both engines.

use jiff::Timestamp;
use sqlx::Connection;
use tend_domain::help::{Body, Status, Title, Visibility};
use tend_store::testing::fresh_database_url;
use tend_store::{ArticleSettings, Store, StoreOptions, TranslationInput};

#[tokio::test]
async fn help_history_outcomes_and_searches_are_append_only_even_for_raw_sql() {
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let now = Timestamp::from_second(1_790_000_000).unwrap();
    let settings = ArticleSettings {
        visibility: Visibility::Public,
        category_id: None,
        product_id: None,
    };
    let a = store.create_article(&settings, "en", now).await.unwrap();
    let input = TranslationInput {
        lang: "en",
        title: Title::parse("Refunds").unwrap(),
        body: Body::parse("Keep the receipt.").unwrap(),
        status: Status::Published,
    };
    store
        .save_translation(a.id, &input, None, now)
        .await
        .unwrap();
    store
        .record_help_outcome(a.id, "en", false, now)
        .await
        .unwrap();
    store
        .search_public("en", "nothing here", 10, now)
        .await
        .unwrap();
    let mut raw = sqlx::AnyConnection::connect(&url).await.unwrap();
    let refused = [
        "UPDATE help_versions SET title = 'x'",
        "DELETE FROM help_versions",
        "UPDATE help_feedback SET helped = 1",
        "DELETE FROM help_feedback",
        "UPDATE help_searches SET results = 1",
        "DELETE FROM help_searches",
    ];
    for sql in refused {
        let err = sqlx::query(sql).execute(&mut raw).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    raw.close().await.unwrap();
    assert_eq!(store.article_versions(a.id, "en").await.unwrap(), 1);
    assert_eq!(
        store.article_outcomes(5).await.unwrap()[0].still_need_help,
        1
    );
    assert_eq!(store.empty_searches(5).await.unwrap()[0].n, 1);
}
