//! The customer row: its columns, the values a customer stores in them (with the folded name,
//! e-mail and search tokens), and the customer read back.

use sqlx::Row;
use sqlx::any::AnyRow;
use tend_domain::customers::{Customer, CustomerDraft, EducationLevel, Gender};
use tend_domain::kernel::ids::CustomerId;
use tend_domain::kernel::search_text::{phone_digits, tokens};

use super::StoredCustomer;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::{AnyQuery, V, Value};
use crate::kernel::time::ts;

pub(crate) const COLUMNS: &str = "name, address, phone, email, city, region, country, education_level, gender, birth_year, \
    preferred_language, preferred_channel, consent_to_contact, notes, external_ref, name_folded, email_folded, search_folded, phone_digits";

fn serde_str<T: serde::Serialize>(v: Option<T>) -> Option<String> {
    v.and_then(|v| serde_json::to_value(v).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
}

fn serde_parse<T: serde::de::DeserializeOwned>(v: Option<String>) -> Option<T> {
    v.and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok())
}

/// The stored values of a customer, in `COLUMNS` order.
pub(crate) fn values(c: &Customer) -> Vec<Value> {
    let s = |v: Option<&dyn ToString>| v.map(|v| v.to_string());
    vec![
        V::from(c.name.to_string()),
        V::from(s(c.address.as_ref().map(|v| v as _))),
        V::from(s(c.phone.as_ref().map(|v| v as _))),
        V::from(s(c.email.as_ref().map(|v| v as _))),
        V::from(s(c.city.as_ref().map(|v| v as _))),
        V::from(s(c.region.as_ref().map(|v| v as _))),
        V::from(s(c.country.as_ref().map(|v| v as _))),
        V::from(serde_str(c.education_level)),
        V::from(serde_str(c.gender)),
        V::from(c.birth_year.map(|y| i64::from(y.get()))),
        V::from(s(c.preferred_language.as_ref().map(|v| v as _))),
        V::from(s(c.preferred_channel.as_ref().map(|v| v as _))),
        V::from(i64::from(c.consent_to_contact)),
        V::from(s(c.notes.as_ref().map(|v| v as _))),
        V::from(s(c.external_ref.as_ref().map(|v| v as _))),
        V::from(fold(c.name.as_str())),
        V::from(c.email.as_ref().map(|e| fold(e.as_str()))),
        V::from(search_folded(
            c.name.as_str(),
            c.email.as_ref().map(|e| e.as_str()),
            c.phone.as_ref().map(|p| p.to_string()).as_deref(),
        )),
        V::from(phone_key(c)),
    ]
}

pub(crate) fn bind<'q>(q: AnyQuery<'q>, c: &Customer) -> AnyQuery<'q> {
    values(c).into_iter().fold(q, |q, v| v.bind_query(q))
}

pub(crate) fn from_row(row: &AnyRow) -> StoreResult<StoredCustomer> {
    let t = |c: &str| row.try_get::<Option<String>, _>(c);
    let draft = CustomerDraft {
        name: t("name")?,
        address: t("address")?,
        phone: t("phone")?,
        email: t("email")?,
        city: t("city")?,
        region: t("region")?,
        country: t("country")?,
        education_level: serde_parse::<EducationLevel>(t("education_level")?),
        gender: serde_parse::<Gender>(t("gender")?),
        birth_year: row.try_get("birth_year")?,
        preferred_language: t("preferred_language")?,
        preferred_channel: t("preferred_channel")?,
        consent_to_contact: Some(row.try_get::<i64, _>("consent_to_contact")? != 0),
        notes: t("notes")?,
        external_ref: t("external_ref")?,
    };
    Ok(StoredCustomer {
        id: CustomerId(row.try_get("id")?),
        customer: draft.validate(i16::MAX)?,
        created_at: ts(row.try_get("created_at")?),
        updated_at: ts(row.try_get("updated_at")?),
    })
}

/// Lower-cased for case-insensitive matching in every script, the same on both engines
/// (SQLite's `lower()` folds ASCII only). Turkish İ folds to a plain i.
pub(crate) fn fold(s: &str) -> String {
    s.to_lowercase().replace('\u{307}', "")
}

/// What customer search matches: ` token token … ` — the tokens of the name and the e-mail
/// address (`search_text::tokens`) and the phone's digits, each between spaces.
pub(crate) fn search_folded(name: &str, email: Option<&str>, phone: Option<&str>) -> String {
    let mut toks = tokens(name);
    toks.extend(email.map(tokens).unwrap_or_default());
    toks.extend(phone.map(phone_digits).filter(|d| !d.is_empty()));
    format!(" {} ", toks.join(" "))
}

/// The phone's digits a person is matched on, if there are any.
pub(crate) fn phone_key(c: &Customer) -> Option<String> {
    c.phone
        .as_ref()
        .map(|p| phone_digits(&p.to_string()))
        .filter(|d| !d.is_empty())
}

/// The folded e-mail a person is matched on first.
pub(crate) fn email_key(c: &Customer) -> Option<String> {
    c.email.as_ref().map(|e| fold(e.as_str()))
}
