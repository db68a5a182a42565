//! Customers: the people who complain, give feedback and buy; validated from a raw draft.

pub mod consent;
pub mod profile;
pub mod zone;

use crate::kernel::reason::*;
use serde::{Deserialize, Serialize};

use crate::catalog::ChannelCode;
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::text::{
    BirthYear, CountryCode, Email, LanguageTag, Line, LongText, Name, Phone, Text,
};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Other,
    Undisclosed,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    None,
    Primary,
    Secondary,
    Vocational,
    Bachelor,
    Master,
    Doctorate,
    Other,
}

/// A customer as typed or imported, before validation. Every field is optional here;
/// `validate` says which are required and why a value is refused.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CustomerDraft {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub education_level: Option<EducationLevel>,
    pub gender: Option<Gender>,
    pub birth_year: Option<i64>,
    pub preferred_language: Option<String>,
    pub preferred_channel: Option<String>,
    pub consent_to_contact: Option<bool>,
    pub notes: Option<String>,
    /// The customer's id in the system it was imported from; re-imports match on it.
    pub external_ref: Option<String>,
}

/// A valid customer.
#[derive(Debug, Clone, PartialEq)]
pub struct Customer {
    pub name: Name,
    pub address: Option<Text<500>>,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub city: Option<Name>,
    pub region: Option<Name>,
    pub country: Option<CountryCode>,
    pub education_level: Option<EducationLevel>,
    pub gender: Option<Gender>,
    pub birth_year: Option<BirthYear>,
    pub preferred_language: Option<LanguageTag>,
    pub preferred_channel: Option<ChannelCode>,
    pub consent_to_contact: bool,
    pub notes: Option<LongText>,
    pub external_ref: Option<Line<100>>,
}

/// Parses an optional field with `parse`, recording the reason under `field` when it fails.
pub(crate) fn opt<T>(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, Reason>,
) -> Option<T> {
    match raw.map(str::trim) {
        None | Some("") => None,
        Some(s) => parse(s).map_err(|e| errors.add(field, e)).ok(),
    }
}

impl CustomerDraft {
    /// Validates every field; `current_year` bounds the birth year.
    pub fn validate(&self, current_year: i16) -> Result<Customer, DomainError> {
        let mut e = FieldErrors::new();
        let name = match self.name.as_deref() {
            Some(n) => Name::parse(n).map_err(|r| e.add("name", r)).ok(),
            None => {
                e.add("name", REQUIRED);
                None
            }
        };
        let customer = Customer {
            name: name.unwrap_or_else(|| Name::parse("-").expect("placeholder")),
            address: opt(&mut e, "address", self.address.as_deref(), Text::parse),
            phone: opt(&mut e, "phone", self.phone.as_deref(), Phone::parse),
            email: opt(&mut e, "email", self.email.as_deref(), Email::parse),
            city: opt(&mut e, "city", self.city.as_deref(), Name::parse),
            region: opt(&mut e, "region", self.region.as_deref(), Name::parse),
            country: opt(
                &mut e,
                "country",
                self.country.as_deref(),
                CountryCode::parse,
            ),
            education_level: self.education_level,
            gender: self.gender,
            birth_year: self.birth_year.and_then(|y| {
                BirthYear::parse(y, current_year)
                    .map_err(|r| e.add("birth_year", r))
                    .ok()
            }),
            preferred_language: opt(
                &mut e,
                "preferred_language",
                self.preferred_language.as_deref(),
                LanguageTag::parse,
            ),
            preferred_channel: opt(
                &mut e,
                "preferred_channel",
                self.preferred_channel.as_deref(),
                ChannelCode::parse,
            ),
            consent_to_contact: self.consent_to_contact.unwrap_or(false),
            notes: opt(&mut e, "notes", self.notes.as_deref(), Text::parse),
            external_ref: opt(
                &mut e,
                "external_ref",
                self.external_ref.as_deref(),
                Text::parse,
            ),
        };
        e.finish(|| customer)
    }
}

impl Customer {
    /// Back to a draft, e.g. to merge a partial update over it and validate the result.
    pub fn to_draft(&self) -> CustomerDraft {
        CustomerDraft {
            name: Some(self.name.to_string()),
            address: self.address.as_ref().map(ToString::to_string),
            phone: self.phone.as_ref().map(ToString::to_string),
            email: self.email.as_ref().map(ToString::to_string),
            city: self.city.as_ref().map(ToString::to_string),
            region: self.region.as_ref().map(ToString::to_string),
            country: self.country.as_ref().map(ToString::to_string),
            education_level: self.education_level,
            gender: self.gender,
            birth_year: self.birth_year.map(|y| y.get().into()),
            preferred_language: self.preferred_language.as_ref().map(ToString::to_string),
            preferred_channel: self.preferred_channel.as_ref().map(ToString::to_string),
            consent_to_contact: Some(self.consent_to_contact),
            notes: self.notes.as_ref().map(ToString::to_string),
            external_ref: self.external_ref.as_ref().map(ToString::to_string),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_field_is_named() {
        let draft = CustomerDraft {
            email: Some("nope".into()),
            country: Some("Spain".into()),
            birth_year: Some(1850),
            ..Default::default()
        };
        let DomainError::Invalid(e) = draft.validate(2026).unwrap_err() else {
            panic!()
        };
        let fields: Vec<_> = e.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["birth_year", "country", "email", "name"]);
    }

    #[test]
    fn round_trips_through_a_draft() {
        let draft = CustomerDraft {
            name: Some(" Ayşe Yılmaz ".into()),
            email: Some("ayse@example.com".into()),
            country: Some("tr".into()),
            birth_year: Some(1990),
            consent_to_contact: Some(true),
            ..Default::default()
        };
        let c = draft.validate(2026).unwrap();
        assert_eq!(c.name.as_str(), "Ayşe Yılmaz");
        assert_eq!(c.to_draft().validate(2026).unwrap(), c);
    }

    #[test]
    fn unknown_fields_are_refused() {
        let err =
            serde_json::from_str::<CustomerDraft>(r#"{"name":"A","shoe_size":4}"#).unwrap_err();
        assert!(err.to_string().contains("shoe_size"));
    }
}
