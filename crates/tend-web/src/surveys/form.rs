//! What the answering page shows of a survey's page: each question with its inputs in the
//! respondent's language, and the form values read back into raw answers.

use tend_domain::surveys::{Kind, RawAnswer, Survey};

use crate::kit::i18n::Tr;

/// One input of a choice: its value, its label, and whether it is checked.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// A question as the page shows it. `input`: `text` (a text area), `radio` or `checkbox`.
pub struct QuestionView {
    pub number: usize,
    pub field: String,
    pub text: String,
    pub explanation: String,
    pub required: bool,
    pub input: &'static str,
    pub choices: Vec<Choice>,
    /// An "other: …" text box beside the choices.
    pub other: bool,
    pub other_text: String,
    pub text_value: String,
    /// The scale's ends, for ratings and NPS ("1 = …, 5 = …").
    pub scale_hint: String,
}

/// The values sent for question `number` (`q{number}`) and its other text (`q{number}-other`).
pub fn raw(sent: &[(String, String)], number: usize) -> RawAnswer {
    let field = format!("q{number}");
    let other = format!("q{number}-other");
    RawAnswer {
        values: sent
            .iter()
            .filter(|(k, _)| *k == field)
            .map(|(_, v)| v.clone())
            .collect(),
        other: sent
            .iter()
            .find(|(k, _)| *k == other)
            .map(|(_, v)| v.clone()),
    }
}

/// The questions of `page` in `lang`, with the values `sent` (when shown again with errors).
pub fn questions(
    survey: &Survey,
    page: u16,
    lang: &str,
    t: &Tr,
    sent: &[(String, String)],
) -> Vec<QuestionView> {
    survey
        .on_page(page)
        .map(|(number, q)| {
            let raw = raw(sent, number);
            let checked = |v: &str| raw.values.iter().any(|s| s == v);
            let choice = |value: String, label: String| Choice {
                checked: checked(&value),
                value,
                label,
            };
            let numbers = |from: i64, to: i64| -> Vec<Choice> {
                (from..=to)
                    .map(|n| choice(n.to_string(), n.to_string()))
                    .collect()
            };
            let options = || -> Vec<Choice> {
                (0..)
                    .zip(&q.draft.options)
                    .map(|(i, o): (usize, _)| {
                        choice(i.to_string(), survey.text(o, lang).to_owned())
                    })
                    .collect()
            };
            let (input, choices, hint) = match &q.kind {
                Kind::Open => ("text", Vec::new(), String::new()),
                Kind::Rating { scale } => (
                    "radio",
                    numbers(1, i64::from(*scale)),
                    t.arg("survey-rating-hint", "max", &scale.to_string()),
                ),
                Kind::Nps => ("radio", numbers(0, 10), t.get("survey-nps-hint")),
                Kind::YesNo => (
                    "radio",
                    vec![
                        choice("yes".into(), t.get("survey-yes")),
                        choice("no".into(), t.get("survey-no")),
                    ],
                    String::new(),
                ),
                Kind::SingleChoice { .. } => ("radio", options(), String::new()),
                Kind::MultipleChoice { other, .. } => {
                    let mut c = options();
                    if *other {
                        c.push(choice("other".into(), t.get("survey-other")));
                    }
                    ("checkbox", c, String::new())
                }
            };
            QuestionView {
                number,
                field: format!("q{number}"),
                text: survey.text(&q.draft.text, lang).to_owned(),
                explanation: survey.text(&q.draft.explanation, lang).to_owned(),
                required: q.draft.required,
                input,
                choices,
                other: matches!(q.kind, Kind::MultipleChoice { other: true, .. }),
                other_text: raw.other.clone().unwrap_or_default(),
                text_value: match q.kind {
                    Kind::Open => raw.values.first().cloned().unwrap_or_default(),
                    _ => String::new(),
                },
                scale_hint: hint,
            }
        })
        .collect()
}
