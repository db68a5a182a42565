//! The complaint page's manager forms: merge into another complaint of the same customer, and
//! delete with a reason and a ticked confirmation. Agents see neither and are refused. A merged
//! complaint's page says where it went ("merged into", linked), the survivor's lists what was
//! merged into it, in each language. Admins set the purge period on `/settings/company`.

use jiff::SignedDuration;
use tend_app::jobs::{Worker, WorkerConfig};
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn managers_merge_and_delete_from_the_complaint_page_agents_cannot() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let a = app.create_complaint(customer).await;
    let (a, ref_a) = (
        a["id"].as_i64().unwrap(),
        a["reference"].as_str().unwrap().to_owned(),
    );
    let b = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let c = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let agent = signed_in(&app, Role::Agent).await;
    let page = agent.get(&format!("/complaints/{b}")).await;
    assert!(
        !page.html.contains("/merge\""),
        "an agent sees no merge form"
    );
    let r = agent
        .submit(
            &format!("/complaints/{b}"),
            &format!("/complaints/{b}/merge"),
            &[("into", &ref_a)],
        )
        .await;
    assert_eq!(r.status, 403);

    let manager = signed_in(&app, Role::Manager).await;
    let from = format!("/complaints/{b}");
    assert!(
        manager
            .get(&from)
            .await
            .html
            .contains(&format!("/complaints/{b}/merge"))
    );
    let own = manager
        .submit(
            &from,
            &format!("/complaints/{b}/merge"),
            &[("into", &b.to_string())],
        )
        .await;
    assert_eq!(own.status, 422, "{}", own.html);
    assert!(own.html.contains("cannot be merged into itself"));
    let merged = manager
        .submit(
            &from,
            &format!("/complaints/{b}/merge"),
            &[("into", &ref_a)],
        )
        .await;
    assert_eq!(merged.status, 303, "{}", merged.html);
    assert_eq!(app.list_ids("").await, vec![c, a]);
    // B's page says it was merged into A (linked), offers no forms; A's lists B.
    let ref_b = format!("C-2026-{b:06}");
    let page_b = manager.get(&format!("/complaints/{b}")).await.html;
    assert!(
        page_b.contains(&format!(
            "This complaint was merged into <a href=\"/complaints/{a}\">{ref_a}</a>"
        )),
        "{page_b}"
    );
    assert!(!page_b.contains(&format!("/complaints/{b}/merge")));
    assert!(!page_b.contains(&format!("/complaints/{b}/act")));
    let page_a = manager.get(&format!("/complaints/{a}")).await.html;
    assert!(
        page_a.contains(&format!(
            "Merged into this one: <a href=\"/complaints/{b}\">{ref_b}</a>"
        )),
        "{page_a}"
    );
    assert!(!page_a.contains("id=\"merged-into\""));
    for (lang, into, from) in [
        ("es", "Esta queja se fusionó con", "Fusionadas con esta:"),
        (
            "tr",
            "Bu şikâyet şununla birleştirildi:",
            "Bununla birleştirilenler:",
        ),
    ] {
        manager.set_cookie("lang", lang);
        assert!(
            manager
                .get(&format!("/complaints/{b}"))
                .await
                .html
                .contains(into)
        );
        assert!(
            manager
                .get(&format!("/complaints/{a}"))
                .await
                .html
                .contains(from)
        );
    }
    manager.set_cookie("lang", "en");

    let from = format!("/complaints/{c}");
    let unconfirmed = manager
        .submit(
            &from,
            &format!("/complaints/{c}/delete"),
            &[("reason", "spam")],
        )
        .await;
    assert_eq!(unconfirmed.status, 422, "{}", unconfirmed.html);
    assert_eq!(app.list_ids("").await, vec![c, a]);
    let deleted = manager
        .submit(
            &from,
            &format!("/complaints/{c}/delete"),
            &[("reason", "spam"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(deleted.status, 303, "{}", deleted.html);
    assert_eq!(app.list_ids("").await, vec![a]);
    assert_eq!(manager.get(&from).await.status, 404);
}

#[tokio::test]
async fn admins_set_the_purge_period_and_the_purge_job_reads_it() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let manager = signed_in(&app, Role::Manager).await;
    assert_eq!(manager.get("/settings/company").await.status, 403);
    let admin = signed_in(&app, Role::Admin).await;
    let form = admin.get("/settings/company").await.html;
    assert!(
        form.contains(r#"name="purge_days" required inputmode="numeric" value="30""#),
        "{form}"
    );
    let r = manager
        .post_raw("/settings/company/purge", &[("purge_days", "7")])
        .await;
    assert!(r.status == 403 || r.status == 400, "{}", r.status);
    let page = "/settings/company";
    let action = "/settings/company/purge";
    let zero = admin.submit(page, action, &[("purge_days", "0")]).await;
    assert_eq!(zero.status, 422, "{}", zero.html);
    assert!(
        zero.html.contains("Days before purging: must be from"),
        "{}",
        zero.html
    );
    admin.set_cookie("lang", "es");
    let word = admin.submit(page, action, &[("purge_days", "siete")]).await;
    assert_eq!(word.status, 422);
    assert!(
        word.html
            .contains("Días antes de purgar: debe ser un número entero"),
        "{}",
        word.html
    );
    admin.set_cookie("lang", "tr");
    let big = admin.submit(page, action, &[("purge_days", "4000")]).await;
    assert_eq!(big.status, 422);
    assert!(
        big.html.contains("Temizlemeden önceki gün sayısı"),
        "{}",
        big.html
    );
    admin.set_cookie("lang", "en");
    assert_eq!(app.store.complaint_purge_days().await.unwrap(), None);
    let saved = admin.submit(page, action, &[("purge_days", "7")]).await;
    assert_eq!(saved.status, 303, "{}", saved.html);
    assert!(admin.get(page).await.html.contains(r#"value="7""#));
    assert!(
        admin
            .get("/settings/audit")
            .await
            .html
            .contains("purge_days=7")
    );
    // The delete form says 7 days.
    let from = format!("/complaints/{c}");
    assert!(
        manager
            .get(&from)
            .await
            .html
            .contains("erased for good after 7 days")
    );

    // Deleted now with 7 days; the period is then raised to 10: the queued job defers.
    let deleted = manager
        .submit(
            &from,
            &format!("/complaints/{c}/delete"),
            &[("reason", "spam"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(deleted.status, 303, "{}", deleted.html);
    assert_eq!(
        admin
            .submit(page, action, &[("purge_days", "10")])
            .await
            .status,
        303
    );
    let worker = Worker::new(app.state.clone(), None, WorkerConfig::new("purge-test"));
    app.clock.advance(SignedDuration::from_hours(8 * 24));
    worker.run_once().await.unwrap();
    assert_eq!(
        app.store.purged_count().await.unwrap(),
        0,
        "10 days now, 8 passed"
    );
    app.clock.advance(SignedDuration::from_hours(3 * 24));
    worker.run_once().await.unwrap();
    assert_eq!(app.store.purged_count().await.unwrap(), 1);
    let tomb = app.store.complaint(ComplaintId(c)).await.unwrap();
    assert_eq!(tomb.record.description, tend_store::ERASED);
}
