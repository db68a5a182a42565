//! Bearer-token authentication and role checks. Every API route takes an `Authed` and states
//! the permission it needs; nothing about a token is ever logged.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use tend_domain::staff::Permission;
use tend_store::{Actor, AuthedEmployee};

use crate::AppState;
use crate::error::ApiError;

pub struct Authed(pub AuthedEmployee);

impl Authed {
    /// Refuses with 403 unless the caller's role allows `p`.
    pub fn require(&self, p: Permission) -> Result<(), ApiError> {
        if self.0.role.allows(p) {
            Ok(())
        } else {
            Err(ApiError::forbidden(match p {
                Permission::Read => "read",
                Permission::WorkComplaints => "log or work complaints and customers",
                Permission::Manage => "manage categories, products or employees",
                Permission::Administer => "administer Tend",
                Permission::PushFigures => "push figure values",
            }))
        }
    }

    pub fn actor(&self) -> Actor {
        Actor::employee(self.0.id, &self.0.name)
    }
}

impl FromRequestParts<AppState> for Authed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() <= 200)
            .ok_or_else(ApiError::unauthorized)?;
        match state.store.authenticate(token).await {
            Ok(e) => Ok(Authed(e)),
            Err(tend_store::StoreError::NotFound(_)) => Err(ApiError::unauthorized()),
            Err(e) => Err(e.into()),
        }
    }
}
