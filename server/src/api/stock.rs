//! `/api/v1/stock`: availability for machines, and counts reported by
//! external warehouses (3PL).

use super::client::Caller;
use super::error::{ApiError, ErrorBody};
use super::idempotency::{self, Started};
use crate::http::AppState;
use app::error::FieldError;
use app::integrations::model::Scope;
use app::inventory::db::{locations, stock};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use time::Date;
use utoipa::{IntoParams, ToSchema};

pub const MAX_COUNTS: usize = 1_000;
pub const MAX_COUNTED: i64 = 1_000_000;

#[derive(Debug, Deserialize, IntoParams)]
pub struct StockParams {
    /// The SKU, e.g. `KN-1001-CAM-M`.
    pub sku: Option<String>,
}

/// Availability of one SKU now and by date.
#[derive(Debug, Serialize, ToSchema)]
pub struct StockAvailability {
    pub sku: String,
    pub product: String,
    pub colour: String,
    pub size: String,
    /// Units that can be sold now, over all locations.
    pub available: i32,
    pub locations: Vec<LocationStock>,
    /// Available to promise over all locations: from each date on, this many.
    pub atp: Vec<AtpEntry>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LocationStock {
    pub code: String,
    pub name: String,
    /// `warehouse`, `store` or `external`.
    pub kind: String,
    pub on_hand: i32,
    pub reserved: i32,
    pub available: i32,
    /// Open purchase orders and transfers in transit.
    pub incoming: Vec<AtpEntry>,
    /// Units of the incoming supply already promised to orders.
    pub promised: i32,
    pub atp: Vec<AtpEntry>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AtpEntry {
    pub date: Date,
    pub quantity: i32,
}

/// Availability of a SKU per location, and available to promise by date.
#[utoipa::path(
    get,
    path = "/api/v1/stock",
    tag = "stock",
    params(StockParams),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The SKU's availability", body = StockAvailability),
        (status = 400, description = "No SKU given", body = ErrorBody),
        (status = 401, description = "No valid API key", body = ErrorBody),
        (status = 403, description = "The key lacks the stock:read scope", body = ErrorBody),
        (status = 404, description = "No such SKU", body = ErrorBody),
    )
)]
pub async fn get_stock(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<StockParams>,
) -> Result<Json<StockAvailability>, ApiError> {
    caller.require(Scope::StockRead)?;
    let sku = params.sku.as_deref().map(str::trim).unwrap_or_default();
    if sku.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "sku_required",
            "Say which SKU: /api/v1/stock?sku=…",
        ));
    }
    let today = time::OffsetDateTime::now_utc().date();
    let availability = stock::availability(&state.pool, sku, today)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown_sku",
                format!("There is no SKU {sku:?}."),
            )
        })?;
    let entries = |points: Vec<app::inventory::model::AtpPoint>| {
        points
            .into_iter()
            .map(|p| AtpEntry {
                date: p.date,
                quantity: p.quantity,
            })
            .collect()
    };
    Ok(Json(StockAvailability {
        sku: availability.sku,
        product: availability.product,
        colour: availability.colour,
        size: availability.size,
        available: availability.available,
        locations: availability
            .locations
            .into_iter()
            .map(|l| LocationStock {
                code: l.code,
                name: l.name,
                kind: l.kind.as_str().to_owned(),
                on_hand: l.on_hand,
                reserved: l.reserved,
                available: l.available,
                incoming: l
                    .incoming
                    .iter()
                    .map(|s| AtpEntry {
                        date: s.date,
                        quantity: s.quantity,
                    })
                    .collect(),
                promised: l.promised,
                atp: entries(l.atp),
            })
            .collect(),
        atp: entries(availability.atp),
    }))
}

