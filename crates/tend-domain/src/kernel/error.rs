//! The domain's one error type: invalid fields, or a step the resolution method forbids —
//! each with a [`Reason`] code and its parameters, rendered by every surface in its reader's
//! language.

use std::collections::BTreeMap;

use super::reason::Reason;

/// Field-level problems, collected so a caller sees every bad field at once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, Reason>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// One problem for one field.
    pub fn single(field: impl Into<String>, reason: impl Into<Reason>) -> Self {
        let mut e = Self::new();
        e.add(field, reason);
        e
    }

    /// Records a problem; the first reason given for a field is kept.
    pub fn add(&mut self, field: impl Into<String>, reason: impl Into<Reason>) {
        self.0.entry(field.into()).or_insert_with(|| reason.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Reason)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Prefixes every field name, e.g. `compensation.` for a nested object.
    pub fn nest(self, prefix: &str) -> Self {
        Self(
            self.0
                .into_iter()
                .map(|(k, v)| (format!("{prefix}.{k}"), v))
                .collect(),
        )
    }

    pub fn extend(&mut self, other: FieldErrors) {
        for (k, v) in other.0 {
            self.add(k, v);
        }
    }

    /// `Ok(value)` when nothing was recorded, else the collected errors.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, DomainError> {
        if self.is_empty() {
            Ok(value())
        } else {
            Err(DomainError::Invalid(self))
        }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        f.write_str(&parts.join("; "))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// One or more fields hold values the domain does not accept.
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    /// The resolution method does not allow this step now.
    #[error("{action}: {reason}")]
    Transition {
        action: &'static str,
        field: &'static str,
        reason: Reason,
    },
}

impl DomainError {
    pub fn field(field: impl Into<String>, reason: impl Into<Reason>) -> Self {
        Self::Invalid(FieldErrors::single(field, reason))
    }
}
