//! Server functions of orders: a customer's history, and the order desk
//! for staff. Every function checks its caller first; the desk's actions
//! answer a plain form post with a redirect, so they work without
//! JavaScript.

// A server function takes a form's fields as its arguments, however many.
#![allow(clippy::too_many_arguments)]

use super::model::{
    ChannelsPage, Inboxes, OrderDesk, OrderQuery, OrderSummary, OrderView, ReturnDocuments,
};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::channels::ChannelForm,
    super::db::timeline::Actor,
    super::process::actions,
    crate::auth::{
        model::{AdminArea, CurrentUser},
        rules::Requirement,
        session::require,
    },
    crate::server::pool,
};

/// The signed-in customer's own orders, newest first.
#[server(output = crate::codec::Json)]
pub async fn my_orders() -> Result<Vec<OrderSummary>, AppError> {
    let user = require(Requirement::SignedIn).await?;
    Ok(super::db::orders_of_customer(&pool()?, user.id).await?)
}

#[cfg(feature = "ssr")]
async fn order_staff() -> Result<CurrentUser, AppError> {
    require(Requirement::Staff(AdminArea::Orders)).await
}

/// Where an order's page is.
pub fn order_path(number: &str) -> String {
    format!("/admin/orders/{}", urlencoding::encode(number))
}

#[server(output = crate::codec::Json)]
pub async fn get_order_desk(query: OrderQuery) -> Result<OrderDesk, AppError> {
    order_staff().await?;
    Ok(super::db::desk::desk(&pool()?, &query).await?)
}

