//! What people and outside systems do to an order in the process: decide
//! an approval, resume a stopped order, hold it, choose a location, cancel
//! it; and what the warehouse's progress means for the order. Each is one
//! transaction that locks the order, checks the state machine, writes the
//! event and puts the plan back to work.

use super::steps::{self, LineRow, StepError, lock_order};
use crate::error::AppError;
use crate::fulfilment::model::FulfilmentStatus;
use crate::fulfilment::rules::order_progress;
use crate::orders::approval::{self, Decision};
use crate::orders::db::timeline::{self, Actor, Event};
use crate::orders::db::{approvals, plan};
use crate::orders::lifecycle::{self, OrderStatus, TaskKind};
use crate::orders::returns::{self, RequestedLine};
use crate::orders::routing::{Decision as Routing, LocationReason, Outcome, Placement, Verdict};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

pub(super) fn step_error(error: StepError) -> AppError {
    match error {
        StepError::Transient(message) | StepError::Permanent(message) => {
            AppError::Conflict(message)
        }
    }
}

async fn order_id_of(conn: &mut PgConnection, number: &str) -> Result<Uuid, AppError> {
    sqlx::query_scalar("SELECT id FROM orders WHERE number = $1")
        .bind(number)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| AppError::NotFound("Order".into()))
}

/// The order with this number, locked for the caller's transaction.
pub(super) async fn lock_by_number(
    conn: &mut PgConnection,
    number: &str,
) -> Result<steps::OrderRow, AppError> {
    let order_id = order_id_of(conn, number).await?;
    Ok(lock_order(conn, order_id).await?)
}

/// A reason staff must give, with its spacing tidied.
pub(super) fn required_reason(reason: &str, asked: &str) -> Result<String, AppError> {
    let reason = crate::text::single_spaced(reason);
    if reason.is_empty() {
        return Err(AppError::field("reason", "required", asked));
    }
    Ok(reason)
}

/// Records a decision on one approval of an order (staff in the inbox, or
/// an external system through the API); the order's approval step then
/// evaluates again.
pub async fn decide_approval(
    pool: &PgPool,
    order_id: Uuid,
    reason_code: &str,
    decision: Decision,
    actor: Actor,
    comment: &str,
) -> Result<(), AppError> {
    if decision == Decision::Pending {
        return Err(AppError::field(
            "decision",
            "invalid",
            "Approve or decline.",
        ));
    }
    let mut tx = pool.begin().await?;
    let order = lock_order(&mut tx, order_id).await?;
    let steps = approvals::current_steps(&mut tx, order_id)
        .await?
        .unwrap_or_default();
    approval::may_decide(&steps, reason_code).map_err(|e| AppError::Conflict(e.to_string()))?;
    let comment = crate::text::single_spaced(comment);
    let staff = actor.staff_id();
    let via = if staff.is_some() { "staff" } else { "api" };
    sqlx::query(
        "UPDATE order_approvals SET decision = $3, decided_by = $4, decided_via = $5, decided_at = now(), comment = $6
         WHERE order_id = $1 AND reason_code = $2 AND decision = 'pending'
           AND round = (SELECT max(round) FROM order_approvals WHERE order_id = $1)",
    )
    .bind(order_id)
    .bind(reason_code)
    .bind(decision.as_str())
    .bind(staff)
    .bind(via)
    .bind(&comment)
    .execute(&mut *tx)
    .await?;
    let verb = if decision == Decision::Approved {
        "approved"
    } else {
        "declined"
    };
    let mut text = format!("Approval \"{reason_code}\" {verb}.");
    if !comment.is_empty() {
        text = format!("{text} {comment}");
    }
    timeline::record(
        &mut tx,
        order.id,
        actor,
        Event::new(&format!("approval_{verb}"), &text),
    )
    .await?;
    plan::resume(&mut tx, order.id, &[TaskKind::Approve]).await?;
    tx.commit().await?;
    Ok(())
}

