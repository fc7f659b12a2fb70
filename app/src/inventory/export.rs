//! CSV exports of the inventory lists (`/admin/inventory/*.csv`). Plain axum
//! handlers behind the same route guard as the pages: the path decides who
//! may download. Each reads the same query string as its list page, so a
//! download holds the rows of the list it was started from (all pages).

use super::db::stock;
use super::pages::filters::{low_stock_query, movement_query, stock_query};
use crate::downloads::{csv_response, failed};
use axum::Router;
use axum::extract::{FromRef, Query, State};
use axum::response::Response;
use axum::routing::get;
use sqlx::PgPool;
use std::collections::HashMap;

/// The export routes, for the server's router (state must give a `PgPool`).
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    PgPool: FromRef<S>,
{
    Router::new()
        .route("/admin/inventory/stock.csv", get(stock_csv))
        .route("/admin/inventory/movements.csv", get(movements_csv))
        .route("/admin/inventory/low-stock.csv", get(low_stock_csv))
}

type Params = Query<HashMap<String, String>>;

async fn stock_csv(State(pool): State<PgPool>, Query(params): Params) -> Response {
    let query = stock_query(|k| params.get(k).cloned());
    let rows = match stock::stock_export(&pool, &query).await {
        Ok(rows) => rows,
        Err(error) => return failed("stock", error),
    };
    let records = rows.into_iter().map(|r| {
        vec![
            r.sku,
            r.product,
            r.colour,
            r.size,
            r.location_code,
            r.location_name,
            r.bin,
            r.on_hand.to_string(),
            r.reserved.to_string(),
            r.available.to_string(),
        ]
    });
    csv_response(
        "stock.csv",
        &[
            "sku",
            "product",
            "colour",
            "size",
            "location",
            "location_name",
            "bin",
            "on_hand",
            "reserved",
            "available",
        ],
        records,
    )
}

async fn movements_csv(State(pool): State<PgPool>, Query(params): Params) -> Response {
    let query = movement_query(|k| params.get(k).cloned());
    let rows = match stock::movement_export(&pool, &query).await {
        Ok(rows) => rows,
        Err(error) => return failed("movements", error),
    };
    let records = rows.into_iter().map(|m| {
        vec![
            m.id.to_string(),
            m.at.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            m.sku,
            m.product,
            m.location_code,
            m.kind.as_str().to_owned(),
            m.on_hand_delta.to_string(),
            m.reserved_delta.to_string(),
            m.reference,
            m.reason,
            m.actor,
        ]
    });
    csv_response(
        "movements.csv",
        &[
            "id",
            "at",
            "sku",
            "product",
            "location",
            "kind",
            "on_hand_delta",
            "reserved_delta",
            "reference",
            "reason",
            "by",
        ],
        records,
    )
}

async fn low_stock_csv(State(pool): State<PgPool>, Query(params): Params) -> Response {
    let query = low_stock_query(|k| params.get(k).cloned());
    let location = (!query.location.is_empty()).then_some(query.location.as_str());
    let rows = match stock::low_stock(&pool, location).await {
        Ok(rows) => rows,
        Err(error) => return failed("low stock", error),
    };
    let records = rows.into_iter().map(|r| {
        vec![
            r.sku,
            r.product,
            r.location_code,
            r.available.to_string(),
            r.incoming.to_string(),
            r.min_available.to_string(),
            r.suggested_order.to_string(),
        ]
    });
    csv_response(
        "low-stock.csv",
        &[
            "sku",
            "product",
            "location",
            "available",
            "incoming",
            "min_available",
            "suggested_order",
        ],
        records,
    )
}
