//! Reservations: stock held for order lines.
//!
//! Reserving is one guarded `UPDATE … WHERE on_hand - reserved >= quantity`
//! per SKU, with the reservation rows and their ledger rows written by the
//! same statement. A SKU without enough stock is simply not updated; if any
//! SKU of the request is short, the whole reservation is rolled back, so it
//! is all-or-nothing per location. Closing a reservation (ship, release,
//! expire) first moves its state away from 'active', which only one
//! transaction can do; the balance and the ledger follow in the same
//! statement, so nothing is counted twice.

use crate::inventory::model::{ReservationLine, Shortage};
use crate::inventory::rules::{self, ReservationError};
use sqlx::{Acquire, PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum ReserveError {
    #[error(transparent)]
    Invalid(#[from] ReservationError),
    #[error("insufficient stock")]
    Insufficient(Vec<Shortage>),
    #[error("this order line is already reserved at this location")]
    AlreadyReserved,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// What to reserve, for which order, where.
pub struct Reservation<'a> {
    pub order_id: Uuid,
    pub location_id: Uuid,
    pub lines: &'a [ReservationLine],
    /// Unpaid orders' reservations may lapse; `None` holds until closed.
    pub expires_at: Option<OffsetDateTime>,
    /// Shown in the ledger, e.g. the order number.
    pub reference: &'a str,
    pub actor: Option<Uuid>,
}

/// A reservation made: its id per order line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reserved {
    pub line_no: i32,
    pub reservation_id: Uuid,
}

const RESERVE: &str = "
    WITH req AS (
        SELECT * FROM unnest($3::int[], $4::uuid[], $5::int[]) AS r(line_no, variant_id, quantity)
    ), need AS (
        SELECT variant_id, sum(quantity)::int AS quantity FROM req GROUP BY variant_id
    ), upd AS (
        UPDATE stock_balances b
        SET reserved = b.reserved + need.quantity, updated_at = now()
        FROM need
        WHERE b.variant_id = need.variant_id AND b.location_id = $2
          AND b.on_hand - b.reserved >= need.quantity
        RETURNING b.variant_id
    ), res AS (
        INSERT INTO reservations (order_id, line_no, variant_id, location_id, quantity, expires_at)
        SELECT $1, req.line_no, req.variant_id, $2, req.quantity, $6
        FROM req JOIN upd USING (variant_id)
        RETURNING id, line_no, variant_id, quantity
    ), mov AS (
        INSERT INTO stock_movements
            (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reservation_id, actor_id)
        SELECT variant_id, $2, 'reservation', 0, quantity, 'order', $7, id, $8 FROM res
    )
    SELECT line_no, id FROM res ORDER BY line_no";

/// Reserves within the caller's transaction (behind a savepoint: a shortage
/// undoes only this reservation, so the caller may try another location).
pub async fn reserve(
    conn: &mut PgConnection,
    request: &Reservation<'_>,
) -> Result<Vec<Reserved>, ReserveError> {
    let demand = rules::demand_per_variant(request.lines)?;
    let mut savepoint = conn.begin().await?;
    match attempt(&mut savepoint, request, &demand).await {
        Ok(Attempt::Done(reserved)) => {
            savepoint.commit().await?;
            Ok(reserved)
        }
        Ok(Attempt::Short { granted }) => {
            savepoint.rollback().await?;
            Err(ReserveError::Insufficient(
                explain_shortage(conn, request.location_id, &demand, &granted).await?,
            ))
        }
        Err(error) => {
            savepoint.rollback().await?;
            Err(error)
        }
    }
}

/// Reserves in a transaction of its own.
pub async fn reserve_now(
    pool: &PgPool,
    request: &Reservation<'_>,
) -> Result<Vec<Reserved>, ReserveError> {
    let demand = rules::demand_per_variant(request.lines)?;
    if let [(variant_id, requested)] = demand[..] {
        // One SKU: its guarded update takes all of it or nothing, so the
        // statement alone is all-or-nothing (one round trip, no BEGIN).
        let mut conn = pool.acquire().await?;
        let reserved = try_reserve(&mut conn, request).await?;
        if !reserved.is_empty() {
            return Ok(reserved);
        }
        return Err(ReserveError::Insufficient(
            explain_shortage(
                &mut conn,
                request.location_id,
                &[(variant_id, requested)],
                &[],
            )
            .await?,
        ));
    }
    let mut tx = pool.begin().await?;
    match attempt(&mut tx, request, &demand).await? {
        Attempt::Done(reserved) => {
            tx.commit().await?;
            Ok(reserved)
        }
        Attempt::Short { granted } => {
            tx.rollback().await?;
            let mut conn = pool.acquire().await?;
            Err(ReserveError::Insufficient(
                explain_shortage(&mut conn, request.location_id, &demand, &granted).await?,
            ))
        }
    }
}

enum Attempt {
    Done(Vec<Reserved>),
    /// Some SKU was short; the work done must be rolled back by the caller.
    Short {
        granted: Vec<Uuid>,
    },
}

async fn attempt(
    conn: &mut PgConnection,
    request: &Reservation<'_>,
    demand: &[(Uuid, i32)],
) -> Result<Attempt, ReserveError> {
    if demand.len() > 1 {
        // Lock the balances in SKU order, so that two reservations of the
        // same SKUs wait for each other instead of deadlocking.
        let ids: Vec<Uuid> = demand.iter().map(|(v, _)| *v).collect();
        sqlx::query(
            "SELECT 1 FROM stock_balances WHERE location_id = $1 AND variant_id = ANY($2)
             ORDER BY variant_id FOR NO KEY UPDATE",
        )
        .bind(request.location_id)
        .bind(&ids)
        .execute(&mut *conn)
        .await?;
    }
    let reserved = try_reserve(conn, request).await?;
    if reserved.len() == request.lines.len() {
        return Ok(Attempt::Done(reserved));
    }
    let granted = request
        .lines
        .iter()
        .filter(|l| reserved.iter().any(|r| r.line_no == l.line_no))
        .map(|l| l.variant_id)
        .collect();
    Ok(Attempt::Short { granted })
}

async fn try_reserve(
    conn: &mut PgConnection,
    request: &Reservation<'_>,
) -> Result<Vec<Reserved>, ReserveError> {
    let line_nos: Vec<i32> = request.lines.iter().map(|l| l.line_no).collect();
    let variants: Vec<Uuid> = request.lines.iter().map(|l| l.variant_id).collect();
    let quantities: Vec<i32> = request.lines.iter().map(|l| l.quantity).collect();
    let rows: Vec<(i32, Uuid)> = sqlx::query_as(RESERVE)
        .bind(request.order_id)
        .bind(request.location_id)
        .bind(&line_nos)
        .bind(&variants)
        .bind(&quantities)
        .bind(request.expires_at)
        .bind(request.reference)
        .bind(request.actor)
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db) if db.constraint() == Some("reservations_one_active_idx") => {
                ReserveError::AlreadyReserved
            }
            _ => ReserveError::Database(e),
        })?;
    Ok(rows
        .into_iter()
        .map(|(line_no, reservation_id)| Reserved {
            line_no,
            reservation_id,
        })
        .collect())
}