/// Puts a stopped order back to work after staff corrected it: validation
/// runs again (and a risk review counts as cleared), failed steps retry.
pub async fn resume(pool: &PgPool, number: &str, staff: Uuid) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let order = lock_by_number(&mut tx, number).await?;
    let order_id = order.id;
    if order.status() == OrderStatus::Invalid {
        // Stopped by the risk check (validation itself had passed): the
        // review clears it. Stopped by validation: it runs again.
        let by_risk: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM order_tasks WHERE order_id = $1 AND kind = 'score' AND state = 'waiting')",
        )
        .bind(order_id)
        .fetch_one(&mut *tx)
        .await?;
        let (to, text) = if by_risk {
            (
                OrderStatus::Validated,
                "Risk review cleared; the order goes on.",
            )
        } else {
            (
                OrderStatus::Captured,
                "Corrected and resumed: validation runs again.",
            )
        };
        sqlx::query(
            "UPDATE orders SET risk_cleared_by = CASE WHEN $3 THEN $2 ELSE risk_cleared_by END,
                               validation_errors = '[]' WHERE id = $1",
        )
        .bind(order_id)
        .bind(staff)
        .bind(by_risk)
        .execute(&mut *tx)
        .await?;
        timeline::change_status(
            &mut tx,
            order_id,
            OrderStatus::Invalid,
            to,
            Actor::Staff(staff),
            Event::new("resumed", text),
        )
        .await
        .map_err(|e| AppError::Conflict(e.to_string()))?;
    } else {
        timeline::record(
            &mut tx,
            order_id,
            Actor::Staff(staff),
            Event::new("resumed", "Resumed."),
        )
        .await?;
    }
    let kinds = [
        TaskKind::Validate,
        TaskKind::Score,
        TaskKind::Route,
        TaskKind::Approve,
        TaskKind::Respond,
        TaskKind::Documents,
        TaskKind::Submit,
        TaskKind::Capture,
        TaskKind::Notify,
    ];
    let resumed = plan::resume(&mut tx, order_id, &kinds).await?;
    if resumed == 0 && order.status() != OrderStatus::Invalid {
        return Err(AppError::Conflict(
            "Nothing of this order is stopped.".into(),
        ));
    }
    tx.commit().await?;
    Ok(())
}

