//! `tend export survey-answers --survey ID`: a survey's raw answers streamed as CSV (and JSON
//! lines), complete and partial responses, one row per question answered — on the engine this
//! test run uses; more answers than one page of the stream.

use tend_domain::surveys::{Answer, SurveyDraft};
use tend_store::testing::fresh_database_url;
use tend_store::{PageSent, Store, StoreOptions};

mod common;

use common::{tend, text};

#[tokio::test]
async fn survey_answers_are_exported_as_csv_page_by_page() {
    let db = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&db)).await.expect("store");
    let now = jiff::Timestamp::from_second(1_770_000_000).unwrap();
    let draft: SurveyDraft = serde_json::from_value(serde_json::json!({
        "languages": ["en"], "title": {"en": "T"},
        "questions": [{"kind": "nps", "text": {"en": "Recommend?"}},
                      {"kind": "open", "text": {"en": "Why?"}},
                      {"kind": "yes_no", "page": 2, "text": {"en": "Again?"}}]}))
    .unwrap();
    let survey = store
        .create_survey(&draft.validate().unwrap(), now)
        .await
        .unwrap();
    store.publish_survey(survey.id, now).await.unwrap();
    // 400 complete responses of 3 answers (1,200 rows: two pages of the stream) and one
    // partial response with its first page only.
    for i in 0..401_i64 {
        let key = format!("k{i}");
        let first = [
            (1, Some(Answer::Number(i % 11))),
            (2, Some(Answer::Text(format!("because, \"{i}\"")))),
        ];
        let sent = PageSent {
            key: &key,
            channel: "public",
            invitation: None,
            language: "en",
            answers: &first,
            next_page: Some(2),
        };
        store.save_survey_page(survey.id, &sent, now).await.unwrap();
        if i == 400 {
            break;
        }
        let second = [(3, Some(Answer::Number(1)))];
        let sent = PageSent {
            answers: &second,
            next_page: None,
            ..sent
        };
        store.save_survey_page(survey.id, &sent, now).await.unwrap();
    }
    let id = survey.id.0.to_string();

    let out = tend(&db, &["export", "survey-answers", "--survey", &id]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "response_id",
            "channel",
            "language",
            "completed_at",
            "question",
            "kind",
            "answer",
            "other"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 400 * 3 + 2);
    assert_eq!((&rows[0][4], &rows[0][5], &rows[0][6]), ("1", "nps", "0"));
    assert_eq!(&rows[1][6], "because, \"0\"");
    assert_eq!(
        (&rows[2][4], &rows[2][5], &rows[2][6]),
        ("3", "yes_no", "yes")
    );
    assert!(!rows[0][3].is_empty(), "complete: completed_at given");
    let last = &rows[rows.len() - 1];
    assert_eq!(
        (&last[3], &last[4], &last[6]),
        ("", "2", "because, \"400\"")
    );
    // Each (response, question) once, in order.
    let keys: Vec<(i64, i64)> = rows
        .iter()
        .map(|r| (r[0].parse().unwrap(), r[4].parse().unwrap()))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));

    let json = tend(
        &db,
        &[
            "export",
            "survey-answers",
            "--survey",
            &id,
            "--format",
            "json",
        ],
    );
    assert!(json.status.success());
    let first: serde_json::Value =
        serde_json::from_str(text(&json.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["kind"], "nps");
    assert_eq!(text(&json.stdout).lines().count(), 400 * 3 + 2);

    let missing = tend(&db, &["export", "survey-answers"]);
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).contains("--survey"));
}
