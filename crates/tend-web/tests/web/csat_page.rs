//! The satisfaction question's page at the mailed link (`/csat/{token}`): shown in the
//! reader's language, a forged link is not found, a missing rating is refused on the page.

use jiff::Timestamp;
use tend_domain::kernel::ids::ComplaintId;

use crate::browser::Browser;
use crate::helpers::spawn_app;
use crate::public::complain;

#[tokio::test]
async fn the_csat_link_asks_in_the_readers_language_and_refuses_a_missing_rating() {
    let app = spawn_app().await;
    let mut b = Browser::new(&app);
    complain(&b, "Lucía Pérez", "La tapa llegó rota.").await;
    let id = app.list_ids("").await[0];
    let request = app
        .store
        .csat_request(ComplaintId(id), Timestamp::now(), None, Timestamp::now())
        .await
        .unwrap();
    let token = app.store.csat_token(request).await.unwrap();
    let path = format!("/csat/{token}");

    b.accept_language = Some("es".into());
    let page = b.get(&path).await;
    assert_eq!(page.status, 200, "{}", page.html);
    assert!(page.html.contains("<html lang=\"es\""));
    assert!(
        page.html
            .contains("¿Qué tan satisfecho está con cómo gestionamos su queja?")
    );
    for n in 1..=5 {
        assert!(
            page.html
                .contains(&format!("name=\"rating\" value=\"{n}\""))
        );
    }
    assert!(page.html.contains("value=\"too_slow\""));

    // No rating: the form again, with the reason in Spanish; nothing answered.
    let refused = b.submit(&path, &path, &[("why", "nada")]).await;
    assert_eq!(refused.status, 200);
    assert!(
        refused.html.contains("Elija un número del 1 al 5."),
        "{}",
        refused.html
    );
    let req = app
        .store
        .csat_request_for_token(&token)
        .await
        .unwrap()
        .unwrap();
    assert!(req.answered_at.is_none());

    // A forged or altered link is not found.
    let (num, _) = token.split_once('.').unwrap();
    assert_eq!(b.get(&format!("/csat/{num}.AAAA")).await.status, 404);
    assert_eq!(b.get("/csat/nonsense").await.status, 404);
}
