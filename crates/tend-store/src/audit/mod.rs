//! The audit log of staff actions (`staff_audit`): each change to who may do what (a role, a
//! token, an employee's activation) or to a channel setting writes one row in the change's own
//! transaction; admins read the log newest first. Append-only by trigger on both engines.

use jiff::Timestamp;
use sqlx::{Any, Row, Transaction};
use tend_domain::kernel::ids::EmployeeId;

use crate::complaints::Actor;
use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// What an audited staff action did; stored as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    /// An employee's role or tier was changed; subject = their e-mail, detail = `role tier N`.
    RoleChanged,
    /// An API token was issued; subject = the owner's e-mail, detail = the label (or empty).
    TokenCreated,
    /// Live tokens were revoked; detail = `label` (or empty for all) and `n=count`.
    TokensRevoked,
    /// An employee was deactivated (subject = their e-mail).
    EmployeeDeactivated,
    /// An employee was reactivated (subject = their e-mail).
    EmployeeActivated,
    /// A channel's service hours were set; subject = channel code, detail = the JSON stored.
    ServiceHoursSet,
    /// A channel's response standards were set; subject = channel code, detail = the JSON.
    ResponseStandardsSet,
    /// The company's name and time zone were set; subject = `company`, detail =
    /// `name=…; time_zone=…`.
    CompanySettingsSet,
    /// The days before soft-deleted complaints are purged were set; subject = `complaints`,
    /// detail = `purge_days=N`.
    PurgePeriodSet,
    /// A figure was pinned to the dashboard; subject = the figure's code.
    FigurePinned,
    /// A figure was unpinned from the dashboard; subject = the figure's code.
    FigureUnpinned,
    /// A message held in the quarantine was released; subject = `inbound N`, detail =
    /// `complaint=ID`.
    MailReleased,
    /// A message held in the quarantine was deleted (its content erased); subject = `inbound N`.
    MailDeleted,
    /// The mail-in limit was set; subject = `mail_in`, detail = `per_sender_per_hour=N`.
    MailInLimitSet,
    /// The surveys' settings were set; subject = `surveys`, detail =
    /// `invitation_link_days=N; cooldown_days=N`.
    SurveySettingsSet,
    /// The business's CSAT reasons were set; subject = `csat`, detail = `reasons=code,…`.
    CsatReasonsSet,
}

impl AuditAction {
    pub const ALL: [AuditAction; 16] = [
        AuditAction::RoleChanged,
        AuditAction::TokenCreated,
        AuditAction::TokensRevoked,
        AuditAction::EmployeeDeactivated,
        AuditAction::EmployeeActivated,
        AuditAction::ServiceHoursSet,
        AuditAction::ResponseStandardsSet,
        AuditAction::CompanySettingsSet,
        AuditAction::PurgePeriodSet,
        AuditAction::FigurePinned,
        AuditAction::FigureUnpinned,
        AuditAction::MailReleased,
        AuditAction::MailDeleted,
        AuditAction::MailInLimitSet,
        AuditAction::SurveySettingsSet,
        AuditAction::CsatReasonsSet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::RoleChanged => "role_changed",
            AuditAction::TokenCreated => "token_created",
            AuditAction::TokensRevoked => "tokens_revoked",
            AuditAction::EmployeeDeactivated => "employee_deactivated",
            AuditAction::EmployeeActivated => "employee_activated",
            AuditAction::ServiceHoursSet => "service_hours_set",
            AuditAction::ResponseStandardsSet => "response_standards_set",
            AuditAction::CompanySettingsSet => "company_settings_set",
            AuditAction::PurgePeriodSet => "purge_period_set",
            AuditAction::FigurePinned => "figure_pinned",
            AuditAction::FigureUnpinned => "figure_unpinned",
            AuditAction::MailReleased => "mail_released",
            AuditAction::MailDeleted => "mail_deleted",
            AuditAction::MailInLimitSet => "mail_in_limit_set",
            AuditAction::SurveySettingsSet => "survey_settings_set",
            AuditAction::CsatReasonsSet => "csat_reasons_set",
        }
    }
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Timestamp,
    /// The employee who acted; `None` for the command line or the system.
    pub actor_id: Option<EmployeeId>,
    /// Their name at the time (or `cli`, `system`).
    pub actor: String,
    /// The action's snake_case name (see [`AuditAction::as_str`]).
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// Appends one audit row inside `tx`, the transaction of the change it records.
pub(crate) async fn record(
    tx: &mut Transaction<'static, Any>,
    by: &Actor,
    at: Timestamp,
    action: AuditAction,
    subject: &str,
    detail: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO staff_audit (at, actor_id, actor, action, subject, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(us(at))
    .bind(by.id.map(|e| e.0))
    .bind(by.label.clone())
    .bind(action.as_str())
    .bind(subject.to_owned())
    .bind(detail.to_owned())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// The audit log newest first: at most `limit` rows (1..=500) with ids below `before`, if
    /// given (the cursor for the next page is the last row's id).
    pub async fn audit_log(&self, limit: i64, before: Option<i64>) -> StoreResult<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT id, at, actor_id, actor, action, subject, detail FROM staff_audit \
             WHERE id < $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit.clamp(1, 500))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.try_get("id")?,
                    at: ts(r.try_get("at")?),
                    actor_id: r.try_get::<Option<i64>, _>("actor_id")?.map(EmployeeId),
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    subject: r.try_get("subject")?,
                    detail: r.try_get("detail")?,
                })
            })
            .collect()
    }
}

/// The e-mail address of an employee, for naming them in the audit log.
pub(crate) async fn email_of(
    tx: &mut Transaction<'static, Any>,
    id: EmployeeId,
) -> StoreResult<Option<String>> {
    let row = sqlx::query("SELECT email FROM employees WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(|r| r.try_get("email")).transpose()?)
}
