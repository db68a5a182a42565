//! Surveys: a definition's checks and completeness, answers per kind, and the results'
//! definitions against values computed by hand.

use serde_json::json;
use tend_domain::surveys::*;
use tend_domain::{DomainError, FieldErrors};

fn every_kind() -> SurveyDraft {
    let t = |en: &str| json!({"en": en, "es": format!("{en} (es)"), "tr": format!("{en} (tr)")});
    serde_json::from_value(json!({
        "languages": ["en", "es", "tr"],
        "title": t("After your visit"),
        "questions": [
            {"kind": "open", "text": t("What happened?"), "explanation": t("In your words.")},
            {"kind": "rating", "scale": 5, "required": true, "text": t("How was it?")},
            {"kind": "nps", "page": 2, "text": t("Recommend us?")},
            {"kind": "single_choice", "page": 2, "options": [t("Shop"), t("Web")], "text": t("Where?")},
            {"kind": "multiple_choice", "page": 2, "other": true, "options": [t("Price"), t("Staff"), t("Wait")], "text": t("What mattered?")},
            {"kind": "yes_no", "page": 3, "text": t("Solved?")},
        ]
    }))
    .unwrap()
}

fn fields(e: &FieldErrors) -> Vec<String> {
    e.iter().map(|(f, r)| format!("{f}:{}", r.code())).collect()
}

#[test]
fn a_complete_survey_of_every_kind_validates_with_its_pages() {
    let s = every_kind().validate().unwrap();
    assert!(s.completeness().is_empty());
    assert_eq!(s.pages(), [1, 2, 3]);
    let page2: Vec<usize> = s.on_page(2).map(|(n, _)| n).collect();
    assert_eq!(page2, [3, 4, 5]);
    assert_eq!(s.questions[1].kind, Kind::Rating { scale: 5 });
}

#[test]
fn completeness_names_every_missing_text_and_its_language() {
    let mut d = every_kind();
    d.title.remove("tr");
    d.questions[0].explanation.remove("es");
    d.questions[4].options[1].remove("es");
    let s = d.validate().unwrap();
    let e = s.completeness();
    assert_eq!(
        fields(&e),
        [
            "questions[1].explanation:missing_translation",
            "questions[5].options[1]:missing_translation",
            "title:missing_translation"
        ]
    );
    assert_eq!(e.iter().last().unwrap().1.arg("lang"), Some("tr"));
}

#[test]
fn structural_mistakes_are_named_by_field() {
    let mut d = every_kind();
    d.languages.push("de".into());
    d.questions[1].scale = Some(7);
    d.questions[3].options.truncate(1);
    d.questions[0].scale = Some(5);
    let DomainError::Invalid(e) = d.validate().unwrap_err() else {
        panic!()
    };
    assert_eq!(
        fields(&e),
        [
            "languages:survey_language",
            "questions[1].scale:not_for_kind",
            "questions[2].scale:rating_scale",
            "questions[4].options:choice_options"
        ]
    );
}

fn raw(values: &[&str], other: Option<&str>) -> RawAnswer {
    RawAnswer {
        values: values.iter().map(|v| v.to_string()).collect(),
        other: other.map(str::to_owned),
    }
}

