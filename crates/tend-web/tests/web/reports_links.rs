//! Every number of the operations report that counts records links to exactly those records:
//! for each link on the page (the summary, each period, each group — "(none)" included — the
//! resolution n's, and the share within the standard's within and n), the inbox it opens lists
//! as many complaints as the number shown. On the reports page by channel, by category, by
//! assignee and with a customer segment, and on the home page; the scenario is `reports.rs`'s.

use std::collections::BTreeSet;

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;
use crate::reports::{at, scenario};

/// Each inbox link on `html` with the number it shows (`<a href="/inbox?…">N</a>`).
pub(crate) fn inbox_links(html: &str) -> Vec<(String, i64)> {
    html.split("<a href=\"/inbox?")
        .skip(1)
        .map(|s| {
            let end = s.find('"').expect("the link's end");
            let link = format!("/inbox?{}", &s[..end])
                .replace("&#38;", "&")
                .replace("&amp;", "&");
            let text = &s[end + 2..end + 2 + s[end + 2..].find('<').expect("the text's end")];
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            let n = digits
                .parse()
                .unwrap_or_else(|_| panic!("a count, got {text:?} for {link}"));
            (link, n)
        })
        .collect()
}

/// The complaints an inbox page lists.
pub(crate) fn listed(html: &str) -> BTreeSet<i64> {
    html.split("href=\"/complaints/")
        .skip(1)
        .filter_map(|s| s[..s.find('"').unwrap()].parse().ok())
        .collect()
}

/// Follows every inbox link of `html`: each lists as many complaints as its number. Returns
/// the links, to check which kinds were there.
pub(crate) async fn every_link_lists_its_number(b: &Browser, html: &str) -> Vec<String> {
    let links = inbox_links(html);
    assert!(!links.is_empty(), "no inbox link in {html}");
    for (link, n) in &links {
        let page = b.get(link).await;
        assert_eq!(page.status, 200, "{link}: {}", page.html);
        let ids = listed(&page.html);
        assert_eq!(
            ids.len() as i64,
            *n,
            "{link} lists {ids:?}, the page says {n}"
        );
    }
    links.into_iter().map(|(l, _)| l).collect()
}

fn has(links: &[String], part: &str) {
    assert!(
        links.iter().any(|l| l.contains(part)),
        "a link with {part} among {links:?}"
    );
}

#[tokio::test]
async fn every_number_on_the_reports_page_lists_exactly_its_records() {
    let app = spawn_app().await;
    scenario(&app).await;
    let m = signed_in(&app, Role::Manager).await;
    let base = "/reports?from=2026-04-01&to=2026-04-13&grain=week";
    let page = m.get(&format!("{base}&group=channel")).await;
    assert_eq!(page.status, 200, "{}", page.html);
    let links = every_link_lists_its_number(&m, &page.html).await;
    for part in [
        "measured=first_response",
        "measured=first_resolution",
        "measured=final_resolution",
        "measured=within",
        "measured=standard",
        "reopened_from=",
        "open_at=",
        "channel=email",
    ] {
        has(&links, part);
    }
    // No complaint has a category or an assignee: the "(none)" group lists them all.
    for group in ["category", "assignee", "product"] {
        let page = m.get(&format!("{base}&group={group}")).await;
        assert_eq!(page.status, 200, "{}", page.html);
        assert!(page.html.contains("(none)"), "{}", page.html);
        let links = every_link_lists_its_number(&m, &page.html).await;
        has(&links, &format!("unset={group}"));
    }
    // In Turkish the share writes n before within; each is still its own link.
    m.set_cookie("lang", "tr");
    let page = m.get(&format!("{base}&group=none")).await;
    assert!(page.html.contains("3</a> içinden"), "{}", page.html);
    every_link_lists_its_number(&m, &page.html).await;
}

/// A segment narrows the links too: the inbox reads its membership at the range's end.
#[tokio::test]
async fn a_segments_numbers_link_to_its_members_records() {
    let app = spawn_app().await;
    let [a, b, ..] = scenario(&app).await;
    let seg = app
        .post_json(
            "/api/v1/segments",
            &app.manager.token,
            &json!({"name": "Came back", "min_complaints": 2, "complaint_days": 365}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let m = signed_in(&app, Role::Manager).await;
    let q =
        format!("/reports?from=2026-04-01&to=2026-04-13&grain=week&group=channel&segment={seg}");
    let page = m.get(&q).await;
    assert_eq!(page.status, 200, "{}", page.html);
    let links = every_link_lists_its_number(&m, &page.html).await;
    has(&links, "segment_at=2026-04-12T22%3A00%3A00Z");
    let received = links
        .iter()
        .find(|l| l.contains("received_from=2026-03-31") && !l.contains("measured"))
        .expect("the range's received");
    // Xavier alone has two counted complaints (Zeynep's second was deleted).
    assert_eq!(listed(&m.get(received).await.html), [a, b].into());
    let other = received.replace(&format!("segment={seg}&"), "segment=999&");
    assert_ne!(&other, received);
    let bad = m.get(&other).await;
    assert_eq!(bad.status, 422);
}

#[tokio::test]
async fn every_number_on_the_home_page_lists_exactly_its_records() {
    let app = spawn_app().await;
    scenario(&app).await;
    at(&app, "2026-04-10T12:00:00Z");
    let m = signed_in(&app, Role::Manager).await;
    let page = m.get("/").await;
    assert_eq!(page.status, 200, "{}", page.html);
    let start = page.html.find("id=\"operations\"").expect("the section");
    let section = &page.html[start..start + page.html[start..].find("</dl>").unwrap()];
    let links = every_link_lists_its_number(&m, section).await;
    has(&links, "measured=first_resolution");
    has(&links, "measured=within");
}
