//! A `<select>`'s choices, as every form builds them: the value sent, the label shown in the
//! reader's language, and whether it is the one chosen.

/// One `<option>`: `value` is what the form sends, `label` what the reader sees.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The options of a select: first an empty-valued `none` option when given (e.g. "any",
/// "none"), then `all` as `(value, label)` pairs in their order; the one whose value equals
/// `chosen` is selected (none when nothing matches).
pub fn choices(chosen: &str, none: Option<String>, all: Vec<(String, String)>) -> Vec<Choice> {
    none.map(|label| (String::new(), label))
        .into_iter()
        .chain(all)
        .map(|(value, label)| Choice {
            selected: value == chosen,
            value,
            label,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chosen_value_is_selected_and_none_comes_first() {
        let all = vec![("a".into(), "A".into()), ("b".into(), "B".into())];
        let c = choices("b", Some("any".into()), all.clone());
        let got: Vec<_> = c.iter().map(|c| (c.value.as_str(), c.selected)).collect();
        assert_eq!(got, [("", false), ("a", false), ("b", true)]);
        let c = choices("", None, all);
        assert!(c.iter().all(|c| !c.selected));
        assert_eq!(c.len(), 2);
    }
}
