//! The JSON API for machines (`/api/v1`): API keys instead of sessions,
//! JSON errors, idempotent writes, an OpenAPI description.

pub mod client;
pub mod error;
pub mod fulfilments;
pub mod idempotency;
pub mod orders;
pub mod stock;

use crate::http::AppState;
use axum::Router;
use axum::http::StatusCode;
use axum::routing::{any, get, post};
use error::ApiError;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Atelier API",
        version = "1",
        description = "Orders, stock availability and counts, and the progress of fulfilment requests \
                       for machine clients. Authenticate with `Authorization: Bearer <API key>`; send an \
                       `Idempotency-Key` with every write."
    ),
    paths(
        stock::get_stock, stock::report_counts,
        orders::create_order, orders::get_order, orders::answer_approval,
        fulfilments::report_shipped, fulfilments::report_delivered
    ),
    components(schemas(
        stock::StockAvailability, stock::LocationStock, stock::AtpEntry, stock::CountReport,
        stock::ReportedCount, stock::CountResults, stock::Adjustment,
        orders::OrderRequest, orders::OrderRequestLine, orders::OrderCreated, orders::ApprovalAnswer,
        app::orders::model::OrderDetail, app::orders::model::OrderLine, app::orders::model::OrderPart,
        app::orders::model::OrderPartLine, app::orders::model::OrderShipment,
        app::orders::model::OrderApproval, app::orders::model::OrderReturn,
        app::orders::model::OrderReturnLine, app::payments::model::PaymentView,
        app::payments::model::PaymentTransaction, app::fulfilment::model::Address, app::error::FieldError,
        fulfilments::ShipmentReport, fulfilments::DeliveryReport, fulfilments::FulfilmentProgress,
        error::ErrorBody, error::ErrorDetail, error::FieldProblem
    )),
    modifiers(&BearerKey),
    tags(
        (name = "orders", description = "Placing and following orders"),
        (name = "stock", description = "Availability and counts"),
        (name = "fulfilments", description = "External locations report shipments and deliveries")
    )
)]
pub struct ApiDoc;

struct BearerKey;

impl Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("atl_…")
                    .build(),
            ),
        );
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/stock", get(stock::get_stock))
        .route("/api/v1/stock/adjustments", post(stock::report_counts))
        .route("/api/v1/orders", post(orders::create_order))
        .route("/api/v1/orders/{id}", get(orders::get_order))
        .route(
            "/api/v1/orders/{id}/approvals/{reason}",
            post(orders::answer_approval),
        )
        .route(
            "/api/v1/fulfilments/{number}/shipped",
            post(fulfilments::report_shipped),
        )
        .route(
            "/api/v1/fulfilments/{number}/delivered",
            post(fulfilments::report_delivered),
        )
        .route(
            "/api/v1/openapi.json",
            get(|| async { axum::Json(ApiDoc::openapi()) }),
        )
        .route(
            "/api/v1/{*rest}",
            any(|| async {
                ApiError::new(StatusCode::NOT_FOUND, "not_found", "No such API endpoint.")
            }),
        )
}
