//! The resolution method as rules: understand → identify the cause → agree a solution →
//! resolve → follow up → close, with reopen and escalate. `apply` says no, clearly.

use crate::kernel::reason::*;
use jiff::Timestamp;

use crate::channels::service_hours::ServiceHours;
pub use crate::complaints::action::Action;
use crate::complaints::{
    Cause, Closing, ComplaintRecord, Delivery, Escalation, FollowUpAnswer, FollowUpOutcome,
    Solution, SolutionMode, Status, Waiting,
};
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::text::{LongText, Text, Tier};

fn text(e: &mut FieldErrors, field: &str, raw: &str) -> String {
    LongText::parse(raw)
        .map(Text::into_string)
        .unwrap_or_else(|r| {
            e.add(field, r);
            String::new()
        })
}

fn opt_text(e: &mut FieldErrors, field: &str, raw: Option<&str>) -> Option<String> {
    LongText::parse_opt(raw)
        .map_err(|r| e.add(field, r))
        .ok()
        .flatten()
        .map(Text::into_string)
}

/// Applies `action` at `now`, counting pauses round the clock. On error the record is left
/// exactly as it was.
pub fn apply(
    record: &mut ComplaintRecord,
    action: Action,
    now: Timestamp,
) -> Result<(), DomainError> {
    apply_with(
        record,
        action,
        now,
        &ServiceHours::always("UTC").expect("UTC is a time zone"),
    )
}

