//! Managers' links of survey codes and of figures to problem categories: append-only
//! histories, the newest row in force at an instant (per code; per figure and category).
//! Unknown codes, figures and categories are refused by field inside the write's transaction.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::{NO_CATEGORY, NO_FIGURE, NO_SURVEY_CODE};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A survey code linked to a problem category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeLink {
    pub code_id: i64,
    pub survey_id: i64,
    pub code: String,
    pub category_id: i64,
    pub set_by: EmployeeId,
    pub set_at: Timestamp,
}

/// A figure linked to a problem category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureLink {
    pub figure_id: i64,
    pub category_id: i64,
    pub set_by: EmployeeId,
    pub set_at: Timestamp,
}

/// `Ok` when `sql` (one `$1`) finds a row for `id`, else `missing()`.
async fn exists(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    sql: &'static str,
    id: i64,
    missing: impl FnOnce() -> StoreError,
) -> StoreResult<()> {
    let row = sqlx::query(sql).bind(id).fetch_optional(&mut **tx).await?;
    row.map(|_| ()).ok_or_else(missing)
}

impl Store {
    /// The survey codes linked to a category at `at`, by code id.
    pub async fn problem_code_links(&self, at: Timestamp) -> StoreResult<Vec<CodeLink>> {
        let rows = sqlx::query(concat!(
            "WITH links AS (",
            code_links!(),
            ") SELECT links.*, c.survey_id, c.name FROM links \
             JOIN survey_codes c ON c.id = links.code_id ORDER BY links.code_id"
        ))
        .bind(us(at))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CodeLink {
                    code_id: r.try_get("code_id")?,
                    survey_id: r.try_get("survey_id")?,
                    code: r.try_get("name")?,
                    category_id: r.try_get("category_id")?,
                    set_by: EmployeeId(r.try_get("set_by")?),
                    set_at: ts(r.try_get("set_at")?),
                })
            })
            .collect()
    }

    /// Links survey code `code_id` to `category` (`None` unlinks), in one transaction. Errors:
    /// `Invalid` on `code_id` (`no_survey_code`) or `category_id` (`no_category`).
    pub async fn link_problem_code(
        &self,
        code_id: i64,
        category: Option<i64>,
        by: EmployeeId,
        at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        exists(
            &mut tx,
            "SELECT 1 FROM survey_codes WHERE id = $1",
            code_id,
            || StoreError::field("code_id", NO_SURVEY_CODE.with("id", code_id)),
        )
        .await?;
        if let Some(c) = category {
            exists(&mut tx, "SELECT 1 FROM categories WHERE id = $1", c, || {
                StoreError::field("category_id", NO_CATEGORY.with("id", c))
            })
            .await?;
        }
        sqlx::query(
            "INSERT INTO problem_code_links (code_id, category_id, set_by, set_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(code_id)
        .bind(category)
        .bind(by.0)
        .bind(us(at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every survey code: (code id, survey id, name), by survey then name.
    pub async fn all_survey_codes(&self) -> StoreResult<Vec<(i64, i64, String)>> {
        let rows = sqlx::query(
            "SELECT id, survey_id, name FROM survey_codes ORDER BY survey_id, name, id",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("id")?,
                    r.try_get("survey_id")?,
                    r.try_get("name")?,
                ))
            })
            .collect()
    }

    /// The figure links in force at `at`, by figure then category.
    pub async fn problem_figure_links(&self, at: Timestamp) -> StoreResult<Vec<FigureLink>> {
        let rows = sqlx::query(
            "SELECT l.figure_id, l.category_id, l.set_by, l.set_at FROM problem_figure_links l \
             WHERE l.linked = 1 AND l.id = (SELECT MAX(x.id) FROM problem_figure_links x \
               WHERE x.figure_id = l.figure_id AND x.category_id = l.category_id \
               AND x.set_at <= $1) ORDER BY l.figure_id, l.category_id",
        )
        .bind(us(at))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FigureLink {
                    figure_id: r.try_get("figure_id")?,
                    category_id: r.try_get("category_id")?,
                    set_by: EmployeeId(r.try_get("set_by")?),
                    set_at: ts(r.try_get("set_at")?),
                })
            })
            .collect()
    }

    /// Links (or, `linked` false, unlinks) figure `figure_id` and `category_id`, in one
    /// transaction. Errors: `Invalid` on `figure_id` (`no_figure`) or `category_id` (`no_category`).
    pub async fn link_problem_figure(
        &self,
        figure_id: i64,
        category_id: i64,
        linked: bool,
        by: EmployeeId,
        at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        exists(
            &mut tx,
            "SELECT 1 FROM figures WHERE id = $1",
            figure_id,
            || StoreError::field("figure_id", NO_FIGURE.with("got", figure_id)),
        )
        .await?;
        exists(
            &mut tx,
            "SELECT 1 FROM categories WHERE id = $1",
            category_id,
            || StoreError::field("category_id", NO_CATEGORY.with("id", category_id)),
        )
        .await?;
        sqlx::query(
            "INSERT INTO problem_figure_links (figure_id, category_id, linked, set_by, set_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(figure_id)
        .bind(category_id)
        .bind(i64::from(linked))
        .bind(by.0)
        .bind(us(at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
