//! The list behind the home page's CSAT number (`/dashboard/csat`): this month's satisfaction
//! answers as the catalogue's `csat` measure counts them (the whole business), each with its
//! complaint, rating and whether it counts as satisfied (4 or 5), and n.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use tend_app::dashboard::{this_month, whole_business};
use tend_domain::goals::Measure;
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

/// One answer counted.
pub struct AnswerRow {
    pub id: i64,
    pub complaint: Option<i64>,
    pub rating: String,
    pub satisfied: bool,
}

#[derive(Template)]
#[template(path = "dashboard/csat.html")]
struct CsatPage {
    t: Tr,
    chrome: Chrome,
    from: String,
    to: String,
    n: String,
    rows: Vec<AnswerRow>,
}

/// `GET /dashboard/csat`: managers and owners.
pub async fn csat(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let month = this_month(&s).await?;
    let m = s
        .store
        .measure(&whole_business(Measure::Csat), &month, s.clock.now())
        .await?;
    let ids: Vec<i64> = m.records.iter().map(|r| r.id).collect();
    let answers = s.store.csat_answers_of(&ids).await?;
    let rows = m
        .records
        .iter()
        .map(|r| {
            let found = answers.get(&r.id);
            AnswerRow {
                id: r.id,
                complaint: found.map(|(c, _)| *c),
                rating: found.map_or_else(String::new, |(_, v)| v.to_string()),
                satisfied: r.in_numerator,
            }
        })
        .collect();
    let last = month
        .end
        .checked_sub(jiff::SignedDuration::from_micros(1))
        .unwrap_or(month.end);
    render(&CsatPage {
        chrome: Chrome::staff(&staff, "/dashboard/csat"),
        from: t.date(&month.start, staff.tz()),
        to: t.date(&last, staff.tz()),
        n: crate::goals::n(&t, m.tally),
        t,
        rows,
    })
}
