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
    pub report: ReportFilters,
}

/// What a number of the operations report links to: the records it counted. Every field text.
#[derive(Deserialize, Default)]
pub struct ReportFilters {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub received_from: String,
    #[serde(default)]
    pub received_to: String,
    #[serde(default)]
    pub resolved_from: String,
    #[serde(default)]
    pub resolved_to: String,
    #[serde(default)]
    pub open_at: String,
    #[serde(default)]
    pub responded: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub assignee: String,
    #[serde(default)]
    pub tier: String,
    #[serde(default)]
    pub team: String,
}

impl ReportFilters {
    fn pairs(&self) -> [(&'static str, &String); 11] {
        [
            ("kind", &self.kind),
            ("received_from", &self.received_from),
            ("received_to", &self.received_to),
            ("resolved_from", &self.resolved_from),
            ("resolved_to", &self.resolved_to),
            ("open_at", &self.open_at),
            ("responded", &self.responded),
            ("product", &self.product),
            ("assignee", &self.assignee),
            ("tier", &self.tier),
            ("team", &self.team),
        ]
    }

    /// The set ones as `(name, value)`, for the form's hidden fields.
    pub fn set(&self) -> Vec<(&'static str, String)> {
        self.pairs()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k, v.clone()))
            .collect()
    }

    /// Applies them to `f`; `bad` is told of a value that is not one.
    fn apply(&self, f: &mut ComplaintFilter, mut bad: impl FnMut()) {
        let instant = |v: &str, bad: &mut dyn FnMut()| -> Option<jiff::Timestamp> {
            if v.is_empty() {
                return None;
            }
            v.parse().map_err(|_| bad()).ok()
        };
        let int = |v: &str, bad: &mut dyn FnMut()| -> Option<i64> {
            if v.is_empty() {
                return None;
            }
            v.parse().map_err(|_| bad()).ok()
        };
        if !self.kind.is_empty() {
            f.kind = tend_domain::complaints::Kind::parse(&self.kind)
                .map_err(|_| bad())
                .ok();
        }
        f.received_from = instant(&self.received_from, &mut bad);
        f.received_to = instant(&self.received_to, &mut bad);
        f.resolved_from = instant(&self.resolved_from, &mut bad);
        f.resolved_to = instant(&self.resolved_to, &mut bad);
        f.open_at = instant(&self.open_at, &mut bad);
        f.responded = match self.responded.as_str() {
            "" => None,
            "1" => Some(true),
            "0" => Some(false),
            _ => {
                bad();
                None
            }
        };
        if let Some(p) = int(&self.product, &mut bad) {
            f.product_id = Some(tend_domain::kernel::ids::ProductId(p));
        }
        if let Some(a) = int(&self.assignee, &mut bad) {
            f.assignee_id = Some(tend_domain::kernel::ids::EmployeeId(a));
        }
        f.tier = int(&self.tier, &mut bad);
        f.team = (!self.team.is_empty()).then(|| self.team.clone());
    }
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
