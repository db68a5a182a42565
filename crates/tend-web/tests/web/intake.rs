//! Taking a complaint from a new customer stores both or neither: a complaint the store
//! refuses leaves no customer behind, from the staff form or the public one.

use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::{TestApp, spawn_app};

async fn customers(app: &TestApp) -> usize {
    let page = app.store.list_customers(None, None, 100).await.unwrap();
    page.items.len()
}

/// The staff form for a new customer, with `category` as chosen.
fn new_customer_form(category: &str) -> Vec<(&'static str, String)> {
    [
        ("customer_id", "new"),
        ("c_name", "Jane Doe"),
        ("c_email", "jane@example.com"),
        ("kind", "complaint"),
        ("channel", "phone"),
        ("priority", "normal"),
        ("tier", "1"),
        ("description", "The blender arrived with a cracked jar."),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .chain([("category", category.to_owned())])
    .collect()
}

#[tokio::test]
async fn a_complaint_the_store_refuses_leaves_no_new_customer_behind() {
    let app = spawn_app().await;
    let b = signed_in(&app, Role::Agent).await;
    let send = |fields: Vec<(&'static str, String)>| {
        let b = &b;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            b.submit("/complaints/new", "/complaints/new", &fields)
                .await
        }
    };

    // The customer is valid and so is the draft; the store refuses the category it names.
    let refused = send(new_customer_form("999999")).await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    assert!(
        refused.html.contains("value=\"Jane Doe\""),
        "what was typed stays"
    );
    assert_eq!(
        customers(&app).await,
        0,
        "no customer without their complaint"
    );
    assert!(app.list_ids("").await.is_empty());

    let taken = send(new_customer_form("")).await;
    assert_eq!(taken.status, 303, "{}", taken.html);
    let ids = app.list_ids("").await;
    assert_eq!(ids.len(), 1);
    assert_eq!(
        customers(&app).await,
        1,
        "one customer with their complaint"
    );
    let c = app.complaint(ids[0]).await;
    let page = app.store.list_customers(None, None, 100).await.unwrap();
    assert_eq!(c["customer_id"], page.items[0].id.0);
    assert_eq!(page.items[0].customer.name.to_string(), "Jane Doe");
}

#[tokio::test]
async fn the_public_form_stores_one_customer_with_their_complaint() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let complain = |description: &'static str| {
        let b = &b;
        async move {
            let fields = [
                ("kind", "complaint"),
                ("name", "Jane Doe"),
                ("email", "jane@example.com"),
                ("description", description),
                ("later_contact", "1"),
                ("website", ""),
            ];
            b.submit("/complain", "/complain", &fields).await
        }
    };
    let res = complain("The lid of my blender broke on day one.").await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert_eq!(customers(&app).await, 1);
    assert_eq!(app.list_ids("").await.len(), 1);

    // The same address again: the same customer, a second complaint.
    let res = complain("And now the jar leaks.").await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert_eq!(customers(&app).await, 1);
    let ids = app.list_ids("").await;
    assert_eq!(ids.len(), 2);
    let (one, two) = (app.complaint(ids[0]).await, app.complaint(ids[1]).await);
    assert_eq!(one["customer_id"], two["customer_id"]);
}
