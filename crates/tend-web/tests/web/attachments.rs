//! Attachments, end to end: files sent with the complaint page's real form (multipart, CSRF)
//! and with mail through the real LMTP listener are stored once by their SHA-256 outside any
//! served path, never under the sender's name; names are shown made safe (`../../x`,
//! `.htaccess` behind a zero-width space, a right-to-left override, NFKC ligatures); downloads
//! are for signed-in staff only, as attachments with `nosniff` and never as HTML; files over
//! the limits are refused with the reason in the reader's language (page) or a 552 (LMTP).

use std::path::Path;

use tend_domain::conversations::attachment::MAX_FILE_BYTES;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::Role;
use tend_testkit::lmtp::{deliver_one, start_listener};

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;

const BOUNDARY: &str = "tend-test-boundary-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body with text `fields` and `files` (field name `files`): each
/// (name as sent, declared type, bytes).
fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (k, v) in fields {
        out.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    for (name, kind, bytes) in files {
        out.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: {kind}\r\n\r\n"
            )
            .as_bytes(),
        );
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

/// Every file under `dir` (relative paths).
fn stored(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    let Ok(top) = std::fs::read_dir(dir) else {
        return all;
    };
    for sub in top.flatten() {
        for f in std::fs::read_dir(sub.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = f.file_name().to_string_lossy().into_owned();
            all.push(format!("{}/{name}", sub.file_name().to_string_lossy()));
        }
    }
    all.sort();
    all
}

/// The download links of a complaint's page, in order: (href, shown name).
fn links(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("/attachments/") {
        let start = rest[..at].rfind("href=\"").expect("a link") + 6;
        let end = at + rest[at..].find('"').expect("the link ends");
        let href = rest[start..end].to_owned();
        let text_start = end + rest[end..].find('>').expect("the tag ends") + 1;
        let text_end = text_start + rest[text_start..].find("</a>").expect("the text ends");
        out.push((href, rest[text_start..text_end].to_owned()));
        rest = &rest[text_end..];
    }
    out
}

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const HTML: &[u8] = b"<html><script>alert(document.cookie)</script></html>";