#[server(output = crate::codec::Json)]
pub async fn get_order_view(number: String) -> Result<OrderView, AppError> {
    order_staff().await?;
    let pool = pool()?;
    let order = super::db::detail::by_number(&pool, number.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Order".into()))?;
    let (timeline, plan, routing, locations, documents) = futures::try_join!(
        super::db::desk::timeline(&pool, order.id),
        super::db::desk::plan(&pool, order.id),
        super::db::desk::routing(&pool, order.id),
        crate::inventory::db::locations::all(&pool),
        super::db::desk::documents(&pool, order.id),
    )?;
    Ok(OrderView {
        order,
        timeline,
        plan,
        routing,
        locations: locations
            .into_iter()
            .filter(|l| l.active)
            .map(|l| (l.code, l.name))
            .collect(),
        documents,
    })
}

#[server(output = crate::codec::Json)]
pub async fn get_order_inboxes() -> Result<Inboxes, AppError> {
    order_staff().await?;
    Ok(super::db::desk::inboxes(&pool()?).await?)
}

/// `decision` is `approved` or `declined`; `back` is where to go after.
#[server(output = crate::codec::Json)]
pub async fn decide_order_approval(
    number: String,
    reason: String,
    decision: String,
    #[server(default)] comment: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    let user = order_staff().await?;
    let decision = match decision.as_str() {
        "approved" => super::approval::Decision::Approved,
        "declined" => super::approval::Decision::Declined,
        _ => {
            return Err(AppError::field(
                "decision",
                "invalid",
                "Approve or decline.",
            ));
        }
    };
    let pool = pool()?;
    let order_id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM orders WHERE number = $1")
        .bind(number.trim())
        .fetch_optional(&pool)
        .await?
        .ok_or_else(|| AppError::NotFound("Order".into()))?;
    let approver: Option<String> = sqlx::query_scalar(
        "SELECT approver FROM order_approvals WHERE order_id = $1 AND reason_code = $2 ORDER BY round DESC LIMIT 1",
    )
    .bind(order_id)
    .bind(&reason)
    .fetch_optional(&pool)
    .await?;
    if approver.as_deref() == Some("external") {
        return Err(AppError::Conflict(
            "This approval is answered by an external system.".into(),
        ));
    }
    actions::decide_approval(
        &pool,
        order_id,
        &reason,
        decision,
        Actor::Staff(user.id),
        &comment,
    )
    .await?;
    leptos_axum::redirect(&back_or_order(&back, &number));
    Ok(())
}

/// Only local back-office paths are followed after an action.
#[cfg(feature = "ssr")]
fn back_or_order(back: &str, number: &str) -> String {
    if back.starts_with("/admin/") && !back.starts_with("//") {
        back.to_owned()
    } else {
        order_path(number)
    }
}

#[server(output = crate::codec::Json)]
pub async fn resume_order(number: String) -> Result<(), AppError> {
    let user = order_staff().await?;
    actions::resume(&pool()?, number.trim(), user.id).await?;
    leptos_axum::redirect(&order_path(&number));
    Ok(())
}

/// `hold` is "1" to hold, anything else releases.
#[server(output = crate::codec::Json)]
pub async fn hold_order(
    number: String,
    hold: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let user = order_staff().await?;
    actions::set_hold(&pool()?, number.trim(), hold == "1", &reason, user.id).await?;
    leptos_axum::redirect(&order_path(&number));
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn cancel_order(number: String, reason: String) -> Result<(), AppError> {
    let user = order_staff().await?;
    actions::cancel(&pool()?, number.trim(), &reason, Actor::Staff(user.id)).await?;
    leptos_axum::redirect(&order_path(&number));
    Ok(())
}

/// `lines` are the line numbers ticked on the order page.
#[server(output = crate::codec::Json)]
pub async fn cancel_order_lines(
    number: String,
    #[server(default)] lines: Vec<String>,
    reason: String,
) -> Result<(), AppError> {
    let user = order_staff().await?;
    let line_nos = lines
        .iter()
        .map(|l| l.trim().parse::<i32>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| AppError::field("lines", "invalid", "Choose lines of this order."))?;
    actions::cancel_lines(
        &pool()?,
        number.trim(),
        &line_nos,
        &reason,
        Actor::Staff(user.id),
    )
    .await?;
    leptos_axum::redirect(&order_path(&number));
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn route_order_again(number: String, reason: String) -> Result<(), AppError> {
    let user = order_staff().await?;
    actions::route_again(&pool()?, number.trim(), &reason, user.id).await?;
    leptos_axum::redirect(&order_path(&number));
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn choose_order_location(number: String, location: String) -> Result<(), AppError> {
    let user = order_staff().await?;
    actions::choose_location(&pool()?, number.trim(), &location, user.id).await?;
    leptos_axum::redirect(&order_path(&number));
    Ok(())
}

/// One action on the ticked orders of the desk. Each order is its own
/// transaction: those that cannot take it (e.g. already shipped) are named
/// afterwards and the rest are done. `back` is the desk's filtered URL.
#[server(output = crate::codec::Json)]
pub async fn bulk_order_action(
    #[server(default)] orders: Vec<String>,
    action: String,
    #[server(default)] reason: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use super::model::BulkAction;
    let user = order_staff().await?;
    let action = BulkAction::parse(&action)
        .ok_or_else(|| AppError::field("action", "invalid", "Choose what to do."))?;
    if orders.is_empty() {
        return Err(AppError::field(
            "orders",
            "required",
            "Tick the orders first.",
        ));
    }
    if action.needs_reason() && reason.trim().is_empty() {
        return Err(AppError::field("reason", "required", "Give a reason."));
    }
    let pool = pool()?;
    let mut done = 0;
    let mut failed = Vec::new();
    for number in &orders {
        let number = number.trim();
        let result = match action {
            BulkAction::Hold => actions::set_hold(&pool, number, true, &reason, user.id).await,
            BulkAction::Release => actions::set_hold(&pool, number, false, "", user.id).await,
            BulkAction::Resume => actions::resume(&pool, number, user.id).await,
            BulkAction::Cancel => {
                actions::cancel(&pool, number, &reason, Actor::Staff(user.id)).await
            }
        };
        match result {
            Ok(()) => done += 1,
            Err(_) => failed.push(number.to_owned()),
        }
    }
    let back = if back.starts_with(super::pages::DESK_PATH) && !back.starts_with("//") {
        back
    } else {
        super::pages::DESK_PATH.to_owned()
    };
    let separator = if back.contains('?') { '&' } else { '?' };
    leptos_axum::redirect(&format!(
        "{back}{separator}bulk={}&done={done}&failed={}",
        action.as_str(),
        urlencoding::encode(&failed.join(","))
    ));
    Ok(())
}

/// Where a return's printable note and label are.
pub fn return_documents_path(number: &str, rma: &str) -> String {
    format!(
        "{}/returns/{}",
        order_path(number),
        urlencoding::encode(rma)
    )
}

/// A return of shipped goods. The form has a row per line: `line` (its
/// number), `quantity` (empty or 0: not returned) and `line_reason`.
#[server(output = crate::codec::Json)]
pub async fn create_order_return(
    number: String,
    #[server(default)] line: Vec<String>,
    #[server(default)] quantity: Vec<String>,
    #[server(default)] line_reason: Vec<String>,
    reason: String,
) -> Result<(), AppError> {
    let user = order_staff().await?;
    let lines = super::returns::parse_return_form(&line, &quantity, &line_reason)
        .map_err(AppError::Invalid)?;
    super::process::returns::request(
        &pool()?,
        number.trim(),
        &lines,
        &reason,
        Actor::Staff(user.id),
    )
    .await?;
    leptos_axum::redirect(&format!("{}#returns-heading", order_path(&number)));
    Ok(())
}

/// The next step of a return: `step` is approve, reject, receive, inspect
/// or refund. Inspection sends a `disposition` (restock or write_off) for
/// each `line`; rejection a `comment`.
#[server(output = crate::codec::Json)]
pub async fn advance_order_return(
    number: String,
    rma: String,
    step: String,
    #[server(default)] comment: String,
    #[server(default)] line: Vec<String>,
    #[server(default)] disposition: Vec<String>,
) -> Result<(), AppError> {
    let user = order_staff().await?;
    let step = super::returns::ReturnStep::parse(&step)
        .ok_or_else(|| AppError::field("step", "invalid", "Choose what to do with the return."))?;
    let mut dispositions = Vec::new();
    for (line_no, chosen) in line.iter().zip(&disposition) {
        let line_no = line_no
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::field("line", "invalid", "Choose lines of this return."))?;
        let chosen = super::returns::Disposition::parse(chosen).ok_or_else(|| {
            AppError::field(
                "disposition",
                "invalid",
                format!("Line {line_no}: restock or write off?"),
            )
        })?;
        dispositions.push((line_no, chosen));
    }
    super::process::returns::advance(
        &pool()?,
        number.trim(),
        rma.trim(),
        step,
        &dispositions,
        &comment,
        Actor::Staff(user.id),
    )
    .await?;
    leptos_axum::redirect(&format!("{}#returns-heading", order_path(&number)));
    Ok(())
}

/// The return note and label of return `reference`, or (`parcel` set)
/// the return slip packed with fulfilment request `reference`'s parcel.
#[server(output = crate::codec::Json)]
pub async fn get_return_documents(
    number: String,
    reference: String,
    #[server(default)] parcel: bool,
) -> Result<ReturnDocuments, AppError> {
    order_staff().await?;
    let pool = pool()?;
    let (number, reference) = (number.trim(), reference.trim());
    let found = if parcel {
        super::db::returns::parcel_documents(&pool, number, reference).await?
    } else {
        super::db::returns::documents(&pool, number, reference).await?
    };
    found.ok_or_else(|| AppError::NotFound("Return document".into()))
}

/// Where the return slip packed with a fulfilment request's parcel is.
pub fn parcel_return_path(number: &str, request: &str) -> String {
    format!(
        "{}/parcels/{}",
        order_path(number),
        urlencoding::encode(request)
    )
}

/// Where the channel settings are.
pub const CHANNELS_PATH: &str = "/admin/settings/channels";

#[server(output = crate::codec::Json)]
pub async fn get_channels_page() -> Result<ChannelsPage, AppError> {
    require(Requirement::Staff(AdminArea::Settings)).await?;
    let pool = pool()?;
    let channels = super::db::channels::all(&pool).await?;
    let locations = crate::inventory::db::locations::all(&pool).await?;
    let mut reasons = Vec::new();
    for channel in crate::inventory::model::Channel::ALL {
        for reason in super::db::approvals::reasons(&pool, channel).await? {
            reasons.push((channel, reason));
        }
    }
    Ok(ChannelsPage {
        channels,
        locations: locations
            .into_iter()
            .filter(|l| l.active)
            .map(|l| (l.code, l.name, l.channels))
            .collect(),
        reasons,
    })
}

/// The channel form's fields (checkboxes are absent when not ticked).
#[server(output = crate::codec::Json)]
pub async fn save_channel(
    channel: String,
    name: String,
    split_allowed: Option<String>,
    max_parts: String,
    prefer_fewest_parts: Option<String>,
    date_tolerance_days: String,
    auto_cancel_unroutable: Option<String>,
    send_temporary_response: Option<String>,
    #[server(default)] documents: Vec<String>,
    max_line_quantity: String,
    webhook_url: String,
    #[server(default)] webhook_secret: String,
    #[server(default)] locations: Vec<String>,
) -> Result<(), AppError> {
    require(Requirement::Staff(AdminArea::Settings)).await?;
    let form = ChannelForm {
        channel,
        name,
        split_allowed,
        max_parts,
        prefer_fewest_parts,
        date_tolerance_days,
        auto_cancel_unroutable,
        send_temporary_response,
        documents,
        max_line_quantity,
        webhook_url,
        webhook_secret,
        locations,
    };
    let channel = crate::inventory::model::Channel::parse(&form.channel)
        .ok_or_else(|| AppError::NotFound("Sales channel".into()))?;
    let input = super::channels::parse_channel_form(&form)?;
    let pool = pool()?;
    let known = crate::inventory::db::locations::all(&pool).await?;
    if let Some(unknown) = input
        .locations
        .iter()
        .find(|c| !known.iter().any(|l| &l.code == *c))
    {
        return Err(AppError::field(
            "locations",
            "unknown",
            format!("There is no location {unknown}."),
        ));
    }
    let mut conn = pool.acquire().await?;
    super::db::channels::save(&mut conn, channel, &input).await?;
    leptos_axum::redirect(&format!(
        "{CHANNELS_PATH}?saved={}#{}",
        channel.as_str(),
        channel.as_str()
    ));
    Ok(())
}

// ---------------------------------------------------------------------------
// The customer's own orders (the storefront's account pages)

/// Where a customer's order is in their account.
pub fn my_order_path(number: &str) -> String {
    format!("/account/orders/{}", urlencoding::encode(number))
}

/// The signed-in customer, if `number` is their order (another person's
/// order is "not found", so order numbers reveal nothing).
#[cfg(feature = "ssr")]
async fn own_order(pool: &sqlx::PgPool, number: &str) -> Result<CurrentUser, AppError> {
    let user = require(Requirement::SignedIn).await?;
    let owner: Option<Option<uuid::Uuid>> =
        sqlx::query_scalar("SELECT customer_id FROM orders WHERE number = $1")
            .bind(number)
            .fetch_optional(pool)
            .await?;
    match owner {
        Some(Some(id)) if id == user.id => Ok(user),
        _ => Err(AppError::NotFound("Order".into())),
    }
}

#[server(output = crate::codec::Json)]
pub async fn get_my_order(number: String) -> Result<super::model::CustomerOrder, AppError> {
    use super::lifecycle::OrderStatus;
    use super::model::{CustomerOrder, CustomerReturn};
    let pool = pool()?;
    let number = number.trim();
    own_order(&pool, number).await?;
    let order = super::db::detail::by_number(&pool, number)
        .await?
        .ok_or_else(|| AppError::NotFound("Order".into()))?;
    let changes: Vec<(OrderStatus, time::OffsetDateTime)> =
        super::db::desk::timeline(&pool, order.id)
            .await?
            .into_iter()
            .filter_map(|e| Some((OrderStatus::parse(e.to_status.as_deref()?)?, e.at)))
            .collect();
    let status = OrderStatus::parse(&order.status);
    Ok(CustomerOrder {
        tracking: super::tracking::tracking_steps(order.placed_at, &changes),
        open: status.is_some_and(|s| {
            !matches!(
                s,
                OrderStatus::Shipped | OrderStatus::Completed | OrderStatus::Cancelled
            )
        }),
        returns: order
            .returns
            .iter()
            .map(|r| CustomerReturn {
                number: r.number.clone(),
                kind: r.kind.clone(),
                status: r.status.clone(),
                units: r.lines.iter().map(|l| l.quantity).sum(),
                refund_minor: r.refund_minor,
                created_at: r.created_at,
            })
            .collect(),
        number: order.number,
        status: order.status,
        status_label: order.status_label,
        placed_at: order.placed_at,
        currency: order.currency,
        total_minor: order.total_minor,
        ship_to: order.ship_to,
        lines: order.lines,
        shipments: order.shipments,
    })
}

/// The customer cancels ticked lines that have not shipped (the order
/// process refuses once the warehouse is picking them).
#[server(output = crate::codec::Json)]
pub async fn cancel_my_order_lines(
    number: String,
    #[server(default)] lines: Vec<String>,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let pool = pool()?;
    let user = own_order(&pool, number.trim()).await?;
    let line_nos = lines
        .iter()
        .map(|l| l.trim().parse::<i32>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| AppError::field("lines", "invalid", "Choose items of this order."))?;
    if line_nos.is_empty() {
        return Err(AppError::field(
            "lines",
            "required",
            "Tick the items you want to cancel.",
        ));
    }
    let reason = match reason.trim() {
        "" => "Cancelled by the customer",
        text => text,
    };
    actions::cancel_lines(
        &pool,
        number.trim(),
        &line_nos,
        reason,
        Actor::Customer(user.id),
    )
    .await?;
    leptos_axum::redirect(&my_order_path(&number));
    Ok(())
}

/// The customer asks to return shipped items, with a reason per line.
#[server(output = crate::codec::Json)]
pub async fn request_my_return(
    number: String,
    #[server(default)] line: Vec<String>,
    #[server(default)] quantity: Vec<String>,
    #[server(default)] line_reason: Vec<String>,
) -> Result<(), AppError> {
    let pool = pool()?;
    let user = own_order(&pool, number.trim()).await?;
    let lines = super::returns::parse_return_form(&line, &quantity, &line_reason)
        .map_err(AppError::Invalid)?;
    if lines.is_empty() {
        return Err(AppError::field(
            "quantity",
            "required",
            "Choose how many of an item you send back.",
        ));
    }
    if let Some(missing) = lines.iter().find(|l| l.reason.trim().is_empty()) {
        return Err(AppError::field(
            "line_reason",
            "required",
            format!("Say why item {} comes back.", missing.line_no),
        ));
    }
    super::process::returns::request(
        &pool,
        number.trim(),
        &lines,
        "Requested by the customer in their account",
        Actor::Customer(user.id),
    )
    .await?;
    leptos_axum::redirect(&my_order_path(&number));
    Ok(())
}
