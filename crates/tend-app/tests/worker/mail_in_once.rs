//! Mail in taken once: one message delivered several times at once over LMTP (two MX hosts,
//! a retry racing the first try) creates one complaint or adds one message, the others logged
//! as duplicates of it; different answers to one complaint at once are all taken.

use futures_util::future::join_all;
use tend_testkit::lmtp::{deliver_one, start_listener};

use crate::helpers::spawn_app;
use crate::mail_in::{TEND, conversation, count, mail};

#[tokio::test]
async fn a_message_delivered_many_times_at_once_is_taken_once() {
    let app = spawn_app().await;
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    let first = mail(
        "Ana <ana@example.com>",
        "The jar arrived cracked",
        "Message-ID: <burst@example.com>\r\n",
        "It arrived cracked.",
    );
    let answers = join_all((0..6).map(|_| deliver_one(lmtp, "ana@example.com", &first))).await;
    assert!(answers.iter().all(|a| a.starts_with("250")), "{answers:?}");
    assert_eq!(count(&app).await, 1);
    let id = app.list_ids("limit=10").await[0];
    let logged = app.store.inbound_mail().await.unwrap();
    let mut outcomes: Vec<(&str, Option<i64>)> =
        logged.iter().map(|(o, c, _)| (o.as_str(), *c)).collect();
    outcomes.sort();
    let mut expected = vec![("created", Some(id))];
    expected.extend([("duplicate", Some(id)); 5]);
    expected.sort();
    assert_eq!(outcomes, expected);

    // Ana answers twice, each answer delivered three times, all at once: two messages.
    let answers: Vec<Vec<u8>> = (1..=2)
        .map(|n| {
            mail(
                "ana@example.com",
                "Re: The jar arrived cracked",
                &format!("Message-ID: <r{n}@example.com>\r\nIn-Reply-To: <burst@example.com>\r\n"),
                &format!("Answer {n}"),
            )
        })
        .collect();
    let deliveries = (0..6).map(|i| deliver_one(lmtp, "ana@example.com", &answers[i % 2]));
    let said = join_all(deliveries).await;
    assert!(said.iter().all(|a| a.starts_with("250")), "{said:?}");
    let bodies: Vec<String> = (conversation(&app, id).await.iter())
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = bodies.clone();
    sorted.sort();
    assert_eq!(sorted, ["Answer 1", "Answer 2"], "{bodies:?}");
    let logged = app.store.inbound_mail().await.unwrap();
    let threaded = logged.iter().filter(|(o, _, _)| o == "threaded").count();
    let duplicates = logged.iter().filter(|(o, _, _)| o == "duplicate").count();
    assert_eq!((threaded, duplicates, count(&app).await), (2, 9, 1));
}
