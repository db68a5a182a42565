//! The help centre's use cases: an article's texts checked field by field before they are
//! stored, and Markdown rendered to safe HTML for the pages.

pub mod review;

use tend_domain::FieldErrors;
use tend_domain::help::{Body, Status, Title, Visibility, lang};
use tend_domain::kernel::ids::{CategoryId, ProductId};
use tend_store::{ArticleSettings, TranslationInput};

/// A translation as written: language code (`en`/`es`/`tr`), title, Markdown body and status
/// (`draft` or `published`; absent means `draft`, and `""` is refused like any other value). Errors: every refused field at once, named
/// `lang`, `title`, `body`, `status`.
pub fn translation_input(
    lang_code: &str,
    title: &str,
    body: &str,
    status: Option<&str>,
) -> Result<TranslationInput, FieldErrors> {
    let mut errors = FieldErrors::new();
    let l = lang(lang_code).map_err(|r| errors.add("lang", r));
    let t = Title::parse(title).map_err(|r| errors.add("title", r));
    let b = Body::parse(body).map_err(|r| errors.add("body", r));
    let s = match status {
        None => Ok(Status::Draft),
        Some(st) => Status::parse(st).map_err(|r| errors.add("status", r)),
    };
    match (l, t, b, s) {
        (Ok(lang), Ok(title), Ok(body), Ok(status)) => Ok(TranslationInput {
            lang,
            title,
            body,
            status,
        }),
        _ => Err(errors),
    }
}

/// An article's settings as written: visibility (`draft`/`internal`/`public`; empty means
/// `draft`) and optional category and product ids. Errors: `visibility`.
pub fn article_settings(
    visibility: &str,
    category_id: Option<i64>,
    product_id: Option<i64>,
) -> Result<ArticleSettings, FieldErrors> {
    let visibility = if visibility.is_empty() {
        Visibility::Draft
    } else {
        Visibility::parse(visibility).map_err(|r| FieldErrors::single("visibility", r))?
    };
    Ok(ArticleSettings {
        visibility,
        category_id: category_id.map(CategoryId),
        product_id: product_id.map(ProductId),
    })
}

/// Refuses, on the field that would publish, a writer who may not publish (only those who may
/// manage may; see `tend_domain::help::publishes`).
pub fn check_publish(
    may_manage: bool,
    visibility: Option<Visibility>,
    status: Option<Status>,
) -> Result<(), FieldErrors> {
    if may_manage || !tend_domain::help::publishes(visibility, status) {
        return Ok(());
    }
    let field = if tend_domain::help::publishes(visibility, None) {
        "visibility"
    } else {
        "status"
    };
    Err(FieldErrors::single(
        field,
        tend_domain::kernel::reason::HELP_PUBLISH_ROLE,
    ))
}

/// `markdown` (CommonMark with tables and strikethrough, by pulldown-cmark) as HTML cleaned by
/// ammonia's default allow-list: no script, no event handler, no `javascript:` link; links get
/// `rel="noopener noreferrer"`.
pub fn render_markdown(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, opts));
    ammonia::clean(&raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_and_cleaned() {
        let html = render_markdown(
            "# Refunds\n\n**Keep** the receipt. <script>alert(1)</script>\n\n[x](javascript:alert(1))",
        );
        assert!(html.contains("<h1>Refunds</h1>"), "{html}");
        assert!(html.contains("<strong>Keep</strong>"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn every_bad_field_is_named() {
        let e = translation_input("de", "", "body", Some("live")).unwrap_err();
        let mut fields: Vec<_> = e.iter().map(|(f, _)| f.to_owned()).collect();
        fields.sort();
        assert_eq!(fields, vec!["lang", "status", "title"]);
        assert!(translation_input("tr", "İade", "Metin", None).is_ok());
        assert!(article_settings("secret", None, None).is_err());
    }
}
