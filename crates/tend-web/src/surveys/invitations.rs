//! Inviting customers to an open survey from its page (managers): everyone with consent, a
//! segment (country, preferred language), a saved customer segment's members (read at the
//! moment of inviting) or a list of customer numbers; only customers with
//! an address and consent to contact are invited, each once. The page then shows what the
//! round did, and the response rate with its counts.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tend_app::segments;
use tend_app::surveys::invite::{self, ResponseRate};
use tend_domain::kernel::ids::CustomerId;
use tend_domain::staff::Permission;
use tend_domain::surveys::SurveyId;
use tend_store::{Audience, StoreError};

use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::StaffForm;

/// The invitations block of a survey's page.
pub struct InvitationsView {
    pub invited: u64,
    pub sent: u64,
    pub bounced: u64,
    pub delivered: u64,
    pub answered: u64,
    /// The response rate in percent, one decimal in the reader's way; `None` when nothing was
    /// delivered.
    pub rate: Option<String>,
}

impl InvitationsView {
    pub fn of(t: &Tr, r: &ResponseRate) -> Self {
        InvitationsView {
            invited: r.counts.invited,
            sent: r.counts.sent,
            bounced: r.counts.bounced,
            delivered: r.delivered,
            answered: r.counts.answered,
            rate: r
                .rate
                .map(|x| format!("{} %", t.decimal(&format!("{x:.1}")))),
        }
    }
}

/// What the form's fields ask for; a customer number that is not one refuses the form, as does
/// a saved segment that does not exist. A saved segment's members are read now.
async fn audience(s: &WebState, v: &BTreeMap<String, String>) -> Result<Audience, PageError> {
    let get = |k: &str| v.get(k).map_or("", |s| s.trim());
    let opt = |k: &str| Some(get(k).to_owned()).filter(|s| !s.is_empty());
    match get("audience") {
        "list" => {
            let mut customers = Vec::new();
            for raw in get("customers").split(|c: char| c.is_whitespace() || c == ',') {
                if raw.is_empty() {
                    continue;
                }
                let id = raw
                    .trim_start_matches('#')
                    .parse::<i64>()
                    .map_err(|_| PageError::field("survey-invite-bad-customers", "customers"))?;
                customers.push(CustomerId(id));
            }
            if customers.is_empty() {
                return Err(PageError::field("survey-invite-bad-customers", "customers"));
            }
            Ok(Audience {
                customers,
                ..Audience::default()
            })
        }
        "segment" => Ok(Audience {
            country: opt("country").map(|c| c.to_ascii_uppercase()),
            language: opt("language").map(|l| l.to_ascii_lowercase()),
            ..Audience::default()
        }),
        "saved_segment" => {
            let bad = || PageError::field("survey-invite-bad-segment", "segment_id");
            let id = get("segment_id").parse::<i64>().map_err(|_| bad())?;
            let members = match segments::members(&s.store, "segment_id", id, s.clock.now()).await {
                Ok(m) => m,
                Err(StoreError::Domain(_)) => return Err(bad()),
                Err(e) => return Err(e.into()),
            };
            Ok(Audience {
                segment: Some(members),
                ..Audience::default()
            })
        }
        _ => Ok(Audience::default()),
    }
}

pub async fn invite(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = SurveyId(id.parse().map_err(|_| PageError::not_found())?);
    let audience = audience(&s, &v).await?;
    let by = Some(staff.session.employee.id);
    let done = match invite::invite(&s, id, &audience, by).await {
        Ok(done) => done,
        Err(StoreError::Domain(_)) => {
            return Err(PageError::field("survey-invite-not-open", "status"));
        }
        Err(e) => return Err(e.into()),
    };
    let to = format!(
        "/surveys/{id}?invited={}&left_out={}&already={}#invitations",
        done.invited, done.without_consent, done.already
    );
    Ok(Redirect::to(&to).into_response())
}
