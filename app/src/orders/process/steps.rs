//! The steps of the order process. Each runs inside the worker's
//! transaction with the order's row locked, reads what it needs, decides
//! with the pure rules (validation, routing, approval, schedule) and writes
//! its result with the order's events.

use super::engine::Task;
use super::routing_input;
use crate::fulfilment::db::{self as fulfilment, NewLine, NewRequest};
use crate::inventory::db::reservations::{self, Closing, Reservation, ReserveError};
use crate::inventory::model::{Channel, ReservationLine};
use crate::orders::approval::{self, ApprovalStep, Evaluation, OrderFacts};
use crate::orders::db::returns::{self, NewReturn};
use crate::orders::db::timeline::{self, Actor, ChangeError, Event};
use crate::orders::db::{approvals, channels, outbox, plan};
use crate::orders::lifecycle::{self, OrderStatus, TaskKind};
use crate::orders::model::ChannelSettings;
use crate::orders::returns::{RequestedLine, ReturnStatus};
use crate::orders::routing::{self, Outcome};
use crate::orders::validation;
use crate::payments::db::{self as payments, Movement, PaymentFailure};
use crate::payments::provider::PaymentError;
use serde_json::json;
use sqlx::{FromRow, PgConnection};
use std::collections::BTreeMap;
use uuid::Uuid;

/// What a step came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepOutcome {
    Done,
    /// Needs a person or an outside answer first (the reason is shown).
    Wait(String),
    /// The order ended here (cancelled, declined): nothing else runs.
    Ended,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum StepError {
    /// Worth trying again (a lock, a lost connection, stock moved meanwhile).
    #[error("{0}")]
    Transient(String),
    /// Will fail again until someone changes something.
    #[error("{0}")]
    Permanent(String),
}

impl From<sqlx::Error> for StepError {
    fn from(error: sqlx::Error) -> Self {
        let transient = match &error {
            sqlx::Error::Database(db) => {
                matches!(
                    db.code().as_deref(),
                    Some("40001" | "40P01" | "55P03" | "57014")
                )
            }
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => true,
            _ => false,
        };
        tracing::warn!(%error, transient, "database error in an order step");
        if transient {
            StepError::Transient("the database was busy; trying again".to_owned())
        } else {
            StepError::Permanent("a database error (see the server log)".to_owned())
        }
    }
}

impl From<PaymentFailure> for StepError {
    fn from(failure: PaymentFailure) -> Self {
        match failure {
            PaymentFailure::Provider(PaymentError::Unavailable(why)) => StepError::Transient(why),
            PaymentFailure::Database(e) => e.into(),
            other => StepError::Permanent(format!("payment: {other}")),
        }
    }
}

impl From<ChangeError> for StepError {
    fn from(error: ChangeError) -> Self {
        match error {
            ChangeError::Transition(e) => StepError::Permanent(e.to_string()),
            ChangeError::Database(e) => e.into(),
        }
    }
}

/// The order as a step sees it (its row locked for the step's transaction).
#[derive(Debug, Clone, FromRow)]
pub struct OrderRow {
    pub id: Uuid,
    pub number: String,
    pub channel: String,
    pub status: String,
    pub email: String,
    pub customer_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub total_minor: i64,
    pub payment_method: String,
    pub ship_to: serde_json::Value,
    pub on_hold: bool,
    pub risk_cleared: bool,
    /// Click-and-collect: the only location routing may choose.
    pub collect_location_id: Option<Uuid>,
    /// A wholesale pre-order's delivery window start: nothing ships earlier.
    pub ship_not_before: Option<time::Date>,
}

impl OrderRow {
    pub fn status(&self) -> OrderStatus {
        OrderStatus::parse(&self.status).unwrap_or(OrderStatus::Captured)
    }

    pub fn channel(&self) -> Channel {
        Channel::parse(&self.channel).unwrap_or(Channel::Web)
    }

