//! What the complaint page shows of the method: the five steps and where the complaint stands,
//! the form of the step at hand, the earlier steps' answers, steps taken and the timeline.

use jiff::tz::TimeZone;
use tend_domain::complaints::{Solution, Status};
use tend_store::Complaint;

use crate::complaints::inbox::Choice;
use crate::kit::i18n::Tr;

/// One of the method's five steps in the progress bar.
pub struct Stage {
    pub label: String,
    /// `done`, `current` or `todo`.
    pub state: &'static str,
}

/// A question of an earlier step and its answer.
pub struct Answer {
    pub label: String,
    pub value: String,
}

pub struct StepTaken {
    pub at: String,
    pub by: String,
    pub text: String,
}

pub struct Event {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub field: String,
    pub old: String,
    pub new: String,
}

pub fn step_of(c: &Complaint) -> &'static str {
    let r = &c.record;
    match r.status {
        Status::Received => "understand",
        Status::Understood => "identify_cause",
        Status::CauseIdentified => "agree_solution",
        Status::SolutionAgreed => "resolve",
        Status::Resolved if r.follow_up.answer.is_none() => "follow_up",
        Status::Resolved => "close",
        Status::Closed => "reopen",
    }
}

pub fn stages(t: &Tr, status: Status) -> Vec<Stage> {
    let at = match status {
        Status::Received => 0,
        Status::Understood => 1,
        Status::CauseIdentified => 2,
        Status::SolutionAgreed => 3,
        Status::Resolved => 4,
        Status::Closed => 5,
    };
    [
        "understand",
        "identify_cause",
        "agree_solution",
        "resolve",
        "follow_up",
    ]
    .iter()
    .enumerate()
    .map(|(i, k)| Stage {
        label: t.label("method", k),
        state: match i.cmp(&at) {
            std::cmp::Ordering::Less => "done",
            std::cmp::Ordering::Equal => "current",
            std::cmp::Ordering::Greater => "todo",
        },
    })
    .collect()
}

pub fn answers(t: &Tr, c: &Complaint, tz: &TimeZone) -> Vec<Answer> {
    let r = &c.record;
    let mut out = vec![];
    let mut add = |key: &str, v: Option<String>| {
        if let Some(value) = v.filter(|v| !v.is_empty()) {
            out.push(Answer {
                label: t.get(key),
                value,
            });
        }
    };
    let (cause, sol) = (r.cause.as_ref(), r.solution.as_ref());
    let (res, f) = (&r.resolution, &r.follow_up);
    let answer = f.answer.as_ref();
    add("field-facts", r.understanding.facts.clone());
    add("field-root-cause", cause.map(|x| x.root_cause.clone()));
    add(
        "field-responsible",
        cause.map(|x| t.label("party", x.responsible_party.as_str())),
    );
    add(
        "field-customer-proposal",
        sol.and_then(|x| x.customer_proposal.clone()),
    );
    add("field-agreed-solution", sol.map(|x| x.agreed.clone()));
    add(
        "field-solution-mode",
        sol.and_then(Solution::mode)
            .map(|m| t.label("mode", m.as_str())),
    );
    add(
        "field-promised-by",
        sol.and_then(Solution::promised_by)
            .map(|p| t.datetime(&p, tz)),
    );
    add("field-corrective-action", res.corrective_action.clone());
    add(
        "field-compensation",
        res.compensation.as_ref().map(|k| {
            let money = k
                .money
                .map(|m| {
                    format!(
                        " {} {}",
                        t.decimal(&m.amount_string()),
                        m.currency().as_str()
                    )
                })
                .unwrap_or_default();
            let note = k
                .note
                .as_ref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            format!("{}{money}{note}", t.label("compensation", k.kind.as_str()))
        }),
    );
    add("field-prevention", res.prevention_suggestion.clone());
    add(
        "field-resolved-at",
        res.resolved_at.map(|p| t.datetime(&p, tz)),
    );
    add(
        "field-follow-up-at",
        f.scheduled_at.map(|p| t.datetime(&p, tz)),
    );
    add(
        "field-outcome",
        answer.map(|a| t.label("outcome", a.outcome.as_str())),
    );
    add(
        "field-rating",
        f.satisfaction_rating.map(|n| format!("{n} / 5")),
    );
    add("field-follow-up-note", answer.and_then(|a| a.note.clone()));
    add(
        "field-close-reason",
        r.closing.as_ref().and_then(|x| x.reason.clone()),
    );
    add("field-reopen-reason", r.reopen_reason.clone());
    out
}

pub fn enum_choices<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    t: &Tr,
    prefix: &str,
    chosen: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: code(*v).to_owned(),
            label: t.label(prefix, code(*v)),
            selected: code(*v) == chosen,
        })
        .collect()
}
