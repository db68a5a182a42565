//! Entering one value of a figure on its page: managers and admins for any figure Tend does
//! not compute, a vendor only for the figures assigned to it (the API's rule). Refusals are
//! shown by the field, in the reader's language, with what was typed kept.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tend_domain::figures::{Figure, Source, ValueDraft};
use tend_domain::staff::{Permission, Role};
use tend_store::Via;

use super::{figure_id, page};
use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, number, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};

/// Whether `staff` may enter values of `figure`.
pub fn may_enter(staff: &Staff, figure: &Figure) -> bool {
    let me = &staff.session.employee;
    figure.source != Source::Computed
        && staff.can(Permission::PushFigures)
        && (me.role != Role::Vendor || figure.pusher_id == Some(me.id))
}

/// The form's fields as the API's draft (no dimensions: the page enters the total).
fn draft(v: &BTreeMap<String, String>, t: &Tr, errors: &mut Errors) -> ValueDraft {
    let get = |k: &str| v.get(k).map_or("", String::as_str);
    let mut int = |k: &str| match number(get(k), t) {
        Ok(n) => n,
        Err(m) => {
            errors.add(k, m);
            None
        }
    };
    ValueDraft {
        period: opt(get("period")),
        dimensions: BTreeMap::new(),
        numerator: int("numerator"),
        denominator: int("denominator"),
    }
}

pub async fn enter(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    let figure = s.store.figure(figure_id(&id)?).await?;
    if !may_enter(&staff, &figure) {
        return Err(PageError::forbidden());
    }
    let mut errors = Errors::new(&t);
    let d = draft(&v, &t, &mut errors);
    if errors.is_empty() {
        match d.validate(&figure) {
            Ok(value) => {
                s.store
                    .put_figure_values(
                        figure.id,
                        &[value],
                        Some(staff.session.employee.id),
                        Via::Page,
                        s.clock.now(),
                    )
                    .await?;
                let to = format!("/figures/{}", figure.id);
                return Ok(Redirect::to(&to).into_response());
            }
            Err(e) => errors = Errors::from_domain(e, &t),
        }
    }
    page(&s, t, &staff, figure, v, errors, None, true).await
}