    pub fn country(&self) -> String {
        self.ship_to["country"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

pub async fn lock_order(conn: &mut PgConnection, order_id: Uuid) -> sqlx::Result<OrderRow> {
    sqlx::query_as(
        "SELECT id, number, channel, status, email::text AS email, customer_id, company_id, total_minor,
                payment_method, ship_to, on_hold, risk_cleared_by IS NOT NULL AS risk_cleared,
                collect_location_id, ship_not_before
         FROM orders WHERE id = $1 FOR UPDATE",
    )
    .bind(order_id)
    .fetch_one(conn)
    .await
}

/// What the steps of one chain (one order's tasks in one transaction)
/// read once and share: the channel's settings.
#[derive(Default)]
pub struct Chain {
    settings: Option<ChannelSettings>,
}

impl Chain {
    async fn settings(
        &mut self,
        conn: &mut PgConnection,
        channel: Channel,
    ) -> sqlx::Result<ChannelSettings> {
        if let Some(settings) = self.settings.as_ref().filter(|s| s.channel == channel) {
            return Ok(settings.clone());
        }
        let settings = channels::settings(conn, channel).await?;
        self.settings = Some(settings.clone());
        Ok(settings)
    }
}

pub async fn run(
    conn: &mut PgConnection,
    task: &Task,
    chain: &mut Chain,
) -> Result<StepOutcome, StepError> {
    let order = lock_order(conn, task.order_id).await?;
    if order.status().is_terminal() {
        return Ok(StepOutcome::Ended);
    }
    if order.on_hold {
        return Ok(StepOutcome::Wait("the order is on hold".to_owned()));
    }
    match task.kind {
        TaskKind::Validate => validate(conn, &order).await,
        TaskKind::Score => score(conn, &order).await,
        TaskKind::Route => route(conn, &order, chain).await,
        TaskKind::Approve => approve(conn, &order).await,
        TaskKind::Respond => respond(conn, &order, chain).await,
        TaskKind::Documents => documents(conn, &order, request_of(task)?, chain).await,
        TaskKind::Submit => submit(conn, &order, request_of(task)?).await,
        TaskKind::Notify => notify_shipped(conn, &order, request_of(task)?).await,
        TaskKind::Capture => capture_payment(conn, &order, request_of(task)?).await,
        // Done by outside events, or not part of any plan yet.
        TaskKind::Ship | TaskKind::Invoice | TaskKind::Complete => Ok(StepOutcome::Wait(format!(
            "{} happens outside the workers",
            task.kind.label()
        ))),
    }
}

fn request_of(task: &Task) -> Result<Uuid, StepError> {
    task.fulfilment_request_id
        .ok_or_else(|| StepError::Permanent("this step belongs to a fulfilment request".to_owned()))
}

// ---------------------------------------------------------------------------
// Validation

/// An order line with what is still to deliver of it.
#[derive(FromRow)]
pub struct LineRow {
    pub line_no: i32,
    pub variant_id: Uuid,
    pub sku: String,
    pub quantity: i32,
}

pub async fn open_lines(conn: &mut PgConnection, order_id: Uuid) -> sqlx::Result<Vec<LineRow>> {
    sqlx::query_as(
        "SELECT line_no, variant_id, sku, quantity - cancelled_quantity AS quantity
         FROM order_lines WHERE order_id = $1 AND quantity > cancelled_quantity ORDER BY line_no",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await
}

/// The catalog rules again (the catalog may have changed since capture) and
/// the address (staff may have corrected it).
async fn validate(conn: &mut PgConnection, order: &OrderRow) -> Result<StepOutcome, StepError> {
    let lines = open_lines(conn, order.id).await?;
    let address = serde_json::from_value(order.ship_to.clone()).unwrap_or_default();
    let mut problems = validation::check_address(&address, "ship_to");
    let unsellable: Vec<String> = sqlx::query_scalar(
        "SELECT v.sku FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.id = ANY($1) AND p.lifecycle <> 'active' ORDER BY v.sku",
    )
    .bind(lines.iter().map(|l| l.variant_id).collect::<Vec<_>>())
    .fetch_all(&mut *conn)
    .await?;
    for sku in unsellable {
        problems.push(crate::error::FieldError::new(
            "lines",
            "not_sellable",
            format!("{sku} is no longer for sale."),
        ));
    }
    if problems.is_empty() {
        // Errors of an earlier stop were cleared when staff resumed it.
        timeline::change_status(
            conn,
            order.id,
            order.status(),
            OrderStatus::Validated,
            Actor::System,
            Event::new("validated", "The order passed validation."),
        )
        .await?;
        return Ok(StepOutcome::Done);
    }
    stop_invalid(conn, order, &problems).await?;
    Ok(StepOutcome::Wait("validation errors to correct".to_owned()))
}

async fn set_validation_errors(
    conn: &mut PgConnection,
    order_id: Uuid,
    problems: &[crate::error::FieldError],
) -> sqlx::Result<()> {
    sqlx::query("UPDATE orders SET validation_errors = $2 WHERE id = $1")
        .bind(order_id)
        .bind(serde_json::to_value(problems).unwrap_or_default())
        .execute(conn)
        .await?;
    Ok(())
}

async fn stop_invalid(
    conn: &mut PgConnection,
    order: &OrderRow,
    problems: &[crate::error::FieldError],
) -> Result<(), StepError> {
    set_validation_errors(conn, order.id, problems).await?;
    let text = problems
        .iter()
        .map(|p| p.message.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    timeline::change_status(
        conn,
        order.id,
        order.status(),
        OrderStatus::Invalid,
        Actor::System,
        Event::new("validation_failed", &text).with_data(json!(problems)),
    )
    .await?;
    Ok(())
}

/// The asynchronous check: a simple risk score. A risky order stops for a
/// person to look at it; once cleared it goes on.
async fn score(conn: &mut PgConnection, order: &OrderRow) -> Result<StepOutcome, StepError> {
    let earlier: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM orders
         WHERE id <> $1 AND status <> 'cancelled' AND (email = $2::citext OR customer_id = $3 OR company_id = $4)",
    )
    .bind(order.id)
    .bind(&order.email)
    .bind(order.customer_id)
    .bind(order.company_id)
    .fetch_one(&mut *conn)
    .await?;
    let score = validation::risk_score(
        order.total_minor,
        earlier,
        order.customer_id.is_none() && order.company_id.is_none(),
    );
    sqlx::query("UPDATE orders SET risk_score = $2 WHERE id = $1")
        .bind(order.id)
        .bind(i32::from(score))
        .execute(&mut *conn)
        .await?;
    if score >= validation::RISK_REVIEW_AT && !order.risk_cleared {
        let problem = crate::error::FieldError::new(
            "risk",
            "review",
            format!("Risk score {score} of 100: check the customer and the order, then clear it."),
        );
        stop_invalid(conn, order, &[problem]).await?;
        return Ok(StepOutcome::Wait("a risk review".to_owned()));
    }
    timeline::record(
        conn,
        order.id,
        Actor::System,
        Event::new("scored", &format!("Risk score {score} of 100.")),
    )
    .await?;
    Ok(StepOutcome::Done)
}

// ---------------------------------------------------------------------------
// Routing

async fn route(
    conn: &mut PgConnection,
    order: &OrderRow,
    chain: &mut Chain,
) -> Result<StepOutcome, StepError> {
    let lines = open_lines(conn, order.id).await?;
    let settings = chain.settings(conn, order.channel()).await?;
    let variants: Vec<Uuid> = lines.iter().map(|l| l.variant_id).collect();
    // Hold these SKUs' balances while deciding, so that what was counted is
    // still there when reserved and promised (one order at a time per SKU).
    sqlx::query(
        "SELECT 1 FROM stock_balances WHERE variant_id = ANY($1) ORDER BY variant_id, location_id FOR UPDATE",
    )
    .bind(&variants)
    .execute(&mut *conn)
    .await?;
    let now = time::OffsetDateTime::now_utc();
    let input = routing_input::load(conn, order, &variants, now).await?;
    let to_route: Vec<routing::LineToRoute> = lines
        .iter()
        .map(|l| routing::LineToRoute {
            line_no: l.line_no,
            variant_id: l.variant_id,
            sku: l.sku.clone(),
            quantity: l.quantity,
        })
        .collect();
    let policy = routing::Policy {
        split_allowed: settings.split_allowed,
        max_parts: settings.max_parts.max(1) as u32,
        prefer_fewest_parts: settings.prefer_fewest_parts,
        date_tolerance_days: i64::from(settings.date_tolerance_days),
    };
    // A pre-order is dated from its delivery window: supply arriving by then
    // is as good as stock, and stock waits for the window too.
    let from = order
        .ship_not_before
        .map_or(input.today, |d| d.max(input.today));
    let mut decision = routing::route(&to_route, &input.candidates, &policy, from);
    for placement in &mut decision.placements {
        placement.ship_date = placement.ship_date.max(from);
    }
    let outcome_text = match &decision.outcome {
        Outcome::Routed => "routed",
        Outcome::CheckAnnounced { .. } => "check_announced",
        Outcome::NotAnnounced { .. } => "not_announced",
    };
    sqlx::query("INSERT INTO routing_decisions (order_id, outcome, decision) VALUES ($1, $2, $3)")
        .bind(order.id)
        .bind(outcome_text)
        .bind(serde_json::to_value(&decision).unwrap_or_default())
        .execute(&mut *conn)
        .await?;
    match &decision.outcome {
        Outcome::Routed => {
            place(conn, order, &decision.placements, &lines).await?;
            Ok(StepOutcome::Done)
        }
        Outcome::CheckAnnounced { lines } => {
            let text = format!(
                "No location can ship line{} {} within {} days: choose a location or cancel.",
                if lines.len() == 1 { "" } else { "s" },
                join(lines),
                settings.date_tolerance_days
            );
            timeline::change_status(
                conn,
                order.id,
                order.status(),
                OrderStatus::CheckAnnounced,
                Actor::System,
                Event::new("routing_check", &text),
            )
            .await?;
            Ok(StepOutcome::Wait("a location decision".to_owned()))
        }
        Outcome::NotAnnounced { lines } => {
            let text = format!(
                "No location can deliver line{} {}.",
                if lines.len() == 1 { "" } else { "s" },
                join(lines)
            );
            timeline::change_status(
                conn,
                order.id,
                order.status(),
                OrderStatus::NotAnnounced,
                Actor::System,
                Event::new("not_routable", &text),
            )
            .await?;
            if settings.auto_cancel_unroutable {
                cancel_order(
                    conn,
                    order.id,
                    OrderStatus::NotAnnounced,
                    Actor::System,
                    "Cancelled automatically: nothing can deliver it.",
                )
                .await?;
                return Ok(StepOutcome::Ended);
            }
            Ok(StepOutcome::Wait(
                "a decision: cancel, or route again when stock arrives".to_owned(),
            ))
        }
    }
}

fn join(lines: &[i32]) -> String {
    lines
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Takes the routing decision: reserves the stock and promises the supply
/// at each chosen location, and makes each location's part a planned
/// fulfilment request with its own plan (which starts after the order's
/// response is out).
pub async fn place(
    conn: &mut PgConnection,
    order: &OrderRow,
    placements: &[routing::Placement],
    lines: &[LineRow],
) -> Result<(), StepError> {
    let mut by_location: BTreeMap<(String, Uuid), Vec<&routing::Placement>> = BTreeMap::new();
    for p in placements {
        by_location
            .entry((p.location_code.clone(), p.location_id))
            .or_default()
            .push(p);
    }
    let respond_task: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM order_tasks WHERE order_id = $1 AND kind = 'respond' AND state <> 'cancelled' ORDER BY id DESC LIMIT 1",
    )
    .bind(order.id)
    .fetch_optional(&mut *conn)
    .await?;
    // Requests of an earlier routing (cancelled) keep their numbers.
    let earlier: i64 =
        sqlx::query_scalar("SELECT count(*) FROM fulfilment_requests WHERE order_id = $1")
            .bind(order.id)
            .fetch_one(&mut *conn)
            .await?;
    let variant_of = |line_no: i32| {
        lines
            .iter()
            .find(|l| l.line_no == line_no)
            .map(|l| l.variant_id)
    };
    for (part, ((code, location_id), parts)) in by_location.iter().enumerate() {
        let from_stock: Vec<ReservationLine> = parts
            .iter()
            .filter(|p| p.from_stock > 0)
            .filter_map(|p| {
                Some(ReservationLine {
                    line_no: p.line_no,
                    variant_id: variant_of(p.line_no)?,
                    quantity: p.from_stock,
                })
            })
            .collect();
        let reserved = if from_stock.is_empty() {
            Vec::new()
        } else {
            match reservations::reserve(
                conn,
                &Reservation {
                    order_id: order.id,
                    location_id: *location_id,
                    lines: &from_stock,
                    expires_at: None,
                    reference: &order.number,
                    actor: None,
                },
            )
            .await
            {
                Ok(reserved) => reserved,
                // Stock moved between deciding and reserving: decide again.
                Err(ReserveError::Insufficient(_)) => {
                    return Err(StepError::Transient(format!(
                        "stock at {code} changed while routing"
                    )));
                }
                Err(ReserveError::Database(e)) => return Err(e.into()),
                Err(other) => return Err(StepError::Permanent(other.to_string())),
            }
        };
        for p in parts.iter().filter(|p| p.from_supply > 0) {
            sqlx::query(
                "INSERT INTO supply_promises (order_id, line_no, variant_id, location_id, quantity, available_on)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(order.id)
            .bind(p.line_no)
            .bind(variant_of(p.line_no))
            .bind(location_id)
            .bind(p.from_supply)
            .bind(p.ship_date)
            .execute(&mut *conn)
            .await?;
        }
        let new_lines: Vec<NewLine> = parts
            .iter()
            .filter_map(|p| {
                Some(NewLine {
                    line_no: p.line_no,
                    variant_id: variant_of(p.line_no)?,
                    quantity: p.quantity,
                    reservation_id: reserved
                        .iter()
                        .find(|r| r.line_no == p.line_no)
                        .map(|r| r.reservation_id),
                })
            })
            .collect();
        let ship_date = parts.iter().map(|p| p.ship_date).max();
        let number = format!("{}-{}", order.number, earlier + part as i64 + 1);
        let request_id = fulfilment::create(
            conn,
            &NewRequest {
                number: &number,
                order_id: order.id,
                location_id: *location_id,
                ship_to: &order.ship_to,
                lines: &new_lines,
                submitted_at: None,
                actor: None,
                planned_ship_date: ship_date,
                planned: true,
            },
        )
        .await?;
        plan::add(
            conn,
            order.id,
            Some(request_id),
            &lifecycle::fulfilment_plan(),
            respond_task.as_slice(),
        )
        .await?;
    }
    sqlx::query(
        "UPDATE order_lines l SET planned_ship_date = p.ship_date
         FROM (SELECT * FROM unnest($2::int[], $3::date[]) AS x(line_no, ship_date)) p
         WHERE l.order_id = $1 AND l.line_no = p.line_no",
    )
    .bind(order.id)
    .bind(placements.iter().map(|p| p.line_no).collect::<Vec<_>>())
    .bind(placements.iter().map(|p| p.ship_date).collect::<Vec<_>>())
    .execute(&mut *conn)
    .await?;
    let summary = by_location
        .iter()
        .map(|((code, _), parts)| {
            let units: i32 = parts.iter().map(|p| p.quantity).sum();
            format!("{code}: {units} unit{}", if units == 1 { "" } else { "s" })
        })
        .collect::<Vec<_>>()
        .join("; ");
    let parts = by_location.len();
    let text = format!(
        "Routed to {parts} location{}: {summary}.",
        if parts == 1 { "" } else { "s" }
    );
    timeline::change_status(
        conn,
        order.id,
        order.status(),
        OrderStatus::Routed,
        Actor::System,
        Event::new("routed", &text),
    )
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Approval

async fn approve(conn: &mut PgConnection, order: &OrderRow) -> Result<StepOutcome, StepError> {
    let steps: Vec<ApprovalStep> = match approvals::current_steps(conn, order.id).await? {
        Some(steps) => steps,
        None => first_round(conn, order).await?,
    };
    match approval::evaluate(&steps) {
        Evaluation::Approved => {
            let text = if steps.is_empty() {
                "No approval needed."
            } else {
                "Every approval was given."
            };
            timeline::change_status(
                conn,
                order.id,
                order.status(),
                OrderStatus::Approved,
                Actor::System,
                Event::new("approved", text),
            )
            .await?;
            if !steps.is_empty()
                && let Some(reason) = reroute_reason(conn, order.id).await?
            {
                route_again(conn, order, &reason).await?;
            }
            Ok(StepOutcome::Done)
        }
        Evaluation::Declined { code } => {
            let text = format!("Approval \"{code}\" was declined.");
            timeline::change_status(
                conn,
                order.id,
                order.status(),
                OrderStatus::Declined,
                Actor::System,
                Event::new("declined", &text),
            )
            .await?;
            cancel_order(
                conn,
                order.id,
                OrderStatus::Declined,
                Actor::System,
                "Cancelled: approval declined.",
            )
            .await?;
            Ok(StepOutcome::Ended)
        }
        Evaluation::Waiting { open, rank } => {
            if order.status() != OrderStatus::AwaitingApproval {
                let text = format!("Waiting for approval: {}.", open.join(", "));
                timeline::change_status(
                    conn,
                    order.id,
                    order.status(),
                    OrderStatus::AwaitingApproval,
                    Actor::System,
                    Event::new("approval_requested", &text),
                )
                .await?;
            }
            let external = approvals::external_requests(conn, order.id, rank).await?;
            if !external.is_empty() {
                outbox::add(
                    conn,
                    order.id,
                    order.channel(),
                    "order.approval_requested",
                    &json!({ "order_id": order.id, "number": order.number, "reasons": external }),
                )
                .await?;
            }
            Ok(StepOutcome::Wait(format!("approval: {}", open.join(", "))))
        }
    }
}

/// The approvals the order's channel asks for it (a round is recorded only
/// when some apply; most orders need none and cost no writes).
async fn first_round(conn: &mut PgConnection, order: &OrderRow) -> sqlx::Result<Vec<ApprovalStep>> {
    let reasons = approvals::reasons(&mut *conn, order.channel()).await?;
    if reasons.is_empty() {
        return Ok(Vec::new());
    }
    let first_order: bool = sqlx::query_scalar(
        "SELECT NOT EXISTS (SELECT 1 FROM orders WHERE id <> $1 AND status <> 'cancelled'
                             AND (customer_id = $2 OR company_id = $3 OR email = $4::citext))",
    )
    .bind(order.id)
    .bind(order.customer_id)
    .bind(order.company_id)
    .bind(&order.email)
    .fetch_one(&mut *conn)
    .await?;
    // Open: placed and not yet paid for, i.e. neither completed nor cancelled.
    let credit: Option<(i64, i64)> = sqlx::query_as(
        "SELECT c.credit_limit_minor,
                COALESCE((SELECT sum(o.total_minor) FROM orders o
                          WHERE o.company_id = c.id AND o.id <> $2
                            AND o.status NOT IN ('completed', 'cancelled')), 0)::bigint
         FROM companies c WHERE c.id = $1 AND c.credit_limit_minor IS NOT NULL",
    )
    .bind(order.company_id)
    .bind(order.id)
    .fetch_optional(&mut *conn)
    .await?;
    let facts = OrderFacts {
        total_minor: order.total_minor,
        payment_method: order.payment_method.clone(),
        first_order,
        credit: credit.map(|(limit_minor, open_minor)| approval::Credit {
            limit_minor,
            open_minor,
        }),
    };
    let applicable = approval::applicable(&reasons, &facts);
    if applicable.is_empty() {
        return Ok(Vec::new());
    }
    approvals::open_round(conn, order.id, &applicable).await?;
    Ok(approvals::current_steps(conn, order.id)
        .await?
        .unwrap_or_default())
}

/// An approval of the latest round that asks for routing again once given
/// (e.g. a credit check that took days, while stock moved on); `None` if
/// there is none or the order was routed again already (once is enough).
async fn reroute_reason(conn: &mut PgConnection, order_id: Uuid) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT a.reason_name FROM order_approvals a
         WHERE a.order_id = $1 AND a.reroute_after AND a.decision = 'approved'
           AND a.round = (SELECT max(round) FROM order_approvals WHERE order_id = $1)
           AND NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = $1 AND e.kind = 'routing_again')
         ORDER BY a.rank, a.reason_code LIMIT 1",
    )
    .bind(order_id)
    .fetch_optional(conn)
    .await
}

/// Gives back what the first routing took and plans routing again.
async fn route_again(
    conn: &mut PgConnection,
    order: &OrderRow,
    reason: &str,
) -> Result<(), StepError> {
    let text = format!(
        "\"{reason}\" asks for routing again after approval: stock was released and is routed anew."
    );
    reroute(
        conn,
        order.id,
        &order.number,
        OrderStatus::Approved,
        Actor::System,
        &text,
    )
    .await
}

/// Routes an order again before its goods leave: what routing took
/// (reservations, promises) is given back, its fulfilment requests that
/// have not started (planned, or submitted and not picked) are cancelled
/// with the rest of its plan, and routing, the approval check and the
/// response are planned anew. Approvals given stand. The caller checked
/// that no request has started.
pub async fn reroute(
    conn: &mut PgConnection,
    order_id: Uuid,
    number: &str,
    from: OrderStatus,
    actor: Actor,
    why: &str,
) -> Result<(), StepError> {
    release_holds(conn, order_id, None, number, actor.staff_id()).await?;
    sqlx::query(
        "UPDATE fulfilment_requests SET status = 'cancelled', updated_at = now()
         WHERE order_id = $1 AND status IN ('planned', 'submitted')",
    )
    .bind(order_id)
    .execute(&mut *conn)
    .await?;
    plan::cancel_open(conn, order_id).await?;
    sqlx::query("UPDATE order_lines SET planned_ship_date = NULL WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut *conn)
        .await?;
    timeline::change_status(
        conn,
        order_id,
        from,
        OrderStatus::Validated,
        actor,
        Event::new("routing_again", why),
    )
    .await?;
    plan::add(conn, order_id, None, &lifecycle::reroute_plan(), &[]).await?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Response, documents, submission, notification

async fn respond(
    conn: &mut PgConnection,
    order: &OrderRow,
    chain: &mut Chain,
) -> Result<StepOutcome, StepError> {
    let settings = chain.settings(conn, order.channel()).await?;
    let lines: Vec<(i32, String, i32, Option<time::Date>)> = sqlx::query_as(
        "SELECT line_no, sku, quantity - cancelled_quantity, planned_ship_date FROM order_lines
         WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(order.id)
    .fetch_all(&mut *conn)
    .await?;
    if settings.send_temporary_response {
        let payload = json!({
            "order_id": order.id,
            "number": order.number,
            "status": order.status,
            "lines": lines.iter().map(|(line_no, sku, quantity, date)| json!({
                "line_no": line_no, "sku": sku, "quantity": quantity, "planned_ship_date": date,
            })).collect::<Vec<_>>(),
        });
        outbox::add(conn, order.id, order.channel(), "order.response", &payload).await?;
    }
    let latest = lines.iter().filter_map(|l| l.3).max();
    let text = match latest {
        Some(date) => format!("Planned to ship by {date}."),
        None => "No planned ship date.".to_owned(),
    };
    timeline::record(conn, order.id, Actor::System, Event::new("response", &text)).await?;
    Ok(StepOutcome::Done)
}

async fn documents(
    conn: &mut PgConnection,
    order: &OrderRow,
    request_id: Uuid,
    chain: &mut Chain,
) -> Result<StepOutcome, StepError> {
    let settings = chain.settings(conn, order.channel()).await?;
    let kinds: Vec<&str> = settings.documents.iter().map(|d| d.as_str()).collect();
    sqlx::query(
        "INSERT INTO fulfilment_documents (fulfilment_request_id, kind, reference)
         SELECT fr.id, k, CASE WHEN k = 'delivery_note' THEN fr.number ELSE 'R' || fr.number END
         FROM fulfilment_requests fr, unnest($2::text[]) AS k WHERE fr.id = $1
         ON CONFLICT DO NOTHING",
    )
    .bind(request_id)
    .bind(&kinds)
    .execute(&mut *conn)
    .await?;
    Ok(StepOutcome::Done)
}

async fn submit(
    conn: &mut PgConnection,
    order: &OrderRow,
    request_id: Uuid,
) -> Result<StepOutcome, StepError> {
    let (number, external, location_id): (String, bool, Uuid) = sqlx::query_as(
        "SELECT fr.number, l.kind = 'external', l.id FROM fulfilment_requests fr JOIN locations l ON l.id = fr.location_id
         WHERE fr.id = $1",
    )
    .bind(request_id)
    .fetch_one(&mut *conn)
    .await?;
    fulfilment::hand_over(conn, request_id).await?;
    if external {
        let payload = fulfilment_payload(conn, request_id).await?;
        outbox::add_for_location(
            conn,
            order.id,
            location_id,
            "fulfilment.requested",
            &payload,
        )
        .await?;
    }
    if order.status() == OrderStatus::Approved {
        let text = format!("Submitted {number} to its location.");
        timeline::change_status(
            conn,
            order.id,
            OrderStatus::Approved,
            OrderStatus::Submitted,
            Actor::System,
            Event::new("submitted", &text),
        )
        .await?;
    } else {
        timeline::record(
            conn,
            order.id,
            Actor::System,
            Event::new("submitted", &format!("Submitted {number} to its location.")),
        )
        .await?;
    }
    Ok(StepOutcome::Done)
}

async fn fulfilment_payload(
    conn: &mut PgConnection,
    request_id: Uuid,
) -> sqlx::Result<serde_json::Value> {
    sqlx::query_scalar(
        "SELECT json_build_object(
             'id', fr.id, 'number', fr.number, 'order_number', o.number, 'ship_to', fr.ship_to,
             'planned_ship_date', fr.planned_ship_date,
             'lines', (SELECT json_agg(json_build_object('line_no', fl.line_no, 'sku', v.sku, 'quantity', fl.quantity) ORDER BY fl.line_no)
                       FROM fulfilment_lines fl JOIN variants v ON v.id = fl.variant_id WHERE fl.fulfilment_request_id = fr.id))::jsonb
         FROM fulfilment_requests fr JOIN orders o ON o.id = fr.order_id WHERE fr.id = $1",
    )
    .bind(request_id)
    .fetch_one(conn)
    .await
}

/// Takes the payment for what a fulfilment request shipped, once (the
/// request's number is the capture's reference).
async fn capture_payment(
    conn: &mut PgConnection,
    order: &OrderRow,
    request_id: Uuid,
) -> Result<StepOutcome, StepError> {
    let number: String = sqlx::query_scalar("SELECT number FROM fulfilment_requests WHERE id = $1")
        .bind(request_id)
        .fetch_one(&mut *conn)
        .await?;
    // The shipping fee goes with the first capture.
    let value = payments::shipped_value(conn, request_id).await?
        + payments::uncaptured_shipping(conn, order.id).await?;
    payments::apply(
        conn,
        order.id,
        Movement::Capture,
        &number,
        value,
        true,
        Actor::System,
    )
    .await?;
    Ok(StepOutcome::Done)
}

async fn notify_shipped(
    conn: &mut PgConnection,
    order: &OrderRow,
    request_id: Uuid,
) -> Result<StepOutcome, StepError> {
    let payload: serde_json::Value = sqlx::query_scalar(
        "SELECT json_build_object('order_id', s.order_id, 'number', o.number, 'fulfilment_request', fr.number,
                                  'carrier', s.carrier, 'tracking_number', s.tracking_number, 'shipped_at', s.shipped_at)::jsonb
         FROM shipments s JOIN fulfilment_requests fr ON fr.id = s.fulfilment_request_id JOIN orders o ON o.id = s.order_id
         WHERE s.fulfilment_request_id = $1",
    )
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?
    .unwrap_or_else(|| json!({ "order_id": order.id, "number": order.number }));
    outbox::add(
        conn,
        order.id,
        order.channel(),
        "fulfilment.shipped",
        &payload,
    )
    .await?;
    Ok(StepOutcome::Done)
}

// ---------------------------------------------------------------------------
// Ending an order

/// Gives back what an order (or some of its lines) holds: its active
/// reservations (through the ledger) and its promises on incoming supply.
pub async fn release_holds(
    conn: &mut PgConnection,
    order_id: Uuid,
    lines: Option<&[i32]>,
    reference: &str,
    staff: Option<Uuid>,
) -> sqlx::Result<()> {
    let held: Vec<Uuid> = sqlx::query_scalar(
        "SELECT id FROM reservations WHERE order_id = $1 AND state = 'active' AND ($2::int[] IS NULL OR line_no = ANY($2))",
    )
    .bind(order_id)
    .bind(lines)
    .fetch_all(&mut *conn)
    .await?;
    for reservation in held {
        reservations::release(conn, reservation, Closing::Released, reference, staff).await?;
    }
    sqlx::query(
        "UPDATE supply_promises SET state = 'released'
         WHERE order_id = $1 AND state = 'active' AND ($2::int[] IS NULL OR line_no = ANY($2))",
    )
    .bind(order_id)
    .bind(lines)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records a cancellation of these lines as a return of kind `cancel`
/// (closed at once: nothing comes back) and voids up to `value` of the
/// payment that is not captured yet. Returns the cancellation's number.
pub async fn record_cancellation(
    conn: &mut PgConnection,
    order_id: Uuid,
    lines: &[RequestedLine],
    why: &str,
    actor: Actor,
    value: i64,
) -> Result<String, StepError> {
    if lines.is_empty() {
        return Ok(String::new());
    }
    let (_, number) = returns::create(
        conn,
        &NewReturn {
            order_id,
            kind: "cancel",
            status: ReturnStatus::Closed,
            reason: why,
            location_id: None,
            lines,
            actor,
        },
    )
    .await?;
    payments::apply(conn, order_id, Movement::Void, &number, value, true, actor).await?;
    Ok(number)
}

/// Cancels what is left of an order: releases its reservations and
/// promises, cancels its requests that have not shipped, and moves it to
/// `cancelled`. Used by routing (nothing can deliver), approval (declined)
/// and staff.
pub async fn cancel_order(
    conn: &mut PgConnection,
    order_id: Uuid,
    from: OrderStatus,
    actor: Actor,
    why: &str,
) -> Result<(), StepError> {
    let number: String = sqlx::query_scalar("SELECT number FROM orders WHERE id = $1")
        .bind(order_id)
        .fetch_one(&mut *conn)
        .await?;
    release_holds(conn, order_id, None, &number, actor.staff_id()).await?;
    sqlx::query(
        "UPDATE fulfilment_requests SET status = 'cancelled', updated_at = now()
         WHERE order_id = $1 AND status IN ('planned', 'submitted', 'picking', 'packed')",
    )
    .bind(order_id)
    .execute(&mut *conn)
    .await?;
    let open: Vec<RequestedLine> = sqlx::query_as::<_, (i32, i32)>(
        "SELECT line_no, quantity - cancelled_quantity FROM order_lines
         WHERE order_id = $1 AND quantity > cancelled_quantity ORDER BY line_no",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(line_no, quantity)| RequestedLine {
        line_no,
        quantity,
        reason: String::new(),
    })
    .collect();
    record_cancellation(conn, order_id, &open, why, actor, i64::MAX).await?;
    sqlx::query("UPDATE order_lines SET cancelled_quantity = quantity WHERE order_id = $1")
        .bind(order_id)
        .execute(&mut *conn)
        .await?;
    timeline::change_status(
        conn,
        order_id,
        from,
        OrderStatus::Cancelled,
        actor,
        Event::new("cancelled", why),
    )
    .await?;
    plan::cancel_open(conn, order_id).await?;
    Ok(())
}
