//! `/api/v1/complaints/{id}/attachments`: the files of a conversation (a mail's, through the
//! real LMTP listener) listed with their safe names and types, and downloaded as attachments
//! with `nosniff` and never as HTML; `Read` needed (a vendor is refused); another complaint's
//! file, a file id that is not one, and every file of a deleted complaint are 404.

use reqwest::header::HeaderMap;
use serde_json::Value;
use tend_testkit::lmtp::{deliver_one, start_listener};

use crate::figures::vendor;
use crate::helpers::{TestApp, spawn_app};

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const HTML: &str = "<html><script>alert(document.cookie)</script></html>";

/// A new complaint by mail from `from` with a PNG and an HTML page named `.htaccess` behind a
/// zero-width space; its id.
async fn mailed(app: &TestApp, from: &str) -> i64 {
    let (lmtp, _stop) = start_listener(app.state.clone(), "Tend <help@tend.test>").await;
    let png = base64(PNG);
    let raw = format!(
        "From: {from}\r\nTo: help@tend.test\r\nSubject: Broken jar\r\nMessage-ID: <{from}>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe jar arrived broken.\r\n\
         --b\r\nContent-Type: image/png; name=\"jar.png\"\r\nContent-Disposition: attachment; filename=\"jar.png\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{png}\r\n\
         --b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename*=UTF-8''%E2%80%8B.htaccess\r\n\r\n{HTML}\r\n\
         --b--\r\n"
    );
    let said = deliver_one(lmtp, from, raw.as_bytes()).await;
    assert!(said.starts_with("250"), "{said}");
    let created = app.store.inbound_mail().await.unwrap();
    created.last().unwrap().1.expect("a complaint")
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

async fn download(app: &TestApp, path: &str, token: &str) -> (u16, HeaderMap, Vec<u8>) {
    let res = (app.client.get(app.url(path)).bearer_auth(token))
        .send()
        .await
        .unwrap();
    let (status, headers) = (res.status().as_u16(), res.headers().clone());
    (status, headers, res.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn a_conversations_files_are_listed_and_downloaded_safely() {
    let app = spawn_app().await;
    let id = mailed(&app, "ana@example.com").await;
    let path = format!("/api/v1/complaints/{id}/attachments");
    let all = app.get(&path, &app.viewer.token).await.expect(200);
    let all: &Vec<Value> = all.as_array().unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    let names: Vec<&str> = all.iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["jar.png", "htaccess"]);
    assert_eq!(all[0]["message_id"], Value::Null, "the mail that opened it");
    assert_eq!(
        (all[0]["served_type"].as_str(), all[0]["size"].as_i64()),
        (Some("image/png"), Some(PNG.len() as i64))
    );
    assert_eq!(all[1]["declared_type"], "text/html");
    assert_eq!(all[1]["served_type"], "application/octet-stream");

    let png = all[0]["download"].as_str().unwrap();
    let reference = app.complaint(id).await["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        png,
        format!(
            "/api/v1/complaints/{reference}/attachments/{}",
            all[0]["id"]
        )
    );
    let (status, headers, bytes) = download(&app, png, &app.viewer.token).await;
    assert_eq!((status, bytes.as_slice()), (200, PNG));
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"jar.png\"; filename*=UTF-8''jar.png"
    );
    assert_eq!(
        headers["content-security-policy"],
        "default-src 'none'; sandbox"
    );
    let html = all[1]["download"].as_str().unwrap();
    let (status, headers, bytes) = download(&app, html, &app.agent.token).await;
    assert_eq!((status, bytes.as_slice()), (200, HTML.as_bytes()));
    assert_eq!(headers["content-type"], "application/octet-stream");
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"htaccess\"; filename*=UTF-8''htaccess"
    );

    // A vendor may not read complaints, nor their files.
    let v = vendor(&app, "courier").await;
    app.get(&path, &v.token).await.expect(403);
    assert_eq!(download(&app, png, &v.token).await.0, 403);
    assert_eq!(download(&app, png, "not-a-token").await.0, 401);

    // Another complaint's file, and ids that name no file of this one: 404.
    let other = mailed(&app, "bob@example.com").await;
    let theirs = format!("/api/v1/complaints/{other}/attachments/{}", all[0]["id"]);
    assert_eq!(download(&app, &theirs, &app.viewer.token).await.0, 404);
    for bad in ["999999", "x", "-1", "../1"] {
        let p = format!("/api/v1/complaints/{id}/attachments/{bad}");
        assert_eq!(download(&app, &p, &app.viewer.token).await.0, 404, "{bad}");
    }

    // A deleted complaint's files are gone from the API.
    let del = (app
        .client
        .delete(app.url(&format!("/api/v1/complaints/{id}?reason=spam"))))
    .bearer_auth(&app.manager.token)
    .send()
    .await
    .unwrap();
    assert_eq!(del.status().as_u16(), 204);
    app.get(&path, &app.viewer.token).await.expect(404);
    assert_eq!(download(&app, png, &app.viewer.token).await.0, 404);
    let kept = format!("/api/v1/complaints/{other}/attachments");
    assert_eq!(
        app.get(&kept, &app.viewer.token)
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .len(),
        2
    );
}