#[tokio::test]
async fn staff_files_are_stored_once_by_hash_and_served_only_as_downloads() {
    let app = spawn_app().await;
    let dir = app.state.files().to_owned();
    let agent = signed_in(&app, Role::Agent).await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let (page, action) = (
        format!("/complaints/{id}"),
        format!("/complaints/{id}/messages"),
    );
    let shown = agent.get(&page).await;
    assert!(shown.html.contains("enctype=\"multipart/form-data\""));
    assert!(
        shown
            .html
            .contains("type=\"file\" id=\"files\" name=\"files\" multiple")
    );

    // Without the session's CSRF token: refused, nothing stored.
    let forged = multipart(
        &[("kind", "note"), ("body", "forged")],
        &[("x.txt", "text/plain", b"forged")],
    );
    assert_eq!(
        agent.post_multipart(&action, BOUNDARY, forged).await.status,
        403
    );
    assert!(stored(&dir).is_empty());

    let token = agent.get(&page).await.csrf();
    let files: [(&str, &str, &[u8]); 7] = [
        ("../../x", "text/plain", b"same bytes"),
        (".htaccess", "text/plain", b"Options +ExecCGI"),
        (
            "a\u{202E}txt.exe",
            "application/octet-stream",
            b"MZ not really",
        ),
        ("\u{FB01}le.txt", "text/plain", b"same bytes"),
        ("photo.png", "image/png", HTML),
        ("real.png", "image/png", PNG),
        ("page.html", "text/html", HTML),
    ];
    let body = multipart(
        &[
            ("_csrf", &token),
            ("kind", "note"),
            ("body", "Files from the courier"),
        ],
        &files,
    );
    let res = agent.post_multipart(&action, BOUNDARY, body).await;
    assert_eq!(res.status, 303, "{}", res.html);

    // Five different contents, five files, each under its hash; no sender's name anywhere.
    let on_disk = stored(&dir);
    assert_eq!(on_disk.len(), 5, "{on_disk:?}");
    for f in &on_disk {
        let (sub, name) = f.split_once('/').unwrap();
        assert_eq!(name.len(), 64, "{f}");
        assert!(name.bytes().all(|b| b.is_ascii_hexdigit()), "{f}");
        assert_eq!(sub, &name[..2]);
    }
    for name in ["x", "htaccess", ".htaccess", "photo.png", "page.html"] {
        assert!(!dir.join(name).exists(), "{name}");
    }

    let html = agent.get(&page).await.html;
    let shown: Vec<String> = links(&html).into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        shown,
        [
            "x",
            "htaccess",
            "atxt.exe",
            "file.txt",
            "photo.png",
            "real.png",
            "page.html"
        ],
        "{html}"
    );
    assert!(html.contains("10 bytes"), "{html}");
    let hrefs: Vec<String> = links(&html).into_iter().map(|(h, _)| h).collect();

    // Downloads: always attachments, nosniff, never HTML.
    let (status, headers, bytes) = agent.download(&hrefs[0]).await;
    assert_eq!(status, 200);
    assert_eq!(bytes, b"same bytes");
    assert_eq!(headers["content-type"], "application/octet-stream");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"x\"; filename*=UTF-8''x"
    );
    let (_, headers, _) = agent.download(&hrefs[2]).await;
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"atxt.exe\"; filename*=UTF-8''atxt.exe"
    );
    for i in [4, 6] {
        let (status, headers, bytes) = agent.download(&hrefs[i]).await;
        assert_eq!(status, 200);
        assert_eq!(bytes, HTML);
        assert_eq!(headers["content-type"], "application/octet-stream");
        assert!(
            headers["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
    }
    let (_, headers, bytes) = agent.download(&hrefs[5]).await;
    assert_eq!(
        (headers["content-type"].to_str().unwrap(), bytes.as_slice()),
        ("image/png", PNG)
    );

    // Only signed-in staff; only through its own complaint.
    let viewer = signed_in(&app, Role::Viewer).await;
    assert_eq!(viewer.download(&hrefs[0]).await.0, 200);
    let stranger = Browser::new(&app);
    let (status, headers, _) = stranger.download(&hrefs[0]).await;
    assert_eq!(status, 303);
    assert!(
        headers["location"]
            .to_str()
            .unwrap()
            .starts_with("/sign-in")
    );
    let other = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let elsewhere = hrefs[0].replace(
        &format!("/complaints/{id}/"),
        &format!("/complaints/{other}/"),
    );
    assert_eq!(agent.download(&elsewhere).await.0, 404);

    // The same bytes again, from another message: still stored once.
    let token = agent.get(&page).await.csrf();
    let again = multipart(
        &[("_csrf", &token), ("kind", "note"), ("body", "Again")],
        &[("copy.txt", "text/plain", b"same bytes")],
    );
    assert_eq!(
        agent.post_multipart(&action, BOUNDARY, again).await.status,
        303
    );
    assert_eq!(stored(&dir).len(), 5);
    assert_eq!(
        app.store.attachments(ComplaintId(id)).await.unwrap().len(),
        8
    );
}

#[tokio::test]
async fn files_over_the_limits_are_refused_in_the_readers_language_and_nothing_is_kept() {
    let app = spawn_app().await;
    let dir = app.state.files().to_owned();
    let agent = signed_in(&app, Role::Agent).await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let (page, action) = (
        format!("/complaints/{id}"),
        format!("/complaints/{id}/messages"),
    );
    agent.set_cookie("lang", "es");
    let token = agent.get(&page).await.csrf();
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let body = multipart(
        &[
            ("_csrf", &token),
            ("kind", "note"),
            ("body", "Demasiado grande"),
        ],
        &[("grande.bin", "application/octet-stream", &big)],
    );
    let res = agent.post_multipart(&action, BOUNDARY, body).await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(
        res.html
            .contains("el archivo grande.bin supera los 5242880 bytes"),
        "{}",
        res.html
    );
    assert!(res.html.contains("Demasiado grande"), "the text is kept");
    assert!(stored(&dir).is_empty());
    assert!(
        app.store
            .conversation(ComplaintId(id), false)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        app.store
            .attachments(ComplaintId(id))
            .await
            .unwrap()
            .is_empty()
    );
}

/// A mail with `files` (name as sent, RFC 2231-encoded; bytes) as base64 parts.
fn mail_with(from: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut m = format!(
        "From: {from}\r\nTo: help@tend.test\r\nSubject: Broken jar, photos attached\r\nDate: Fri, 06 Mar 2026 14:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe jar arrived broken.\r\n"
    );
    for (name, bytes) in files {
        let encoded: String = name
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        m.push_str(&format!(
            "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=utf-8''{encoded}\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            base64(bytes)
        ));
    }
    m.push_str("--b1--\r\n");
    m.into_bytes()
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(A[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[tokio::test]
async fn mailed_files_come_in_through_lmtp_stored_by_hash_and_shown_safely() {
    let app = spawn_app().await;
    let dir = app.state.files().to_owned();
    let (lmtp, _stop) = start_listener(app.state.clone(), "Tend <help@tend.test>").await;
    let files: [(&str, &[u8]); 4] = [
        ("\u{200B}.htaccess", b"Options +ExecCGI"),
        ("../../x", b"same"),
        ("..\\..\\y", b"same"),
        ("photo.png", HTML),
    ];
    let reply = deliver_one(
        lmtp,
        "ana@example.com",
        &mail_with("Ana <ana@example.com>", &files),
    )
    .await;
    assert!(reply.starts_with("250"), "{reply}");
    let id = *app
        .list_ids("limit=10")
        .await
        .first()
        .expect("a new complaint");
    let all = app.store.attachments(ComplaintId(id)).await.unwrap();
    let names: Vec<&str> = all.iter().map(|a| a.file.name.as_str()).collect();
    assert_eq!(names, ["htaccess", "x", "y", "photo.png"]);
    assert!(all.iter().all(|a| a.message_id.is_none()));
    assert_eq!(all[3].file.declared_type, "application/octet-stream");
    assert_eq!(all[3].file.sniffed_type.as_deref(), Some("text/html"));
    assert_eq!(stored(&dir).len(), 3, "the same bytes once");

    let agent = signed_in(&app, Role::Agent).await;
    let html = agent.get(&format!("/complaints/{id}")).await.html;
    let found = links(&html);
    assert_eq!(found.len(), 4, "{html}");
    let (status, headers, bytes) = agent.download(&found[3].0).await;
    assert_eq!((status, bytes.as_slice()), (200, HTML));
    assert_eq!(headers["content-type"], "application/octet-stream");
    assert_eq!(headers["x-content-type-options"], "nosniff");

    // A file over the limit: the sender's server is told why, nothing is taken.
    let before = app.list_ids("limit=10").await.len();
    let big = vec![b'z'; MAX_FILE_BYTES + 1];
    let reply = deliver_one(
        lmtp,
        "bob@example.com",
        &mail_with("bob@example.com", &[("big.bin", &big)]),
    )
    .await;
    assert!(reply.starts_with("552"), "{reply}");
    assert!(reply.contains("big.bin"), "{reply}");
    assert_eq!(app.list_ids("limit=10").await.len(), before);
    assert_eq!(stored(&dir).len(), 3);
}
