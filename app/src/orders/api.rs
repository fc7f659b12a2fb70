use super::model::OrderSummary;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    auth::{rules::Requirement, session::require},
    server::pool,
};

/// The signed-in customer's own orders, newest first.
#[server]
pub async fn my_orders() -> Result<Vec<OrderSummary>, AppError> {
    let user = require(Requirement::SignedIn).await?;
    Ok(super::db::orders_of_customer(&pool()?, user.id).await?)
}