/// Holds an order: no step of it runs until released.
pub async fn set_hold(
    pool: &PgPool,
    number: &str,
    hold: bool,
    reason: &str,
    staff: Uuid,
) -> Result<(), AppError> {
    let reason = if hold {
        required_reason(reason, "Say why the order is held.")?
    } else {
        String::new()
    };
    let mut tx = pool.begin().await?;
    let order = lock_by_number(&mut tx, number).await?;
    let order_id = order.id;
    if order.status().is_terminal() {
        return Err(AppError::Conflict(format!(
            "The order is {}; there is nothing to hold.",
            order.status().label()
        )));
    }
    if order.on_hold == hold {
        return Err(AppError::Conflict(
            if hold {
                "The order is already on hold."
            } else {
                "The order is not on hold."
            }
            .into(),
        ));
    }
    sqlx::query("UPDATE orders SET on_hold = $2, hold_reason = $3 WHERE id = $1")
        .bind(order_id)
        .bind(hold)
        .bind(&reason)
        .execute(&mut *tx)
        .await?;
    let (kind, text) = if hold {
        ("held", format!("On hold: {reason}"))
    } else {
        ("released", "Hold released.".to_owned())
    };
    timeline::record(
        &mut tx,
        order_id,
        Actor::Staff(staff),
        Event::new(kind, &text),
    )
    .await?;
    if !hold {
        sqlx::query(
            "UPDATE order_tasks SET state = 'ready', run_at = now(), waiting_for = ''
             WHERE order_id = $1 AND state = 'waiting' AND waiting_for = 'the order is on hold'",
        )
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
        plan::wake(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Cancels an order whose goods have not shipped: stock and promises are
/// released, its requests cancelled.
pub async fn cancel(
    pool: &PgPool,
    number: &str,
    reason: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let reason = required_reason(reason, "Say why the order is cancelled.")?;
    let mut tx = pool.begin().await?;
    let order = lock_by_number(&mut tx, number).await?;
    let order_id = order.id;
    let status = order.status();
    if !lifecycle::can_transition(status, OrderStatus::Cancelled) {
        return Err(AppError::Conflict(format!(
            "An order that is {} cannot be cancelled.",
            status.label().to_lowercase()
        )));
    }
    let shipped: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM fulfilment_requests WHERE order_id = $1 AND status IN ('shipped', 'delivered'))",
    )
    .bind(order_id)
    .fetch_one(&mut *tx)
    .await?;
    if shipped {
        return Err(AppError::Conflict(
            "Part of this order has shipped: cancel single lines, or create a return.".into(),
        ));
    }
    steps::cancel_order(
        &mut tx,
        order_id,
        status,
        actor,
        &format!("Cancelled: {reason}"),
    )
    .await
    .map_err(step_error)?;
    tx.commit().await?;
    Ok(())
}

/// Staff route an order again (stock moved, a location closed, a customer
/// asked for another one) while none of its goods are being picked: its
/// holds are given back and routing decides anew.
pub async fn route_again(
    pool: &PgPool,
    number: &str,
    reason: &str,
    staff: Uuid,
) -> Result<(), AppError> {
    let reason = required_reason(reason, "Say why the order is routed again.")?;
    let mut tx = pool.begin().await?;
    let order = lock_by_number(&mut tx, number).await?;
    if !matches!(
        order.status(),
        OrderStatus::Routed
            | OrderStatus::AwaitingApproval
            | OrderStatus::Approved
            | OrderStatus::Submitted
    ) {
        return Err(AppError::Conflict(format!(
            "The order is {}: only a routed order whose goods have not left can be routed again.",
            order.status().label().to_lowercase()
        )));
    }
    // The warehouse cannot start on a request while it is taken back.
    let started: Option<String> = sqlx::query_scalar(
        "SELECT number FROM fulfilment_requests WHERE order_id = $1 AND status IN ('picking', 'packed', 'shipped', 'delivered')
         ORDER BY number LIMIT 1 FOR UPDATE",
    )
    .bind(order.id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(request) = started {
        return Err(AppError::Conflict(format!(
            "{request} is already being picked or has left: cancel single lines or create a return instead."
        )));
    }
    sqlx::query("SELECT 1 FROM fulfilment_requests WHERE order_id = $1 ORDER BY id FOR UPDATE")
        .bind(order.id)
        .execute(&mut *tx)
        .await?;
    let why = format!("Routed again by staff: {reason}. Reserved stock released.");
    steps::reroute(
        &mut tx,
        order.id,
        &order.number,
        order.status(),
        Actor::Staff(staff),
        &why,
    )
    .await
    .map_err(step_error)?;
    tx.commit().await?;
    Ok(())
}

/// Staff decide where an order that routing could not place ships from:
/// every open line at one location, from its stock as far as it goes and
/// from its incoming supply (or as a backorder) for the rest.
pub async fn choose_location(
    pool: &PgPool,
    number: &str,
    location_code: &str,
    staff: Uuid,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let order = lock_by_number(&mut tx, number).await?;
    let order_id = order.id;
    if !matches!(
        order.status(),
        OrderStatus::CheckAnnounced | OrderStatus::NotAnnounced
    ) {
        return Err(AppError::Conflict(
            "Only an order waiting for a location decision can be given one.".into(),
        ));
    }
    let location: Option<(Uuid, String, bool)> =
        sqlx::query_as("SELECT id, code, active FROM locations WHERE code = $1")
            .bind(location_code.trim().to_uppercase())
            .fetch_optional(&mut *tx)
            .await?;
    let Some((location_id, code, true)) = location else {
        return Err(AppError::field(
            "location",
            "unknown",
            "Choose an active location.",
        ));
    };
    let lines = steps::open_lines(&mut tx, order_id).await?;
    sqlx::query("SELECT 1 FROM stock_balances WHERE location_id = $1 AND variant_id = ANY($2) ORDER BY variant_id FOR UPDATE")
        .bind(location_id)
        .bind(lines.iter().map(|l| l.variant_id).collect::<Vec<_>>())
        .execute(&mut *tx)
        .await?;
    let available: Vec<(Uuid, i32)> = sqlx::query_as(
        "SELECT variant_id, on_hand - reserved FROM stock_balances WHERE location_id = $1 AND variant_id = ANY($2)",
    )
    .bind(location_id)
    .bind(lines.iter().map(|l| l.variant_id).collect::<Vec<_>>())
    .fetch_all(&mut *tx)
    .await?;
    let today = time::OffsetDateTime::now_utc().date();
    let placements = manual_placements(&lines, &available, location_id, &code, today);
    let decision = Routing {
        outcome: Outcome::Routed,
        placements: placements.clone(),
        reasons: vec![LocationReason {
            location_code: code.clone(),
            verdict: Verdict::Chosen,
            reason: "chosen by staff".to_owned(),
        }],
        deadline: today,
    };
    sqlx::query(
        "INSERT INTO routing_decisions (order_id, outcome, decision) VALUES ($1, 'manual', $2)",
    )
    .bind(order_id)
    .bind(serde_json::to_value(&decision).unwrap_or_default())
    .execute(&mut *tx)
    .await?;
    timeline::record(
        &mut tx,
        order_id,
        Actor::Staff(staff),
        Event::new(
            "location_chosen",
            &format!("{code} chosen to ship the order."),
        ),
    )
    .await?;
    steps::place(&mut tx, &order, &placements, &lines)
        .await
        .map_err(step_error)?;
    let route_task: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM order_tasks WHERE order_id = $1 AND kind = 'route' AND state IN ('waiting', 'failed') ORDER BY id DESC LIMIT 1",
    )
    .bind(order_id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(task) = route_task {
        plan::finish(&mut tx, task, "staff").await?;
        plan::wake(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Every line at one location: from stock as far as it goes, the rest
/// promised (it ships when supply arrives).
fn manual_placements(
    lines: &[LineRow],
    available: &[(Uuid, i32)],
    location_id: Uuid,
    code: &str,
    today: time::Date,
) -> Vec<Placement> {
    let mut left: std::collections::HashMap<Uuid, i32> =
        available.iter().map(|(v, q)| (*v, (*q).max(0))).collect();
    lines
        .iter()
        .map(|line| {
            let stock = left.entry(line.variant_id).or_default();
            let from_stock = line.quantity.min(*stock);
            *stock -= from_stock;
            Placement {
                line_no: line.line_no,
                location_id,
                location_code: code.to_owned(),
                quantity: line.quantity,
                from_stock,
                from_supply: line.quantity - from_stock,
                ship_date: today,
            }
        })
        .collect()
}

/// A fulfilment request of the order shipped, was delivered or cancelled:
/// the order follows (partially shipped, shipped, completed), and a ship
/// task waiting for this request is done.
pub async fn fulfilment_progressed(
    conn: &mut PgConnection,
    order_id: Uuid,
    request_id: Uuid,
    shipped_now: bool,
    actor: Option<Uuid>,
) -> sqlx::Result<()> {
    let order = lock_order(conn, order_id).await?;
    let statuses: Vec<String> =
        sqlx::query_scalar("SELECT status FROM fulfilment_requests WHERE order_id = $1")
            .bind(order_id)
            .fetch_all(&mut *conn)
            .await?;
    let statuses: Vec<FulfilmentStatus> = statuses
        .iter()
        .filter_map(|s| FulfilmentStatus::parse(s))
        .collect();
    let actor = actor.map_or(Actor::System, Actor::Staff);
    if let Some(next) = order_progress(&statuses).and_then(OrderStatus::parse)
        && next != order.status()
        && lifecycle::can_transition(order.status(), next)
    {
        let text = match next {
            OrderStatus::PartiallyShipped => "Part of the order has shipped.",
            OrderStatus::Shipped => "Everything has shipped.",
            _ => "Every line is delivered or cancelled: the order is complete.",
        };
        timeline::change_status(
            conn,
            order_id,
            order.status(),
            next,
            actor,
            Event::new(next.as_str(), text),
        )
        .await
        .map_err(|e| match e {
            timeline::ChangeError::Database(e) => e,
            timeline::ChangeError::Transition(e) => sqlx::Error::Protocol(e.to_string()),
        })?;
    }
    if shipped_now {
        plan::event_happened(conn, request_id, TaskKind::Ship, "warehouse").await?;
    }
    Ok(())
}

/// Cancels whole lines whose goods have not started leaving: their stock
/// and promises are released, they leave their fulfilment requests (a
/// request left empty is cancelled with its plan), and when no line is
/// left the order is cancelled.
pub async fn cancel_lines(
    pool: &PgPool,
    number: &str,
    line_nos: &[i32],
    reason: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let reason = required_reason(reason, "Say why the lines are cancelled.")?;
    if line_nos.is_empty() {
        return Err(AppError::field(
            "lines",
            "required",
            "Choose the lines to cancel.",
        ));
    }
    let mut tx = pool.begin().await?;
    let order = lock_by_number(&mut tx, number).await?;
    let order_id = order.id;
    if order.status().is_terminal() {
        return Err(AppError::Conflict(format!(
            "The order is {}.",
            order.status().label().to_lowercase()
        )));
    }
    // The warehouse cannot start on these requests while lines leave them.
    sqlx::query("SELECT 1 FROM fulfilment_requests WHERE order_id = $1 ORDER BY id FOR UPDATE")
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    // Lines that exist, are not cancelled, and whose requests are untouched.
    let blocked: Vec<(i32, String)> = sqlx::query_as(
        "SELECT l.line_no, coalesce(min(fr.status) FILTER (WHERE fr.status NOT IN ('planned', 'submitted', 'cancelled')), '')
         FROM order_lines l
         LEFT JOIN fulfilment_lines fl ON fl.order_id = l.order_id AND fl.line_no = l.line_no
         LEFT JOIN fulfilment_requests fr ON fr.id = fl.fulfilment_request_id
         WHERE l.order_id = $1 AND l.line_no = ANY($2)
         GROUP BY l.line_no, l.quantity, l.cancelled_quantity
         HAVING l.cancelled_quantity = l.quantity
             OR bool_or(fr.status NOT IN ('planned', 'submitted', 'cancelled'))",
    )
    .bind(order_id)
    .bind(line_nos)
    .fetch_all(&mut *tx)
    .await?;
    if let Some((line, status)) = blocked.first() {
        let why = if status.is_empty() {
            "is already cancelled".to_owned()
        } else {
            format!("is {status} already")
        };
        return Err(AppError::Conflict(format!(
            "Line {line} {why}: it cannot be cancelled (create a return instead)."
        )));
    }
    let known: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM order_lines WHERE order_id = $1 AND line_no = ANY($2)",
    )
    .bind(order_id)
    .bind(line_nos)
    .fetch_one(&mut *tx)
    .await?;
    if known as usize != line_nos.len() {
        return Err(AppError::field(
            "lines",
            "unknown",
            "Choose lines of this order.",
        ));
    }
    let staff = actor.staff_id();
    steps::release_holds(&mut tx, order_id, Some(line_nos), &order.number, staff).await?;
    sqlx::query("DELETE FROM fulfilment_lines WHERE order_id = $1 AND line_no = ANY($2)")
        .bind(order_id)
        .bind(line_nos)
        .execute(&mut *tx)
        .await?;
    let emptied: Vec<Uuid> = sqlx::query_scalar(
        "UPDATE fulfilment_requests fr SET status = 'cancelled', updated_at = now()
         WHERE fr.order_id = $1 AND fr.status IN ('planned', 'submitted')
           AND NOT EXISTS (SELECT 1 FROM fulfilment_lines fl WHERE fl.fulfilment_request_id = fr.id)
         RETURNING fr.id",
    )
    .bind(order_id)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE order_tasks SET state = 'cancelled', waiting_for = ''
         WHERE fulfilment_request_id = ANY($1) AND state IN ('blocked', 'ready', 'waiting', 'failed')",
    )
    .bind(&emptied)
    .execute(&mut *tx)
    .await?;
    let cancelled: Vec<(i32, i32, i64)> = sqlx::query_as(
        "SELECT line_no, quantity - cancelled_quantity, unit_price_minor FROM order_lines
         WHERE order_id = $1 AND line_no = ANY($2) ORDER BY line_no",
    )
    .bind(order_id)
    .bind(line_nos)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE order_lines SET cancelled_quantity = quantity WHERE order_id = $1 AND line_no = ANY($2)",
    )
    .bind(order_id)
    .bind(line_nos)
    .execute(&mut *tx)
    .await?;
    let mut sorted = line_nos.to_vec();
    sorted.sort_unstable();
    let list = sorted
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!(
        "Line{} {list} cancelled: {reason}. Reserved stock released.",
        if sorted.len() == 1 { "" } else { "s" }
    );
    timeline::record(
        &mut tx,
        order_id,
        actor,
        Event::new("lines_cancelled", &text),
    )
    .await?;
    let value = returns::value_minor(
        &cancelled
            .iter()
            .map(|(_, q, p)| (*q, *p))
            .collect::<Vec<_>>(),
    );
    let lines: Vec<RequestedLine> = cancelled
        .iter()
        .map(|(line_no, quantity, _)| RequestedLine {
            line_no: *line_no,
            quantity: *quantity,
            reason: String::new(),
        })
        .collect();
    steps::record_cancellation(&mut tx, order_id, &lines, &reason, actor, value)
        .await
        .map_err(step_error)?;
    let left: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM order_lines WHERE order_id = $1 AND cancelled_quantity < quantity",
    )
    .bind(order_id)
    .fetch_one(&mut *tx)
    .await?;
    if left == 0 {
        steps::cancel_order(
            &mut tx,
            order_id,
            order.status(),
            actor,
            "Every line is cancelled.",
        )
        .await
        .map_err(step_error)?;
    } else {
        // The rest may now be complete (e.g. the cancelled part was all that was left to ship).
        let any_request: Option<Uuid> =
            sqlx::query_scalar("SELECT id FROM fulfilment_requests WHERE order_id = $1 LIMIT 1")
                .bind(order_id)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(request) = any_request {
            fulfilment_progressed(&mut tx, order_id, request, false, staff).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
