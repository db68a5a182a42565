//! Employees (users): roles and what each role may do.

pub mod zone;

use crate::kernel::reason::*;
use serde::{Deserialize, Serialize};

use crate::kernel::ids::EmployeeId;
use crate::kernel::text::Tier;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An outside supplier (call centre, shipping unit, web-site administrator): its tokens
    /// may only push the figures assigned to it, nothing else — not even read.
    Vendor,
    Viewer,
    Agent,
    Manager,
    Admin,
}

/// What a request needs to be allowed. Roles are ordered: each one may do what the ones
/// below it may, and more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read complaints, customers and the catalog.
    Read,
    /// Log and work complaints and customers.
    WorkComplaints,
    /// Edit categories, products and employees.
    Manage,
    /// Everything, including issuing tokens for others.
    Administer,
    /// Push values of figures: a vendor only those assigned to it (checked per figure by the
    /// caller), managers and admins any.
    PushFigures,
}

impl Role {
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "viewer" => Ok(Role::Viewer),
            "vendor" => Ok(Role::Vendor),
            "agent" => Ok(Role::Agent),
            "manager" => Ok(Role::Manager),
            "admin" => Ok(Role::Admin),
            _ => Err(ONE_OF
                .with("allowed", "admin, manager, agent, viewer, vendor")
                .with("got", format!("{raw:?}"))),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Vendor => "vendor",
            Role::Agent => "agent",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    pub fn allows(self, p: Permission) -> bool {
        let needed = match p {
            Permission::PushFigures if self == Role::Vendor => return true,
            Permission::PushFigures => Role::Manager,
            Permission::Read => Role::Viewer,
            Permission::WorkComplaints => Role::Agent,
            Permission::Manage => Role::Manager,
            Permission::Administer => Role::Admin,
        };
        self >= needed
    }
}

/// An employee as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Employee {
    pub id: EmployeeId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub team: Option<String>,
    pub tier: Tier,
    pub language: String,
    pub active: bool,
    /// Their own IANA time zone, or `None` to read times in the company's (see
    /// [`zone::reader_zone`]).
    pub time_zone: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_power() {
        assert!(Role::Viewer.allows(Permission::Read));
        assert!(!Role::Viewer.allows(Permission::WorkComplaints));
        assert!(Role::Agent.allows(Permission::WorkComplaints));
        assert!(!Role::Agent.allows(Permission::Manage));
        assert!(Role::Manager.allows(Permission::Manage));
        assert!(!Role::Manager.allows(Permission::Administer));
        assert!(Role::Admin.allows(Permission::Administer));
        assert_eq!(Role::parse(" Admin ").unwrap(), Role::Admin);
        assert!(Role::parse("boss").is_err());
        assert!(Role::Vendor.allows(Permission::PushFigures));
        assert!(!Role::Vendor.allows(Permission::Read));
        assert!(!Role::Agent.allows(Permission::PushFigures));
        assert!(Role::Manager.allows(Permission::PushFigures));
    }
}