/// After a failed attempt: which SKUs were short, and how many were there.
async fn explain_shortage(
    conn: &mut PgConnection,
    location_id: Uuid,
    demand: &[(Uuid, i32)],
    granted: &[Uuid],
) -> Result<Vec<Shortage>, sqlx::Error> {
    let short: Vec<(Uuid, i32)> = demand
        .iter()
        .filter(|(v, _)| !granted.contains(v))
        .copied()
        .collect();
    let ids: Vec<Uuid> = short.iter().map(|(v, _)| *v).collect();
    let available: Vec<(Uuid, i32)> = sqlx::query_as(
        "SELECT variant_id, on_hand - reserved FROM stock_balances
         WHERE location_id = $1 AND variant_id = ANY($2)",
    )
    .bind(location_id)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    let now = |id: Uuid| {
        available
            .iter()
            .find(|(v, _)| *v == id)
            .map_or(0, |(_, a)| *a)
    };
    Ok(short
        .into_iter()
        .map(|(variant_id, requested)| Shortage {
            variant_id,
            requested,
            // It was short when we tried, even if stock arrived since.
            available: now(variant_id).min(requested - 1).max(0),
        })
        .collect())
}

/// How a reservation ends without shipping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// Cancelled order, failed order, rerouted line.
    Released,
    /// An unpaid order's reservation ran out.
    Expired,
}

impl Closing {
    fn state(self) -> &'static str {
        match self {
            Closing::Released => "released",
            Closing::Expired => "expired",
        }
    }
}

/// Gives a reservation's stock back. `false` if it was no longer active
/// (already shipped, released or expired): nothing changes then.
pub async fn release(
    conn: &mut PgConnection,
    reservation_id: Uuid,
    closing: Closing,
    reference: &str,
    actor: Option<Uuid>,
) -> Result<bool, sqlx::Error> {
    let released: i64 = sqlx::query_scalar(
        "WITH r AS (
             UPDATE reservations SET state = $2, closed_at = now()
             WHERE id = $1 AND state = 'active'
             RETURNING id, variant_id, location_id, quantity - short_quantity AS held
         ), b AS (
             UPDATE stock_balances s SET reserved = s.reserved - r.held, updated_at = now()
             FROM r WHERE s.variant_id = r.variant_id AND s.location_id = r.location_id
         ), m AS (
             INSERT INTO stock_movements
                 (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reservation_id, actor_id)
             SELECT variant_id, location_id, 'release', 0, -held, 'order', $3, id, $4 FROM r WHERE held > 0
         )
         SELECT count(*) FROM r",
    )
    .bind(reservation_id)
    .bind(closing.state())
    .bind(reference)
    .bind(actor)
    .fetch_one(conn)
    .await?;
    Ok(released == 1)
}

