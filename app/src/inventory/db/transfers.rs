//! Transfers between locations: they leave one location's stock when
//! shipped, travel (counted as incoming supply), and arrive when received.

use super::stock::{self, Source};
use crate::inventory::model::{MovementKind, Transfer, TransferLine, TransferStatus};
use sqlx::{FromRow, PgConnection, PgExecutor};
use time::Date;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("the transfer is not {0} any more")]
    WrongStatus(&'static str),
    #[error("not enough available stock at the sending location for {0}")]
    Insufficient(String),
    #[error("transfer not found")]
    NotFound,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

pub struct NewTransfer<'a> {
    pub from: Uuid,
    pub to: Uuid,
    pub expected_arrival: Option<Date>,
    pub note: &'a str,
    pub lines: &'a [(Uuid, i32)],
    pub actor: Option<Uuid>,
}

/// A draft transfer; returns its number.
pub async fn create(
    conn: &mut PgConnection,
    new: &NewTransfer<'_>,
) -> Result<(Uuid, String), TransferError> {
    let (id, number): (Uuid, String) = sqlx::query_as(
        "INSERT INTO transfers (number, from_location_id, to_location_id, expected_arrival, note, created_by)
         VALUES ('TR-' || nextval('transfer_number_seq'), $1, $2, $3, $4, $5) RETURNING id, number",
    )
    .bind(new.from)
    .bind(new.to)
    .bind(new.expected_arrival)
    .bind(new.note)
    .bind(new.actor)
    .fetch_one(&mut *conn)
    .await?;
    let variants: Vec<Uuid> = new.lines.iter().map(|(v, _)| *v).collect();
    let quantities: Vec<i32> = new.lines.iter().map(|(_, q)| *q).collect();
    sqlx::query(
        "INSERT INTO transfer_lines (transfer_id, variant_id, quantity)
         SELECT $1, variant_id, sum(quantity) FROM unnest($2::uuid[], $3::int[]) AS l(variant_id, quantity)
         GROUP BY variant_id",
    )
    .bind(id)
    .bind(&variants)
    .bind(&quantities)
    .execute(&mut *conn)
    .await?;
    Ok((id, number))
}

/// Sends a draft transfer: every line leaves the sending location's
/// available stock (all or nothing).
pub async fn ship(
    conn: &mut PgConnection,
    id: Uuid,
    actor: Option<Uuid>,
) -> Result<(), TransferError> {
    let Some((number, from)): Option<(String, Uuid)> = sqlx::query_as(
        "UPDATE transfers SET status = 'in_transit', shipped_at = now()
         WHERE id = $1 AND status = 'draft' RETURNING number, from_location_id",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Err(status_error(conn, id, "a draft").await);
    };
    let short: Option<String> = sqlx::query_scalar(
        "WITH lines AS (
             SELECT variant_id, quantity FROM transfer_lines WHERE transfer_id = $1 ORDER BY variant_id
         ), upd AS (
             UPDATE stock_balances b SET on_hand = b.on_hand - l.quantity, updated_at = now()
             FROM lines l
             WHERE b.variant_id = l.variant_id AND b.location_id = $2 AND b.on_hand - b.reserved >= l.quantity
             RETURNING b.variant_id, l.quantity
         ), mov AS (
             INSERT INTO stock_movements
                 (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, actor_id)
             SELECT variant_id, $2, 'transfer_out', -quantity, 0, 'transfer', $3, $4 FROM upd
         )
         SELECT v.sku FROM lines l JOIN variants v ON v.id = l.variant_id
         WHERE l.variant_id NOT IN (SELECT variant_id FROM upd) LIMIT 1",
    )
    .bind(id)
    .bind(from)
    .bind(&number)
    .bind(actor)
    .fetch_optional(&mut *conn)
    .await?;
    match short {
        // The caller's transaction must roll back: some lines were not moved.
        Some(sku) => Err(TransferError::Insufficient(sku)),
        None => Ok(()),
    }
}

/// Receives a transfer in transit: what arrived goes into the receiving
/// location's stock (missing units are recorded on the line).
pub async fn receive(
    conn: &mut PgConnection,
    id: Uuid,
    received: &[(Uuid, i32)],
    actor: Option<Uuid>,
) -> Result<(), TransferError> {
    let Some((number, to)): Option<(String, Uuid)> = sqlx::query_as(
        "UPDATE transfers SET status = 'received', received_at = now()
         WHERE id = $1 AND status = 'in_transit' RETURNING number, to_location_id",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Err(status_error(conn, id, "in transit").await);
    };
    let variants: Vec<Uuid> = received.iter().map(|(v, _)| *v).collect();
    let quantities: Vec<i32> = received.iter().map(|(_, q)| *q).collect();
    let arrived: Vec<(Uuid, i32)> = sqlx::query_as(
        "UPDATE transfer_lines t SET received_quantity = least(r.quantity, t.quantity)
         FROM unnest($2::uuid[], $3::int[]) AS r(variant_id, quantity)
         WHERE t.transfer_id = $1 AND t.variant_id = r.variant_id
         RETURNING t.variant_id, t.received_quantity",
    )
    .bind(id)
    .bind(&variants)
    .bind(&quantities)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("UPDATE transfer_lines SET received_quantity = 0 WHERE transfer_id = $1 AND received_quantity IS NULL")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let arrived: Vec<(Uuid, i32)> = arrived.into_iter().filter(|(_, q)| *q > 0).collect();
    if !arrived.is_empty() {
        let source = Source {
            kind: "transfer",
            reference: &number,
            reason: "",
            actor,
        };
        stock::receive(conn, to, &arrived, MovementKind::TransferIn, source).await?;
    }
    Ok(())
}

