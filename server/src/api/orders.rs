//! `/api/v1/orders`: marketplaces and other channels place orders, read
//! them back, and answer approvals assigned to an external system.

use super::client::Caller;
use super::error::{ApiError, ErrorBody};
use super::idempotency::{self, Started};
use crate::http::AppState;
use app::error::FieldError;
use app::fulfilment::model::Address;
use app::integrations::model::{ApiClient, Scope};
use app::inventory::model::Channel;
use app::orders::approval::Decision;
use app::orders::db::capture::{self, CaptureError};
use app::orders::db::detail;
use app::orders::db::timeline::Actor;
use app::orders::model::{CaptureLine, CaptureRequest, OrderDetail, PaymentMethod};
use app::orders::process::actions;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

/// An order as a channel sends it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderRequest {
    /// The channel's own order number.
    #[serde(default)]
    pub external_reference: String,
    pub email: String,
    /// `card`, `invoice`, `marketplace` (default) or `in_store`.
    #[serde(default)]
    pub payment_method: Option<String>,
    /// Only `EUR`.
    #[serde(default = "euro")]
    pub currency: String,
    pub ship_to: Address,
    pub lines: Vec<OrderRequestLine>,
}

fn euro() -> String {
    "EUR".to_owned()
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderRequestLine {
    pub sku: String,
    pub quantity: i32,
    /// The gross price charged per unit in minor units (cents); must equal ours.
    #[serde(default)]
    pub unit_price_minor: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderCreated {
    pub id: Uuid,
    pub number: String,
    pub status: String,
}

/// The key's channel: orders are placed and read only in it.
fn channel_of(client: &ApiClient) -> Result<Channel, ApiError> {
    client.channel.ok_or_else(|| {
        ApiError::forbidden(
            "This API key is not bound to a sales channel, so it cannot place or read orders.",
        )
    })
}

/// Places an order. Idempotent by `Idempotency-Key`: a retry gets the first
/// answer, a concurrent duplicate waits for it (or gets a 409), the same key
/// with another body is refused. An invalid order writes nothing.
#[utoipa::path(
    post,
    path = "/api/v1/orders",
    tag = "orders",
    request_body = OrderRequest,
    params(("Idempotency-Key" = String, Header, description = "Unique per order (e.g. a UUID)")),
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Captured; the order process takes it from here", body = OrderCreated),
        (status = 400, description = "Malformed JSON or a missing Idempotency-Key", body = ErrorBody),
        (status = 401, description = "No valid API key", body = ErrorBody),
        (status = 403, description = "The key lacks orders:write or a channel", body = ErrorBody),
        (status = 409, description = "The same key is still being processed", body = ErrorBody),
        (status = 422, description = "Invalid fields (nothing was written), or the key was used with another body", body = ErrorBody),
    )
)]
pub async fn create_order(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let client = caller.require(Scope::OrdersWrite)?.clone();
    let channel = channel_of(&client)?;
    let key = idempotency::key_from(&headers)?;
    let (json, order): (Value, OrderRequest) = idempotency::parse_body(&body)?;
    let payment_method = match order.payment_method.as_deref() {
        None => PaymentMethod::Marketplace,
        Some(text) => PaymentMethod::parse(text).ok_or_else(|| {
            ApiError::invalid(vec![FieldError::new(
                "payment_method",
                "unknown",
                "Use card, invoice, marketplace or in_store.",
            )])
        })?,
    };
    let request = CaptureRequest {
        channel,
        capture_key: None,
        external_reference: order.external_reference,
        email: order.email,
        customer_id: None,
        company_id: None,
        payment_method,
        currency: order.currency,
        ship_to: order.ship_to,
        lines: order
            .lines
            .into_iter()
            .map(|l| CaptureLine {
                sku: l.sku,
                quantity: l.quantity,
                unit_price_minor: l.unit_price_minor,
            })
            .collect(),
        payment: None,
        shipping: None,
        ship_not_before: None,
    };
    let mut tx = match idempotency::start(&state.pool, client.key_id, &key, &json).await? {
        Started::New(tx) => tx,
        Started::Replay(response) => return Ok(response),
    };
    let captured = capture::capture(&mut tx, &request, Actor::Api, Some(client.key_id))
        .await
        .map_err(|e| match e {
            CaptureError::Invalid(fields) => ApiError::invalid(fields),
            CaptureError::Database(e) => e.into(),
        })?;
    let order = captured.order();
    let answer = serde_json::to_value(OrderCreated {
        id: order.id,
        number: order.number.clone(),
        status: "captured".to_owned(),
    })
    .map_err(|_| ApiError::internal())?;
    idempotency::finish(tx, client.key_id, &key, StatusCode::CREATED, answer).await
}

