//! Which stored values of its dimension a report reads from the roll-up (`report_days`,
//! `report_hours`): all, exactly some, or those matching `LIKE` patterns.

use crate::kernel::sql::Sql;

/// The values of a dimension a report reads.
#[derive(Debug, Clone, Copy)]
pub enum Kept<'a> {
    /// Every value.
    All,
    /// Exactly these (a single field's filter; none: nothing is read).
    Only(&'a [String]),
    /// Those matching any of these `LIKE` patterns (a pair's or a triple's filtered parts,
    /// each through [`like_literal`], the others `%`; `\` escapes). A narrowing only: the
    /// reader checks each value it gets again, so a pattern may match more than it means (a
    /// `%` spans the separator; SQLite folds ASCII case) but never less.
    Like(&'a [String]),
}

/// `v` as a literal in a [`Kept::Like`] pattern: `\`, `%` and `_` escaped by `\`.
pub fn like_literal(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Appends ` AND value …` for `kept` to `sql`: `IN (…)` for exact values, `LIKE … OR …` for
/// patterns.
pub(super) fn push_values(sql: &mut Sql, kept: Kept<'_>) {
    let (values, open, each, sep) = match kept {
        Kept::All => return,
        Kept::Only([]) | Kept::Like([]) => {
            sql.push(" AND 1 = 0");
            return;
        }
        Kept::Only(values) => (values, " AND value IN (", "", ", "),
        Kept::Like(patterns) => (patterns, " AND (", "value LIKE ", " OR "),
    };
    let like = matches!(kept, Kept::Like(_));
    sql.push(open);
    for (i, v) in values.iter().enumerate() {
        sql.push(if i == 0 { "" } else { sep })
            .push(each)
            .bind(v.clone());
        if like {
            sql.push(" ESCAPE '\\'");
        }
    }
    sql.push(")");
}
