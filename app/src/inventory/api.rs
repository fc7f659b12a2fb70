//! Server functions of the inventory screens: thin wrappers that check the
//! caller (warehouse staff and admins), read or validate the input and call
//! the inventory operations in `db`. Changes redirect to a page that shows
//! their result, so the forms work without JavaScript.

use super::model::{
    InventoryOverview, Location, LocationFields, LowStockQuery, LowStockRow, Movement,
    MovementQuery, SkuDetail, SkuQuantityInput, StockQuery, StockRow, Transfer, TransferQuery,
};
use crate::error::AppError;
use crate::listing::Page;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    super::db::{locations, stock, transfers},
    super::model::{MovementKind, TransferStatus},
    super::pages::filters::iso_date,
    super::rules,
    crate::auth::{model::AdminArea, model::CurrentUser, rules::Requirement, session::require},
    crate::error::{FieldError, FieldErrors},
    crate::server::pool,
    crate::ui::table::url_with,
    sqlx::PgPool,
    uuid::Uuid,
};

/// How many movements the SKU page lists.
pub const SKU_MOVEMENTS: i64 = 50;
/// How many SKU rows the receipt and transfer forms offer.
pub const FORM_ROWS: usize = 10;

#[cfg(feature = "ssr")]
async fn staff() -> Result<CurrentUser, AppError> {
    require(Requirement::Staff(AdminArea::Inventory)).await
}

#[cfg(feature = "ssr")]
fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// The page of a SKU.
pub fn sku_path(sku: &str) -> String {
    format!("/admin/inventory/sku/{}", urlencoding::encode(sku))
}

pub fn transfer_path(number: &str) -> String {
    format!("/admin/inventory/transfers/{}", urlencoding::encode(number))
}

pub fn location_path(code: &str) -> String {
    format!("/admin/inventory/locations/{}", urlencoding::encode(code))
}

/// The name of a field of one location's form on the SKU page (the page
/// has one count, reorder and bin form per location).
pub fn location_field(location: &str, field: &str) -> String {
    format!("{location}/{field}")
}

// Reads ---------------------------------------------------------------------

#[server(output = crate::codec::Json)]
pub async fn get_inventory_overview() -> Result<InventoryOverview, AppError> {
    staff().await?;
    let pool = pool()?;
    let in_transit_query = TransferQuery {
        status: Some(TransferStatus::InTransit),
        ..TransferQuery::default()
    };
    let drafts_query = TransferQuery {
        status: Some(TransferStatus::Draft),
        ..TransferQuery::default()
    };
    let (locations, low, in_transit, drafts) = tokio::try_join!(
        stock::location_totals(&pool),
        stock::low_stock(&pool, None),
        transfers::page(&pool, &in_transit_query),
        transfers::page(&pool, &drafts_query),
    )?;
    Ok(InventoryOverview {
        locations,
        low_stock: low.len() as i64,
        in_transit_count: in_transit.total,
        in_transit: in_transit.rows.into_iter().take(5).collect(),
        drafts: drafts.total,
    })
}

/// Every location, active ones first (for lists and location pickers).
#[server(output = crate::codec::Json)]
pub async fn get_locations() -> Result<Vec<Location>, AppError> {
    staff().await?;
    Ok(locations::all(&pool()?).await?)
}

#[server(output = crate::codec::Json)]
pub async fn get_location(code: String) -> Result<Location, AppError> {
    staff().await?;
    locations::by_code(&pool()?, &code)
        .await?
        .ok_or_else(|| AppError::NotFound("Location".into()))
}

#[server(input = Json, output = crate::codec::Json)]
pub async fn get_stock(query: StockQuery) -> Result<Page<StockRow>, AppError> {
    staff().await?;
    Ok(stock::stock_page(&pool()?, &query).await?)
}

#[server(output = crate::codec::Json)]
pub async fn get_sku_detail(sku: String) -> Result<SkuDetail, AppError> {
    staff().await?;
    let pool = pool()?;
    let (sku, variant_id) = find_variant(&pool, &sku)
        .await?
        .ok_or_else(|| AppError::NotFound("SKU".into()))?;
    let today = today();
    let (availability, settings, movements) = tokio::try_join!(
        stock::availability(&pool, &sku, today),
        stock::sku_settings(&pool, variant_id),
        stock::sku_movements(&pool, variant_id, SKU_MOVEMENTS),
    )?;
    let availability = availability.ok_or_else(|| AppError::NotFound("SKU".into()))?;
    Ok(SkuDetail {
        availability,
        settings,
        movements,
        today,
    })
}

