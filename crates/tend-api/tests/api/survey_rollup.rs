//! The results' daily roll-up is exact: a survey of every kind answered over two weeks at odd
//! hours, through the public link and through invitations, some responses finished a day after
//! they began and some left partial; for periods whose edges fall mid-day, on midnight, inside
//! one day or nowhere, in all and per channel, the counts read through the roll-up equal those
//! counted from the raw answers — and so do the API's results; a rebuilt roll-up is the same.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};
use tend_domain::surveys::{Answer, SurveyId};
use tend_store::{PageSent, TallyFilter};

use crate::helpers::{now, spawn_app};

fn t(en: &str) -> Value {
    json!({"en": en, "es": format!("{en} (es)"), "tr": format!("{en} (tr)")})
}

/// One page's answers: question number and answer.
type Page = Vec<(usize, Option<Answer>)>;

/// Response `i`'s answers to page 1 and page 2.
fn answers(i: i64) -> (Page, Page) {
    let open = (i % 3 == 0).then(|| Answer::Text(format!("answer {i}")));
    let chosen = [vec![0], vec![0, 1], vec![1, 2], vec![]][(i % 4) as usize].clone();
    let other = (i % 5 == 0 || chosen.is_empty()).then(|| format!("other {i}"));
    (
        vec![
            (1, open),
            (2, Some(Answer::Number(i % 5 + 1))),
            (3, (i % 7 != 0).then_some(Answer::Number(i % 11))),
        ],
        vec![
            (4, Some(Answer::Number(i % 2))),
            (5, Some(Answer::Choices { chosen, other })),
            (6, Some(Answer::Number(i / 3 % 2))),
        ],
    )
}

#[tokio::test]
async fn results_through_the_roll_up_equal_those_counted_from_the_answers() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let def = json!({"languages": ["en", "es", "tr"], "title": t("After your visit"),
    "questions": [
        {"kind": "open", "text": t("What happened?")},
        {"kind": "rating", "scale": 5, "required": true, "text": t("How was it?")},
        {"kind": "nps", "text": t("Would you recommend us?")},
        {"kind": "single_choice", "page": 2, "options": [t("Shop"), t("Web")], "text": t("Where?")},
        {"kind": "multiple_choice", "page": 2, "other": true, "options": [t("Price"), t("Staff"), t("Wait")], "text": t("What mattered?")},
        {"kind": "yes_no", "page": 2, "text": t("Solved?")},
    ]});
    let s = app.post_json("/api/v1/surveys", m, &def).await.expect(201);
    let id = s["id"].as_i64().unwrap();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);
    // Twelve invitations; their links are the respondents' keys.
    let mut customers = Vec::new();
    for k in 0..12 {
        let c = json!({"name": format!("Customer {k}"), "email": format!("c{k}@example.com"),
                       "consent_to_contact": true});
        let r = app
            .post_json("/api/v1/customers", &app.agent.token, &c)
            .await;
        customers.push(r.expect(201)["id"].as_i64().unwrap());
    }
    let path = format!("/api/v1/surveys/{id}/invitations");
    app.post_json(&path, m, &json!({"customers": customers}))
        .await
        .expect(201);
    let listed = app.get(&path, m).await.expect(200);
    let mut invitations = Vec::new();
    for i in listed["invitations"].as_array().unwrap() {
        let inv = i["id"].as_i64().unwrap();
        invitations.push((inv, app.store.survey_invitation_token(inv).await.unwrap()));
    }
    assert_eq!(invitations.len(), 12);

    // 60 respondents, one every 5 h 17 min from NOW; every third through an invitation (the
    // first twelve of those); each finishes page 2 from 0 to 10 hours after page 1, one in
    // seven never does.
    let survey = SurveyId(id);
    let mut complete = 0;
    for i in 0..60_i64 {
        let began = now() + SignedDuration::from_mins(i * 317);
        let public_key = format!("respondent-{i}");
        let (key, channel, invitation) = match invitations.get((i / 3) as usize) {
            Some((inv, token)) if i % 3 == 0 => (token.as_str(), "invitation", Some(*inv)),
            _ => (public_key.as_str(), "public", None),
        };
        let (one, two) = answers(i);
        let language = ["en", "es", "tr"][(i % 3) as usize];
        let mut sent = PageSent {
            key,
            channel,
            invitation,
            language,
            answers: &one,
            next_page: Some(2),
        };
        app.store
            .save_survey_page(survey, &sent, began)
            .await
            .unwrap();
        if i % 7 == 3 {
            continue;
        }
        sent.answers = &two;
        sent.next_page = None;
        let done = began + SignedDuration::from_hours(i % 11);
        app.store
            .save_survey_page(survey, &sent, done)
            .await
            .unwrap();
        complete += 1;
    }

    let at = |s: &str| -> Option<Timestamp> { Some(s.parse().unwrap()) };
    let periods = [
        (None, None),
        (at("2026-03-08T09:41:00Z"), at("2026-03-15T17:03:00Z")),
        (at("2026-03-08T00:00:00Z"), at("2026-03-15T00:00:00Z")),
        (at("2026-03-07T23:59:59.999999Z"), None),
        (None, at("2026-03-12T12:00:00Z")),
        (at("2026-03-10T03:00:00Z"), at("2026-03-10T21:00:00Z")),
        (at("2026-03-10T13:00:00Z"), at("2026-03-11T11:00:00Z")),
        (at("2026-03-11T00:00:00Z"), at("2026-03-12T00:00:00Z")),
        (at("2026-04-01T00:00:00Z"), None),
    ];
    let mut all = None;
    for (from, to) in periods {
        for channel in [None, Some("public"), Some("invitation")] {
            let f = TallyFilter {
                from,
                to,
                channel: channel.map(str::to_owned),
            };
            let rolled = app.store.survey_tallies(survey, &f).await.unwrap();
            let raw = app
                .store
                .survey_tallies_from_answers(survey, &f)
                .await
                .unwrap();
            assert_eq!(rolled, raw, "{from:?} … {to:?} through {channel:?}");
            if from.is_none() && to.is_none() && channel.is_none() {
                all = Some(rolled);
            }
        }
    }
    // Everything: 60 respondents, one in seven partial.
    let all = all.unwrap();
    assert_eq!((all.complete, all.partial), (complete, 60 - complete));
    assert_eq!(complete, 51);

    // The API reads the same: mid-day edges, invitations only.
    let f = TallyFilter {
        from: at("2026-03-07T10:30:00Z"),
        to: at("2026-03-13T20:15:00Z"),
        channel: Some("invitation".into()),
    };
    let raw = app
        .store
        .survey_tallies_from_answers(survey, &f)
        .await
        .unwrap();
    let query = "?from=2026-03-07T10:30:00Z&to=2026-03-13T20:15:00Z&channel=invitation";
    let res = app
        .get(
            &format!("/api/v1/surveys/{id}/results{query}"),
            &app.viewer.token,
        )
        .await
        .expect(200);
    assert_eq!(res["complete"], raw.complete);
    let yes: u64 = raw
        .numbers
        .iter()
        .filter(|(q, v, _)| *q == 6 && *v == 1)
        .map(|(_, _, n)| n)
        .sum();
    assert_eq!(res["questions"][5]["distribution"][0]["count"], yes);

    // Rebuilt from the answers (as the migration fills it), the roll-up reads the same.
    app.store.refill_survey_tally_days(survey).await.unwrap();
    let again = app
        .store
        .survey_tallies(survey, &TallyFilter::default())
        .await
        .unwrap();
    assert_eq!(again, all);
}
