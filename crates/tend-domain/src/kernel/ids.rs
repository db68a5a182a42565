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

/// The year and id a text written as a reference names, as a person would type it into a
/// search: `C-2026-000123` or `c-2026-123` (the `C` in any case, the id's leading zeros
/// optional; surrounding spaces ignored). `None` for anything else — it names no complaint
/// unless a complaint has exactly that year and id.
pub fn parse_complaint_reference(text: &str) -> Option<(i16, ComplaintId)> {
    let rest = text.trim().strip_prefix(['C', 'c'])?.strip_prefix('-')?;
    let (year, id) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !digits(year) || !digits(id) || id.len() > 18 {
        return None;
    }
    Some((year.parse().ok()?, ComplaintId(id.parse().ok()?)))
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    #[test]
    fn a_reference_reads_back_as_typed() {
        let r = complaint_reference(2026, ComplaintId(42));
        assert_eq!(r, "C-2026-000042");
        assert_eq!(parse_complaint_reference(&r), Some((2026, ComplaintId(42))));
        assert_eq!(
            parse_complaint_reference(" c-2026-42 "),
            Some((2026, ComplaintId(42)))
        );
        assert_eq!(
            parse_complaint_reference("C-2026-1234567"),
            Some((2026, ComplaintId(1_234_567)))
        );
        for not in [
            "C-26-000042",
            "C-2026-",
            "C-2026-42a",
            "X-2026-000042",
            "C 2026 000042",
            "C-2026-000042 kettle",
            "C-+026-000042",
            "C-2026-99999999999999999999",
            "",
        ] {
            assert_eq!(parse_complaint_reference(not), None, "{not}");
        }
    }
}
