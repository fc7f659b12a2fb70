//! Server functions for managing API keys (administrators only).

use super::model::ApiKeySummary;
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

#[cfg(feature = "ssr")]
use {
    crate::auth::{model::AdminArea, rules::Requirement, session::require},
    crate::error::FieldErrors,
    crate::server::pool,
};

/// The session slot holding a key just created, until its page shows it once.
#[cfg(feature = "ssr")]
const NEW_KEY: &str = "integrations.new_api_key";

#[cfg(feature = "ssr")]
async fn require_admin() -> Result<crate::auth::model::CurrentUser, AppError> {
    require(Requirement::Staff(AdminArea::Settings)).await
}

#[server(output = crate::codec::Json)]
pub async fn get_api_keys() -> Result<Vec<ApiKeySummary>, AppError> {
    require_admin().await?;
    Ok(super::db::list(&pool()?).await?)
}

/// Locations a key may be bound to: (code, name).
#[server(output = crate::codec::Json)]
pub async fn get_key_locations() -> Result<Vec<(String, String)>, AppError> {
    require_admin().await?;
    let locations = crate::inventory::db::locations::all(&pool()?).await?;
    Ok(locations.into_iter().map(|l| (l.code, l.name)).collect())
}

/// The key created last in this session, in full, once; then it is gone.
#[server(output = crate::codec::Json)]
pub async fn take_new_api_key() -> Result<Option<String>, AppError> {
    require_admin().await?;
    let session = crate::auth::session::auth_session().await?.session;
    session
        .remove::<String>(NEW_KEY)
        .await
        .map_err(AppError::internal(
            "reading the new API key from the session",
        ))
}

#[server(output = crate::codec::Json)]
pub async fn create_api_key(
    name: String,
    #[server(default)] scopes: Vec<String>,
    location: String,
    #[server(default)] channel: String,
) -> Result<(), AppError> {
    let user = require_admin().await?;
    let pool = pool()?;
    let mut errors = FieldErrors::new();
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(crate::error::FieldError::new(
            "name",
            "required",
            "Name the key after who uses it (1–100 characters).",
        ));
    }
    let scopes: Vec<super::model::Scope> = scopes
        .iter()
        .filter_map(|s| super::model::Scope::parse(s))
        .collect();
    if scopes.is_empty() {
        errors.push(crate::error::FieldError::new(
            "scopes",
            "required",
            "Choose at least one permission.",
        ));
    }
    let location_id = match location.trim() {
        "" => None,
        code => match crate::inventory::db::locations::by_code(&pool, code).await? {
            Some(location) => Some(location.id),
            None => {
                errors.push(crate::error::FieldError::new(
                    "location",
                    "unknown",
                    "Choose a location from the list.",
                ));
                None
            }
        },
    };
    let channel = match channel.trim() {
        "" => None,
        code => {
            let parsed = crate::inventory::model::Channel::parse(code);
            if parsed.is_none() {
                errors.push(crate::error::FieldError::new(
                    "channel",
                    "unknown",
                    "Choose a sales channel from the list.",
                ));
            }
            parsed
        }
    };
    errors.finish()?;
    let binding = super::db::KeyBinding {
        location_id,
        channel,
    };
    let (_, key) = super::db::create(&pool, &name, &scopes, binding, Some(user.id)).await?;
    let session = crate::auth::session::auth_session().await?.session;
    session
        .insert(NEW_KEY, key)
        .await
        .map_err(AppError::internal("keeping the new API key in the session"))?;
    leptos_axum::redirect("/admin/settings/api-keys?created=1");
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn revoke_api_key(id: Uuid) -> Result<(), AppError> {
    require_admin().await?;
    if !super::db::revoke(&pool()?, id).await? {
        return Err(AppError::Conflict("This key was already revoked.".into()));
    }
    leptos_axum::redirect("/admin/settings/api-keys?revoked=1");
    Ok(())
}
