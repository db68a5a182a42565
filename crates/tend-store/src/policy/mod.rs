//! The policy's versions as kept: each version's note, author, areas (position, custom title,
//! customer-facing flag, next review date) and texts per language, its approval (who, when,
//! effective from which date) and the staff's acknowledgements. Nothing is ever updated or
//! deleted (triggers refuse it on both engines); writes are in `write.rs`.

mod write;

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::policy::state::Approval;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::ts;
use crate::store::Store;

/// One area of a stored version.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArea {
    pub code: String,
    /// A custom area's title (`None` for the method's areas).
    pub title: Option<String>,
    pub customer_facing: bool,
    pub review_on: Option<Date>,
    /// (language code, Markdown), in en, es, tr order.
    pub texts: Vec<(String, String)>,
}

impl StoredArea {
    /// The Markdown in `lang`, if written.
    pub fn text(&self, lang: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, b)| b.as_str())
    }
}

/// Who approved a version, when, and the date it takes effect.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredApproval {
    pub approved_by: EmployeeId,
    pub approved_by_name: String,
    pub approved_at: Timestamp,
    pub effective_from: Date,
}

/// One stored version with its areas (in the order written) and its approval, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPolicyVersion {
    pub id: i64,
    pub note: String,
    pub author_id: EmployeeId,
    pub author_name: String,
    pub created_at: Timestamp,
    pub areas: Vec<StoredArea>,
    pub approval: Option<StoredApproval>,
}

fn date(raw: String) -> StoreResult<Date> {
    raw.parse::<Date>()
        .map_err(|e| StoreError::Database(sqlx::Error::Decode(e.into())))
}

const VERSIONS: &str = "SELECT v.id, v.note, v.author_id, e.name AS author_name, v.created_at, \
     a.approved_by, b.name AS approved_by_name, a.approved_at, a.effective_from \
     FROM policy_versions v JOIN employees e ON e.id = v.author_id \
     LEFT JOIN policy_approvals a ON a.version_id = v.id \
     LEFT JOIN employees b ON b.id = a.approved_by";

impl Store {
    /// Every version with its areas and texts, newest first.
    pub async fn policy_versions(&self) -> StoreResult<Vec<StoredPolicyVersion>> {
        self.read_policy(None).await
    }

    /// One version, or `NotFound`.
    pub async fn policy_version(&self, id: i64) -> StoreResult<StoredPolicyVersion> {
        self.read_policy(Some(id))
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound("policy version"))
    }

    /// Every approval: the facts a version's state follows from.
    pub async fn policy_approvals(&self) -> StoreResult<Vec<Approval>> {
        let rows = sqlx::query("SELECT version_id, effective_from FROM policy_approvals")
            .fetch_all(self.read())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Approval {
                    version: r.try_get("version_id")?,
                    effective_from: date(r.try_get("effective_from")?)?,
                })
            })
            .collect()
    }

    /// Who acknowledged version `id` and when, by employee.
    pub async fn policy_acknowledgements(
        &self,
        id: i64,
    ) -> StoreResult<BTreeMap<EmployeeId, Timestamp>> {
        let rows = sqlx::query(
            "SELECT employee_id, acknowledged_at FROM policy_acknowledgements WHERE version_id = $1",
        )
        .bind(id)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    EmployeeId(r.try_get("employee_id")?),
                    ts(r.try_get("acknowledged_at")?),
                ))
            })
            .collect()
    }

    async fn read_policy(&self, id: Option<i64>) -> StoreResult<Vec<StoredPolicyVersion>> {
        let (filter, areas_filter, texts_filter) = match id {
            Some(_) => (
                " WHERE v.id = $1",
                " WHERE version_id = $1",
                " WHERE version_id = $1",
            ),
            None => ("", "", ""),
        };
        let bind = |q: &str| {
            let q = sqlx::query(sqlx::AssertSqlSafe(q.to_owned()));
            match id {
                Some(id) => q.bind(id),
                None => q,
            }
        };
        let versions = bind(&format!("{VERSIONS}{filter} ORDER BY v.id DESC"))
            .fetch_all(self.read())
            .await?;
        let areas = bind(&format!(
            "SELECT version_id, area, title, customer_facing, review_on FROM policy_areas\
             {areas_filter} ORDER BY version_id, position"
        ))
        .fetch_all(self.read())
        .await?;
        let texts = bind(&format!(
            "SELECT version_id, area, lang, body FROM policy_texts{texts_filter}"
        ))
        .fetch_all(self.read())
        .await?;
        let mut by_area: BTreeMap<(i64, String), Vec<(String, String)>> = BTreeMap::new();
        for r in &texts {
            let key = (r.try_get("version_id")?, r.try_get("area")?);
            by_area
                .entry(key)
                .or_default()
                .push((r.try_get("lang")?, r.try_get("body")?));
        }
        let order = |l: &str| ["en", "es", "tr"].iter().position(|x| *x == l);
        let mut by_version: BTreeMap<i64, Vec<StoredArea>> = BTreeMap::new();
        for r in &areas {
            let version: i64 = r.try_get("version_id")?;
            let code: String = r.try_get("area")?;
            let mut texts = by_area.remove(&(version, code.clone())).unwrap_or_default();
            texts.sort_by_key(|(l, _)| order(l));
            let review: Option<String> = r.try_get("review_on")?;
            by_version.entry(version).or_default().push(StoredArea {
                code,
                title: r.try_get("title")?,
                customer_facing: r.try_get::<i64, _>("customer_facing")? == 1,
                review_on: review.map(date).transpose()?,
                texts,
            });
        }
        let mut out = Vec::with_capacity(versions.len());
        for r in &versions {
            let id: i64 = r.try_get("id")?;
            let approved_by: Option<i64> = r.try_get("approved_by")?;
            let approval = match approved_by {
                None => None,
                Some(by) => Some(StoredApproval {
                    approved_by: EmployeeId(by),
                    approved_by_name: r.try_get("approved_by_name")?,
                    approved_at: ts(r.try_get("approved_at")?),
                    effective_from: date(r.try_get("effective_from")?)?,
                }),
            };
            out.push(StoredPolicyVersion {
                id,
                note: r.try_get("note")?,
                author_id: EmployeeId(r.try_get("author_id")?),
                author_name: r.try_get("author_name")?,
                created_at: ts(r.try_get("created_at")?),
                areas: by_version.remove(&id).unwrap_or_default(),
                approval,
            });
        }
        Ok(out)
    }
}
