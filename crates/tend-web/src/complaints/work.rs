//! Working a complaint from its page: each form names one action of the method, and goes
//! through `crate::changes` — the same code as the API's `/actions` — so the rules, the
//! timeline and the background work are the same. Steps taken are added likewise, and the details
//! (assignee, priority, category, product) are edited as the API's PATCH does.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::tz::TimeZone;
use tend_domain::complaints::lifecycle::Action;
use tend_domain::complaints::{
    CompensationInput, CompensationKind, FollowUpOutcome, Priority, ResponsibleParty, SolutionMode,
};
use tend_domain::kernel::ids::{CategoryId, EmployeeId, ProductId};
use tend_domain::kernel::reason::Reason;
use tend_domain::staff::Permission;

use crate::WebState;
use crate::complaints::act_form::ActForm;
use crate::complaints::complaint::{parse_id, show};
use crate::kit::error::PageResult;
use crate::kit::fields::{Errors, local_time, number, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::StaffForm;
use tend_app::complaints::{self as changes, Done};

/// The action the form describes, or the fields at fault.
fn action(v: &ActForm, t: &Tr, tz: &TimeZone) -> Result<Action, Errors> {
    let mut e = Errors::new(t);
    let mut time = |field: &str, raw: &str| {
        local_time(raw, tz, t)
            .map_err(|r| e.add(field, r))
            .ok()
            .flatten()
    };
    let promised_by = time("promised_by", &v.promised_by);
    let follow_up_at = time("follow_up_at", &v.follow_up_at);
    let action = match v.action.as_str() {
        "understand" => {
            if v.read_back != "1" {
                e.add("read_back", t.get("error-read-back"));
            }
            Action::Understand {
                facts: v.facts.clone(),
            }
        }
        "identify_cause" => match ResponsibleParty::parse(&v.responsible_party) {
            Ok(p) => Action::IdentifyCause {
                root_cause: v.root_cause.clone(),
                responsible_party: p,
            },
            Err(r) => {
                e.reason("responsible_party", r);
                return Err(e);
            }
        },
        "agree_solution" => match SolutionMode::parse(&v.solution_mode) {
            Ok(mode) => Action::AgreeSolution {
                agreed_solution: v.agreed_solution.clone(),
                solution_mode: mode,
                promised_by,
                customer_proposal: opt(&v.customer_proposal),
            },
            Err(r) => {
                e.reason("solution_mode", r);
                return Err(e);
            }
        },
        "resolve" => {
            let amount = match typed_amount(v, t) {
                Ok(a) => a,
                Err(r) => {
                    e.reason("compensation.amount", r);
                    return Err(e);
                }
            };
            Action::Resolve {
                corrective_action: opt(&v.corrective_action),
                compensation: opt(&v.comp_kind).map(|k| CompensationInput {
                    kind: CompensationKind::parse(&k).ok(),
                    amount,
                    currency: opt(&v.comp_currency),
                    note: opt(&v.comp_note),
                }),
                prevention_suggestion: opt(&v.prevention_suggestion),
                follow_up_at,
            }
        }
        "follow_up" => {
            let rating = number(&v.rating, t)
                .map_err(|r| e.add("satisfaction_rating", r))
                .ok()
                .flatten();
            match FollowUpOutcome::parse(&v.outcome) {
                Ok(outcome) => Action::FollowUp {
                    outcome,
                    note: opt(&v.note),
                    satisfaction_rating: rating,
                },
                Err(r) => {
                    e.reason("outcome", r);
                    return Err(e);
                }
            }
        }
        "close" => Action::Close {
            reason: opt(&v.reason),
        },
        "reopen" => Action::Reopen {
            reason: v.reason.clone(),
        },
        "wait_for_customer" => Action::WaitForCustomer {
            reason: v.reason.clone(),
        },
        "customer_replied" => Action::CustomerReplied { note: opt(&v.note) },
        "escalate" => {
            let tier = number(&v.tier, t)
                .map_err(|r| e.add("tier", r))
                .ok()
                .flatten();
            match v.to.trim().parse::<i64>() {
                Ok(to) => Action::Escalate {
                    reason: v.reason.clone(),
                    to: EmployeeId(to),
                    tier,
                },
                Err(_) => {
                    e.add("to", t.get("error-required"));
                    return Err(e);
                }
            }
        }
        _ => {
            e.add("action", t.get("error-bad-request"));
            return Err(e);
        }
    };
    if e.is_empty() { Ok(action) } else { Err(e) }
}

pub async fn act(
    State(s): State<WebState>,
    t: Tr,
    Path(raw): Path<String>,
    StaffForm { staff, form: v }: StaffForm<ActForm>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&s, &raw).await?;
    let c = s.store.complaint(id).await?;
    // Times typed on the page are in the reader's zone, the one the page names.
    let tz = staff.tz().clone();
    let version = v.version.trim().parse::<i64>().ok();
    let action = match action(&v, &t, &tz) {
        Ok(a) => a,
        Err(errors) => return show(&s, t, &staff, id, Some(v), errors).await,
    };
    // Resolving asks the customer whether they are satisfied: the apology, if given, is a
    // step taken and the answer, if they gave one, the method's own follow-up — with the
    // resolution, in one transaction.
    let mut done = Vec::with_capacity(3);
    let resolving = matches!(action, Action::Resolve { .. });
    done.push(Done::Act(action));
    if resolving {
        if v.apologised == "1" {
            done.push(Done::Step(t.get("step-apologised")));
        }
        if let Ok(outcome) = FollowUpOutcome::parse(&v.satisfied_now) {
            done.push(Done::Act(Action::FollowUp {
                outcome,
                note: None,
                satisfaction_rating: None,
            }));
        }
    }
    if let Err(e) = changes::act_all(&s, &c, version, &staff.actor(), done).await {
        let errors = Errors::from_store(e, &t)?;
        return show(&s, t, &staff, id, Some(v), errors).await;
    }
    Ok(Redirect::to(&format!("/complaints/{}", id.0)).into_response())
}

