//! Taking access away from the settings page, for admins: deactivate (or reactivate) an
//! employee, and revoke all of an employee's API tokens. Both take effect at once on every
//! server (the store bumps `auth_epoch`) and are written to the audit log with who did it. An
//! admin cannot deactivate themselves (nobody could then undo it from the pages).

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::staff::Permission;

use crate::WebState;
use crate::channels::settings::done;
use crate::kit::error::{PageError, PageResult};
use crate::kit::session::StaffForm;

/// `active=1` reactivates, `active=0` deactivates.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ActiveForm {
    active: String,
}

/// The form carries nothing but its CSRF token.
#[derive(Deserialize, Default)]
pub struct Nothing {}

/// An existing employee's id from the path, else 404.
async fn employee(s: &WebState, raw: &str) -> PageResult<EmployeeId> {
    let id = raw
        .parse()
        .map(EmployeeId)
        .map_err(|_| PageError::not_found())?;
    let known = s.store.employees().await?.iter().any(|e| e.id == id);
    known.then_some(id).ok_or_else(PageError::not_found)
}

/// `POST /settings/employees/{id}/active`.
pub async fn set_active(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, form }: StaffForm<ActiveForm>,
) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let id = employee(&s, &id).await?;
    let active = match form.active.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(PageError::not_found()),
    };
    if !active && id == staff.session.employee.id {
        return Err(PageError::forbidden());
    }
    let now = s.clock.now();
    s.store
        .set_employee_active(id, active, now, &staff.actor())
        .await?;
    done()
}

/// `POST /settings/employees/{id}/revoke-tokens`: every API token of the employee.
pub async fn revoke_tokens(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<Nothing>,
) -> PageResult<Response> {
    staff.require(Permission::Administer)?;
    let id = employee(&s, &id).await?;
    let now = s.clock.now();
    s.store.revoke_tokens(id, None, now, &staff.actor()).await?;
    done()
}
