//! What a respondent may answer to a question: the raw form values checked against the
//! question's kind, each refusal a reason for that question.

use crate::kernel::reason::*;
use crate::kernel::text::Text;

use super::definition::{Kind, Question};

/// The values a form sent for one question: the chosen values (a choice's position from 0,
/// `other`, a number, `yes`/`no`, or the text of an open answer) and the "other: …" text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawAnswer {
    pub values: Vec<String>,
    pub other: Option<String>,
}

/// A valid answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// An open answer (at most 4,000 characters).
    Text(String),
    /// A rating (1 to its scale), an NPS score (0 to 10), a single choice's position (from 0),
    /// or yes (1) / no (0).
    Number(i64),
    /// A multiple choice: the positions chosen (ascending, from 0) and the "other: …" text.
    Choices {
        chosen: Vec<u16>,
        other: Option<String>,
    },
}

fn number(raw: &str, min: i64, max: i64) -> Result<i64, Reason> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| RANGE.with("min", min).with("max", max))
}

impl Question {
    /// The answer `raw` gives, `None` when nothing was answered to an optional question.
    /// Refusals: `required`, `range` (a number or a choice out of range), `one_of` (a single
    /// answer given twice, or not yes/no), `too_long`, `required` for an "other" without text.
    pub fn answer(&self, raw: &RawAnswer) -> Result<Option<Answer>, Reason> {
        let values: Vec<&str> = raw
            .values
            .iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        let other = raw
            .other
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty());
        if values.is_empty() {
            return match self.draft.required {
                true => Err(REQUIRED.into()),
                false => Ok(None),
            };
        }
        let single = || match values.as_slice() {
            [one] => Ok(*one),
            _ => Err(ONE_OF
                .with("allowed", "one answer")
                .with("got", values.len())),
        };
        let answer = match &self.kind {
            Kind::Open => Answer::Text(Text::<4000>::parse(single()?)?.into_string()),
            Kind::Rating { scale } => Answer::Number(number(single()?, 1, i64::from(*scale))?),
            Kind::Nps => Answer::Number(number(single()?, 0, 10)?),
            Kind::YesNo => match single()? {
                "yes" => Answer::Number(1),
                "no" => Answer::Number(0),
                got => {
                    return Err(ONE_OF
                        .with("allowed", "yes, no")
                        .with("got", format!("\"{got}\"")));
                }
            },
            Kind::SingleChoice { options } => {
                Answer::Number(number(single()?, 0, *options as i64 - 1)?)
            }
            Kind::MultipleChoice {
                options,
                other: offered,
            } => {
                let mut chosen = Vec::new();
                let mut with_other = None;
                for v in &values {
                    if *v == "other" && *offered {
                        let text = other.ok_or(Reason::from(REQUIRED))?;
                        with_other = Some(Text::<500>::parse(text)?.into_string());
                    } else {
                        chosen.push(number(v, 0, *options as i64 - 1)? as u16);
                    }
                }
                chosen.sort_unstable();
                chosen.dedup();
                Answer::Choices {
                    chosen,
                    other: with_other,
                }
            }
        };
        Ok(Some(answer))
    }
}
