//! The complaint page's two manager forms: merge this complaint into another of the same
//! customer, and delete it (with a reason and a ticked confirmation; purged after 30 days).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::Permission;

use super::complaint::{parse_id, show};
use crate::WebState;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::StaffForm;
use tend_app::complaints::fate;

/// The merge form: the id or reference of the complaint that stays.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MergeForm {
    into: String,
}

/// Merges this complaint into the one named, then shows that one.
pub async fn merge(
    State(s): State<WebState>,
    t: Tr,
    Path(raw): Path<String>,
    StaffForm { staff, form }: StaffForm<MergeForm>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = parse_id(&s, &raw).await?;
    let into = tend_app::complaints::find_by_id_or_reference(&s, form.into.trim())
        .await
        .unwrap_or(ComplaintId(i64::MAX));
    match fate::merge(&s, id, into, &staff.actor()).await {
        Ok(()) => Ok(Redirect::to(&format!("/complaints/{}", into.0)).into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, id, None, errors).await
        }
    }
}

/// The delete form: why, and a ticked box confirming it.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeleteForm {
    reason: String,
    confirm: String,
}

/// Deletes this complaint (a recorded soft delete), then shows the inbox.
pub async fn delete(
    State(s): State<WebState>,
    t: Tr,
    Path(raw): Path<String>,
    StaffForm { staff, form }: StaffForm<DeleteForm>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = parse_id(&s, &raw).await?;
    if form.confirm != "yes" {
        let mut errors = Errors::new(&t);
        errors.add("confirm", t.get("complaint-delete-unconfirmed"));
        return show(&s, t, &staff, id, None, errors).await;
    }
    match fate::delete(&s, id, &form.reason, &staff.actor()).await {
        Ok(()) => Ok(Redirect::to("/inbox").into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, id, None, errors).await
        }
    }
}