/// Counts reported by a warehouse: the stock becomes what was counted.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CountReport {
    /// The location's code, e.g. `WH-RTM`.
    pub location: String,
    /// Why, for the ledger (default: "Count reported by API").
    #[serde(default)]
    pub reason: Option<String>,
    pub counts: Vec<ReportedCount>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ReportedCount {
    pub sku: String,
    /// Units physically there.
    pub counted: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CountResults {
    pub location: String,
    pub adjustments: Vec<Adjustment>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Adjustment {
    pub sku: String,
    /// On hand before the count.
    pub previous: i32,
    pub counted: i32,
    /// The adjustment written to the ledger (0: the count matched).
    pub difference: i32,
}

/// A count report as checked before anything is read or written.
#[derive(Debug, PartialEq)]
pub struct CheckedReport {
    pub location: String,
    pub reason: String,
    pub counts: Vec<(String, i32)>,
}

/// Checks a count report's shape and values, naming every bad field.
pub fn check_report(report: &CountReport) -> Result<CheckedReport, Vec<FieldError>> {
    let mut errors = Vec::new();
    let location = report.location.trim().to_uppercase();
    if location.is_empty() {
        errors.push(FieldError::new(
            "location",
            "required",
            "Say which location counted.",
        ));
    }
    let reason = report
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .unwrap_or("Count reported by API")
        .to_owned();
    if reason.chars().count() > 200 {
        errors.push(FieldError::new(
            "reason",
            "too_long",
            "Keep the reason under 200 characters.",
        ));
    }
    if report.counts.is_empty() || report.counts.len() > MAX_COUNTS {
        errors.push(FieldError::new(
            "counts",
            "length",
            format!("Send between 1 and {MAX_COUNTS} counts."),
        ));
    }
    let mut seen = HashSet::new();
    let mut counts = Vec::new();
    for (i, count) in report.counts.iter().enumerate() {
        let sku = count.sku.trim();
        if sku.is_empty() {
            errors.push(FieldError::new(
                &format!("counts[{i}].sku"),
                "required",
                "Give the SKU.",
            ));
        } else if !seen.insert(sku.to_owned()) {
            errors.push(FieldError::new(
                &format!("counts[{i}].sku"),
                "duplicate",
                format!("{sku} is counted twice in this report."),
            ));
        }
        if !(0..=MAX_COUNTED).contains(&count.counted) {
            errors.push(FieldError::new(
                &format!("counts[{i}].counted"),
                "out_of_range",
                format!(
                    "A count must be between 0 and {MAX_COUNTED}, not {}.",
                    count.counted
                ),
            ));
        }
        counts.push((sku.to_owned(), count.counted.clamp(0, MAX_COUNTED) as i32));
    }
    if errors.is_empty() {
        Ok(CheckedReport {
            location,
            reason,
            counts,
        })
    } else {
        Err(errors)
    }
}

/// Applies a warehouse's counts: for each SKU the ledger gets an adjustment
/// by the difference. All or nothing; idempotent by `Idempotency-Key`.
#[utoipa::path(
    post,
    path = "/api/v1/stock/adjustments",
    tag = "stock",
    request_body = CountReport,
    params(("Idempotency-Key" = String, Header, description = "Unique per report (e.g. a UUID); a retry with the same key returns the first answer")),
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Counts applied", body = CountResults),
        (status = 400, description = "Malformed JSON or a missing Idempotency-Key", body = ErrorBody),
        (status = 401, description = "No valid API key", body = ErrorBody),
        (status = 403, description = "The key lacks stock:write or is bound to another location", body = ErrorBody),
        (status = 409, description = "The same key is still being processed", body = ErrorBody),
        (status = 422, description = "Invalid fields (nothing was changed), or the key was used with another body", body = ErrorBody),
    )
)]
pub async fn report_counts(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let client = caller.require(Scope::StockWrite)?.clone();
    let key = idempotency::key_from(&headers)?;
    let (json, report): (Value, CountReport) = idempotency::parse_body(&body)?;
    let checked = check_report(&report).map_err(ApiError::invalid)?;
    let mut tx = match idempotency::start(&state.pool, client.key_id, &key, &json).await? {
        Started::New(tx) => tx,
        Started::Replay(response) => return Ok(response),
    };

    let location = locations::by_code(&mut *tx, &checked.location)
        .await?
        .ok_or_else(|| {
            ApiError::invalid(vec![FieldError::new(
                "location",
                "unknown_location",
                format!("There is no location {:?}.", checked.location),
            )])
        })?;
    if client.location_id.is_some_and(|bound| bound != location.id) {
        return Err(ApiError::forbidden(
            "This API key may report counts only for its own location.",
        ));
    }
    let skus: Vec<String> = checked.counts.iter().map(|(sku, _)| sku.clone()).collect();
    let variants = stock::variant_ids(&mut *tx, &skus).await?;
    let unknown: Vec<FieldError> = checked
        .counts
        .iter()
        .enumerate()
        .filter(|(_, (sku, _))| !variants.contains_key(sku))
        .map(|(i, (sku, _))| {
            FieldError::new(
                &format!("counts[{i}].sku"),
                "unknown_sku",
                format!("There is no SKU {sku:?}."),
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::invalid(unknown));
    }

    let source = stock::Source {
        kind: "api",
        reference: &key,
        reason: &checked.reason,
        actor: None,
    };
    let mut adjustments = Vec::new();
    let mut refused = Vec::new();
    for (i, (sku, counted)) in checked.counts.iter().enumerate() {
        match stock::count(&mut tx, location.id, variants[sku], *counted, "api", source).await {
            Ok(result) => adjustments.push(Adjustment {
                sku: sku.clone(),
                previous: result.expected,
                counted: result.counted,
                difference: result.difference,
            }),
            Err(stock::CountFailure::Refused(error)) => refused.push(FieldError::new(
                &format!("counts[{i}].counted"),
                "below_reserved",
                format!("{sku}: {error}"),
            )),
            Err(stock::CountFailure::Database(error)) => return Err(error.into()),
        }
    }
    if !refused.is_empty() {
        // Dropping the transaction rolls back the counts made so far.
        return Err(ApiError::invalid(refused));
    }
    let answer = serde_json::to_value(CountResults {
        location: location.code,
        adjustments,
    })
    .map_err(|_| ApiError::internal())?;
    idempotency::finish(tx, client.key_id, &key, StatusCode::CREATED, answer).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(location: &str, counts: &[(&str, i64)]) -> CountReport {
        CountReport {
            location: location.to_owned(),
            reason: None,
            counts: counts
                .iter()
                .map(|(sku, counted)| ReportedCount {
                    sku: sku.to_string(),
                    counted: *counted,
                })
                .collect(),
        }
    }

    #[test]
    fn a_good_report_is_normalised() {
        let checked = check_report(&report(" wh-rtm ", &[("A-1", 3), ("B-2", 0)])).unwrap();
        assert_eq!(checked.location, "WH-RTM");
        assert_eq!(checked.reason, "Count reported by API");
        assert_eq!(
            checked.counts,
            vec![("A-1".to_owned(), 3), ("B-2".to_owned(), 0)]
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let errors = check_report(&report(
            "",
            &[("A-1", -1), ("A-1", 2), ("", 1), ("C", 2_000_000)],
        ))
        .unwrap_err();
        let fields: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("location", "required"),
                ("counts[0].counted", "out_of_range"),
                ("counts[1].sku", "duplicate"),
                ("counts[2].sku", "required"),
                ("counts[3].counted", "out_of_range"),
            ]
        );
        assert_eq!(
            check_report(&report("WH", &[])).unwrap_err()[0].field,
            "counts"
        );
    }
}
