//! `/api/docs`: the OpenAPI document rendered for people lists every operation and schema of
//! the document, in the reader's language, without script and under the strict CSP.

use crate::helpers::{Reply, spawn_app};

#[tokio::test]
async fn api_docs_page_lists_every_path_and_schema_of_the_document() {
    let app = spawn_app().await;
    let doc = Reply::send(app.client.get(app.url("/api/openapi.json")))
        .await
        .expect(200);
    let page = Reply::send(app.client.get(app.url("/api/docs"))).await;
    assert_eq!(page.status.as_u16(), 200, "{}", page.text);
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'none'") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    assert!(!page.text.contains("<script"), "no JavaScript");
    assert!(page.text.contains("<h1>API reference</h1>"));

    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            if !["get", "put", "post", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            operations += 1;
            let heading = format!(
                "<code class=\"link\">{} {path}</code>",
                method.to_uppercase()
            );
            assert!(page.text.contains(&heading), "{heading} on the page");
            for code in op["responses"].as_object().expect("responses").keys() {
                assert!(
                    page.text.contains(&format!("<strong>{code}</strong>")),
                    "{code}"
                );
            }
        }
    }
    assert!(operations >= 28, "{operations} operations");
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    assert!(!schemas.is_empty());
    for name in schemas.keys() {
        let anchor = format!("id=\"schema-{name}\"");
        assert!(page.text.contains(&anchor), "schema {name} on the page");
    }
    // Parameters and bodies: a path parameter and a request body's schema, linked.
    assert!(
        page.text.contains("<code>id</code> (path, "),
        "path parameters listed"
    );

    let es = app
        .client
        .get(app.url("/api/docs"))
        .header("accept-language", "es-ES,es;q=0.9");
    let es = Reply::send(es).await;
    assert!(
        es.text.contains("<h1>Referencia de la API</h1>"),
        "{}",
        es.text
    );
    assert!(es.text.contains("Respuestas"));
    let tr = app
        .client
        .get(app.url("/api/docs"))
        .header("cookie", "lang=tr");
    assert!(
        Reply::send(tr)
            .await
            .text
            .contains("<h1>API başvuru kılavuzu</h1>")
    );
}