/// Cancels a draft (nothing has moved yet).
pub async fn cancel(db: &mut PgConnection, id: Uuid) -> Result<(), TransferError> {
    let done =
        sqlx::query("UPDATE transfers SET status = 'cancelled' WHERE id = $1 AND status = 'draft'")
            .bind(id)
            .execute(&mut *db)
            .await?
            .rows_affected();
    if done == 1 {
        Ok(())
    } else {
        Err(status_error(db, id, "a draft").await)
    }
}

async fn status_error(conn: &mut PgConnection, id: Uuid, expected: &'static str) -> TransferError {
    match sqlx::query_scalar::<_, bool>("SELECT true FROM transfers WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
    {
        Ok(Some(_)) => TransferError::WrongStatus(expected),
        Ok(None) => TransferError::NotFound,
        Err(e) => TransferError::Database(e),
    }
}

#[derive(FromRow)]
struct TransferRow {
    id: Uuid,
    number: String,
    from_code: String,
    to_code: String,
    status: String,
    expected_arrival: Option<Date>,
    note: String,
    created_at: time::OffsetDateTime,
    units: i64,
}

const SELECT: &str = "
    SELECT t.id, t.number, f.code AS from_code, d.code AS to_code, t.status, t.expected_arrival, t.note,
           t.created_at, (SELECT coalesce(sum(quantity), 0)::bigint FROM transfer_lines WHERE transfer_id = t.id) AS units
    FROM transfers t JOIN locations f ON f.id = t.from_location_id JOIN locations d ON d.id = t.to_location_id";

fn into_transfer(row: TransferRow, lines: Vec<TransferLine>) -> Transfer {
    Transfer {
        id: row.id,
        number: row.number,
        from_code: row.from_code,
        to_code: row.to_code,
        status: TransferStatus::parse(&row.status).unwrap_or(TransferStatus::Draft),
        expected_arrival: row.expected_arrival,
        note: row.note,
        created_at: row.created_at,
        units: row.units,
        lines,
    }
}

/// The newest transfers (without their lines).
pub async fn recent(db: impl PgExecutor<'_>, limit: i64) -> sqlx::Result<Vec<Transfer>> {
    let rows: Vec<TransferRow> =
        sqlx::query_as(&format!("{SELECT} ORDER BY t.created_at DESC LIMIT $1"))
            .bind(limit)
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|r| into_transfer(r, Vec::new()))
        .collect())
}

pub async fn by_number(db: &sqlx::PgPool, number: &str) -> sqlx::Result<Option<Transfer>> {
    let Some(row): Option<TransferRow> = sqlx::query_as(&format!("{SELECT} WHERE t.number = $1"))
        .bind(number)
        .fetch_optional(db)
        .await?
    else {
        return Ok(None);
    };
    let lines: Vec<(String, String, i32, Option<i32>)> = sqlx::query_as(
        "SELECT v.sku, p.name, l.quantity, l.received_quantity
         FROM transfer_lines l JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
         WHERE l.transfer_id = $1 ORDER BY v.sku",
    )
    .bind(row.id)
    .fetch_all(db)
    .await?;
    let lines = lines
        .into_iter()
        .map(|(sku, product, quantity, received_quantity)| TransferLine {
            sku,
            product,
            quantity,
            received_quantity,
        })
        .collect();
    Ok(Some(into_transfer(row, lines)))
}

fn status_text(status: TransferStatus) -> &'static str {
    match status {
        TransferStatus::Draft => "draft",
        TransferStatus::InTransit => "in_transit",
        TransferStatus::Received => "received",
        TransferStatus::Cancelled => "cancelled",
    }
}

/// One page of transfers, newest first (without their lines), optionally
/// only those of one status or touching one location.
pub async fn page(
    db: &sqlx::PgPool,
    query: &crate::inventory::model::TransferQuery,
) -> sqlx::Result<crate::listing::Page<Transfer>> {
    use crate::listing::{PER_PAGE, Page, limit_offset};
    let status = query.status.map(status_text);
    let location = (!query.location.is_empty()).then(|| query.location.to_uppercase());
    const FILTER: &str = "($1::text IS NULL OR t.status = $1)
          AND ($2::text IS NULL OR f.code = $2 OR d.code = $2)";
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT count(*) FROM transfers t
         JOIN locations f ON f.id = t.from_location_id JOIN locations d ON d.id = t.to_location_id
         WHERE {FILTER}"
    ))
    .bind(status)
    .bind(&location)
    .fetch_one(db)
    .await?;
    let (limit, offset) = limit_offset(query.page, PER_PAGE);
    let rows: Vec<TransferRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE {FILTER} ORDER BY t.created_at DESC, t.number DESC LIMIT $3 OFFSET $4"
    ))
    .bind(status)
    .bind(&location)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?;
    Ok(Page {
        rows: rows
            .into_iter()
            .map(|r| into_transfer(r, Vec::new()))
            .collect(),
        total,
        page: query.page.max(1),
        per_page: PER_PAGE,
    })
}

/// Variant ids of a transfer's lines by SKU.
pub async fn line_variants(
    db: impl PgExecutor<'_>,
    id: Uuid,
) -> sqlx::Result<Vec<(String, Uuid, i32)>> {
    sqlx::query_as(
        "SELECT v.sku, l.variant_id, l.quantity FROM transfer_lines l JOIN variants v ON v.id = l.variant_id
         WHERE l.transfer_id = $1 ORDER BY v.sku",
    )
    .bind(id)
    .fetch_all(db)
    .await
}
