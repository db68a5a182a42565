//! Segment validation: every bad field named, the age bounds as birth years, and a valid
//! segment's draft validating to itself.

use super::*;
use crate::kernel::error::DomainError;

fn fields(d: &SegmentDraft) -> Vec<(String, &'static str)> {
    match d.validate() {
        Err(DomainError::Invalid(e)) => e.iter().map(|(f, r)| (f.to_string(), r.code())).collect(),
        other => panic!("expected refusal, got {other:?}"),
    }
}

#[test]
fn spanish_under_35_buying_is_valid_and_round_trips() {
    let d = SegmentDraft {
        name: Some("Spanish under 35".into()),
        max_age: Some(34),
        country: Some("es".into()),
        preferred_channel: Some("web".into()),
        min_purchases: Some(2),
        min_spent: Some("50".into()),
        currency: Some("EUR".into()),
        purchase_days: Some(365),
        ..Default::default()
    };
    let s = d.validate().unwrap();
    assert_eq!(s.rule.country.as_ref().unwrap().as_str(), "ES");
    let p = s.rule.purchases.unwrap();
    assert_eq!(
        (p.min_count, p.min_spent.unwrap().minor(), p.days),
        (2, 5000, 365)
    );
    assert_eq!(s.rule.birth_years(2026), (Some(1992), None));
    assert_eq!(s.draft().validate().unwrap(), s);
    assert_eq!(s.draft().min_spent.as_deref(), Some("50.00"));
}

#[test]
fn every_bad_field_is_named() {
    let d = SegmentDraft {
        min_age: Some(40),
        max_age: Some(30),
        country: Some("Spain".into()),
        gender: Some("robot".into()),
        education_level: Some("phd".into()),
        preferred_channel: Some("Fax!".into()),
        min_spent: Some("10".into()),
        min_complaints: Some(0),
        ..Default::default()
    };
    let got = fields(&d);
    for (field, code) in [
        ("name", "required"),
        ("max_age", "segment_age_order"),
        ("country", "country"),
        ("gender", "one_of"),
        ("education_level", "one_of"),
        ("min_spent", "segment_needs"),
        ("purchase_days", "required"),
        ("min_complaints", "range"),
        ("complaint_days", "required"),
    ] {
        assert!(
            got.iter().any(|(f, c)| f == field && *c == code),
            "{field}: {code} missing in {got:?}"
        );
    }
    assert!(got.iter().any(|(f, _)| f == "preferred_channel"));
}

#[test]
fn windows_alone_and_zero_amounts_are_refused() {
    let d = SegmentDraft {
        name: Some("x".into()),
        purchase_days: Some(30),
        complaint_days: Some(30),
        currency: Some("EUR".into()),
        ..Default::default()
    };
    let got = fields(&d);
    assert!(got.contains(&("purchase_days".into(), "segment_needs")));
    assert!(got.contains(&("complaint_days".into(), "segment_needs")));
    assert!(got.contains(&("currency".into(), "segment_needs")));
    let zero = SegmentDraft {
        name: Some("x".into()),
        min_spent: Some("0.00".into()),
        currency: Some("EUR".into()),
        purchase_days: Some(30),
        ..Default::default()
    };
    assert_eq!(fields(&zero), vec![("min_spent".into(), "segment_spent")]);
}

#[test]
fn an_empty_rule_is_every_customer() {
    let s = SegmentDraft {
        name: Some("All".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    assert_eq!(s.rule, Rule::default());
}
