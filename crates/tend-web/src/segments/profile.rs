//! A profile (`tend_domain::customers::profile::Profile`) as the segment's page shows it:
//! every number written the reader's way, with its n and how many customers lack the field.

use tend_domain::customers::profile::{Distribution, Mode, Profile};

use crate::kit::i18n::Tr;

/// One row of a distribution: the value's label, its customers and share (percent).
pub struct ShareRow {
    pub label: String,
    pub customers: i64,
    pub percent: String,
}

/// A field as shown: its heading, its rows (one for a most-common value), n and missing.
pub struct FieldView {
    pub heading: String,
    pub rows: Vec<ShareRow>,
    pub n: i64,
    pub missing: i64,
}

/// The profile as shown.
pub struct ProfileView {
    pub customers: i64,
    pub median_age: String,
    pub age_n: i64,
    pub age_missing: i64,
    pub places: Vec<FieldView>,
    pub distributions: Vec<FieldView>,
    pub complaint_rate: String,
    pub complaints: i64,
    pub satisfaction: String,
    pub satisfied: i64,
    pub answers: i64,
}

fn percent(t: &Tr, share: f64) -> String {
    t.decimal(&format!("{:.1}", share * 100.0))
}

fn label(t: &Tr, field: &str, value: &str) -> String {
    match field {
        "gender" => t.label("segments-gender", value),
        "education_level" => t.label("segments-education", value),
        "preferred_channel" => t.label_or("channel", value),
        _ => value.to_owned(),
    }
}

fn heading(t: &Tr, field: &str) -> String {
    t.get(&format!("segments-field-{}", field.replace('_', "-")))
}

fn mode(t: &Tr, field: &str, m: &Mode) -> FieldView {
    FieldView {
        heading: heading(t, field),
        rows: m
            .most_common
            .iter()
            .map(|s| ShareRow {
                label: label(t, field, &s.value),
                customers: s.customers,
                percent: percent(t, s.share),
            })
            .collect(),
        n: m.n,
        missing: m.missing,
    }
}

fn distribution(t: &Tr, field: &str, d: &Distribution) -> FieldView {
    FieldView {
        heading: heading(t, field),
        rows: d
            .values
            .iter()
            .map(|s| ShareRow {
                label: label(t, field, &s.value),
                customers: s.customers,
                percent: percent(t, s.share),
            })
            .collect(),
        n: d.n,
        missing: d.missing,
    }
}

pub fn view(t: &Tr, p: &Profile) -> ProfileView {
    let none = || "–".to_owned();
    ProfileView {
        customers: p.customers,
        median_age: p
            .age
            .median
            .map_or_else(none, |m| t.decimal(&format!("{m:.1}"))),
        age_n: p.age.n,
        age_missing: p.age.missing,
        places: vec![
            mode(t, "country", &p.country),
            mode(t, "region", &p.region),
            mode(t, "city", &p.city),
        ],
        distributions: vec![
            distribution(t, "gender", &p.gender),
            distribution(t, "education_level", &p.education_level),
            distribution(t, "preferred_language", &p.preferred_language),
            distribution(t, "preferred_channel", &p.preferred_channel),
        ],
        complaint_rate: p
            .complaint_rate
            .per_customer_per_year
            .map_or_else(none, |r| t.decimal(&format!("{r:.2}"))),
        complaints: p.complaint_rate.complaints,
        satisfaction: p
            .satisfaction
            .share_satisfied
            .map_or_else(none, |s| format!("{} %", percent(t, s))),
        satisfied: p.satisfaction.satisfied,
        answers: p.satisfaction.answers,
    }
}
