//! The complaint page's forms as one typed value: every field any of them sends, and what
//! they start with (the record's current answers).

use jiff::tz::TimeZone;
use serde::Deserialize;
use tend_domain::complaints::{ComplaintRecord, Solution};

use crate::kit::fields::local_input;

/// Every field any of the complaint page's forms sends; `action` says which form it was.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ActForm {
    pub action: String,
    pub version: String,
    pub facts: String,
    pub read_back: String,
    pub root_cause: String,
    pub responsible_party: String,
    pub customer_proposal: String,
    pub agreed_solution: String,
    pub solution_mode: String,
    pub promised_by: String,
    pub corrective_action: String,
    pub apologised: String,
    pub comp_kind: String,
    pub comp_amount: String,
    pub comp_currency: String,
    pub comp_note: String,
    pub prevention_suggestion: String,
    pub follow_up_at: String,
    pub satisfied_now: String,
    pub outcome: String,
    pub rating: String,
    pub note: String,
    pub reason: String,
    pub to: String,
    pub tier: String,
    pub text: String,
    pub assignee: String,
    pub priority: String,
    pub category: String,
    pub product: String,
}

impl ActForm {
    /// What the forms start with: the record's current answers where a step can be redone.
    pub fn defaults(r: &ComplaintRecord, tz: &TimeZone) -> Self {
        let (cause, sol) = (r.cause.as_ref(), r.solution.as_ref());
        ActForm {
            facts: r.understanding.facts.clone().unwrap_or_default(),
            root_cause: cause.map(|x| x.root_cause.clone()).unwrap_or_default(),
            responsible_party: cause
                .map_or("company", |x| x.responsible_party.as_str())
                .to_owned(),
            customer_proposal: sol
                .and_then(|x| x.customer_proposal.clone())
                .unwrap_or_default(),
            agreed_solution: sol.map(|x| x.agreed.clone()).unwrap_or_default(),
            solution_mode: sol
                .and_then(Solution::mode)
                .map_or("on_the_spot", |m| m.as_str())
                .to_owned(),
            promised_by: local_input(sol.and_then(Solution::promised_by), tz),
            prevention_suggestion: (r.resolution.prevention_suggestion.clone()).unwrap_or_default(),
            follow_up_at: local_input(r.follow_up.scheduled_at, tz),
            outcome: "satisfied".into(),
            assignee: r.assignee_id.map(|e| e.to_string()).unwrap_or_default(),
            priority: r.priority.as_str().to_owned(),
            category: r.category_id.map(|c| c.to_string()).unwrap_or_default(),
            product: r.product_id.map(|p| p.to_string()).unwrap_or_default(),
            ..Default::default()
        }
    }
}