/// An order of the key's channel: status, lines with planned ship dates,
/// fulfilment requests, shipments, approvals.
#[utoipa::path(
    get,
    path = "/api/v1/orders/{id}",
    tag = "orders",
    params(("id" = Uuid, Path, description = "The order's id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The order", body = OrderDetail),
        (status = 401, description = "No valid API key", body = ErrorBody),
        (status = 403, description = "The key lacks orders:read or a channel", body = ErrorBody),
        (status = 404, description = "No such order in the key's channel", body = ErrorBody),
    )
)]
pub async fn get_order(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<OrderDetail>, ApiError> {
    let client = caller.require(Scope::OrdersRead)?;
    let channel = channel_of(client)?;
    let not_found = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "There is no such order.",
        )
    };
    let id = Uuid::parse_str(&id).map_err(|_| not_found())?;
    let order = detail::by_id(&state.pool, id)
        .await?
        .ok_or_else(not_found)?;
    // Another channel's orders do not exist for this key.
    if order.channel != channel.as_str() {
        return Err(not_found());
    }
    Ok(Json(order))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalAnswer {
    /// `approved` or `declined`.
    pub decision: String,
    #[serde(default)]
    pub comment: String,
}

/// Answers an approval the channel's configuration assigns to an external
/// system. Answering twice is refused with 409.
#[utoipa::path(
    post,
    path = "/api/v1/orders/{id}/approvals/{reason}",
    tag = "orders",
    request_body = ApprovalAnswer,
    params(("id" = Uuid, Path, description = "The order's id"), ("reason" = String, Path, description = "The approval reason's code")),
    security(("api_key" = [])),
    responses(
        (status = 204, description = "Recorded; the order goes on by itself"),
        (status = 401, description = "No valid API key", body = ErrorBody),
        (status = 403, description = "The key lacks orders:write, or this approval is for staff", body = ErrorBody),
        (status = 404, description = "No such order or approval", body = ErrorBody),
        (status = 409, description = "Already decided, or not its turn", body = ErrorBody),
        (status = 422, description = "Not `approved` or `declined`", body = ErrorBody),
    )
)]
pub async fn answer_approval(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, reason)): Path<(String, String)>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let client = caller.require(Scope::OrdersWrite)?;
    let channel = channel_of(client)?;
    let (_, answer): (Value, ApprovalAnswer) = idempotency::parse_body(&body)?;
    let decision = match answer.decision.as_str() {
        "approved" => Decision::Approved,
        "declined" => Decision::Declined,
        _ => {
            return Err(ApiError::invalid(vec![FieldError::new(
                "decision",
                "invalid",
                "Answer `approved` or `declined`.",
            )]));
        }
    };
    let not_found = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "There is no such approval for this order.",
        )
    };
    let id = Uuid::parse_str(&id).map_err(|_| not_found())?;
    let approver: Option<(String, String)> = sqlx::query_as(
        "SELECT o.channel, a.approver FROM orders o JOIN order_approvals a ON a.order_id = o.id
         WHERE o.id = $1 AND a.reason_code = $2 ORDER BY a.round DESC LIMIT 1",
    )
    .bind(id)
    .bind(&reason)
    .fetch_optional(&state.pool)
    .await?;
    match approver {
        Some((order_channel, _)) if order_channel != channel.as_str() => return Err(not_found()),
        Some((_, approver)) if approver != "external" => {
            return Err(ApiError::forbidden(
                "This approval is given by staff in the back office.",
            ));
        }
        Some(_) => {}
        None => return Err(not_found()),
    }
    actions::decide_approval(
        &state.pool,
        id,
        &reason,
        decision,
        Actor::Api,
        &answer.comment,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
