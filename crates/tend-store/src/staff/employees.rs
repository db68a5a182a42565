//! Employees: the staff list, creating one, and what an administrator or the employee changes
//! later (role and tier, language, time zone).

use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::*;
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::{Employee, Role};

use crate::audit::{AuditAction, email_of, record};
use crate::complaints::Actor;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

fn employee(row: &AnyRow) -> StoreResult<Employee> {
    let role: String = row.try_get("role")?;
    Ok(Employee {
        id: EmployeeId(row.try_get("id")?),
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: Role::parse(&role).map_err(|e| sqlx::Error::Decode(e.into()))?,
        team: row.try_get("team")?,
        tier: Tier::new(row.try_get("tier")?).map_err(|e| sqlx::Error::Decode(e.into()))?,
        language: row.try_get("language")?,
        active: row.try_get::<i64, _>("active")? != 0,
        time_zone: row.try_get("time_zone")?,
    })
}

const EMPLOYEE: &str =
    "SELECT id, email, name, role, team, tier, language, active, time_zone FROM employees";

impl Store {
    pub async fn employees(&self) -> StoreResult<Vec<Employee>> {
        let rows = sqlx::query(AssertSqlSafe(format!("{EMPLOYEE} ORDER BY name, id")))
            .fetch_all(self.read())
            .await?;
        rows.iter().map(employee).collect()
    }

    pub async fn employee_by_email(&self, email: &Email) -> StoreResult<Employee> {
        let row = sqlx::query(AssertSqlSafe(format!("{EMPLOYEE} WHERE email = $1")))
            .bind(email.to_string())
            .fetch_optional(self.read())
            .await?
            .ok_or(StoreError::NotFound("employee"))?;
        employee(&row)
    }

    /// Adds an employee with an already hashed password.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_employee(
        &self,
        email: &Email,
        name: &Name,
        role: Role,
        team: Option<&Name>,
        tier: Tier,
        password_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Employee> {
        let row = sqlx::query(
            "INSERT INTO employees (email, name, role, team, tier, language, password_hash, active, created_at) \
             VALUES ($1, $2, $3, $4, $5, 'en', $6, 1, $7) RETURNING id",
        )
        .bind(email.to_string())
        .bind(name.to_string())
        .bind(role.as_str())
        .bind(team.map(|t| t.to_string()))
        .bind(i64::from(tier))
        .bind(password_hash.to_owned())
        .bind(us(now))
        .fetch_one(self.write())
        .await
        .map_err(|e| StoreError::unique(e, "email", DUPLICATE_EMPLOYEE))?;
        Ok(Employee {
            id: EmployeeId(row.try_get("id")?),
            email: email.to_string(),
            name: name.to_string(),
            role,
            team: team.map(|t| t.to_string()),
            tier,
            language: "en".into(),
            active: true,
            time_zone: None,
        })
    }

    /// Whether anyone can sign in yet (the first run has no employees).
    pub async fn any_employee(&self) -> StoreResult<bool> {
        let row = sqlx::query("SELECT 1 AS one FROM employees LIMIT 1")
            .fetch_optional(self.read())
            .await?;
        Ok(row.is_some())
    }

    /// Changes an employee's role and support tier; recorded in the audit log as done `by` at
    /// `now` (detail `role tier N`). `NotFound` for no such id.
    pub async fn set_employee_role(
        &self,
        id: EmployeeId,
        role: Role,
        tier: Tier,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        self.change_employee(id, role, tier, None, now, by).await
    }

    /// Changes an employee's role and support tier and, when `time_zone` is `Some`, their time
    /// zone (`Some(None)`: the company's; validated by the caller), in one transaction with its
    /// audit row (detail `role tier N`, then `time_zone=…` when set). `NotFound` for no such id.
    pub async fn change_employee(
        &self,
        id: EmployeeId,
        role: Role,
        tier: Tier,
        time_zone: Option<Option<&str>>,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        let email = email_of(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound("employee"))?;
        let done = sqlx::query("UPDATE employees SET role = $1, tier = $2 WHERE id = $3")
            .bind(role.as_str())
            .bind(i64::from(tier))
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("employee"));
        }
        let mut detail = format!("{} tier {}", role.as_str(), i64::from(tier));
        if let Some(zone) = time_zone {
            sqlx::query("UPDATE employees SET time_zone = $1 WHERE id = $2")
                .bind(zone.map(str::to_owned))
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            detail.push_str(&format!("; time_zone={}", zone.unwrap_or("")));
        }
        record(&mut tx, by, now, AuditAction::RoleChanged, &email, &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The language an employee chose for the pages (`en` until they choose).
    pub async fn employee_language(&self, id: EmployeeId) -> StoreResult<String> {
        let row = sqlx::query("SELECT language FROM employees WHERE id = $1")
            .bind(id.0)
            .fetch_optional(self.read())
            .await?
            .ok_or(StoreError::NotFound("employee"))?;
        Ok(row.try_get("language")?)
    }

    /// Keeps the language an employee chose, so it follows them to other browsers.
    pub async fn set_employee_language(&self, id: EmployeeId, language: &str) -> StoreResult<()> {
        sqlx::query("UPDATE employees SET language = $1 WHERE id = $2")
            .bind(language.to_owned())
            .bind(id.0)
            .execute(self.write())
            .await?;
        Ok(())
    }

    /// An employee's own settings from their profile page, in one statement: the language of
    /// their pages and mail (`en`, `es`, `tr`) and their time zone (`None`: the company's).
    /// `NotFound` for no such id.
    pub async fn set_own_settings(
        &self,
        id: EmployeeId,
        language: &str,
        time_zone: Option<&str>,
    ) -> StoreResult<()> {
        let done = sqlx::query("UPDATE employees SET language = $1, time_zone = $2 WHERE id = $3")
            .bind(language.to_owned())
            .bind(time_zone.map(str::to_owned))
            .bind(id.0)
            .execute(self.write())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("employee"));
        }
        Ok(())
    }

    /// Whether an e-mail address belongs to an employee already.
    pub async fn employee_exists(&self, email: &Email) -> StoreResult<bool> {
        let row = sqlx::query("SELECT 1 AS one FROM employees WHERE email = $1")
            .bind(email.to_string())
            .fetch_optional(self.read())
            .await?;
        Ok(row.is_some())
    }
}
