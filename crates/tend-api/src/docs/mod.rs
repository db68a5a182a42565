//! `/api/docs`: the API reference for people — the OpenAPI document rendered on the server
//! with askama (no JavaScript, no CDN, the pages' strict CSP), in the reader's language
//! (the `lang` cookie, else `Accept-Language`) for everything but the API's own texts.

mod view;

use std::sync::LazyLock;

use askama::Template;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use tend_app::i18n::{Catalog, Language};
use utoipa::OpenApi;

use crate::openapi::ApiDoc;
use view::{Schema, Tag};

fn sources(lang: Language) -> Vec<&'static str> {
    match lang {
        Language::En => vec![include_str!("../../locales/en/docs.ftl")],
        Language::Es => vec![include_str!("../../locales/es/docs.ftl")],
        Language::Tr => vec![include_str!("../../locales/tr/docs.ftl")],
    }
}

static TEXTS: LazyLock<Catalog> = LazyLock::new(|| Catalog::new(sources, false));

/// The page's words in one language.
pub struct Texts(Language);

impl Texts {
    pub fn get(&self, key: &str) -> String {
        TEXTS.format(self.0, key, None)
    }

    pub fn code(&self) -> &'static str {
        self.0.code()
    }
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct Page {
    t: Texts,
    title: String,
    version: String,
    description: String,
    tags: Vec<Tag>,
    schemas: Vec<Schema>,
}

/// The strict policy of every page: no script at all, our stylesheet only.
const CSP: &str = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

fn language(headers: &HeaderMap) -> Language {
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix("lang="))
        .and_then(Language::parse);
    cookie
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::from_accept_language)
        })
        .unwrap_or(Language::En)
}

/// `GET /api/docs`: every operation of the OpenAPI document and every schema, open to all
/// like `/api/openapi.json`.
pub async fn page(headers: HeaderMap) -> Response {
    static DOC: LazyLock<serde_json::Value> = LazyLock::new(|| {
        serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document is JSON")
    });
    let doc = &*DOC;
    let info = |key: &str| {
        doc.pointer(&format!("/info/{key}"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let page = Page {
        t: Texts(language(&headers)),
        title: info("title"),
        version: info("version"),
        description: info("description"),
        tags: view::tags(doc),
        schemas: view::schemas(doc),
    };
    let mut res = match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "rendering the API reference");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let h = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_text() {
        let ids = |lang| tend_app::i18n::message_ids(sources(lang)[0]);
        for lang in [Language::Es, Language::Tr] {
            assert_eq!(ids(lang), ids(Language::En), "{}", lang.code());
        }
        for id in ids(Language::En) {
            for lang in Language::ALL {
                assert!(TEXTS.has(lang, &id), "{id} in {}", lang.code());
            }
        }
    }
}