#[server(input = Json, output = crate::codec::Json)]
pub async fn get_movements(query: MovementQuery) -> Result<Page<Movement>, AppError> {
    staff().await?;
    Ok(stock::movement_page(&pool()?, &query).await?)
}

#[server(input = Json, output = crate::codec::Json)]
pub async fn get_transfers(query: TransferQuery) -> Result<Page<Transfer>, AppError> {
    staff().await?;
    Ok(transfers::page(&pool()?, &query).await?)
}

#[server(output = crate::codec::Json)]
pub async fn get_transfer(number: String) -> Result<Transfer, AppError> {
    staff().await?;
    transfers::by_number(&pool()?, number.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Transfer".into()))
}

#[server(input = Json, output = crate::codec::Json)]
pub async fn get_low_stock(query: LowStockQuery) -> Result<Page<LowStockRow>, AppError> {
    staff().await?;
    let location = (!query.location.is_empty()).then_some(query.location.as_str());
    let rows = stock::low_stock(&pool()?, location).await?;
    Ok(page_of(rows, query.page))
}

/// One page of a list that is small enough to read whole.
pub fn page_of<T>(rows: Vec<T>, page: u32) -> Page<T> {
    let per_page = crate::listing::PER_PAGE;
    let total = rows.len() as i64;
    let page = page.max(1);
    let skip = (page as usize - 1).saturating_mul(per_page as usize);
    Page {
        rows: rows
            .into_iter()
            .skip(skip)
            .take(per_page as usize)
            .collect(),
        total,
        page,
        per_page,
    }
}

// Stock of one SKU ----------------------------------------------------------

/// A cycle count: on hand becomes what was counted; the difference is
/// booked as an adjustment. Refused below what is reserved for orders.
#[server(output = crate::codec::Json)]
pub async fn count_stock(sku: String, location: String, counted: String) -> Result<(), AppError> {
    let user = staff().await?;
    let pool = pool()?;
    let field = location_field(&location, "counted");
    let counted = rules::parse_quantity(&field, &counted, 0, rules::MAX_QUANTITY_PER_LINE)
        .map_err(|e| AppError::Invalid(vec![e]))?;
    let (sku, variant_id) = find_variant(&pool, &sku)
        .await?
        .ok_or_else(|| AppError::NotFound("SKU".into()))?;
    let place = find_location(&pool, &location).await?;
    let reference = format!("COUNT-{}", iso_date(today()).replace('-', ""));
    let source = stock::Source {
        kind: "count",
        reference: &reference,
        reason: "Cycle count",
        actor: Some(user.id),
    };
    let mut tx = pool.begin().await?;
    let result = match stock::count(&mut tx, place.id, variant_id, counted, "staff", source).await {
        Ok(result) => result,
        Err(stock::CountFailure::Refused(refused)) => {
            return Err(AppError::field(
                &field,
                "refused",
                sentence(&refused.to_string()),
            ));
        }
        Err(stock::CountFailure::Database(error)) => return Err(error.into()),
    };
    tx.commit().await?;
    leptos_axum::redirect(&url_with(
        &sku_path(&sku),
        &[
            ("counted_at", place.code),
            ("expected", result.expected.to_string()),
            ("counted", result.counted.to_string()),
        ],
    ));
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn save_reorder_point(
    sku: String,
    location: String,
    min_available: String,
    reorder_quantity: String,
) -> Result<(), AppError> {
    staff().await?;
    let pool = pool()?;
    let mut errors = FieldErrors::new();
    let min = errors.check(rules::parse_quantity(
        &location_field(&location, "min_available"),
        &min_available,
        0,
        rules::MAX_QUANTITY_PER_LINE,
    ));
    let quantity = errors.check(rules::parse_quantity(
        &location_field(&location, "reorder_quantity"),
        &reorder_quantity,
        1,
        rules::MAX_QUANTITY_PER_LINE,
    ));
    errors.finish()?;
    let (Some(min), Some(quantity)) = (min, quantity) else {
        return Err(AppError::Internal);
    };
    let (sku, variant_id) = find_variant(&pool, &sku)
        .await?
        .ok_or_else(|| AppError::NotFound("SKU".into()))?;
    let place = find_location(&pool, &location).await?;
    stock::set_reorder_point(&pool, variant_id, place.id, min, quantity).await?;
    leptos_axum::redirect(&url_with(
        &sku_path(&sku),
        &[("saved", "reorder".into()), ("at", place.code)],
    ));
    Ok(())
}

pub const MAX_BIN_LENGTH: usize = 30;

#[server(output = crate::codec::Json)]
pub async fn save_bin(sku: String, location: String, bin: String) -> Result<(), AppError> {
    staff().await?;
    let pool = pool()?;
    let bin = bin.trim().to_uppercase();
    let valid = bin.chars().count() <= MAX_BIN_LENGTH
        && bin
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/' | ' '));
    if !valid {
        return Err(AppError::field(
            &location_field(&location, "bin"),
            "invalid",
            format!(
                "Use at most {MAX_BIN_LENGTH} letters, digits, dashes, dots or slashes, like A-12-03."
            ),
        ));
    }
    let (sku, variant_id) = find_variant(&pool, &sku)
        .await?
        .ok_or_else(|| AppError::NotFound("SKU".into()))?;
    let place = find_location(&pool, &location).await?;
    stock::set_bin(&pool, variant_id, place.id, &bin).await?;
    leptos_axum::redirect(&url_with(
        &sku_path(&sku),
        &[("saved", "bin".into()), ("at", place.code)],
    ));
    Ok(())
}

// Goods in ------------------------------------------------------------------

/// Goods arriving from a supplier: every row is booked in one transaction
/// (all or nothing), then the ledger filtered by the reference is shown.
#[server(output = crate::codec::Json)]
pub async fn receive_goods(
    location: String,
    reference: String,
    #[server(default)] note: String,
    #[server(default)] rows: Vec<SkuQuantityInput>,
) -> Result<(), AppError> {
    let user = staff().await?;
    let pool = pool()?;
    let mut errors = FieldErrors::new();
    let place = errors.check(pick_location(&pool, "location", &location).await?);
    let reference = errors.check(bounded_text("reference", &reference, 60, true));
    let note = errors.check(bounded_text("note", &note, 500, false));
    let lines = sku_lines(&pool, &rows, &mut errors).await?;
    errors.finish()?;
    let (Some(place), Some(reference), Some(note)) = (place, reference, note) else {
        return Err(AppError::Internal);
    };
    let units: i64 = lines.iter().map(|(_, q)| i64::from(*q)).sum();
    let mut tx = pool.begin().await?;
    stock::receive(
        &mut tx,
        place.id,
        &lines,
        MovementKind::Receipt,
        stock::Source {
            kind: "receipt",
            reference: &reference,
            reason: &note,
            actor: Some(user.id),
        },
    )
    .await?;
    tx.commit().await?;
    leptos_axum::redirect(&url_with(
        "/admin/inventory/movements",
        &[
            ("q", reference),
            ("location", place.code),
            ("received", units.to_string()),
        ],
    ));
    Ok(())
}

// Transfers -----------------------------------------------------------------

#[server(output = crate::codec::Json)]
pub async fn create_transfer(
    from: String,
    to: String,
    #[server(default)] expected_arrival: String,
    #[server(default)] note: String,
    #[server(default)] rows: Vec<SkuQuantityInput>,
) -> Result<(), AppError> {
    let user = staff().await?;
    let pool = pool()?;
    let mut errors = FieldErrors::new();
    let origin = errors.check(pick_location(&pool, "from", &from).await?);
    let destination = errors.check(pick_location(&pool, "to", &to).await?);
    if let (Some(a), Some(b)) = (&origin, &destination)
        && a.id == b.id
    {
        errors.push(FieldError::new(
            "to",
            "same",
            "Choose a location other than the one the goods leave from.",
        ));
    }
    let expected = errors.check(arrival_date(&expected_arrival));
    let note = errors.check(bounded_text("note", &note, 500, false));
    let lines = sku_lines(&pool, &rows, &mut errors).await?;
    errors.finish()?;
    let (Some(origin), Some(destination), Some(expected), Some(note)) =
        (origin, destination, expected, note)
    else {
        return Err(AppError::Internal);
    };
    let mut tx = pool.begin().await?;
    let created = transfers::create(
        &mut tx,
        &transfers::NewTransfer {
            from: origin.id,
            to: destination.id,
            expected_arrival: expected,
            note: &note,
            lines: &lines,
            actor: Some(user.id),
        },
    )
    .await;
    let (_, number) = created.map_err(transfer_error)?;
    tx.commit().await?;
    leptos_axum::redirect(&url_with(
        &transfer_path(&number),
        &[("done", "created".into())],
    ));
    Ok(())
}

/// Sends a draft: its lines leave the sending location's stock, all or
/// nothing.
#[server(output = crate::codec::Json)]
pub async fn ship_transfer(number: String) -> Result<(), AppError> {
    let user = staff().await?;
    let pool = pool()?;
    let transfer = find_transfer(&pool, &number).await?;
    let mut tx = pool.begin().await?;
    match transfers::ship(&mut tx, transfer.id, Some(user.id)).await {
        Ok(()) => tx.commit().await?,
        // Dropping the transaction rolls back the lines that did move.
        Err(transfers::TransferError::Insufficient(sku)) => {
            return Err(AppError::Conflict(format!(
                "Not enough available stock of {sku} at {} to ship this transfer. Nothing was shipped.",
                transfer.from_code
            )));
        }
        Err(other) => return Err(transfer_error(other)),
    }
    leptos_axum::redirect(&url_with(
        &transfer_path(&transfer.number),
        &[("done", "shipped".into())],
    ));
    Ok(())
}

/// Receives a transfer in transit: what arrived per line goes into the
/// receiving location's stock.
#[server(output = crate::codec::Json)]
pub async fn receive_transfer(
    number: String,
    #[server(default)] lines: Vec<SkuQuantityInput>,
) -> Result<(), AppError> {
    let user = staff().await?;
    let pool = pool()?;
    let transfer = find_transfer(&pool, &number).await?;
    let expected = transfers::line_variants(&pool, transfer.id).await?;
    let mut errors = FieldErrors::new();
    let mut received = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let row = i + 1;
        let sku = line.sku.trim();
        let Some((_, variant_id, quantity)) = expected.iter().find(|(s, _, _)| s == sku) else {
            errors.push(FieldError::new(
                &format!("received-{row}"),
                "unknown",
                format!("{sku} is not on this transfer."),
            ));
            continue;
        };
        let field = format!("received-{row}");
        if let Some(n) = errors.check(
            rules::parse_quantity(&field, &line.quantity, 0, *quantity).map_err(|_| {
                FieldError::new(
                    &field,
                    "invalid",
                    format!("{sku}: enter a number from 0 to {quantity}."),
                )
            }),
        ) {
            received.push((*variant_id, n));
        }
    }
    errors.finish()?;
    let mut tx = pool.begin().await?;
    transfers::receive(&mut tx, transfer.id, &received, Some(user.id))
        .await
        .map_err(transfer_error)?;
    tx.commit().await?;
    leptos_axum::redirect(&url_with(
        &transfer_path(&transfer.number),
        &[("done", "received".into())],
    ));
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn cancel_transfer(number: String) -> Result<(), AppError> {
    staff().await?;
    let pool = pool()?;
    let transfer = find_transfer(&pool, &number).await?;
    let mut conn = pool.acquire().await?;
    transfers::cancel(&mut conn, transfer.id)
        .await
        .map_err(transfer_error)?;
    leptos_axum::redirect(&url_with(
        &transfer_path(&transfer.number),
        &[("done", "cancelled".into())],
    ));
    Ok(())
}

// Locations -----------------------------------------------------------------

/// Creates a location (`original` empty) or changes the one whose code was
/// `original`. Channels come as one checkbox each.
#[server(output = crate::codec::Json)]
pub async fn save_location(#[server(flatten)] fields: LocationFields) -> Result<(), AppError> {
    staff().await?;
    let pool = pool()?;
    let original = fields.original.clone();
    let form = fields.to_form();
    let parsed = rules::parse_location(&form);
    let mut errors = match &parsed {
        Err(AppError::Invalid(errors)) => errors.clone(),
        Err(other) => return Err(other.clone()),
        Ok(_) => Vec::new(),
    };
    let zone = form.time_zone.trim();
    if !errors.iter().any(|e| e.field == "time_zone")
        && !locations::time_zone_exists(&pool, zone).await?
    {
        errors.push(FieldError::new(
            "time_zone",
            "unknown",
            format!("“{zone}” is not a known time zone. Use a name like Europe/Rome."),
        ));
    }
    let existing = match original.trim() {
        "" => None,
        code => Some(
            locations::by_code(&pool, code)
                .await?
                .ok_or_else(|| AppError::NotFound("Location".into()))?
                .id,
        ),
    };
    let input = match parsed {
        Ok(input) if errors.is_empty() => input,
        _ => return Err(AppError::Invalid(errors)),
    };
    match locations::save(&pool, existing, &input).await {
        Ok(_) => {}
        Err(locations::SaveLocationError::CodeTaken) => {
            return Err(AppError::field(
                "code",
                "taken",
                format!(
                    "A location with the code {} exists already. Choose another code.",
                    input.code
                ),
            ));
        }
        Err(locations::SaveLocationError::Database(error)) => return Err(error.into()),
    }
    leptos_axum::redirect(&url_with(
        "/admin/inventory/locations",
        &[("saved", input.code)],
    ));
    Ok(())
}

// Helpers -------------------------------------------------------------------

/// A SKU as typed (exactly, or in upper case) and its variant id.
#[cfg(feature = "ssr")]
async fn find_variant(pool: &PgPool, sku: &str) -> Result<Option<(String, Uuid)>, AppError> {
    let sku = sku.trim();
    let upper = sku.to_uppercase();
    let found = stock::variant_ids(pool, &[sku.to_owned(), upper.clone()]).await?;
    Ok(found
        .get(sku)
        .map(|id| (sku.to_owned(), *id))
        .or_else(|| found.get(&upper).map(|id| (upper, *id))))
}

#[cfg(feature = "ssr")]
async fn find_location(pool: &PgPool, code: &str) -> Result<Location, AppError> {
    locations::by_code(pool, code.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Location".into()))
}

#[cfg(feature = "ssr")]
async fn find_transfer(pool: &PgPool, number: &str) -> Result<Transfer, AppError> {
    transfers::by_number(pool, number.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Transfer".into()))
}

/// A location chosen in a form's select, or why it cannot be used.
#[cfg(feature = "ssr")]
async fn pick_location(
    pool: &PgPool,
    field: &str,
    code: &str,
) -> Result<Result<Location, FieldError>, AppError> {
    if code.trim().is_empty() {
        return Ok(Err(FieldError::new(
            field,
            "required",
            "Choose a location.",
        )));
    }
    Ok(match locations::by_code(pool, code.trim()).await? {
        Some(location) if location.active => Ok(location),
        Some(location) => Err(FieldError::new(
            field,
            "inactive",
            format!("{} is not active.", location.code),
        )),
        None => Err(FieldError::new(
            field,
            "unknown",
            "Choose a location from the list.",
        )),
    })
}

#[cfg(feature = "ssr")]
fn bounded_text(field: &str, text: &str, max: usize, required: bool) -> Result<String, FieldError> {
    let text = text.trim();
    if required && text.is_empty() {
        Err(FieldError::new(
            field,
            "required",
            match field {
                "reference" => "Enter a reference, such as the supplier's delivery note number.",
                _ => "This field is required.",
            },
        ))
    } else if text.chars().count() > max {
        Err(FieldError::new(
            field,
            "too_long",
            format!("Use at most {max} characters."),
        ))
    } else {
        Ok(text.to_owned())
    }
}

/// An optional arrival date from a date field, not in the past.
#[cfg(feature = "ssr")]
fn arrival_date(text: &str) -> Result<Option<time::Date>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match super::pages::filters::parse_date(text) {
        Some(date) if date >= today() => Ok(Some(date)),
        Some(_) => Err(FieldError::new(
            "expected_arrival",
            "past",
            "The expected arrival cannot be in the past.",
        )),
        None => Err(FieldError::new(
            "expected_arrival",
            "invalid",
            "Use a date like 2026-12-04.",
        )),
    }
}

/// The filled-in rows of a SKU and quantity grid: blank rows are skipped,
/// every problem is reported on its row (fields `sku-N`, `quantity-N`).
#[cfg(feature = "ssr")]
fn typed_lines(rows: &[SkuQuantityInput], errors: &mut FieldErrors) -> Vec<(usize, String, i32)> {
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let n = i + 1;
        let sku = row.sku.trim().to_owned();
        let quantity = row.quantity.trim();
        if sku.is_empty() && quantity.is_empty() {
            continue;
        }
        if sku.is_empty() {
            errors.push(FieldError::new(
                &format!("sku-{n}"),
                "required",
                format!("Row {n}: enter a SKU."),
            ));
        }
        let max = rules::MAX_QUANTITY_PER_LINE;
        let quantity = errors.check(rules::parse_quantity("", quantity, 1, max).map_err(|_| {
            FieldError::new(
                &format!("quantity-{n}"),
                "invalid",
                format!("Row {n}: enter a quantity from 1 to {max}."),
            )
        }));
        if let (false, Some(quantity)) = (sku.is_empty(), quantity) {
            lines.push((n, sku, quantity));
        }
    }
    lines
}

/// The rows of a grid as (variant, quantity), with an error for each
/// unknown SKU and when nothing was entered at all.
#[cfg(feature = "ssr")]
async fn sku_lines(
    pool: &PgPool,
    rows: &[SkuQuantityInput],
    errors: &mut FieldErrors,
) -> Result<Vec<(Uuid, i32)>, AppError> {
    let typed = typed_lines(rows, errors);
    let blank = rows
        .iter()
        .all(|r| r.sku.trim().is_empty() && r.quantity.trim().is_empty());
    if blank {
        errors.push(FieldError::new(
            "rows",
            "required",
            "Enter at least one SKU and quantity.",
        ));
    }
    let mut codes: Vec<String> = typed.iter().map(|(_, sku, _)| sku.clone()).collect();
    codes.extend(typed.iter().map(|(_, sku, _)| sku.to_uppercase()));
    let known = stock::variant_ids(pool, &codes).await?;
    let mut lines = Vec::new();
    for (n, sku, quantity) in typed {
        match known.get(&sku).or_else(|| known.get(&sku.to_uppercase())) {
            Some(id) => lines.push((*id, quantity)),
            None => errors.push(FieldError::new(
                &format!("sku-{n}"),
                "unknown",
                format!("Row {n}: there is no SKU “{sku}”."),
            )),
        }
    }
    Ok(lines)
}

#[cfg(feature = "ssr")]
fn transfer_error(error: transfers::TransferError) -> AppError {
    use transfers::TransferError;
    match error {
        TransferError::WrongStatus(expected) => AppError::Conflict(format!(
            "This transfer is not {expected} any more. Reload the page to see what changed."
        )),
        TransferError::Insufficient(sku) => {
            AppError::Conflict(format!("Not enough available stock of {sku}."))
        }
        TransferError::NotFound => AppError::NotFound("Transfer".into()),
        TransferError::Database(error) => error.into(),
    }
}

/// A rule's message as a sentence: capital first letter, full stop.
#[cfg(feature = "ssr")]
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn row(sku: &str, quantity: &str) -> SkuQuantityInput {
        SkuQuantityInput {
            sku: sku.into(),
            quantity: quantity.into(),
        }
    }

    #[test]
    fn blank_rows_are_skipped_and_bad_ones_named() {
        let mut errors = FieldErrors::new();
        let lines = typed_lines(
            &[
                row(" KN-1 ", "3"),
                row("", ""),
                row("KN-2", "0"),
                row("", "4"),
                row("KN-3", "100001"),
            ],
            &mut errors,
        );
        assert_eq!(lines, vec![(1, "KN-1".to_owned(), 3)]);
        let Err(AppError::Invalid(errors)) = errors.finish() else {
            panic!("expected field errors");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["quantity-3", "sku-4", "quantity-5"]);
        assert!(errors[0].message.starts_with("Row 3:"));
    }

    #[test]
    fn rule_messages_read_as_sentences() {
        assert_eq!(
            sentence("a count cannot be negative"),
            "A count cannot be negative."
        );
    }

    #[test]
    fn small_lists_are_paged_in_memory() {
        let page = page_of((1..=120).collect::<Vec<_>>(), 3);
        assert_eq!(page.rows, (101..=120).collect::<Vec<_>>());
        assert_eq!(page.total, 120);
        assert_eq!(page.page_count(), 3);
    }
}
