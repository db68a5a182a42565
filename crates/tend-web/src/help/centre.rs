//! The public help centre, no sign-in: `/help` sends the visitor to their language,
//! `/help/{lang}` lists the public articles by category, `/help/{lang}/search?q=` searches
//! them (folded: case, accents, Turkish i's) in that language and else in any other, with a
//! notice, and an article page ends with "did this help?" (a CSRF-protected POST, rate-limited
//! like the public complaint form). Drafts and internal articles appear in none of these.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_app::help::render_markdown;
use tend_app::i18n::Language;
use tend_store::{PublicHit, StoreError};

use crate::kit::error::{PageError, PageResult, urlencode};
use crate::kit::i18n::Tr;
use crate::kit::session::{PublicForm, form_token, with_cookie};
use crate::{Chrome, WebState, render};

/// Search results shown at most.
const RESULTS: i64 = 20;

/// The page's language from the URL; an unknown one is not a page.
fn lang_of(raw: &str) -> PageResult<Tr> {
    Language::parse(raw)
        .filter(|l| l.code() == raw)
        .map(Tr::new)
        .ok_or_else(PageError::not_found)
}

fn not_found(e: StoreError) -> PageError {
    match e {
        StoreError::NotFound(_) => PageError::not_found(),
        e => e.into(),
    }
}

/// An article in a list: its link, title, and the language shown when not the visitor's.
pub struct Link {
    pub id: i64,
    pub href: String,
    pub title: String,
    pub other_lang: Option<String>,
}

pub(super) fn link(t: &Tr, h: &PublicHit) -> Link {
    Link {
        id: h.article_id,
        href: format!("/help/{}/articles/{}", t.code(), h.article_id),
        title: h.title.clone(),
        other_lang: (h.lang != t.code()).then(|| t.label("help-lang", &h.lang)),
    }
}

/// One category of the front page with its articles.
pub struct Section {
    pub name: String,
    pub articles: Vec<Link>,
}

pub async fn start(t: Tr) -> Redirect {
    Redirect::to(&format!("/help/{}", t.code()))
}

#[derive(Template)]
#[template(path = "help/home.html")]
struct HomePage {
    t: Tr,
    chrome: Chrome,
    sections: Vec<Section>,
}

pub async fn home(
    State(s): State<WebState>,
    Path(lang): Path<String>,
    headers: HeaderMap,
) -> PageResult<Response> {
    let t = lang_of(&lang)?;
    let (csrf, set) = form_token(&headers, s.config.secure_cookies);
    let hits = s.store.public_articles(t.code()).await?;
    let categories = s.store.categories().await?;
    let mut sections: Vec<Section> = Vec::new();
    for c in categories.iter() {
        let articles: Vec<Link> = hits
            .iter()
            .filter(|h| h.category_id == Some(c.id))
            .map(|h| link(&t, h))
            .collect();
        if !articles.is_empty() {
            sections.push(Section {
                name: c.name.clone(),
                articles,
            });
        }
    }
    let other: Vec<Link> = hits
        .iter()
        .filter(|h| h.category_id.is_none())
        .map(|h| link(&t, h))
        .collect();
    if !other.is_empty() {
        sections.push(Section {
            name: t.get("help-other"),
            articles: other,
        });
    }
    let page = HomePage {
        chrome: Chrome::public(csrf, format!("/help/{}", t.code())),
        t,
        sections,
    };
    Ok(with_cookie(render(&page)?, set))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    q: String,
}

#[derive(Template)]
#[template(path = "help/search.html")]
struct SearchPage {
    t: Tr,
    chrome: Chrome,
    q: String,
    results: Vec<Link>,
    fallback: bool,
}

pub async fn search(
    State(s): State<WebState>,
    Path(lang): Path<String>,
    Query(sq): Query<SearchQuery>,
    headers: HeaderMap,
) -> PageResult<Response> {
    let t = lang_of(&lang)?;
    let (csrf, set) = form_token(&headers, s.config.secure_cookies);
    let q: String = sq.q.trim().chars().take(200).collect();
    let found = s
        .store
        .search_public(t.code(), &q, RESULTS, s.clock.now())
        .await?;
    let page = SearchPage {
        chrome: Chrome::public(
            csrf,
            format!("/help/{}/search?q={}", t.code(), urlencode(&q)),
        ),
        results: found.hits.iter().map(|h| link(&t, h)).collect(),
        fallback: found.fallback,
        t,
        q,
    };
    Ok(with_cookie(render(&page)?, set))
}

#[derive(Template)]
#[template(path = "help/article.html")]
struct ArticlePage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    title: String,
    /// Rendered from Markdown and cleaned by ammonia: safe to insert unescaped.
    body: String,
    shown_lang: String,
    shown_code: String,
    fallback: bool,
    answered: Option<bool>,
}

async fn article_page(
    s: &WebState,
    t: Tr,
    id: i64,
    csrf: String,
    answered: Option<bool>,
) -> PageResult<Response> {
    let a = s
        .store
        .public_article(id, t.code())
        .await
        .map_err(not_found)?;
    render(&ArticlePage {
        chrome: Chrome::public(csrf, format!("/help/{}/articles/{id}", t.code())),
        id,
        title: a.hit.title,
        body: render_markdown(&a.body),
        shown_lang: t.label("help-lang", &a.hit.lang),
        shown_code: a.hit.lang,
        fallback: a.fallback,
        answered,
        t,
    })
}

pub async fn article(
    State(s): State<WebState>,
    Path((lang, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> PageResult<Response> {
    let t = lang_of(&lang)?;
    let id = id.parse::<i64>().map_err(|_| PageError::not_found())?;
    let (csrf, set) = form_token(&headers, s.config.secure_cookies);
    Ok(with_cookie(article_page(&s, t, id, csrf, None).await?, set))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Answer {
    helped: String,
}

/// Records "it helped" (`helped=yes`) or "I still need help" (`helped=no`) and shows the
/// article again with the answer acknowledged (and, for "no", the way to the complaint form).
pub async fn feedback(
    State(s): State<WebState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((lang, id)): Path<(String, String)>,
    PublicForm { form, headers }: PublicForm<Answer>,
) -> PageResult<Response> {
    s.config.limits.public_form(peer.ip())?;
    let t = lang_of(&lang)?;
    let id = id.parse::<i64>().map_err(|_| PageError::not_found())?;
    let helped = match form.helped.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(PageError::bad_request()),
    };
    s.store
        .record_help_outcome(id, t.code(), helped, s.clock.now())
        .await
        .map_err(not_found)?;
    let (csrf, _) = form_token(&headers, s.config.secure_cookies);
    Ok(article_page(&s, t, id, csrf, Some(helped))
        .await?
        .into_response())
}
