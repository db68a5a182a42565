//! The help centre for machines: `/sitemap.xml` (every language's front page and every article
//! published in that language) and `/help/{lang}/feed.atom` (the articles published in that
//! language, newest change first). Both apply the one public rule: drafts, internal and
//! archived articles and unpublished translations are in neither.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tend_app::i18n::Language;
use tend_domain::help::LANGS;

use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;

/// Entries in a feed at most.
const FEED: i64 = 50;
/// Articles per language in the sitemap at most (the sitemap protocol allows 50,000 URLs).
const SITEMAP: i64 = 10_000;

/// `s` with XML's five special characters escaped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn rfc3339(t: &jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn xml_response(content_type: &'static str, body: String) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

pub async fn sitemap(State(s): State<WebState>) -> PageResult<Response> {
    let base = s.public_url().trim_end_matches('/').to_owned();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for lang in LANGS {
        out.push_str(&format!(
            "<url><loc>{}</loc></url>\n",
            xml(&format!("{base}/help/{lang}"))
        ));
        for e in s.store.published_in(lang, SITEMAP).await? {
            let loc = format!("{base}/help/{lang}/articles/{}", e.article_id);
            out.push_str(&format!(
                "<url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
                xml(&loc),
                rfc3339(&e.updated_at)
            ));
        }
    }
    out.push_str("</urlset>\n");
    Ok(xml_response("application/xml; charset=utf-8", out))
}

pub async fn atom(State(s): State<WebState>, Path(lang): Path<String>) -> PageResult<Response> {
    let t = Language::parse(&lang)
        .filter(|l| l.code() == lang)
        .map(Tr::new)
        .ok_or_else(PageError::not_found)?;
    let base = s.public_url().trim_end_matches('/').to_owned();
    let entries = s.store.published_in(t.code(), FEED).await?;
    let home = format!("{base}/help/{}", t.code());
    let updated = entries.first().map_or_else(
        || rfc3339(&jiff::Timestamp::UNIX_EPOCH),
        |e| rfc3339(&e.updated_at),
    );
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <title>{title}</title>\n<id>{id}</id>\n<link rel=\"alternate\" href=\"{id}\"/>\n\
         <link rel=\"self\" href=\"{id}/feed.atom\"/>\n<updated>{updated}</updated>\n<author><name>{title}</name></author>\n",
        lang = t.code(),
        title = xml(&t.get("help-feed-title")),
        id = xml(&home),
    );
    for e in entries {
        let href = xml(&format!("{home}/articles/{}", e.article_id));
        out.push_str(&format!(
            "<entry><title>{}</title><id>{href}</id><link rel=\"alternate\" href=\"{href}\"/><updated>{}</updated></entry>\n",
            xml(&e.title),
            rfc3339(&e.updated_at)
        ));
    }
    out.push_str("</feed>\n");
    Ok(xml_response("application/atom+xml; charset=utf-8", out))
}
