//! The staff's survey pages: the list, and a survey's live results with their definitions
//! written on the page — distributions, mean and median, NPS with n and its 95 % interval (or
//! "too few answers"), complete and partial responses apart, and the open answers, searchable.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use tend_app::surveys::QuestionResult;
use tend_app::surveys::invite;
use tend_domain::staff::Permission;
use tend_domain::surveys::{KindName, Status, SurveyId};
use tend_store::{StoreError, TallyFilter};

use super::codes::{CodesView, OpenRow};
use super::invitations::InvitationsView;
use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, render};

pub struct SurveyRow {
    pub id: i64,
    pub title: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "surveys/list.html")]
struct ListPage {
    t: Tr,
    chrome: Chrome,
    surveys: Vec<SurveyRow>,
    manager: bool,
}

pub async fn list(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let surveys = s
        .store
        .list_surveys()
        .await?
        .iter()
        .map(|v| SurveyRow {
            id: v.id.0,
            title: v.survey.text(&v.survey.draft.title, t.code()).to_owned(),
            status: t.label("survey-status", v.status.as_str()),
        })
        .collect();
    render(&ListPage {
        manager: staff.can(Permission::Manage),
        chrome: Chrome::staff(&staff, "/surveys"),
        t,
        surveys,
    })
}

/// One row of a distribution: its label, count and share of n (one decimal, locale's way).
pub struct Row {
    pub label: String,
    pub count: u64,
    pub share: String,
}

pub struct QuestionBlock {
    pub number: usize,
    pub text: String,
    pub n: u64,
    pub rows: Vec<Row>,
    pub mean: Option<String>,
    pub median: Option<String>,
    pub nps: Option<String>,
    pub interval: Option<String>,
    pub is_nps: bool,
}

#[derive(Template)]
#[template(path = "surveys/results.html")]
struct ResultsPage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    title: String,
    status: String,
    /// A draft (the builder's link) / open (the close button), for managers.
    editable: bool,
    closable: bool,
    invitations: InvitationsView,
    /// The saved customer segments an invitation may go to: (id, name).
    segments: Vec<(String, String)>,
    /// What the last invitation round did (from the redirect after it).
    invite_done: Option<String>,
    public_link: String,
    complete: u64,
    partial: u64,
    questions: Vec<QuestionBlock>,
    open: Vec<OpenRow>,
    codes: CodesView,
    /// The code whose answers are listed (`?code=`), by name.
    coded_as: Option<String>,
    /// This page's path, where a coding form returns.
    back: String,
    can_code: bool,
    q: String,
}

#[derive(Deserialize, Default)]
pub struct ResultsQuery {
    #[serde(default)]
    q: String,
    invited: Option<u64>,
    left_out: Option<u64>,
    already: Option<u64>,
    code: Option<i64>,
}

fn num(t: &Tr, x: f64, decimals: usize) -> String {
    t.decimal(&format!("{x:.decimals$}"))
}

fn block(t: &Tr, text: String, options: &[String], r: &QuestionResult) -> QuestionBlock {
    let rows = r
        .distribution
        .iter()
        .map(|b| Row {
            label: match (r.kind, b.value.as_str()) {
                (_, "other") => t.get("survey-other"),
                (KindName::YesNo, v) => t.get(&format!("survey-{v}")),
                (KindName::SingleChoice | KindName::MultipleChoice, v) => v
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| options.get(i).cloned())
                    .unwrap_or_default(),
                (_, v) => v.to_owned(),
            },
            count: b.count,
            share: match r.n {
                0 => "–".into(),
                n => format!("{} %", num(t, 100.0 * b.count as f64 / n as f64, 1)),
            },
        })
        .collect();
    let nps = r.nps.as_ref();
    QuestionBlock {
        number: r.number,
        text,
        n: r.n,
        rows,
        mean: r.mean.map(|m| num(t, m, 2)),
        median: r.median.map(|m| num(t, m, 1)),
        nps: nps.and_then(|p| p.score).map(|s| num(t, s, 1)),
        interval: nps
            .and_then(|p| p.interval)
            .map(|[lo, hi]| format!("{} … {}", num(t, lo, 1), num(t, hi, 1))),
        is_nps: r.kind == KindName::Nps,
    }
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
    Query(q): Query<ResultsQuery>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let id = SurveyId(id.parse().map_err(|_| PageError::not_found())?);
    let stored = match s.store.survey(id).await {
        Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
        other => other?,
    };
    let filter = TallyFilter::default();
    let results = tend_app::surveys::results(&s, id, &filter).await?;
    let survey = &stored.survey;
    let lang = t.code();
    let questions = results
        .questions
        .iter()
        .zip(&survey.questions)
        .map(|(r, q)| {
            let options: Vec<String> = q
                .draft
                .options
                .iter()
                .map(|o| survey.text(o, lang).to_owned())
                .collect();
            block(&t, survey.text(&q.draft.text, lang).to_owned(), &options, r)
        })
        .collect();
    let search = Some(q.q.trim()).filter(|s| !s.is_empty());
    let open = match q.code {
        Some(code) => s.store.survey_answers_with_code(id, code, 200).await?,
        None => {
            s.store
                .survey_open_answers(id, &filter, search, 200)
                .await?
        }
    };
    let (codes, open) = super::codes::view(&s, &t, id, open).await?;
    let coded_as = q.code.and_then(|c| {
        codes
            .rows
            .iter()
            .find(|r| r.id == c)
            .map(|r| r.name.clone())
    });
    let back = match q.code {
        Some(c) => format!("/surveys/{id}?code={c}"),
        None => format!("/surveys/{id}"),
    };
    render(&ResultsPage {
        chrome: Chrome::staff(&staff, format!("/surveys/{}", id.0)),
        id: id.0,
        title: survey.text(&survey.draft.title, lang).to_owned(),
        status: t.label("survey-status", stored.status.as_str()),
        editable: staff.can(Permission::Manage) && stored.status == Status::Draft,
        closable: staff.can(Permission::Manage) && stored.status == Status::Open,
        invitations: InvitationsView::of(&t, &invite::response(&s, id).await?),
        segments: crate::segments::names(&s).await?,
        invite_done: q.invited.map(|n| {
            t.args(
                "survey-invite-done",
                &[
                    ("invited", &n.to_string()),
                    ("left_out", &q.left_out.unwrap_or(0).to_string()),
                    ("already", &q.already.unwrap_or(0).to_string()),
                ],
            )
        }),
        public_link: format!("{}/s/{}", s.public_url(), stored.public_token),
        complete: results.complete,
        partial: results.partial,
        questions,
        open,
        codes,
        coded_as,
        back,
        can_code: staff.can(Permission::Manage),
        q: q.q,
        t,
    })
}
