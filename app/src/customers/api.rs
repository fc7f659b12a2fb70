//! Server functions of the address book: the signed-in customer's own only.

use super::model::SavedAddress;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::auth::{rules::Requirement, session::require},
    crate::server::{pool, redirect_then},
};

#[server(output = crate::codec::Json)]
pub async fn get_my_addresses() -> Result<Vec<SavedAddress>, AppError> {
    let user = require(Requirement::SignedIn).await?;
    Ok(super::db::list(&pool()?, user.id).await?)
}

#[server(output = crate::codec::Json)]
pub async fn add_my_address(
    #[server(default)] name: String,
    #[server(default)] line1: String,
    #[server(default)] postal_code: String,
    #[server(default)] city: String,
    #[server(default)] country: String,
    #[server(default)] make_default: Option<String>,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    let user = require(Requirement::SignedIn).await?;
    let address =
        crate::fulfilment::model::Address::typed(&name, &line1, &postal_code, &city, &country);
    let problems = crate::orders::validation::check_address(&address, "address");
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let mut tx = pool()?.begin().await?;
    if !super::db::add(&mut tx, user.id, &address, make_default.is_some()).await? {
        return Err(AppError::Conflict(format!(
            "You can keep up to {} addresses: delete one first.",
            super::model::MAX_ADDRESSES
        )));
    }
    tx.commit().await?;
    redirect_then(&then);
    Ok(())
}

/// `action` is "default" or "delete".
#[server(output = crate::codec::Json)]
pub async fn change_my_address(
    id: String,
    action: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    let user = require(Requirement::SignedIn).await?;
    let not_found = || AppError::NotFound("Address".into());
    let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| not_found())?;
    let mut tx = pool()?.begin().await?;
    let found = match action.as_str() {
        "default" => super::db::make_default(&mut tx, user.id, id).await?,
        "delete" => super::db::delete(&mut *tx, user.id, id).await?,
        _ => return Err(AppError::BadRequest("unknown address action".into())),
    };
    if !found {
        return Err(not_found());
    }
    tx.commit().await?;
    redirect_then(&then);
    Ok(())
}
