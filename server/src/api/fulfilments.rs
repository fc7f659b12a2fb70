//! `/api/v1/fulfilments`: an external location (a drop-ship supplier, a
//! 3PL) reports the progress of the fulfilment requests it was sent through
//! its webhook (`fulfilment.requested`): shipped, then delivered.

use super::client::Caller;
use super::error::{ApiError, ErrorBody};
use super::idempotency::{self, Started};
use crate::http::AppState;
use app::error::AppError;
use app::fulfilment::db::{self, Reported, Reporter, ShipForm};
use app::integrations::model::{ApiClient, Scope};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sqlx::PgConnection;
use utoipa::ToSchema;
use uuid::Uuid;

/// The goods of a request have left the location.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipmentReport {
    /// One of `DHL Express`, `UPS`, `GLS`, `BRT`, `Poste Italiane`, `DPD`, `Own delivery`.
    pub carrier: String,
    /// The carrier's tracking number: 4–40 letters, digits or dashes; may be
    /// left out only for `Own delivery`.
    #[serde(default)]
    pub tracking_number: Option<String>,
    /// 1–99.
    pub parcels: i64,
}

/// The goods of a shipped request have reached the customer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryReport {
    /// Who signed for the goods (2–100 characters); required only for `Own delivery`.
    #[serde(default)]
    pub signed_by: Option<String>,
}

/// Where a request and its order stand after a report.
#[derive(Debug, Serialize, ToSchema)]
pub struct FulfilmentProgress {
    /// The request's number, as in the `fulfilment.requested` webhook.
    pub number: String,
    /// `shipped` or `delivered`.
    pub status: String,
    pub order_number: String,
    /// The order's status now, e.g. `partially_shipped`, `shipped`, `completed`.
    pub order_status: String,
}

/// The key's location: only its requests exist for the key.
fn location_of(client: &ApiClient) -> Result<Uuid, ApiError> {
    client.location_id.ok_or_else(|| {
        ApiError::forbidden(
            "This API key is not bound to a location, so it cannot report fulfilment progress.",
        )
    })
}

/// A refused report: no such request for this key (404), or not its turn
/// (409, e.g. already shipped); invalid fields stay a 422.
fn refused(error: AppError) -> ApiError {
    match error {
        AppError::NotFound(_) => ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "There is no such fulfilment request.",
        ),
        AppError::Conflict(message) => ApiError::new(StatusCode::CONFLICT, "conflict", message),
        other => other.into(),
    }
}

/// The answer stored for the Idempotency-Key: the same key may not be used
/// again for another request or the other report.
fn fingerprint(number: &str, report: &str, body: Value) -> Value {
    json!({ "number": number, "report": report, "body": body })
}

fn progress(number: String, reported: Reported) -> Result<Value, ApiError> {
    serde_json::to_value(FulfilmentProgress {
        number,
        status: reported.status.as_str().to_owned(),
        order_number: reported.order_number,
        order_status: reported.order_status,
    })
    .map_err(|_| ApiError::internal())
}

/// Reports a request shipped: its reserved stock leaves the location's
/// stock, the shipment is recorded and the order follows. Reported once;
/// idempotent by `Idempotency-Key`.
#[utoipa::path(
    post,
    path = "/api/v1/fulfilments/{number}/shipped",
    tag = "fulfilments",
    request_body = ShipmentReport,
    params(
        ("number" = String, Path, description = "The fulfilment request's number"),
        ("Idempotency-Key" = String, Header, description = "Unique per report (e.g. a UUID); a retry with the same key returns the first answer")
    ),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Shipped; the order follows", body = FulfilmentProgress),
        (status = 400, description = "Malformed JSON or a missing Idempotency-Key", body = ErrorBody),
        (status = 401, description = "No valid API key", body = ErrorBody),
        (status = 403, description = "The key lacks fulfilment:write or a location", body = ErrorBody),
        (status = 404, description = "No such request at the key's location", body = ErrorBody),
        (status = 409, description = "Already shipped (or delivered, cancelled), a location of our own, or the same key still being processed", body = ErrorBody),
        (status = 422, description = "Invalid fields (nothing was changed), or the key was used with another request", body = ErrorBody),
    )
)]
pub async fn report_shipped(
    State(state): State<AppState>,
    caller: Caller,
    Path(number): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    report(
        &state,
        caller,
        number,
        &headers,
        &body,
        "shipped",
        async |tx, number, report: ShipmentReport, reporter| {
            let form = ShipForm {
                carrier: report.carrier,
                tracking_number: report.tracking_number.unwrap_or_default(),
                parcels: report.parcels.to_string(),
            };
            db::report_shipped(tx, number, &form, reporter).await
        },
    )
    .await
}

/// Reports a shipped request delivered; the order is completed when all of
/// it is delivered. Reported once; idempotent by `Idempotency-Key`.
#[utoipa::path(
    post,
    path = "/api/v1/fulfilments/{number}/delivered",
    tag = "fulfilments",
    request_body = DeliveryReport,
    params(
        ("number" = String, Path, description = "The fulfilment request's number"),
        ("Idempotency-Key" = String, Header, description = "Unique per report (e.g. a UUID); a retry with the same key returns the first answer")
    ),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Delivered; the order follows", body = FulfilmentProgress),
        (status = 400, description = "Malformed JSON or a missing Idempotency-Key", body = ErrorBody),
        (status = 401, description = "No valid API key", body = ErrorBody),
        (status = 403, description = "The key lacks fulfilment:write or a location", body = ErrorBody),
        (status = 404, description = "No such request at the key's location", body = ErrorBody),
        (status = 409, description = "Not shipped yet, already delivered, a location of our own, or the same key still being processed", body = ErrorBody),
        (status = 422, description = "Invalid fields (nothing was changed), or the key was used with another request", body = ErrorBody),
    )
)]
pub async fn report_delivered(
    State(state): State<AppState>,
    caller: Caller,
    Path(number): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    report(
        &state,
        caller,
        number,
        &headers,
        &body,
        "delivered",
        async |tx, number, report: DeliveryReport, reporter| {
            db::report_delivered(tx, number, report.signed_by.as_deref(), reporter).await
        },
    )
    .await
}

/// What both reports do: check the key (its scope and location), take the
/// Idempotency-Key (a replay answers at once), apply the report in the
/// key's transaction and store the answer.
async fn report<R: DeserializeOwned>(
    state: &AppState,
    caller: Caller,
    number: String,
    headers: &HeaderMap,
    body: &Bytes,
    kind: &str,
    apply: impl AsyncFnOnce(&mut PgConnection, &str, R, &Reporter<'_>) -> Result<Reported, AppError>,
) -> Result<Response, ApiError> {
    let client = caller.require(Scope::FulfilmentWrite)?.clone();
    let location_id = location_of(&client)?;
    let key = idempotency::key_from(headers)?;
    let (json, report): (Value, R) = idempotency::parse_body(body)?;
    let json = fingerprint(&number, kind, json);
    let mut tx = match idempotency::start(&state.pool, client.key_id, &key, &json).await? {
        Started::New(tx) => tx,
        Started::Replay(response) => return Ok(response),
    };
    let reporter = Reporter {
        location_id,
        name: &client.name,
    };
    let reported = apply(&mut tx, &number, report, &reporter)
        .await
        .map_err(refused)?;
    let answer = progress(number, reported)?;
    idempotency::finish(tx, client.key_id, &key, StatusCode::OK, answer).await
}
