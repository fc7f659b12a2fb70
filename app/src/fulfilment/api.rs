//! Server functions of the work queue, for warehouse staff (and admins).
//! Each checks the caller first; the steps answer a plain form post with a
//! redirect to the request's page, so they work without JavaScript.

use super::model::{FulfilmentDetail, Queue};
use crate::error::AppError;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use {
    super::{db, model::QueueFilter, model::request_path, rules},
    crate::auth::{model::AdminArea, model::CurrentUser, rules::Requirement, session::require},
    crate::server::pool,
};

#[cfg(feature = "ssr")]
async fn warehouse_staff() -> Result<CurrentUser, AppError> {
    require(Requirement::Staff(AdminArea::Inventory)).await
}

/// The work queue of a location (`location` empty: the caller's own, else
/// the first warehouse), filtered by status (`status` empty: open ones).
#[server(output = crate::codec::Json)]
pub async fn get_queue(location: String, status: String) -> Result<Queue, AppError> {
    let user = warehouse_staff().await?;
    let pool = pool()?;
    let locations = db::queue_locations(&pool).await?;
    let find = |code: &str| locations.iter().find(|l| l.code == code).cloned();
    let location = match location.trim() {
        // The caller's own location, else the first warehouse, else any.
        "" => {
            let home = db::home_location(&pool, user.id).await?;
            let first = db::first_warehouse(&pool).await?;
            home.and_then(|code| find(&code))
                .or_else(|| first.and_then(|code| find(&code)))
                .or_else(|| locations.first().cloned())
        }
        code => find(&code.to_uppercase()),
    }
    .ok_or_else(|| AppError::NotFound("Location".into()))?;
    let filter = QueueFilter::parse((!status.is_empty()).then_some(status.as_str()));
    let (counts, rows) = tokio::try_join!(
        db::status_counts(&pool, &location.code),
        db::queue(&pool, &location.code, filter)
    )?;
    Ok(Queue {
        location,
        locations,
        filter,
        counts,
        rows,
    })
}

#[server(output = crate::codec::Json)]
pub async fn get_fulfilment_request(number: String) -> Result<FulfilmentDetail, AppError> {
    warehouse_staff().await?;
    db::detail(&pool()?, number.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Fulfilment request".into()))
}

#[server(output = crate::codec::Json)]
pub async fn start_picking(number: String) -> Result<(), AppError> {
    let user = warehouse_staff().await?;
    let mut conn = pool()?.acquire().await?;
    db::start_picking(&mut conn, &number, Some(user.id)).await?;
    leptos_axum::redirect(&request_path(&number));
    Ok(())
}

/// `packed` holds the packed units per line number (`packed[3]=2`).
#[server(output = crate::codec::Json)]
pub async fn pack_request(
    number: String,
    packed: BTreeMap<String, String>,
) -> Result<(), AppError> {
    let user = warehouse_staff().await?;
    let mut conn = pool()?.acquire().await?;
    db::pack(&mut conn, &number, &packed, Some(user.id)).await?;
    leptos_axum::redirect(&request_path(&number));
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn ship_request(
    number: String,
    carrier: String,
    tracking_number: String,
    parcels: String,
) -> Result<(), AppError> {
    let user = warehouse_staff().await?;
    let form = db::ShipForm {
        carrier,
        tracking_number,
        parcels,
    };
    let mut conn = pool()?.acquire().await?;
    db::ship(&mut conn, &number, &form, Some(user.id)).await?;
    leptos_axum::redirect(&request_path(&number));
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn mark_delivered(number: String, signed_by: String) -> Result<(), AppError> {
    let user = warehouse_staff().await?;
    let mut conn = pool()?.acquire().await?;
    db::mark_delivered(&mut conn, &number, &signed_by, Some(user.id)).await?;
    leptos_axum::redirect(&request_path(&number));
    Ok(())
}

/// `confirm` is the confirmation checkbox: absent when not ticked.
#[server(output = crate::codec::Json)]
pub async fn cancel_request(
    number: String,
    reason: String,
    confirm: Option<String>,
) -> Result<(), AppError> {
    let user = warehouse_staff().await?;
    let reason = rules::check_cancel(confirm.is_some(), &reason)?;
    let mut conn = pool()?.acquire().await?;
    db::cancel(&mut conn, &number, &reason, Some(user.id)).await?;
    leptos_axum::redirect(&request_path(&number));
    Ok(())
}
