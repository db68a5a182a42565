//! The goal draft's validation: every refusal names its field.

use super::*;

fn draft() -> GoalDraft {
    GoalDraft {
        measure: Some("csat".into()),
        target: Some(80.5),
        direction: Some("at_least".into()),
        period: Some("month".into()),
        owner_id: Some(2),
        channel: Some("phone".into()),
        ..Default::default()
    }
}

fn fields(d: &GoalDraft) -> Vec<(String, &'static str)> {
    let DomainError::Invalid(f) = d.validate().unwrap_err() else {
        panic!("invalid expected")
    };
    f.iter().map(|(k, r)| (k.to_owned(), r.code())).collect()
}

#[test]
fn a_valid_goal_keeps_its_target_in_hundredths_and_round_trips() {
    let g = draft().validate().unwrap();
    assert_eq!(g.target_hundredths, 8050);
    assert_eq!(g.name.as_str(), "csat");
    assert_eq!(g.draft().validate().unwrap(), g);
}

#[test]
fn refusals_name_the_field() {
    let mut d = draft();
    d.target = Some(100.5);
    assert_eq!(fields(&d), [("target".to_owned(), "goal_target")]);
    d.target = Some(80.123);
    assert_eq!(fields(&d), [("target".to_owned(), "goal_target")]);
    d.measure = Some("happiness".into());
    d.target = Some(1.0);
    assert_eq!(fields(&d), [("measure".to_owned(), "one_of")]);
    let d = GoalDraft {
        measure: Some("nps".into()),
        target: Some(-20.0),
        channel: Some("phone".into()),
        days: Some(30),
        ..Default::default()
    };
    let got = fields(&d);
    let names: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        names,
        ["channel", "days", "direction", "owner_id", "period"]
    );
    let d = GoalDraft {
        measure: Some("repurchase_after_resolution".into()),
        days: Some(0),
        ..draft()
    };
    assert_eq!(fields(&d), [("days".to_owned(), "range")]);
    let d = GoalDraft {
        measure: Some("figure".into()),
        channel: None,
        target: Some(-5000.0),
        ..draft()
    };
    assert_eq!(fields(&d), [("figure_id".to_owned(), "required")]);
}
