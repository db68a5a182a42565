//! Languages: every message exists in every language, every key the pages use exists, and
//! the language follows the cookie, then Accept-Language.

use std::collections::BTreeSet;
use std::path::Path;

use tend_domain::complaints::{
    CompensationKind, FollowUpOutcome, Kind, Priority, ResponsibleParty, SolutionMode, Status,
};
use tend_domain::staff::Role;
use tend_web::kit::i18n::{Language, files, has_message, message_ids, sources};

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;

/// Every file below `dir`, in every capability's folder.
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Literal keys in `t.get("…")`, `t.arg("…"`, `tr.get("…")` and `PageError::new(_, "…")`
/// calls, and the `"field-…"` labels, of every template and web module.
fn keys_used() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = BTreeSet::new();
    for dir in ["templates", "src"] {
        for path in files_under(&root.join(dir)) {
            let text = std::fs::read_to_string(path).unwrap();
            for marker in [
                "t.get(\"",
                "t.arg(\"",
                "\"error-",
                "\"field-",
                "\"inbox-",
                "\"format-",
            ] {
                for (at, _) in text.match_indices(marker) {
                    if text[..at].ends_with("class=") || text[..at].ends_with("id=") {
                        continue;
                    }
                    let start = at + marker.len()
                        - if marker.starts_with('"') {
                            marker.len() - 1
                        } else {
                            0
                        };
                    let rest = &text[start..];
                    let end = rest.find('"').unwrap();
                    // `format!` patterns build keys; those are checked by `keys_built`.
                    if !rest[..end].contains('{') {
                        out.insert(rest[..end].to_owned());
                    }
                }
            }
        }
    }
    out
}

/// Keys built from enumerations: `status-resolved`, `kind-praise`, …
fn keys_built() -> Vec<String> {
    let mut out = vec![];
    let mut add = |prefix: &str, values: Vec<&str>| {
        out.extend(values.into_iter().map(|v| format!("{prefix}-{v}")))
    };
    add("status", Status::ALL.iter().map(|s| s.as_str()).collect());
    add(
        "public-status",
        Status::ALL.iter().map(|s| s.as_str()).collect(),
    );
    add("kind", Kind::ALL.iter().map(|s| s.as_str()).collect());
    add(
        "priority",
        Priority::ALL.iter().map(|s| s.as_str()).collect(),
    );
    add(
        "outcome",
        FollowUpOutcome::ALL.iter().map(|s| s.as_str()).collect(),
    );
    add(
        "party",
        ResponsibleParty::ALL.iter().map(|s| s.as_str()).collect(),
    );
    add(
        "mode",
        SolutionMode::ALL.iter().map(|s| s.as_str()).collect(),
    );
    add(
        "compensation",
        CompensationKind::ALL.iter().map(|s| s.as_str()).collect(),
    );
    add(
        "role",
        [Role::Viewer, Role::Agent, Role::Manager, Role::Admin]
            .iter()
            .map(|r| r.as_str())
            .collect(),
    );
    add(
        "channel",
        tend_domain::catalog::BUILT_IN_CHANNELS
            .iter()
            .map(|c| c.0)
            .collect(),
    );
    add("tier", vec!["0", "1", "2", "3"]);
    let method = vec![
        "understand",
        "identify_cause",
        "agree_solution",
        "resolve",
        "follow_up",
    ];
    add("method", method.clone());
    let mut submit = method.clone();
    submit.extend([
        "close",
        "reopen",
        "step",
        "wait_for_customer",
        "customer_replied",
        "escalate",
    ]);
    add("submit", submit);
    let mut actions = method;
    actions.extend([
        "created",
        "edited",
        "step_added",
        "close",
        "reopen",
        "escalate",
        "wait_for_customer",
        "customer_replied",
    ]);
    add("action", actions);
    out
}

/// Every message id the pages define in `lang`, over all its `.ftl` files.
fn ids(lang: Language) -> Vec<String> {
    sources(lang).into_iter().flat_map(message_ids).collect()
}

#[test]
fn every_language_has_every_message() {
    let english: BTreeSet<String> = ids(Language::En).into_iter().collect();
    assert!(english.len() > 200, "{}", english.len());
    for lang in Language::ALL {
        let ids: BTreeSet<String> = ids(lang).into_iter().collect();
        let missing: Vec<_> = english.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in en {extra:?}",
            lang.code()
        );
        for id in &ids {
            assert!(
                has_message(lang, id),
                "{}: {id} does not parse",
                lang.code()
            );
        }
    }
    let used = keys_used();
    assert!(
        used.contains("inbox-title") && used.contains("error-csrf"),
        "the scan finds keys"
    );
    for key in used.iter().cloned().chain(keys_built()) {
        for lang in Language::ALL {
            assert!(
                has_message(lang, &key),
                "{}: {key} is used but has no message",
                lang.code()
            );
        }
    }
}

