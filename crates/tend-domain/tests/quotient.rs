//! The customer service quotient's arithmetic against values computed by hand, including the
//! band edges, and the refusals of a partial or malformed assessment.

use serde_json::json;
use tend_domain::DomainError;
use tend_domain::quotient::round::RoundScore;
use tend_domain::quotient::{Area, Assessment, AssessmentDraft, Band};

fn assess(ratings: serde_json::Value) -> Assessment {
    let draft: AssessmentDraft =
        serde_json::from_value(json!({"respondent": "Olga Owner", "ratings": ratings})).unwrap();
    draft.validate().unwrap()
}

fn all(n: i64) -> serde_json::Value {
    let (three, four, five) = ([n; 3], [n; 4], [n; 5]);
    json!({"culture": four, "products": four, "feedback": three, "knowing": three,
           "contact": three, "staff": five, "improvement": three})
}

/// All 4s with culture +1 point, feedback −2, staff +2: 1,680 + 15 − 40 + 24 = 1,679 sixtieths.
fn just_under_28() -> serde_json::Value {
    json!({"culture": [5, 4, 4, 4], "products": [4, 4, 4, 4], "feedback": [3, 3, 4],
           "knowing": [4, 4, 4], "contact": [4, 4, 4], "staff": [5, 5, 4, 4, 4],
           "improvement": [4, 4, 4]})
}

#[test]
fn hand_computed_table() {
    // (ratings, culture, feedback, staff, total rounded, exact sixtieths, band)
    let table = [
        // 5 × 7 = 35.
        (all(5), 5.0, 5.0, 5.0, 35.0, 2100, Band::Asset),
        // 1 × 7 = 7.
        (all(1), 1.0, 1.0, 1.0, 7.0, 420, Band::Losing),
        // 4 × 7 = 28: the asset edge itself.
        (all(4), 4.0, 4.0, 4.0, 28.0, 1680, Band::Asset),
        // 4.25 + 4 + 3.333… + 4 + 4 + 4.4 + 4 = 27.9833…: just under the edge.
        (
            just_under_28(),
            4.25,
            3.33,
            4.4,
            27.98,
            1679,
            Band::Adequate,
        ),
        // 3 × 7 = 21: the adequate edge itself.
        (all(3), 3.0, 3.0, 3.0, 21.0, 1260, Band::Adequate),
        // 3.25 + 3 + 2.333… + 3 + 3 + 3.4 + 3 = 20.9833…
        (
            json!({"culture": [4, 3, 3, 3], "products": [3, 3, 3, 3], "feedback": [2, 2, 3],
                   "knowing": [3, 3, 3], "contact": [3, 3, 3], "staff": [4, 4, 3, 3, 3],
                   "improvement": [3, 3, 3]}),
            3.25,
            2.33,
            3.4,
            20.98,
            1259,
            Band::Losing,
        ),
        // 3.75 + 4 + 4.666… + 4 + 4 + 3.6 + 4 = 28.0166…
        (
            json!({"culture": [3, 4, 4, 4], "products": [4, 4, 4, 4], "feedback": [5, 5, 4],
                   "knowing": [4, 4, 4], "contact": [4, 4, 4], "staff": [3, 3, 4, 4, 4],
                   "improvement": [4, 4, 4]}),
            3.75,
            4.67,
            3.6,
            28.02,
            1681,
            Band::Asset,
        ),
    ];
    for (ratings, culture, feedback, staff, total, exact, band) in table {
        let a = assess(ratings.clone());
        assert_eq!(a.area_score(Area::Culture).rounded(), culture, "{ratings}");
        assert_eq!(
            a.area_score(Area::Feedback).rounded(),
            feedback,
            "{ratings}"
        );
        assert_eq!(a.area_score(Area::Staff).rounded(), staff, "{ratings}");
        assert_eq!(a.total().0, exact, "{ratings}");
        assert_eq!(a.total().rounded(), total, "{ratings}");
        assert_eq!(a.band(), band, "{ratings}");
    }
}

fn errors(body: serde_json::Value) -> Vec<(String, String)> {
    let draft: AssessmentDraft = serde_json::from_value(body).unwrap();
    let Err(DomainError::Invalid(fields)) = draft.validate() else {
        panic!("accepted")
    };
    fields
        .iter()
        .map(|(f, r)| (f.to_owned(), r.to_string()))
        .collect()
}

#[test]
fn a_partial_assessment_is_refused_naming_the_missing_statements() {
    let mut ratings = all(4);
    ratings["culture"] = json!([4, null, 3]);
    ratings.as_object_mut().unwrap().remove("staff");
    let got = errors(json!({"respondent": "Olga", "ratings": ratings}));
    assert_eq!(
        got,
        [
            (
                "ratings.culture".to_owned(),
                "statements 2, 4 of 4 are not rated".to_owned()
            ),
            (
                "ratings.staff".to_owned(),
                "is required: 5 ratings from 1 to 5".to_owned()
            ),
        ]
    );
}

#[test]
fn extra_out_of_range_and_unknown_ratings_name_their_area() {
    let mut ratings = all(4);
    ratings["feedback"] = json!([4, 4, 4, 4]);
    ratings["knowing"] = json!([4, 6, 4]);
    ratings["contact"] = json!([0, 4, 4]);
    ratings["mood"] = json!([5]);
    let got = errors(json!({"ratings": ratings}));
    let fields: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "ratings.contact",
            "ratings.feedback",
            "ratings.knowing",
            "ratings.mood",
            "respondent"
        ]
    );
    assert_eq!(got[0].1, "statement 1 must be rated from 1 to 5 (got 0)");
    assert_eq!(got[1].1, "has 3 statements (got 4 ratings)");
    assert_eq!(got[2].1, "statement 2 must be rated from 1 to 5 (got 6)");
}

#[test]
fn a_round_is_the_mean_of_its_respondents_with_the_spread_and_weakest_areas() {
    let answers = [assess(just_under_28()), assess(all(4))];
    let round = RoundScore::new(&answers).unwrap();
    assert_eq!(round.n(), 2);
    // (1,679 + 1,680) / 120 = 27.9916…: still adequate, though it would round to 27.99.
    assert_eq!((round.total().num, round.total().den), (3359, 120));
    assert_eq!(round.total().rounded(), 27.99);
    assert_eq!(round.band(), Band::Adequate);
    // Culture: (17 + 16) / 8 = 4.125; feedback (10 + 12) / 6 = 3.666…
    assert_eq!(round.area(Area::Culture).rounded(), 4.13);
    assert_eq!(round.area(Area::Feedback).rounded(), 3.67);
    let (lo, hi) = round.total_range();
    assert_eq!((lo.0, hi.0), (1679, 1680));
    // Weakest: feedback (3.67), then every area at 4 (tied second), in the method's order.
    let weakest: Vec<Area> = round.weakest().iter().map(|w| w.area).collect();
    assert_eq!(
        weakest,
        [
            Area::Feedback,
            Area::Products,
            Area::Knowing,
            Area::Contact,
            Area::Improvement
        ]
    );
    // Feedback's statements: 1 and 2 at (3 + 4) / 2 = 3.5, statement 3 at 4.
    let s: Vec<(usize, f64)> = round.weakest()[0]
        .statements
        .iter()
        .map(|(i, r)| (*i, r.rounded()))
        .collect();
    assert_eq!(s, [(1, 3.5), (2, 3.5), (3, 4.0)]);
}
