//! A policy version's state and the diff between two versions' texts.
//!
//! States follow from the approvals alone, so nothing stored ever changes: a version without
//! an approval is a **draft**; an approved one whose effective date is still ahead is
//! **approved**; of the approved versions whose date has come, the one with the latest date
//! (the later approval on a tie) is **effective** and every other is **superseded**.

use jiff::civil::Date;

/// Where a version stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Draft,
    Approved,
    Effective,
    Superseded,
}

impl State {
    /// The state's code, as the API and the pages write it.
    pub fn code(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Approved => "approved",
            State::Effective => "effective",
            State::Superseded => "superseded",
        }
    }
}

/// One approval: the version approved and the date it takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Approval {
    pub version: i64,
    pub effective_from: Date,
}

/// The version in effect on `day`: the approved version with the latest effective date on or
/// before `day`, the larger id (the later version) on a tie; `None` before any takes effect.
pub fn effective_on(approvals: &[Approval], day: Date) -> Option<i64> {
    approvals
        .iter()
        .filter(|a| a.effective_from <= day)
        .max_by_key(|a| (a.effective_from, a.version))
        .map(|a| a.version)
}

/// The state of `version` on `today`, given every approval.
pub fn state_of(version: i64, approvals: &[Approval], today: Date) -> State {
    match approvals.iter().find(|a| a.version == version) {
        None => State::Draft,
        Some(a) if a.effective_from > today => State::Approved,
        Some(_) if effective_on(approvals, today) == Some(version) => State::Effective,
        Some(_) => State::Superseded,
    }
}

/// How a line of a diff changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    Added,
    Removed,
}

impl Change {
    /// `same`, `added` or `removed`.
    pub fn code(self) -> &'static str {
        match self {
            Change::Same => "same",
            Change::Added => "added",
            Change::Removed => "removed",
        }
    }
}

/// One line of a diff, without its line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    pub change: Change,
    pub text: String,
}

/// The line diff from `old` to `new` (Myers' algorithm, by the `similar` crate): every line of
/// both, in order, marked same, removed (only in `old`) or added (only in `new`).
pub fn diff(old: &str, new: &str) -> Vec<DiffLine> {
    use similar::{ChangeTag, TextDiff};
    TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|c| DiffLine {
            change: match c.tag() {
                ChangeTag::Equal => Change::Same,
                ChangeTag::Insert => Change::Added,
                ChangeTag::Delete => Change::Removed,
            },
            text: c.value().trim_end_matches(['\n', '\r']).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn states_follow_from_approvals() {
        let a = |version, d| Approval {
            version,
            effective_from: d,
        };
        let approvals = [a(1, date(2026, 1, 1)), a(2, date(2026, 4, 1))];
        let today = date(2026, 3, 6);
        assert_eq!(state_of(1, &approvals, today), State::Effective);
        assert_eq!(state_of(2, &approvals, today), State::Approved);
        assert_eq!(state_of(3, &approvals, today), State::Draft);
        let later = date(2026, 4, 1);
        assert_eq!(state_of(1, &approvals, later), State::Superseded);
        assert_eq!(state_of(2, &approvals, later), State::Effective);
        assert_eq!(effective_on(&approvals, date(2025, 12, 31)), None);
    }

    #[test]
    fn diff_marks_lines() {
        let d = diff("a\nb\nc\n", "a\nc\nd\n");
        let got: Vec<(&str, &str)> = d
            .iter()
            .map(|l| (l.change.code(), l.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("same", "a"),
                ("removed", "b"),
                ("same", "c"),
                ("added", "d")
            ]
        );
    }
}
