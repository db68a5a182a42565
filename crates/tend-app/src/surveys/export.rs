//! A survey's raw answers as export rows, the same for the API's CSV and `tend export
//! survey-answers`: one row per question answered, complete and partial responses alike.

use tend_domain::surveys::{KindName, Survey};
use tend_store::RawAnswerRow;

/// Columns: `response_id, channel, language, completed_at` (RFC 3339, empty while partial),
/// `question` (number from 1), `kind`, `answer` (the number; `yes`/`no`; a single choice's
/// position from 0; a multiple choice's positions joined by `;`; the open text), `other`.
pub const HEADER: [&str; 8] = [
    "response_id",
    "channel",
    "language",
    "completed_at",
    "question",
    "kind",
    "answer",
    "other",
];

/// One stored answer as the export's row (see [`HEADER`]).
pub fn record(survey: &Survey, r: RawAnswerRow) -> [String; 8] {
    let kind = survey
        .questions
        .get(r.question.wrapping_sub(1))
        .map(|q| q.draft.kind);
    let kind_name = kind
        .and_then(|k| serde_json::to_value(k).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let (answer, other) = match (kind, r.number, r.choices, r.text) {
        (Some(KindName::YesNo), Some(n), _, _) => (
            (if n == 1 { "yes" } else { "no" }).to_owned(),
            String::new(),
        ),
        (_, Some(n), _, _) => (n.to_string(), String::new()),
        (_, None, Some(c), t) => (c.replace(',', ";"), t.unwrap_or_default()),
        (_, None, None, t) => (t.unwrap_or_default(), String::new()),
    };
    let completed = r.completed_at.map(|t| t.to_string()).unwrap_or_default();
    [
        r.response_id.to_string(),
        r.channel,
        r.language,
        completed,
        r.question.to_string(),
        kind_name,
        answer,
        other,
    ]
}
