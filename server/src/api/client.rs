//! Who is calling the machine API: the client of the API key in
//! `Authorization: Bearer atl_…` (or `X-Api-Key`).

use super::error::ApiError;
use crate::http::AppState;
use app::integrations::model::{ApiClient, Scope};
use app::integrations::{db, rules};
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

pub struct Caller(pub ApiClient);

impl Caller {
    pub fn require(&self, scope: Scope) -> Result<&ApiClient, ApiError> {
        if self.0.may(scope) {
            Ok(&self.0)
        } else {
            Err(ApiError::forbidden(format!(
                "This API key may not do this (it needs the {} scope).",
                scope.as_str()
            )))
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header_value = parts
            .headers
            .get(header::AUTHORIZATION)
            .or_else(|| parts.headers.get("x-api-key"))
            .and_then(|v| v.to_str().ok())
            .ok_or_else(ApiError::unauthorized)?;
        let key = rules::bearer_key(header_value).ok_or_else(ApiError::unauthorized)?;
        db::authenticate(&state.pool, key)
            .await?
            .map(Caller)
            .ok_or_else(ApiError::unauthorized)
    }
}
