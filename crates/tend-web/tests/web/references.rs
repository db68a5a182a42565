//! A complaint page opens by the complaint's id or by its exact public reference; a reference
//! with the right number but another year names no complaint.

use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_complaint_page_opens_by_its_exact_reference_or_its_id_only() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let (id, reference) = (c["id"].as_i64().unwrap(), c["reference"].as_str().unwrap());
    assert_eq!(reference, format!("C-2026-{id:06}"), "received in 2026");
    let b = signed_in(&app, Role::Agent).await;

    let by_reference = b.get(&format!("/complaints/{reference}")).await;
    assert_eq!(by_reference.status, 200, "{}", by_reference.html);
    assert!(by_reference.html.contains(reference));
    let by_id = b.get(&format!("/complaints/{id}")).await;
    assert_eq!(by_id.status, 200, "{}", by_id.html);
    assert!(by_id.html.contains(reference));

    for wrong in [
        format!("C-1999-{id:06}"),
        format!("C-2026-{id}"),
        format!("X-2026-{id:06}"),
        format!("C-2026-{:06}", id + 1),
    ] {
        let page = b.get(&format!("/complaints/{wrong}")).await;
        assert_eq!(page.status, 404, "{wrong} opened a page");
    }
    // The forms behind the page ask the same question.
    let form = format!("/complaints/{reference}");
    let step = b
        .submit(
            &form,
            &format!("/complaints/C-1999-{id:06}/steps"),
            &[("text", "Called back")],
        )
        .await;
    assert_eq!(step.status, 404, "a step under a wrong reference");
}