pub async fn add_step(
    State(s): State<WebState>,
    t: Tr,
    Path(raw): Path<String>,
    StaffForm { staff, form: v }: StaffForm<ActForm>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&s, &raw).await?;
    match s
        .store
        .add_step(id, &staff.actor(), &v.text, s.clock.now())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/complaints/{}#steps", id.0)).into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, id, Some(v), errors).await
        }
    }
}

/// Changes the complaint's details, like the API's PATCH: the record's own fields as a draft,
/// these four replaced, validated again, every change on the timeline.
pub async fn edit(
    State(s): State<WebState>,
    t: Tr,
    Path(raw): Path<String>,
    StaffForm { staff, form: v }: StaffForm<ActForm>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    let id = parse_id(&s, &raw).await?;
    let version = v.version.trim().parse::<i64>().ok();
    let now = s.clock.now();
    let id_of = |raw: &str| raw.trim().parse::<i64>().ok();
    let (assignee, category, product) = (id_of(&v.assignee), id_of(&v.category), id_of(&v.product));
    let priority = Priority::parse(&v.priority).ok();
    let changed = changes::change(&s, id, version, &staff.actor(), "edited", now, |r| {
        let mut draft = r.to_draft();
        draft.assignee_id = assignee.map(EmployeeId);
        draft.category_id = category.map(CategoryId);
        draft.product_id = product.map(ProductId);
        draft.priority = priority.or(draft.priority);
        r.edit(draft.validate(now)?);
        Ok(())
    })
    .await;
    match changed {
        Ok(_) => Ok(Redirect::to(&format!("/complaints/{}", id.0)).into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, id, Some(v), errors).await
        }
    }
}

/// The compensation amount as typed, read the reader's way (`1,234.50` in English, `1.234,50`
/// in Spanish and Turkish; `tend_domain::kernel::money_text`) into the plain decimal the domain
/// takes. Without a valid currency the text goes on as typed, for the domain to refuse.
fn typed_amount(v: &ActForm, t: &Tr) -> Result<Option<String>, Reason> {
    use tend_domain::kernel::money::Currency;
    use tend_domain::kernel::money_text::{Separators, parse_amount};
    let Some(raw) = opt(&v.comp_amount) else {
        return Ok(None);
    };
    let Ok(currency) = Currency::parse(&v.comp_currency) else {
        return Ok(Some(raw));
    };
    let seps = match t.lang {
        tend_app::i18n::Language::En => Separators::POINT,
        tend_app::i18n::Language::Es | tend_app::i18n::Language::Tr => Separators::COMMA,
    };
    parse_amount(&raw, currency, seps).map(|m| Some(m.amount_string()))
}
