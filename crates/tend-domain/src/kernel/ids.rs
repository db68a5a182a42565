//! Newtype ids, so a customer id can never be passed where a complaint id is expected.

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type! {
    /// A customer's row id.
    CustomerId,
    /// An employee's (user's) row id.
    EmployeeId,
    /// A complaint's row id; its public face is the reference `C-YYYY-NNNNNN`.
    ComplaintId,
    /// A category's row id.
    CategoryId,
    /// A product's row id.
    ProductId,
}

/// The public reference of a complaint: `C-<year received>-<id, six digits at least>`.
pub fn complaint_reference(year: i16, id: ComplaintId) -> String {
    format!("C-{year}-{:06}", id.0)
}
