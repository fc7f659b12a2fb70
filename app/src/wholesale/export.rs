//! CSV downloads of wholesale data. Plain axum handlers behind the route
//! guard (`/admin/wholesale/…` for the wholesale team, `/b2b/…` for buyers);
//! a buyer's download is looked up by the company of the session, never by
//! anything in the request.

use super::db::{pre_orders, staff};
use crate::auth::session::AuthSession;
use crate::downloads::{csv_response, failed};
use crate::ui::money::decimal;
use axum::Router;
use axum::extract::{FromRef, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use sqlx::PgPool;

/// The wholesale download routes, for the server's router.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    PgPool: FromRef<S>,
{
    Router::new()
        .route("/admin/wholesale/demand.csv", get(demand_csv))
        .route("/admin/wholesale/price-lists.csv", get(price_list_csv))
        .route("/b2b/pre-orders.csv", get(buyer_pre_order_csv))
        .route("/admin/wholesale/pre-orders.csv", get(staff_pre_order_csv))
}

#[derive(Deserialize)]
struct CampaignParam {
    campaign: String,
}

#[derive(Deserialize)]
struct CodeParam {
    code: String,
}

#[derive(Deserialize)]
struct PreOrderParams {
    number: String,
    company: Option<uuid::Uuid>,
}

fn not_found(what: &str) -> Response {
    (StatusCode::NOT_FOUND, format!("{what} not found.")).into_response()
}

async fn demand_csv(State(pool): State<PgPool>, Query(p): Query<CampaignParam>) -> Response {
    let rows = match staff::demand(&pool, &p.campaign).await {
        Ok(rows) => rows,
        Err(error) => return failed("demand", error),
    };
    let records = rows.into_iter().map(|r| {
        vec![
            r.sku,
            r.style_code,
            r.name,
            r.colour,
            r.size,
            r.window,
            r.ships_from.to_string(),
            r.units.to_string(),
        ]
    });
    csv_response(
        &format!("demand-{}.csv", file_part(&p.campaign)),
        &[
            "sku",
            "style_code",
            "name",
            "colour",
            "size",
            "window",
            "ships_from",
            "units",
        ],
        records,
    )
}

async fn price_list_csv(State(pool): State<PgPool>, Query(p): Query<CodeParam>) -> Response {
    let rows = match staff::price_list_rows(&pool, &p.code).await {
        Ok(Some(rows)) => rows,
        Ok(None) => return not_found("Price list"),
        Err(error) => return failed("price list", error),
    };
    // The same columns the import reads, so a download can be edited and imported.
    let records = rows
        .into_iter()
        .map(|(style, colour, size, wholesale, retail)| {
            vec![style, colour, size, decimal(wholesale), decimal(retail)]
        });
    csv_response(
        &format!("price-list-{}.csv", file_part(&p.code)),
        &["style_code", "colour", "size", "wholesale", "retail"],
        records,
    )
}

/// A buyer's download: the route guard admits retailers only, and their
/// company scopes the lookup.
async fn buyer_pre_order_csv(
    auth: AuthSession,
    State(pool): State<PgPool>,
    Query(p): Query<PreOrderParams>,
) -> Response {
    let company = auth
        .user
        .as_ref()
        .and_then(|a| a.user.company.as_ref())
        .map(|c| c.id);
    match company {
        Some(company_id) => pre_order_csv(&pool, company_id, &p.number).await,
        None => not_found("Pre-order"),
    }
}

/// The wholesale team's download of a company's pre-order (the guard admits
/// the wholesale area's staff only).
async fn staff_pre_order_csv(
    State(pool): State<PgPool>,
    Query(p): Query<PreOrderParams>,
) -> Response {
    match p.company {
        Some(company_id) => pre_order_csv(&pool, company_id, &p.number).await,
        None => (StatusCode::BAD_REQUEST, "Name the company.").into_response(),
    }
}

async fn pre_order_csv(pool: &PgPool, company_id: uuid::Uuid, number: &str) -> Response {
    let rows = match pre_orders::export_rows(pool, company_id, number).await {
        Ok(Some(rows)) => rows,
        Ok(None) => return not_found("Pre-order"),
        Err(error) => return failed("pre-order", error),
    };
    let records = rows.into_iter().map(
        |(sku, style, name, colour, size, store, window, quantity, unit)| {
            vec![
                sku,
                style,
                name,
                colour,
                size,
                store,
                window,
                quantity.to_string(),
                decimal(unit),
                decimal(unit.saturating_mul(i64::from(quantity))),
            ]
        },
    );
    csv_response(
        &format!("{}.csv", file_part(number)),
        &[
            "sku",
            "style_code",
            "name",
            "colour",
            "size",
            "store",
            "window",
            "quantity",
            "unit_price",
            "amount",
        ],
        records,
    )
}

/// A code as it may appear in a file name.
fn file_part(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect()
}
