//! Returns, as people drive them: a return is requested for shipped lines,
//! approved (its label can be printed and the channel hears of it),
//! received at a location, inspected line by line (restocked through the
//! ledger, or written off) and refunded through the payment provider. Each
//! step is one transaction that locks the order and the return, so a step
//! happens once however often it is sent.

use super::actions::{lock_by_number, required_reason};
use crate::error::AppError;
use crate::inventory::db::stock::{self, Source};
use crate::inventory::model::MovementKind;
use crate::orders::db::outbox;
use crate::orders::db::returns::{self as db, NewReturn};
use crate::orders::db::timeline::{self, Actor, Event};
use crate::orders::lifecycle::OrderStatus;
use crate::orders::returns::{self as rules, Disposition, RequestedLine, ReturnStatus, ReturnStep};
use crate::payments::db::{self as payments, Movement, PaymentFailure};
use crate::payments::provider::PaymentError;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

fn payment_error(failure: PaymentFailure) -> AppError {
    match failure {
        PaymentFailure::Database(e) => e.into(),
        PaymentFailure::Provider(PaymentError::Unavailable(why)) => {
            AppError::Conflict(format!("The payment provider did not answer: {why}"))
        }
        other => AppError::Conflict(format!("The refund was refused: {other}.")),
    }
}

/// Opens a return for shipped lines of the order; returns its number. The
/// goods go back to the location that shipped them (the first, if several).
pub async fn request(
    pool: &PgPool,
    number: &str,
    lines: &[RequestedLine],
    reason: &str,
    actor: Actor,
) -> Result<String, AppError> {
    let reason = required_reason(reason, "Say why the goods come back.")?;
    let mut tx = pool.begin().await?;
    let order = lock_by_number(&mut tx, number).await?;
    if !matches!(
        order.status(),
        OrderStatus::PartiallyShipped | OrderStatus::Shipped | OrderStatus::Completed
    ) {
        return Err(AppError::Conflict(format!(
            "The order is {}: only shipped goods can be returned (cancel lines instead).",
            order.status().label().to_lowercase()
        )));
    }
    let returnable = db::returnable(&mut *tx, order.id).await?;
    rules::check_return(&returnable, lines).map_err(AppError::Invalid)?;
    let location_id: Option<Uuid> = sqlx::query_scalar(
        "SELECT location_id FROM fulfilment_requests WHERE order_id = $1 AND status IN ('shipped', 'delivered')
         ORDER BY number LIMIT 1",
    )
    .bind(order.id)
    .fetch_optional(&mut *tx)
    .await?;
    let (_, rma) = db::create(
        &mut tx,
        &NewReturn {
            order_id: order.id,
            kind: "return",
            status: ReturnStatus::Requested,
            reason: &reason,
            location_id,
            lines,
            actor,
        },
    )
    .await?;
    let units: i32 = lines.iter().map(|l| l.quantity).sum();
    let text = format!(
        "Return {rma} requested: {units} unit{}. {reason}",
        if units == 1 { "" } else { "s" }
    );
    timeline::record(
        &mut tx,
        order.id,
        actor,
        Event::new("return_requested", &text),
    )
    .await?;
    tx.commit().await?;
    Ok(rma)
}

/// Moves a return on by one step. Inspection takes each line's disposition
/// (line number → restock or write-off); every line must have one.
pub async fn advance(
    pool: &PgPool,
    number: &str,
    rma: &str,
    step: ReturnStep,
    dispositions: &[(i32, Disposition)],
    comment: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let comment = crate::text::single_spaced(comment);
    if step == ReturnStep::Reject && comment.is_empty() {
        return Err(AppError::field(
            "comment",
            "required",
            "Say why the return is rejected.",
        ));
    }
    let mut tx = pool.begin().await?;
    let order = lock_by_number(&mut tx, number).await?;
    let found = db::lock(&mut tx, order.id, rma)
        .await?
        .ok_or_else(|| AppError::NotFound("Return".into()))?;
    let Some(next) = found.status().next(step) else {
        return Err(AppError::Conflict(format!(
            "Return {rma} is {}: it cannot be {} now.",
            found.status().label().to_lowercase(),
            past(step)
        )));
    };
    let mut refund = None;
    let text = match step {
        ReturnStep::Approve => {
            outbox::add(
                &mut tx,
                order.id,
                order.channel(),
                "return.approved",
                &json!({ "order_id": order.id, "number": order.number, "return": rma }),
            )
            .await?;
            format!("Return {rma} approved: the return label is ready.")
        }
        ReturnStep::Reject => format!("Return {rma} rejected: {comment}"),
        ReturnStep::Receive => format!("Return {rma} received."),
        ReturnStep::Inspect => {
            let lines = db::lines(&mut tx, found.id).await?;
            let mut chosen = Vec::new();
            let mut restock: Vec<(Uuid, i32)> = Vec::new();
            for line in &lines {
                let Some((_, disposition)) = dispositions.iter().find(|(l, _)| *l == line.line_no)
                else {
                    return Err(AppError::field(
                        "disposition",
                        "required",
                        format!(
                            "Line {} ({}): restock or write off?",
                            line.line_no, line.sku
                        ),
                    ));
                };
                chosen.push((line.line_no, disposition.as_str()));
                if *disposition == Disposition::Restock {
                    restock.push((line.variant_id, line.quantity));
                }
            }
            if !restock.is_empty() {
                let location = found.location_id.ok_or_else(|| {
                    AppError::Conflict(format!("Return {rma} has no location to restock at."))
                })?;
                stock::receive(
                    &mut tx,
                    location,
                    &restock,
                    MovementKind::ReturnToStock,
                    Source {
                        kind: "return",
                        reference: rma,
                        reason: "returned by the customer",
                        actor: actor.staff_id(),
                    },
                )
                .await?;
            }
            db::set_dispositions(&mut tx, found.id, &chosen).await?;
            let restocked: i32 = restock.iter().map(|(_, q)| q).sum();
            let units: i32 = lines.iter().map(|l| l.quantity).sum();
            format!(
                "Return {rma} inspected: {restocked} of {units} unit{} back in stock, the rest written off.",
                if units == 1 { "" } else { "s" }
            )
        }
        ReturnStep::Refund => {
            let lines = db::lines(&mut tx, found.id).await?;
            let value = rules::value_minor(
                &lines
                    .iter()
                    .map(|l| (l.quantity, l.unit_price_minor))
                    .collect::<Vec<_>>(),
            );
            let refunded =
                payments::apply(&mut tx, order.id, Movement::Refund, rma, value, true, actor)
                    .await
                    .map_err(payment_error)?;
            refund = Some(refunded);
            outbox::add(
                &mut tx,
                order.id,
                order.channel(),
                "return.refunded",
                &json!({ "order_id": order.id, "number": order.number, "return": rma, "refund_minor": refunded }),
            )
            .await?;
            format!("Return {rma} closed with its refund.")
        }
    };
    db::set_status(&mut tx, found.id, next, refund).await?;
    let kind = format!("return_{}", next.as_str());
    timeline::record(&mut tx, order.id, actor, Event::new(&kind, &text)).await?;
    tx.commit().await?;
    Ok(())
}

fn past(step: ReturnStep) -> &'static str {
    match step {
        ReturnStep::Approve => "approved",
        ReturnStep::Reject => "rejected",
        ReturnStep::Receive => "received",
        ReturnStep::Inspect => "inspected",
        ReturnStep::Refund => "refunded",
    }
}