#[test]
fn answers_are_checked_against_their_kind() {
    let s = every_kind().validate().unwrap();
    let q = |n: usize| &s.questions[n - 1];
    let code = |n: usize, r: RawAnswer| q(n).answer(&r).unwrap_err().code();
    assert_eq!(q(1).answer(&raw(&[], None)), Ok(None));
    assert_eq!(code(2, raw(&[""], None)), "required");
    assert_eq!(code(2, raw(&["6"], None)), "range");
    assert_eq!(q(2).answer(&raw(&["5"], None)), Ok(Some(Answer::Number(5))));
    assert_eq!(q(3).answer(&raw(&["0"], None)), Ok(Some(Answer::Number(0))));
    assert_eq!(code(3, raw(&["11"], None)), "range");
    assert_eq!(code(4, raw(&["0", "1"], None)), "one_of");
    assert_eq!(code(4, raw(&["2"], None)), "range");
    assert_eq!(
        q(5).answer(&raw(&["2", "other", "0"], Some(" Parking "))),
        Ok(Some(Answer::Choices {
            chosen: vec![0, 2],
            other: Some("Parking".into())
        }))
    );
    assert_eq!(code(5, raw(&["other"], Some(" "))), "required");
    assert_eq!(
        q(6).answer(&raw(&["no"], None)),
        Ok(Some(Answer::Number(0)))
    );
    assert_eq!(code(6, raw(&["maybe"], None)), "one_of");
}

fn hist(pairs: &[(i64, u64)]) -> Histogram {
    let mut h = Histogram::default();
    for (v, c) in pairs {
        h.add(*v, *c);
    }
    h
}

#[test]
fn mean_and_median_by_hand() {
    // 1, 2, 2, 5: mean 10/4 = 2.5; median (2 + 2) / 2 = 2.
    let h = hist(&[(1, 1), (2, 2), (5, 1)]);
    assert_eq!((h.n(), h.mean(), h.median()), (4, Some(2.5), Some(2.0)));
    // 1, 2, 3, 4, 4: median the third, 3; 1, 2, 3, 4: (2 + 3) / 2.
    assert_eq!(hist(&[(1, 1), (2, 1), (3, 1), (4, 2)]).median(), Some(3.0));
    assert_eq!(hist(&[(1, 1), (2, 1), (3, 1), (4, 1)]).median(), Some(2.5));
    assert_eq!(Histogram::default().mean(), None);
}

#[test]
fn nps_and_its_interval_by_hand() {
    // 40 answers: 20 promoters (9–10), 12 passives (7–8), 8 detractors (0–6).
    // p = 0.5, d = 0.2, NPS = 30.0; variance 0.5 + 0.2 − 0.3² = 0.61;
    // half-width 1.96 · 100 · √(0.61 / 40) = 196 · 0.1234909 = 24.2042 → 5.8 … 54.2.
    let h = hist(&[(10, 12), (9, 8), (8, 7), (7, 5), (6, 3), (3, 4), (0, 1)]);
    let nps = Nps::of(&h);
    assert_eq!(
        (nps.n, nps.promoters, nps.passives, nps.detractors),
        (40, 20, 12, 8)
    );
    assert_eq!(nps.score.map(round1), Some(30.0));
    let (lo, hi) = nps.interval.unwrap();
    assert_eq!((round1(lo), round1(hi)), (5.8, 54.2));
}

#[test]
fn nps_interval_is_clamped_and_absent_below_30() {
    // 29 promoters, 1 passive: NPS 96.7; half-width 196 · √(0.0322222 / 30) = 6.42 → high 103.1,
    // clamped to 100.
    let nps = Nps::of(&hist(&[(10, 29), (8, 1)]));
    assert_eq!(nps.score.map(round1), Some(96.7));
    let (lo, hi) = nps.interval.unwrap();
    assert_eq!((round1(lo), hi), (90.2, 100.0));
    let few = Nps::of(&hist(&[(10, 20), (0, 9)]));
    assert_eq!((few.n, few.interval), (29, None));
    assert_eq!(few.score.map(round1), Some(37.9));
}

#[test]
fn response_rate_by_hand() {
    // 3 complete answers from 4 delivered invitations (5 sent, 1 bounced): 75 %.
    assert_eq!(tend_domain::surveys::response_rate(3, 5 - 1), Some(75.0));
    // 1 of 3: 33.3 %.
    let r = tend_domain::surveys::response_rate(1, 3).unwrap();
    assert_eq!(round1(r), 33.3);
    assert_eq!(tend_domain::surveys::response_rate(0, 0), None);
}