/// Applies `action` at `now`; a pause ends with its length counted in `hours`, the service
/// hours of the complaint's channel. On error the record is left exactly as it was.
pub fn apply_with(
    record: &mut ComplaintRecord,
    action: Action,
    now: Timestamp,
    hours: &ServiceHours,
) -> Result<(), DomainError> {
    let now = crate::kernel::clock::micros(now);
    let name = action.name();
    let refuse = |field: &'static str, reason: ReasonKind| DomainError::Transition {
        action: name,
        field,
        reason: reason.into(),
    };
    let status = record.status;
    if status == Status::Closed && !matches!(action, Action::Reopen { .. }) {
        return Err(refuse("action", CLOSED));
    }
    let mut e = FieldErrors::new();
    let mut next = record.clone();
    match action {
        Action::Understand { facts } => {
            if !matches!(status, Status::Received | Status::Understood) {
                return Err(refuse("action", UNDERSTOOD_ALREADY));
            }
            next.understanding.facts = Some(text(&mut e, "facts", &facts));
            next.understanding.first_response_at.get_or_insert(now);
            next.status = Status::Understood;
        }
        Action::IdentifyCause {
            root_cause,
            responsible_party,
        } => {
            match status {
                Status::Received => {
                    return Err(refuse("action", UNDERSTAND_FIRST));
                }
                Status::Understood | Status::CauseIdentified => {}
                _ => {
                    return Err(refuse("action", CAUSE_IDENTIFIED_ALREADY));
                }
            }
            next.cause = Some(Cause {
                root_cause: text(&mut e, "root_cause", &root_cause),
                responsible_party,
            });
            next.status = Status::CauseIdentified;
        }
        Action::AgreeSolution {
            agreed_solution,
            solution_mode,
            promised_by,
            customer_proposal,
        } => {
            match status {
                Status::Received | Status::Understood => {
                    return Err(refuse("action", IDENTIFY_CAUSE_FIRST));
                }
                Status::CauseIdentified | Status::SolutionAgreed => {}
                _ => {
                    return Err(refuse("action", RESOLVED_NO_NEW_SOLUTION));
                }
            }
            // The action is flat (as the API sends it); the record's `Delivery` cannot be a
            // promise without its date, nor on the spot with one.
            let delivery = match (solution_mode, promised_by) {
                (SolutionMode::Promised, None) => {
                    e.add("promised_by", PROMISED_BY_REQUIRED);
                    Delivery::OnTheSpot
                }
                (SolutionMode::Promised, Some(p)) => {
                    if p <= record.received_at {
                        e.add("promised_by", AFTER_RECEIVED);
                    } else if let Err(why) = crate::kernel::clock::check_planned(p, now) {
                        e.add("promised_by", why);
                    }
                    Delivery::Promised(crate::kernel::clock::micros(p))
                }
                (SolutionMode::OnTheSpot, Some(_)) => {
                    e.add("promised_by", EMPTY_ON_THE_SPOT);
                    Delivery::OnTheSpot
                }
                (SolutionMode::OnTheSpot, None) => Delivery::OnTheSpot,
            };
            next.solution = Some(Solution {
                agreed: text(&mut e, "agreed_solution", &agreed_solution),
                customer_proposal: opt_text(
                    &mut e,
                    "customer_proposal",
                    customer_proposal.as_deref(),
                ),
                delivery: Some(delivery),
            });
            next.status = Status::SolutionAgreed;
        }
        Action::Resolve {
            corrective_action,
            compensation,
            prevention_suggestion,
            follow_up_at,
        } => {
            match status {
                Status::SolutionAgreed => {}
                Status::Resolved => {
                    return Err(refuse("action", RESOLVED_ALREADY));
                }
                _ => {
                    return Err(refuse("agreed_solution", NO_AGREED_SOLUTION));
                }
            }
            if let Some(f) = follow_up_at {
                if f <= now {
                    e.add("follow_up_at", NOT_IN_FUTURE);
                } else if let Err(why) = crate::kernel::clock::check_planned(f, now) {
                    e.add("follow_up_at", why);
                }
                next.follow_up.scheduled_at = Some(crate::kernel::clock::micros(f));
            }
            if let Some(c) = compensation {
                next.resolution.compensation = c
                    .validate()
                    .map_err(|fe| e.extend(fe.nest("compensation")))
                    .ok();
            }
            next.resolution.corrective_action =
                opt_text(&mut e, "corrective_action", corrective_action.as_deref());
            if prevention_suggestion.is_some() {
                next.resolution.prevention_suggestion = opt_text(
                    &mut e,
                    "prevention_suggestion",
                    prevention_suggestion.as_deref(),
                );
            }
            next.understanding.first_response_at.get_or_insert(now);
            next.resolution.resolved_at = Some(now);
            next.status = Status::Resolved;
        }
        Action::FollowUp {
            outcome,
            note,
            satisfaction_rating,
        } => {
            if status != Status::Resolved {
                return Err(refuse("outcome", NOT_RESOLVED_YET));
            }
            if let Some(r) = satisfaction_rating {
                if !(1..=5).contains(&r) {
                    e.add("satisfaction_rating", RATING.with("got", r));
                }
                next.follow_up.satisfaction_rating = u8::try_from(r).ok();
            }
            next.follow_up.answer = Some(FollowUpAnswer {
                outcome,
                note: opt_text(&mut e, "note", note.as_deref()),
                at: now,
            });
        }
        Action::Close { reason } => {
            let reason = opt_text(&mut e, "reason", reason.as_deref());
            if reason.is_none() {
                if status != Status::Resolved {
                    e.add("reason", CLOSE_NEVER_RESOLVED);
                } else if record.follow_up.answer.as_ref().map(|a| a.outcome)
                    == Some(FollowUpOutcome::NotSatisfied)
                {
                    e.add("reason", CLOSE_UNSATISFIED);
                }
            }
            next.closing = Some(Closing { at: now, reason });
            next.status = Status::Closed;
        }
        Action::Reopen { reason } => {
            if !matches!(status, Status::Resolved | Status::Closed) {
                return Err(refuse("action", REOPEN_ONLY_RESOLVED));
            }
            next.reopen_reason = Some(text(&mut e, "reason", &reason));
            // Back to working on it: the facts stand if they were ever understood.
            next.status = if record.understanding.facts.is_some() {
                Status::Understood
            } else {
                Status::Received
            };
            next.resolution.resolved_at = None;
            next.closing = None;
            next.follow_up.answer = None;
        }
        Action::WaitForCustomer { reason } => {
            if status == Status::Resolved {
                return Err(refuse("action", RESOLVED_FOLLOW_UP));
            }
            if record.waiting.is_some() {
                return Err(refuse("action", WAITING_ALREADY));
            }
            next.waiting = Some(Waiting {
                since: now,
                reason: text(&mut e, "reason", &reason),
            });
            // Asking the customer is a response to them.
            next.understanding.first_response_at.get_or_insert(now);
        }
        Action::CustomerReplied { note } => {
            let Some(since) = record.waiting.as_ref().map(|w| w.since) else {
                return Err(refuse("action", NOT_WAITING));
            };
            if let Some(n) = opt_text(&mut e, "note", note.as_deref()) {
                next.understanding.facts = Some(match &record.understanding.facts {
                    Some(f) => format!("{f}\n{n}"),
                    None => n,
                });
            }
            next.paused_minutes += hours.elapsed(since, now).max(0);
            next.waiting = None;
        }
        Action::Escalate { reason, to, tier } => {
            let target = match tier {
                None => record.tier.up(),
                Some(t) => match Tier::new(t) {
                    Ok(t) if t > record.tier || (t == Tier::TOP && record.tier == Tier::TOP) => t,
                    Ok(_) => {
                        e.add("tier", TIER_ABOVE.with("tier", record.tier.get()));
                        record.tier
                    }
                    Err(r) => {
                        e.add("tier", r);
                        record.tier
                    }
                },
            };
            next.escalation = Some(Escalation {
                to,
                at: now,
                reason: text(&mut e, "reason", &reason),
            });
            next.tier = target;
        }
    }
    e.finish(|| *record = next)
}
