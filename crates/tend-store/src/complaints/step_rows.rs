//! The method's step groups read back from their flat columns. A group whose facts come together
//! (a cause, a solution's delivery, an answer to the follow-up, an escalation, a closing, a
//! wait) is refused with a decode error naming the complaint and the columns when a row holds
//! only part of it: such a row was never written by Tend, and guessing would rewrite it.

use sqlx::Row;
use sqlx::any::AnyRow;
use tend_domain::complaints::{
    Cause, Closing, Compensation, CompensationKind, Delivery, Escalation, FollowUp, FollowUpAnswer,
    FollowUpOutcome, Resolution, ResponsibleParty, Solution, SolutionMode, Understanding, Waiting,
};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::money::{Currency, Money};
use tend_domain::kernel::reason::Reason;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::opt_ts;

/// The groups of one row, flattened back into the record by `rows::from_row`.
pub(crate) struct Steps {
    pub understanding: Understanding,
    pub cause: Option<Cause>,
    pub solution: Option<Solution>,
    pub resolution: Resolution,
    pub follow_up: FollowUp,
    pub escalation: Option<Escalation>,
    pub closing: Option<Closing>,
    pub waiting: Option<Waiting>,
}

pub(crate) fn decode(row: &AnyRow, col: &str, e: impl std::fmt::Display) -> StoreError {
    let id = row.try_get::<i64, _>("id").unwrap_or_default();
    StoreError::Database(sqlx::Error::Decode(
        format!("complaint {id}: {col}: {e}").into(),
    ))
}

pub(crate) fn parse_col<T>(
    row: &AnyRow,
    col: &str,
    parse: impl Fn(&str) -> Result<T, Reason>,
) -> StoreResult<Option<T>> {
    let raw: Option<String> = row.try_get(col)?;
    raw.map(|v| parse(&v).map_err(|e| decode(row, col, e)))
        .transpose()
}

/// A group of two columns that are set together or not at all.
fn both<A, B>(row: &AnyRow, cols: &str, a: Option<A>, b: Option<B>) -> StoreResult<Option<(A, B)>> {
    match (a, b) {
        (Some(a), Some(b)) => Ok(Some((a, b))),
        (None, None) => Ok(None),
        _ => Err(decode(row, cols, "set together or not at all")),
    }
}

pub(crate) fn steps(row: &AnyRow) -> StoreResult<Steps> {
    let i = |col: &str| row.try_get::<Option<i64>, _>(col);
    let t = |col: &str| row.try_get::<Option<String>, _>(col);
    let party = parse_col(row, "responsible_party", ResponsibleParty::parse)?;
    let cause = both(
        row,
        "root_cause, responsible_party",
        t("root_cause")?,
        party,
    )?
    .map(|(root_cause, responsible_party)| Cause {
        root_cause,
        responsible_party,
    });
    let delivery = match (
        parse_col(row, "solution_mode", SolutionMode::parse)?,
        opt_ts(i("promised_by")?),
    ) {
        (None, None) => None,
        (Some(SolutionMode::OnTheSpot), None) => Some(Delivery::OnTheSpot),
        (Some(SolutionMode::Promised), Some(by)) => Some(Delivery::Promised(by)),
        _ => {
            let why = "a promise has its date, on the spot none, no date without a mode";
            return Err(decode(row, "solution_mode, promised_by", why));
        }
    };
    let proposal = t("customer_proposal")?;
    let solution = match t("agreed_solution")? {
        Some(agreed) => Some(Solution {
            customer_proposal: proposal,
            agreed,
            delivery,
        }),
        None if proposal.is_none() && delivery.is_none() => None,
        None => {
            return Err(decode(
                row,
                "agreed_solution",
                "NULL beside a solution's facts",
            ));
        }
    };
    let answer = both(
        row,
        "follow_up_outcome, followed_up_at",
        parse_col(row, "follow_up_outcome", FollowUpOutcome::parse)?,
        opt_ts(i("followed_up_at")?),
    )?;
    let note = t("follow_up_note")?;
    if answer.is_none() && note.is_some() {
        return Err(decode(row, "follow_up_note", "set without an outcome"));
    }
    let to = i("escalated_to")?.map(EmployeeId);
    let escalated = both(
        row,
        "escalated_to, escalated_at",
        to,
        opt_ts(i("escalated_at")?),
    )?;
    let escalation = both(
        row,
        "escalated_at, escalation_reason",
        escalated,
        t("escalation_reason")?,
    )?
    .map(|((to, at), reason)| Escalation { to, at, reason });
    let close_reason = t("close_reason")?;
    let closing = match opt_ts(i("closed_at")?) {
        Some(at) => Some(Closing {
            at,
            reason: close_reason,
        }),
        None if close_reason.is_none() => None,
        None => return Err(decode(row, "close_reason", "set while not closed")),
    };
    let waiting = both(
        row,
        "waiting_since, waiting_reason",
        opt_ts(i("waiting_since")?),
        t("waiting_reason")?,
    )?
    .map(|(since, reason)| Waiting { since, reason });
    Ok(Steps {
        understanding: Understanding {
            facts: t("facts")?,
            first_response_at: opt_ts(i("first_response_at")?),
        },
        cause,
        solution,
        resolution: Resolution {
            corrective_action: t("corrective_action")?,
            compensation: compensation(row)?,
            prevention_suggestion: t("prevention_suggestion")?,
            resolved_at: opt_ts(i("resolved_at")?),
        },
        follow_up: FollowUp {
            scheduled_at: opt_ts(i("follow_up_at")?),
            answer: answer.map(|(outcome, at)| FollowUpAnswer { outcome, note, at }),
            satisfaction_rating: i("satisfaction_rating")?.and_then(|r| u8::try_from(r).ok()),
        },
        escalation,
        closing,
        waiting,
    })
}

/// A compensation is its kind; an amount needs both its minor units and its currency.
fn compensation(row: &AnyRow) -> StoreResult<Option<Compensation>> {
    let Some(kind) = parse_col(row, "compensation_kind", CompensationKind::parse)? else {
        return Ok(None);
    };
    let money = match (
        row.try_get::<Option<i64>, _>("compensation_minor")?,
        parse_col(row, "compensation_currency", Currency::parse)?,
    ) {
        (Some(m), Some(c)) => {
            Some(Money::from_minor(m, c).map_err(|e| sqlx::Error::Decode(e.into()))?)
        }
        _ => None,
    };
    Ok(Some(Compensation {
        kind,
        money,
        note: row.try_get("compensation_note")?,
    }))
}
