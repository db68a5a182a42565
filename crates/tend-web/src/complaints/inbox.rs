//! The inbox: complaints filtered (status, mine, channel, category, escalated, overdue
//! follow-up), searched and sorted, a keyset page at a time — never a count, never an OFFSET.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use tend_domain::catalog::{Channel, ChannelCode};
use tend_domain::complaints::Status;
use tend_domain::kernel::ids::CategoryId;
use tend_domain::staff::Permission;
use tend_store::{ComplaintFilter, Cursor, StoreError};

use crate::WebState;
use crate::complaints::show::{Row, mark_matches, rows};
use crate::kit::error::{PageResult, urlencode};
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, render_form};

const PAGE: u32 = 50;

/// The inbox's query string. Every field is text, so an odd value is reported, not a 400.
#[derive(Deserialize, Default)]
pub struct InboxQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    mine: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    escalated: String,
    #[serde(default)]
    overdue: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    cursor: String,
    /// The operations report's filters (see `/reports`): instants in RFC 3339, ids, tier, team.
    #[serde(flatten)]
    pub report: super::inbox_report::ReportFilters,
}

impl InboxQuery {
    /// The query string of these filters (without the cursor).
    fn filters(&self) -> String {
        [
            ("q", &self.q),
            ("status", &self.status),
            ("mine", &self.mine),
            ("channel", &self.channel),
            ("category", &self.category),
            ("escalated", &self.escalated),
            ("overdue", &self.overdue),
            ("sort", &self.sort),
        ]
        .into_iter()
        .chain(self.report.pairs())
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

pub use crate::kit::select::Choice;

#[derive(Template)]
#[template(path = "complaints/inbox.html")]
struct InboxPage {
    t: Tr,
    chrome: Chrome,
    q: InboxQuery,
    statuses: Vec<Choice>,
    channels: Vec<Choice>,
    categories: Vec<Choice>,
    rows: Vec<Row>,
    next: Option<String>,
    first: Option<String>,
    problem: Option<String>,
}

pub use tend_domain::catalog::category_paths;

pub fn channel_choices(t: &Tr, channels: &[Channel], chosen: &str) -> Vec<Choice> {
    channels
        .iter()
        .map(|c| Choice {
            value: c.code.to_string(),
            label: {
                let l = t.label_or("channel", c.code.as_str());
                if l == c.code.as_str() {
                    c.name.clone()
                } else {
                    l
                }
            },
            selected: c.code.as_str() == chosen,
        })
        .collect()
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Query(q): Query<InboxQuery>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let mut problem = None;
    let mut bad = |key: &str| problem = Some(t.get(key));
    let mut filter = ComplaintFilter {
        status: (!q.status.is_empty())
            .then(|| {
                Status::parse(&q.status)
                    .map_err(|_| bad("inbox-bad-filter"))
                    .ok()
            })
            .flatten(),
        channel: (!q.channel.is_empty())
            .then(|| {
                ChannelCode::parse(&q.channel)
                    .map_err(|_| bad("inbox-bad-filter"))
                    .ok()
            })
            .flatten(),
        category_id: q.category.parse().ok().map(CategoryId),
        assignee_id: (q.mine == "1").then_some(staff.session.employee.id),
        escalated: (q.escalated == "1").then_some(true),
        follow_up_due_by: (q.overdue == "1").then(|| s.clock.now()),
        q: Some(q.q.trim().to_owned()).filter(|q| !q.is_empty()),
        oldest_first: q.sort == "oldest",
        after: Cursor::decode(&q.cursor).ok(),
        limit: PAGE,
        ..Default::default()
    };
    q.report.apply(&mut filter, || bad("inbox-bad-filter"));
    match q.report.segment(s.clock.now()) {
        Ok(None) => {}
        Ok(Some((id, at))) => {
            match tend_app::segments::members(&s.store, "segment", id, at).await {
                Ok(m) => filter.segment = Some(m),
                Err(StoreError::Domain(_)) => problem = Some(t.get("inbox-bad-filter")),
                Err(e) => return Err(e.into()),
            }
        }
        Err(()) => problem = Some(t.get("inbox-bad-filter")),
    }
    let (items, next) = match s.store.list_complaints(&filter).await {
        Ok(page) => (page.items, page.next),
        Err(StoreError::Domain(_)) => {
            problem = Some(t.get("inbox-bad-search"));
            (vec![], None)
        }
        Err(e) => return Err(e.into()),
    };
    let mut rows = rows(&s, &t, staff.tz(), &items).await?;
    mark_matches(&mut rows, &q.q);
    let filters = q.filters();
    let sep = if filters.is_empty() { "" } else { "&" };
    let categories = category_paths(&s.store.categories().await?)
        .into_iter()
        .map(|(id, path)| Choice {
            value: id.to_string(),
            label: path,
            selected: q.category == id.to_string(),
        })
        .collect();
    let page = InboxPage {
        statuses: Status::ALL
            .iter()
            .map(|st| Choice {
                value: st.as_str().to_owned(),
                label: t.label("status", st.as_str()),
                selected: q.status == st.as_str(),
            })
            .collect(),
        channels: channel_choices(&t, &s.store.channels().await?, &q.channel),
        categories,
        rows,
        next: next.map(|c| format!("/inbox?{filters}{sep}cursor={}", c.encode())),
        first: (!q.cursor.is_empty()).then(|| format!("/inbox?{filters}")),
        chrome: Chrome::staff(&staff, format!("/inbox?{filters}")),
        t,
        q,
        problem,
    };
    let res = render_form(&page, page.problem.is_some())?;
    Ok(res)
}
