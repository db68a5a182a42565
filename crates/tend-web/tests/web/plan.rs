//! The plan's pages: the vision worksheet filled in Turkish (each save a version with its
//! author, the length hint, the statement under the staff header and on the public pages only
//! by the owner's choice); the policy (approval only by a manager, acknowledgement on the
//! page, the public page showing only the version in effect in Spanish and Turkish, Markdown
//! with script neutralised, linked from the complaint form); training coverage on its page.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::{Browser, employee, signed_in};
use crate::helpers::{TestApp, spawn_app};

#[tokio::test]
async fn the_vision_worksheet_in_turkish_heads_the_staff_pages() {
    let app = spawn_app().await;
    let b = signed_in(&app, Role::Manager).await;
    b.set_cookie("lang", "tr");
    let form = b.get("/plan/vision").await;
    assert_eq!(form.status, 200);
    assert!(
        form.html.contains("Şirketin başarısının beş nedeni"),
        "{}",
        form.html
    );
    assert!(form.html.contains("Çalışma sayfası henüz kaydedilmedi."));
    // A manager does not choose whether the public sees it.
    assert!(!form.html.contains("name=\"show_public\""));

    // Missing statement: refused in Turkish, the entries kept.
    let res = b
        .submit(
            "/plan/vision",
            "/plan/vision",
            &[("success-1", "Sadık müşteriler")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.html.contains("value=\"Sadık müşteriler\""),
        "{}",
        res.html
    );
    assert!(
        res.html.contains("zorunlu") || res.html.contains("gerekli"),
        "{}",
        res.html
    );

    // 30 words: saved, with the hint saying it is longer than 25.
    let long = "Her müşteri aynı gün bir insanla konuşur ve sorunu çözülene kadar takip edilir, \
        çünkü şikâyet eden müşteri bize kendisini geri kazanmak için ikinci bir şans veren \
        değerli bir dosttur bugün";
    assert_eq!(long.split_whitespace().count(), 30);
    let fields = [
        ("success-1", "Sadık müşteriler"),
        ("customer_view-1", "Aynı gün yanıt alıyorum"),
        ("steps-1", "Hizmet saatleri yayımlandı"),
        ("elements-1", "hız"),
        ("verbs-1", "yanıtlamak"),
        ("statement", long),
    ];
    let res = b.submit("/plan/vision", "/plan/vision", &fields).await;
    assert_eq!(res.status, 303, "{}", res.html);
    let page = b.get("/plan/vision").await;
    assert!(page.html.contains("30 kelime"), "{}", page.html);
    assert!(page.html.contains("id=\"statement-long\""));
    assert!(
        page.html.contains("Web manager"),
        "the author: {}",
        page.html
    );
    // The statement heads every staff page, not the public ones until the owner says so.
    let inbox = b.get("/inbox").await;
    assert!(
        inbox
            .html
            .contains("id=\"vision-statement\">Her müşteri aynı gün")
    );
    let public = Browser::new(&app);
    assert!(
        !public
            .get("/complain")
            .await
            .html
            .contains("vision-statement")
    );

    let owner = signed_in(&app, Role::Admin).await;
    let short = [
        ("statement", "Her müşteri aynı gün duyulur."),
        ("show_public", "1"),
    ];
    let res = owner.submit("/plan/vision", "/plan/vision", &short).await;
    assert_eq!(res.status, 303, "{}", res.html);
    let complain = public.get("/complain").await.html;
    assert!(complain.contains("id=\"vision-statement\">Her müşteri aynı gün duyulur.</p>"));
    let versions = app
        .get("/api/v1/vision", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(versions["history"].as_array().unwrap().len(), 2);
}

/// A version with a customer-facing area (returns, in three languages, one with a script and a
/// `javascript:` link) and an internal one (speed); returns its id.
async fn version(app: &TestApp, tag: &str) -> i64 {
    let draft = json!({"note": tag, "areas": [
        {"area": "returns", "texts": {
            "en": format!("Returns within 30 days ({tag}).\n\n<script>alert('x')</script>\n\n[home](javascript:alert(1)) <img src=x onerror=alert(2)>"),
            "es": format!("Devoluciones en 30 días ({tag})."),
            "tr": format!("30 gün içinde iade ({tag}).")}},
        {"area": "speed", "texts": {"en": format!("Internal speed rule ({tag}).")}}]});
    app.post_json("/api/v1/policy", &app.manager.token, &draft)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn the_public_policy_shows_only_the_version_in_effect_safely_in_each_language() {
    let app = spawn_app().await;
    let public = Browser::new(&app);
    assert!(
        public
            .get("/complain")
            .await
            .html
            .contains("href=\"/policy\" id=\"policy-link\"")
    );
    assert!(
        public
            .get("/policy")
            .await
            .html
            .contains("has not been published yet")
    );

    let v1 = version(&app, "v1").await;
    let v2 = version(&app, "v2").await;
    version(&app, "v3").await;
    // An agent may not approve; a manager approves v1 today and v2 from April.
    let (agent_email, manager_email) = (
        employee(&app, Role::Agent, "Web Agent").await,
        employee(&app, Role::Manager, "Web Manager").await,
    );
    let agent = Browser::new(&app);
    agent.sign_in(&agent_email).await;
    let form = [("effective_from", "2026-03-06")];
    let res = agent
        .submit("/plan/policy", &format!("/plan/policy/{v1}/approve"), &form)
        .await;
    assert_eq!(res.status, 403);
    let manager = Browser::new(&app);
    manager.sign_in(&manager_email).await;
    let res = manager
        .submit("/plan/policy", &format!("/plan/policy/{v1}/approve"), &form)
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let april = [("effective_from", "2026-04-01")];
    let res = manager
        .submit(
            "/plan/policy",
            &format!("/plan/policy/{v2}/approve"),
            &april,
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);

    for (lang, text) in [
        ("es", "Devoluciones en 30 días (v1)."),
        ("tr", "30 gün içinde iade (v1)."),
        ("en", "Returns within 30 days (v1)."),
    ] {
        public.set_cookie("lang", lang);
        let html = public.get("/policy").await.html;
        assert!(html.contains(text), "{lang}: {html}");
        assert!(
            !html.contains("(v2)") && !html.contains("(v3)"),
            "{lang}: only v1"
        );
        assert!(
            !html.contains("Internal speed rule"),
            "{lang}: internal areas stay inside"
        );
        assert!(
            !html.contains("<script>alert") && !html.contains("javascript:"),
            "{html}"
        );
        assert!(!html.contains("onerror"), "{html}");
    }
    public.set_cookie("lang", "tr");
    assert!(
        public
            .get("/policy")
            .await
            .html
            .contains("<h2>İadeler</h2>")
    );

    // From April, version 2 is the one shown.
    app.clock.set("2026-04-01T08:00:00Z".parse().unwrap());
    public.set_cookie("lang", "es");
    let html = public.get("/policy").await.html;
    assert!(
        html.contains("Devoluciones en 30 días (v2).") && !html.contains("(v1)"),
        "{html}"
    );

    // The agent acknowledges the version in effect on the page; the manager sees who did
    // (sessions last 12 hours: both sign in again).
    agent.sign_in(&agent_email).await;
    manager.sign_in(&manager_email).await;
    let page = agent.get("/plan/policy").await;
    assert!(page.html.contains("id=\"acknowledge\""), "{}", page.html);
    let res = agent
        .submit(
            "/plan/policy",
            &format!("/plan/policy/{v2}/acknowledge"),
            &[],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert!(
        agent
            .get("/plan/policy")
            .await
            .html
            .contains("id=\"my-acknowledgement\"")
    );
    let overview = manager.get("/plan/policy").await.html;
    assert!(
        overview.contains("1 of 6 staff acknowledged this version"),
        "{overview}"
    );
    // The version's page shows the diff from version 1.
    let page = manager.get(&format!("/plan/policy/{v2}")).await.html;
    assert!(
        page.contains("<span class=\"diff-removed\">- Returns within 30 days (v1).</span>"),
        "{page}"
    );
    assert!(page.contains("<span class=\"diff-added\">+ Returns within 30 days (v2).</span>"));
}

#[tokio::test]
async fn a_draft_written_on_the_page_and_the_training_coverage() {
    let app = spawn_app().await;
    let agent = signed_in(&app, Role::Agent).await;
    let fields = [
        ("note", "First"),
        ("returns-en", "Returns within **30** days."),
        ("returns-review_on", "2026-09-01"),
        ("custom1-code", "warranty"),
        ("custom1-title", ""),
        ("custom1-en", "Two years."),
    ];
    let res = agent
        .submit("/plan/policy/new", "/plan/policy/new", &fields)
        .await;
    assert_eq!(res.status, 422, "the custom area needs a title");
    assert!(res.html.contains("value=\"warranty\""));
    let mut fields = fields.to_vec();
    fields[4] = ("custom1-title", "Warranty");
    let res = agent
        .submit("/plan/policy/new", "/plan/policy/new", &fields)
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let page = agent.get(res.location()).await.html;
    assert!(
        page.contains("<strong>30</strong>") && page.contains("Warranty"),
        "{page}"
    );

    // Coverage: of 5 staff (4 of the test company and this agent), the admin attended: 1 of 5.
    let intro = json!({"kind": "introduction", "topic": "The plan", "held_on": "2026-03-02",
        "trainer": "Ada", "attendees": [{"employee_id": app.admin.id, "attended": true},
                                         {"employee_id": app.viewer.id, "attended": false}]});
    app.post_json("/api/v1/trainings", &app.manager.token, &intro)
        .await
        .expect(201);
    agent.set_cookie("lang", "es");
    let html = agent.get("/plan/training").await.html;
    assert!(
        html.contains("1 de 5 empleados asistieron (20,0 %)"),
        "{html}"
    );
    assert!(html.contains("<li>Vera Viewer</li>") && !html.contains("<li>Ada Admin</li>"));

    // Feedback about an employee is shared with them on the same page.
    let praise = json!({"employee_id": app.agent.id, "source": "manager",
        "note": "Calmed an angry customer"});
    app.post_json("/api/v1/recognitions", &app.manager.token, &praise)
        .await
        .expect(201);
    let staff = app
        .get("/api/v1/employees", &app.admin_token)
        .await
        .expect(200);
    let me = staff
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"].as_str().unwrap().starts_with("Web agent"))
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let thanks = json!({"employee_id": me, "source": "manager", "note": "Wrote the first policy"});
    app.post_json("/api/v1/recognitions", &app.manager.token, &thanks)
        .await
        .expect(201);
    let html = agent.get("/plan/training").await.html;
    let start = html.find("id=\"about-you\"").unwrap();
    let about = &html[start..html.find("id=\"recognitions\"").unwrap()];
    assert!(about.contains("Wrote the first policy"), "{about}");
    assert!(
        !about.contains("Calmed an angry customer"),
        "another agent's: {about}"
    );
}