#[test]
fn every_capability_file_has_the_same_messages_in_every_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let names = |dir: &Path| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let codes: BTreeSet<String> = Language::ALL.iter().map(|l| l.code().to_owned()).collect();
    assert_eq!(names(&root), codes, "a folder per language");
    let english = files(Language::En);
    for lang in Language::ALL {
        let dir = root.join(lang.code());
        let embedded: BTreeSet<String> = files(lang)
            .iter()
            .map(|(c, _)| format!("{c}.ftl"))
            .collect();
        assert_eq!(
            names(&dir),
            embedded,
            "{}: every file is embedded",
            lang.code()
        );
        let mut seen = BTreeSet::new();
        for ((capability, source), (en_capability, en_source)) in files(lang).iter().zip(&english) {
            assert_eq!(
                capability,
                en_capability,
                "{}: files in one order",
                lang.code()
            );
            let path = dir.join(format!("{capability}.ftl"));
            assert_eq!(
                std::fs::read_to_string(&path).unwrap(),
                *source,
                "{} embeds {}",
                lang.code(),
                path.display()
            );
            let ids: BTreeSet<String> = message_ids(source).into_iter().collect();
            let en_ids: BTreeSet<String> = message_ids(en_source).into_iter().collect();
            let missing: Vec<_> = en_ids.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&en_ids).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}/{capability}.ftl: missing {missing:?}, not in en/{capability}.ftl {extra:?}",
                lang.code()
            );
            for id in ids {
                assert!(
                    seen.insert(id.clone()),
                    "{}: {id} is in two files",
                    lang.code()
                );
            }
        }
    }
}

#[tokio::test]
async fn the_language_follows_the_cookie_then_accept_language() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app);
    assert!(b.get("/complain").await.html.contains("<html lang=\"en\""));
    b.accept_language = Some("de-DE, tr;q=0.8, es;q=0.5".into());
    let tr = b.get("/complain").await;
    assert!(tr.html.contains("<html lang=\"tr\"") && tr.html.contains("Bize ne olduğunu anlatın"));
    // The switcher keeps the choice in a cookie and goes back where it was.
    let res = b
        .submit(
            "/complain",
            "/language",
            &[("lang", "es"), ("back", "/complain")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/complain");
    assert_eq!(b.cookie("lang").as_deref(), Some("es"));
    let es = b.get("/complain").await;
    assert!(es.html.contains("<html lang=\"es\"") && es.html.contains("Cuéntenos qué pasó"));
    // Error pages speak it too.
    assert!(
        b.get("/nope")
            .await
            .html
            .contains("No encontramos esa página")
    );

    // Staff pages, dates and numbers: Spanish for the agent who chose it.
    let agent = signed_in(&app, Role::Agent).await;
    agent.set_cookie("lang", "es");
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let page = agent.get(&format!("/complaints/{}", c["id"])).await;
    assert!(page.html.contains("06/03/2026 15:30 UTC"), "Spanish date");
    assert!(page.html.contains("Comprender"));
    agent.set_cookie("lang", "tr");
    let page = agent.get(&format!("/complaints/{}", c["id"])).await;
    assert!(page.html.contains("06.03.2026 15:30 UTC"), "Turkish date");
    assert!(page.html.contains("Anlamak"));
}

#[tokio::test]
async fn an_employees_language_follows_them_to_another_browser() {
    let app = spawn_app().await;
    let email = crate::browser::employee(&app, Role::Agent, "Lola Language").await;
    let first = Browser::new(&app);
    first.sign_in(&email).await;
    let res = first
        .submit("/inbox", "/language", &[("lang", "tr"), ("back", "/inbox")])
        .await;
    assert_eq!(res.status, 303);
    let inbox = first.get("/inbox").await.html;
    assert!(inbox.contains("Gelen kutusu"));
    // The staff pages' footer links the API reference, in the reader's language.
    assert!(
        inbox.contains(r#"<a href="/api/docs">API başvuru kılavuzu</a>"#),
        "{inbox}"
    );

    // A new browser, with no language chosen and asking for English, gets Turkish on sign-in.
    let mut other = Browser::new(&app);
    other.accept_language = Some("en-US".into());
    other.sign_in(&email).await;
    assert_eq!(other.cookie("lang").as_deref(), Some("tr"));
    assert!(other.get("/inbox").await.html.contains("<html lang=\"tr\""));
    // A browser that chose already keeps its choice.
    let third = Browser::new(&app);
    third.set_cookie("lang", "es");
    third.sign_in(&email).await;
    assert_eq!(third.cookie("lang").as_deref(), Some("es"));
}

#[tokio::test]
async fn refused_steps_and_fields_give_their_reasons_in_the_readers_language() {
    let app = spawn_app().await;
    let agent = signed_in(&app, Role::Agent).await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let page = format!("/complaints/{}", c["id"]);
    let act = format!("{page}/act");
    let resolve = [
        ("action", "resolve"),
        ("corrective_action", "Sent a new jar"),
    ];
    for (lang, reason, field_reason) in [
        (
            "es",
            "no se puede resolver sin una solución acordada",
            "debe ser una dirección de correo como nombre@ejemplo.com",
        ),
        (
            "tr",
            "üzerinde anlaşılmış bir çözüm olmadan çözülemez",
            "ad@ornek.com gibi bir e-posta adresi olmalıdır",
        ),
        (
            "en",
            "no resolve without an agreed solution",
            "must be an e-mail address like name@example.com",
        ),
    ] {
        agent.set_cookie("lang", lang);
        // A step the method refuses: its reason, in the reader's language, next to the form.
        let res = agent.submit(&page, &act, &resolve).await;
        assert!(
            res.status == 409 || res.status == 422,
            "{lang}: {}",
            res.status
        );
        assert!(res.html.contains(reason), "{lang}: {}", res.html);
        // A refused field on another form: the same.
        let res = agent
            .submit(
                "/complaints/new",
                "/complaints/new",
                &[
                    ("customer_id", "new"),
                    ("c_name", "Jane Doe"),
                    ("c_email", "not-an-email"),
                    ("channel", "phone"),
                    ("description", "Cracked jar"),
                ],
            )
            .await;
        assert_eq!(res.status, 422, "{lang}");
        assert!(res.html.contains(field_reason), "{lang}: {}", res.html);
    }
    assert!(
        app.list_ids("").await.len() == 1,
        "nothing was stored by the refused forms"
    );
}
