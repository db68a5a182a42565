//! The plan's focus problems: the categories a manager adopts from the ranking (the method:
//! "identify the three most significant customer-service problems"). Rule: one to
//! [`FOCUS_MAX`] categories, none twice, in the order given (position 1 first).

use crate::kernel::reason::{FOCUS_COUNT, FOCUS_TWICE, Reason};

/// The most categories one adoption names: the method's three.
pub const FOCUS_MAX: usize = 3;

/// `Ok` when `categories` (ids, in the order adopted) names 1..=[`FOCUS_MAX`] categories, none
/// twice; else the reason for the field `categories`. Whether each exists is the store's check.
pub fn check_focus(categories: &[i64]) -> Result<(), Reason> {
    if categories.is_empty() || categories.len() > FOCUS_MAX {
        return Err(FOCUS_COUNT
            .with("max", FOCUS_MAX)
            .with("got", categories.len()));
    }
    for (i, id) in categories.iter().enumerate() {
        if categories[..i].contains(id) {
            return Err(FOCUS_TWICE.with("id", id));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_to_three_distinct_categories() {
        assert!(check_focus(&[4]).is_ok());
        assert!(check_focus(&[4, 2, 9]).is_ok());
        assert_eq!(check_focus(&[]).unwrap_err().code(), "focus_count");
        assert_eq!(
            check_focus(&[1, 2, 3, 4]).unwrap_err().code(),
            "focus_count"
        );
        let twice = check_focus(&[5, 6, 5]).unwrap_err();
        assert_eq!(twice.to_string(), "names category 5 twice");
    }
}
