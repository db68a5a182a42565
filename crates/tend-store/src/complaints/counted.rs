//! The one rule of which complaints count: a complaint merged into another (its survivor counts
//! for both) or soft-deleted (spam, say) is left out of every figure, goal measure, ranking,
//! export and list. Every query that counts or lists complaints writes this predicate rather
//! than its own; admins still reach merged and deleted ones by id (`Store::complaint_fate`).

/// The predicate as SQL text: `counted!()` for an unaliased `complaints`, `counted!("c")` for
/// one aliased `c`. A macro, so that constant queries can `concat!` it.
macro_rules! counted {
    () => {
        "merged_into IS NULL AND deleted_at IS NULL"
    };
    ($alias:literal) => {
        concat!(
            $alias,
            ".merged_into IS NULL AND ",
            $alias,
            ".deleted_at IS NULL"
        )
    };
}
pub(crate) use counted;

/// [`counted!`] for the alias `c`, for queries built at run time.
pub(crate) const COUNTED: &str = counted!("c");
