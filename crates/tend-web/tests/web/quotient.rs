//! The quotient's pages: the assessment form in Turkish (a partial answer refused with the
//! unrated statements named, in Turkish, and the ratings kept), then the results with the
//! hand-computed scores.

use tend_domain::quotient::Area;
use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

/// Every statement rated `n`, as the form's fields.
fn all(n: &'static str) -> Vec<(String, &'static str)> {
    Area::ALL
        .iter()
        .flat_map(|a| (1..=a.statements()).map(move |i| (format!("{}-{i}", a.code()), n)))
        .collect()
}

#[tokio::test]
async fn quotient_assessed_in_turkish_then_scored() {
    let app = spawn_app().await;
    let b = signed_in(&app, Role::Agent).await;
    b.set_cookie("lang", "tr");
    let form = b.get("/quotient/assess").await;
    assert_eq!(form.status, 200);
    assert!(
        form.html.contains("Müşteri şikâyetlerini inceleriz."),
        "{}",
        form.html
    );
    assert!(form.html.contains("hiçbir zaman"));

    // Staff statement 3 left out, culture 2 out of range: refused, named in Turkish.
    let mut fields: Vec<(String, &str)> = all("4")
        .into_iter()
        .filter(|(k, _)| k != "staff-3")
        .collect();
    fields.push(("respondent".into(), "Selin"));
    let sent: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let res = b
        .submit("/quotient/assess", "/quotient/assess", &sent)
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.html
            .contains("5 ifadeden 3 numaralı olanlar puanlanmadı"),
        "{}",
        res.html
    );
    assert!(res.html.contains(r#"name="culture-1" value="4" checked"#));

    // All 4s but contact 2, 2, 2: 6 × 4 + 2 = 26, adequate.
    let mut fields = all("4");
    for (k, v) in &mut fields {
        if k.starts_with("contact-") {
            *v = "2";
        }
    }
    fields.push(("respondent".into(), "Selin"));
    let sent: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let res = b
        .submit("/quotient/assess", "/quotient/assess", &sent)
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    let page = b.get("/quotient").await;
    assert_eq!(page.status, 200);
    assert!(
        page.html.contains("26,00"),
        "decimals the Turkish way: {}",
        page.html
    );
    assert!(page.html.contains("yeterli, genel iyileştirme gerekir"));
    // The weakest: contact (2), then the six areas tied at 4.
    assert!(
        page.html.contains("İletişim kolaylığı · 2,00"),
        "{}",
        page.html
    );
    assert!(
        page.html
            .contains("Müşterilerin bizimle iş yapmasını kolaylaştırırız.")
    );

    // A viewer reads the results but cannot assess.
    let v = signed_in(&app, Role::Viewer).await;
    assert_eq!(v.get("/quotient").await.status, 200);
    assert_eq!(v.get("/quotient/assess").await.status, 403);
}
