//! The help article review reminder: when an article's review date arrives (midnight of that
//! date in the company's zone), its owner is mailed once per date, in their language, inside
//! the e-mail channel's hours — unless the date was changed meanwhile, the owner removed or
//! deactivated, or the article archived (a new date queues a reminder of its own).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use tend_domain::catalog::ChannelCode;
use tend_domain::help::Visibility;
use tend_domain::kernel::ids::EmployeeId;
use tend_store::{
    Article, ArticleSettings, Handled, Job, JobError, NewJob, StoreError, StoreResult,
    TranslationInput,
};

use crate::AppState;
use crate::i18n::Language;
use crate::jobs::{JobKind, Worker, job_error, new_job};
use crate::mail::deliver::{Event, enqueue_mail};
use crate::mail::{OutgoingMail, Template};
use crate::policy::{HOURS_CHANNEL, zone};

/// Article `article`'s review on `review_on` (`YYYY-MM-DD`). Key: `help_review:{article}:{date}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpReviewDue {
    pub article: i64,
    pub review_on: String,
}

/// Mails the article's owner that it is due for review.
pub struct HelpReview;

impl JobKind for HelpReview {
    const KIND: &'static str = "help_review";
    type Payload = HelpReviewDue;

    fn dedupe_key(p: &HelpReviewDue) -> String {
        format!("{}:{}:{}", Self::KIND, p.article, p.review_on)
    }

    async fn run(w: &Worker, _: &Job, p: HelpReviewDue) -> Result<Handled, JobError> {
        remind(w, p).await.map_err(job_error)
    }
}

/// Adds an article with its first text and plan in one transaction; a review date queues its
/// reminder with it. Errors: as [`tend_store::Store::create_article_with_text`].
pub async fn create_article(
    s: &AppState,
    settings: &ArticleSettings,
    text: &TranslationInput,
    by: Option<EmployeeId>,
    owner: Option<EmployeeId>,
    review_on: Option<Date>,
) -> StoreResult<Article> {
    let tz = zone(s).await?;
    let jobs = |id: i64| reminder(id, review_on, &tz);
    s.store
        .create_article_with_text(settings, text, by, owner, review_on, jobs, s.clock.now())
        .await
}

/// The reminder job of article `id` for `review_on` (midnight of that date in `tz`), if any.
fn reminder(id: i64, review_on: Option<Date>, tz: &jiff::tz::TimeZone) -> Vec<NewJob> {
    review_on
        .map(|d| {
            let at = d
                .to_zoned(tz.clone())
                .map(|z| z.timestamp())
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            let due = HelpReviewDue {
                article: id,
                review_on: d.to_string(),
            };
            new_job::<HelpReview>(&due, at)
        })
        .into_iter()
        .collect()
}

/// Changes article `id`'s settings, owner and next review date; a date queues its reminder
/// (once per article and date) in the same transaction. Errors: `NotFound`, `category_id`,
/// `product_id`, `owner_id`.
pub async fn plan_review(
    s: &AppState,
    id: i64,
    settings: &ArticleSettings,
    owner: Option<EmployeeId>,
    review_on: Option<Date>,
) -> StoreResult<()> {
    let tz = zone(s).await?;
    let jobs = reminder(id, review_on, &tz);
    let now = s.clock.now();
    s.store
        .set_article_plan(id, settings, owner, review_on, &jobs, now)
        .await
}

async fn remind(w: &Worker, p: HelpReviewDue) -> StoreResult<Handled> {
    let s = &w.state;
    let article = match s.store.article(p.article).await {
        Ok(a) => a,
        Err(StoreError::NotFound(_)) => return Ok(Handled::Done),
        Err(e) => return Err(e),
    };
    let (Some(review_on), Some(owner)) = (article.review_on, article.owner_id) else {
        return Ok(Handled::Done);
    };
    if review_on.to_string() != p.review_on || article.visibility == Visibility::Archived {
        return Ok(Handled::Done);
    }
    let employees = s.store.employees().await?;
    let Some(e) = employees.iter().find(|e| e.id == owner && e.active) else {
        return Ok(Handled::Done);
    };
    let tz = zone(s).await?;
    let language = Language::from_tag(&e.language);
    let title = article
        .translations
        .iter()
        .find(|t| t.lang == language.code())
        .or_else(|| {
            article
                .translations
                .iter()
                .find(|t| t.lang == article.source_lang)
        })
        .or(article.translations.first())
        .map_or_else(|| format!("#{}", article.id), |t| t.title.clone());
    let noon = review_on
        .at(12, 0, 0, 0)
        .to_zoned(tz.clone())
        .map_err(|_| StoreError::NotFound("review date"))?
        .timestamp();
    let mail = OutgoingMail {
        to: e.email.clone(),
        to_name: Some(e.name.clone()),
        language,
        template: Template::HelpReview {
            name: e.name.clone(),
            reference: title,
            due: crate::i18n::instant::date(&noon, &tz, language),
            link: format!("{}/help/articles/{}", s.public_url(), article.id),
        },
        withdraw_link: None,
    };
    let date = i64::from(review_on.year()) * 10_000
        + i64::from(review_on.month()) * 100
        + i64::from(review_on.day());
    let event = Event::HelpReview(article.id, date, e.id);
    let channel = ChannelCode::parse(HOURS_CHANNEL).expect("a built-in channel");
    enqueue_mail(&s.store, &event, &channel, mail, s.clock.now()).await?;
    Ok(Handled::Done)
}