/// Releases every reservation whose time ran out; returns how many. Safe to
/// run from several servers at once: each reservation closes once.
pub async fn expire_due(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let expired: i64 = sqlx::query_scalar(
        "WITH r AS (
             UPDATE reservations SET state = 'expired', closed_at = now()
             WHERE id IN (SELECT id FROM reservations
                          WHERE state = 'active' AND expires_at < now()
                          ORDER BY expires_at LIMIT 1000 FOR UPDATE SKIP LOCKED)
             RETURNING id, variant_id, location_id, quantity - short_quantity AS held
         ), totals AS (
             SELECT variant_id, location_id, sum(held)::int AS held FROM r GROUP BY 1, 2
         ), b AS (
             UPDATE stock_balances s SET reserved = s.reserved - t.held, updated_at = now()
             FROM totals t WHERE s.variant_id = t.variant_id AND s.location_id = t.location_id
         ), m AS (
             INSERT INTO stock_movements
                 (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reason, reservation_id)
             SELECT variant_id, location_id, 'release', 0, -held, 'order', NULL, 'Reservation expired', id
             FROM r WHERE held > 0
         )
         SELECT count(*) FROM r",
    )
    .fetch_one(pool)
    .await?;
    Ok(expired as u64)
}

/// Units of a reservation that were not found when picking: they leave the
/// stock (on hand and reserved) with an adjustment. `false` if the
/// reservation is not active or holds fewer units.
pub async fn record_short_pick(
    conn: &mut PgConnection,
    reservation_id: Uuid,
    short: i32,
    reference: &str,
    actor: Option<Uuid>,
) -> Result<bool, sqlx::Error> {
    if short <= 0 {
        return Ok(short == 0);
    }
    let done: i64 = sqlx::query_scalar(
        "WITH r AS (
             UPDATE reservations SET short_quantity = short_quantity + $2
             WHERE id = $1 AND state = 'active' AND quantity - short_quantity - shipped_quantity >= $2
             RETURNING id, variant_id, location_id
         ), b AS (
             UPDATE stock_balances s
             SET on_hand = s.on_hand - $2, reserved = s.reserved - $2, updated_at = now()
             FROM r WHERE s.variant_id = r.variant_id AND s.location_id = r.location_id
         ), m AS (
             INSERT INTO stock_movements
                 (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reason, reservation_id, actor_id)
             SELECT variant_id, location_id, 'adjustment', -$2, -$2, 'fulfilment', $3, 'Short pick: not found in the bin', id, $4
             FROM r
         )
         SELECT count(*) FROM r",
    )
    .bind(reservation_id)
    .bind(short)
    .bind(reference)
    .bind(actor)
    .fetch_one(conn)
    .await?;
    Ok(done == 1)
}

/// Ships `quantity` units of a reservation and closes it: the shipped units
/// leave on hand and reserved; what is left of it is released. `false` if
/// the reservation was not active (e.g. released meanwhile) or holds fewer
/// units.
pub async fn ship(
    conn: &mut PgConnection,
    reservation_id: Uuid,
    quantity: i32,
    reference: &str,
    actor: Option<Uuid>,
) -> Result<bool, sqlx::Error> {
    let shipped: i64 = sqlx::query_scalar(
        "WITH r AS (
             UPDATE reservations SET state = 'shipped', shipped_quantity = $2, closed_at = now()
             WHERE id = $1 AND state = 'active' AND $2 >= 0 AND quantity - short_quantity >= $2
             RETURNING id, variant_id, location_id, quantity - short_quantity - $2 AS rest
         ), b AS (
             UPDATE stock_balances s
             SET on_hand = s.on_hand - $2, reserved = s.reserved - $2 - r.rest, updated_at = now()
             FROM r WHERE s.variant_id = r.variant_id AND s.location_id = r.location_id
         ), shipped AS (
             INSERT INTO stock_movements
                 (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reservation_id, actor_id)
             SELECT variant_id, location_id, 'shipment', -$2, -$2, 'fulfilment', $3, id, $4 FROM r WHERE $2 > 0
         ), rest AS (
             INSERT INTO stock_movements
                 (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reason, reservation_id, actor_id)
             SELECT variant_id, location_id, 'release', 0, -rest, 'fulfilment', $3, 'Not shipped', id, $4 FROM r WHERE rest > 0
         )
         SELECT count(*) FROM r",
    )
    .bind(reservation_id)
    .bind(quantity)
    .bind(reference)
    .bind(actor)
    .fetch_one(conn)
    .await?;
    Ok(shipped == 1)
}
