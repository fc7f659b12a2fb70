//! Returns and cancellations in the database: what an order's lines can
//! still return, recording a return or a cancellation with its lines, and
//! moving a return on one status at a time (only one caller can).

use crate::orders::db::timeline::Actor;
use crate::orders::model::{OrderReturn, OrderReturnLine};
use crate::orders::returns::{RequestedLine, ReturnStatus, ReturnableLine};
use sqlx::{FromRow, PgConnection, PgExecutor};
use time::OffsetDateTime;
use uuid::Uuid;

/// Per line: what shipped and what is already coming back.
pub async fn returnable(
    db: impl PgExecutor<'_>,
    order_id: Uuid,
) -> sqlx::Result<Vec<ReturnableLine>> {
    let rows: Vec<(i32, String, i32, i32)> = sqlx::query_as(
        "SELECT l.line_no, l.sku, r.shipped_quantity, r.returned_quantity
         FROM order_lines l JOIN order_line_returns r USING (order_id, line_no)
         WHERE l.order_id = $1 ORDER BY l.line_no",
    )
    .bind(order_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(line_no, sku, shipped, returned)| ReturnableLine {
            line_no,
            sku,
            shipped,
            returned,
        })
        .collect())
}

/// A return or cancellation to record.
pub struct NewReturn<'a> {
    pub order_id: Uuid,
    pub kind: &'a str,
    pub status: ReturnStatus,
    pub reason: &'a str,
    pub location_id: Option<Uuid>,
    pub lines: &'a [RequestedLine],
    pub actor: Actor,
}

/// Records it with its lines; returns its id and number (`RMA-500001`).
pub async fn create(conn: &mut PgConnection, new: &NewReturn<'_>) -> sqlx::Result<(Uuid, String)> {
    let (via, by) = match new.actor {
        Actor::Staff(id) => ("staff", Some(id)),
        Actor::Customer(id) => ("customer", Some(id)),
        Actor::Api => ("api", None),
        Actor::System => ("system", None),
    };
    let (id, number): (Uuid, String) = sqlx::query_as(
        "INSERT INTO returns (number, order_id, kind, status, reason, location_id, created_by, created_via)
         VALUES ('RMA-' || nextval('return_number_seq'), $1, $2, $3, $4, $5, $6, $7)
         RETURNING id, number",
    )
    .bind(new.order_id)
    .bind(new.kind)
    .bind(new.status.as_str())
    .bind(new.reason)
    .bind(new.location_id)
    .bind(by)
    .bind(via)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO return_lines (return_id, order_id, line_no, quantity, reason)
         SELECT $1, $2, l.* FROM unnest($3::int[], $4::int[], $5::text[]) AS l(line_no, quantity, reason)",
    )
    .bind(id)
    .bind(new.order_id)
    .bind(new.lines.iter().map(|l| l.line_no).collect::<Vec<_>>())
    .bind(new.lines.iter().map(|l| l.quantity).collect::<Vec<_>>())
    .bind(new.lines.iter().map(|l| l.reason.as_str()).collect::<Vec<_>>())
    .execute(conn)
    .await?;
    Ok((id, number))
}

/// A return as its steps need it.
#[derive(Debug, Clone, FromRow)]
pub struct ReturnRow {
    pub id: Uuid,
    pub number: String,
    pub order_id: Uuid,
    pub status: String,
    pub location_id: Option<Uuid>,
}

impl ReturnRow {
    pub fn status(&self) -> ReturnStatus {
        ReturnStatus::parse(&self.status).unwrap_or(ReturnStatus::Closed)
    }
}

/// The return `number` of order `order_id`, locked (`None`: no such return).
pub async fn lock(
    conn: &mut PgConnection,
    order_id: Uuid,
    number: &str,
) -> sqlx::Result<Option<ReturnRow>> {
    sqlx::query_as(
        "SELECT id, number, order_id, status, location_id FROM returns
         WHERE order_id = $1 AND number = $2 AND kind = 'return' FOR UPDATE",
    )
    .bind(order_id)
    .bind(number)
    .fetch_optional(conn)
    .await
}

pub async fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: ReturnStatus,
    refund_minor: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE returns SET status = $2, refund_minor = coalesce($3, refund_minor), updated_at = now() WHERE id = $1",
    )
    .bind(id)
    .bind(status.as_str())
    .bind(refund_minor)
    .execute(conn)
    .await
    .map(drop)
}

/// A return's lines with what they are worth and which variant they are.
#[derive(Debug, Clone, FromRow)]
pub struct ValuedLine {
    pub line_no: i32,
    pub variant_id: Uuid,
    pub sku: String,
    pub quantity: i32,
    pub unit_price_minor: i64,
    pub disposition: Option<String>,
}

pub async fn lines(conn: &mut PgConnection, return_id: Uuid) -> sqlx::Result<Vec<ValuedLine>> {
    sqlx::query_as(
        "SELECT rl.line_no, ol.variant_id, ol.sku, rl.quantity, ol.unit_price_minor, rl.disposition
         FROM return_lines rl JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_no = rl.line_no
         WHERE rl.return_id = $1 ORDER BY rl.line_no",
    )
    .bind(return_id)
    .fetch_all(conn)
    .await
}

pub async fn set_dispositions(
    conn: &mut PgConnection,
    return_id: Uuid,
    dispositions: &[(i32, &str)],
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE return_lines rl SET disposition = d.disposition
         FROM unnest($2::int[], $3::text[]) AS d(line_no, disposition)
         WHERE rl.return_id = $1 AND rl.line_no = d.line_no",
    )
    .bind(return_id)
    .bind(dispositions.iter().map(|(l, _)| *l).collect::<Vec<_>>())
    .bind(dispositions.iter().map(|(_, d)| *d).collect::<Vec<_>>())
    .execute(conn)
    .await
    .map(drop)
}

/// The order's returns and cancellations with their lines, oldest first.
pub async fn of_order(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<OrderReturn>> {
    #[derive(FromRow)]
    struct Row {
        number: String,
        kind: String,
        status: String,
        reason: String,
        location: Option<String>,
        refund_minor: i64,
        created_at: OffsetDateTime,
        line_no: i32,
        sku: String,
        quantity: i32,
        line_reason: String,
        disposition: Option<String>,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.number, r.kind, r.status, r.reason, loc.code AS location, r.refund_minor, r.created_at,
                rl.line_no, ol.sku, rl.quantity, rl.reason AS line_reason, rl.disposition
         FROM returns r
         JOIN return_lines rl ON rl.return_id = r.id
         JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_no = rl.line_no
         LEFT JOIN locations loc ON loc.id = r.location_id
         WHERE r.order_id = $1 ORDER BY r.created_at, r.number, rl.line_no",
    )
    .bind(order_id)
    .fetch_all(db)
    .await?;
    let mut returns: Vec<OrderReturn> = Vec::new();
    for row in rows {
        let line = OrderReturnLine {
            line_no: row.line_no,
            sku: row.sku,
            quantity: row.quantity,
            reason: row.line_reason,
            disposition: row.disposition,
        };
        match returns.last_mut() {
            Some(r) if r.number == row.number => r.lines.push(line),
            _ => returns.push(OrderReturn {
                number: row.number,
                kind: row.kind,
                status: row.status,
                reason: row.reason,
                location: row.location,
                refund_minor: row.refund_minor,
                created_at: row.created_at,
                lines: vec![line],
            }),
        }
    }
    Ok(returns)
}

/// What a return note and label print, before the codes are drawn.
#[derive(FromRow)]
struct DocumentHeader {
    id: Uuid,
    number: String,
    status: String,
    reason: String,
    created_at: OffsetDateTime,
    ship_to: serde_json::Value,
    location_name: Option<String>,
    location_address: Option<String>,
    location_postal_code: Option<String>,
    location_city: Option<String>,
    location_country: Option<String>,
}

const LOCATION_ADDRESS: &str = "l.name AS location_name, l.address AS location_address,
    l.postal_code AS location_postal_code, l.city AS location_city, l.country AS location_country";

/// The return note and label of return `number` of the order (`None`: no
/// such return).
pub async fn documents(
    db: &sqlx::PgPool,
    order_number: &str,
    number: &str,
) -> sqlx::Result<Option<crate::orders::model::ReturnDocuments>> {
    let header: Option<DocumentHeader> = sqlx::query_as(&format!(
        "SELECT r.id, r.number, r.status, r.reason, r.created_at, o.ship_to, {LOCATION_ADDRESS}
         FROM returns r JOIN orders o ON o.id = r.order_id LEFT JOIN locations l ON l.id = r.location_id
         WHERE o.number = $1 AND r.number = $2 AND r.kind = 'return'"
    ))
    .bind(order_number)
    .bind(number)
    .fetch_optional(db)
    .await?;
    let Some(header) = header else {
        return Ok(None);
    };
    let lines = sqlx::query_as(
        "SELECT ol.sku, ol.description, rl.quantity, rl.reason
         FROM return_lines rl JOIN order_lines ol ON ol.order_id = rl.order_id AND ol.line_no = rl.line_no
         WHERE rl.return_id = $1 ORDER BY rl.line_no",
    )
    .bind(header.id)
    .fetch_all(db)
    .await?;
    Ok(Some(assemble(order_number, header, lines)))
}

/// The return slip packed with a fulfilment request's parcel, for channels
/// whose documents include it: its reference is the parcel's return
/// reference, its lines what the parcel holds (`None`: no such slip).
pub async fn parcel_documents(
    db: &sqlx::PgPool,
    order_number: &str,
    request: &str,
) -> sqlx::Result<Option<crate::orders::model::ReturnDocuments>> {
    let header: Option<DocumentHeader> = sqlx::query_as(&format!(
        "SELECT fr.id, d.reference AS number, 'approved' AS status, '' AS reason, d.created_at, fr.ship_to,
                {LOCATION_ADDRESS}
         FROM fulfilment_requests fr JOIN orders o ON o.id = fr.order_id JOIN locations l ON l.id = fr.location_id
         JOIN fulfilment_documents d ON d.fulfilment_request_id = fr.id AND d.kind IN ('return_label', 'return_note')
         WHERE o.number = $1 AND fr.number = $2
         ORDER BY d.kind LIMIT 1"
    ))
    .bind(order_number)
    .bind(request)
    .fetch_optional(db)
    .await?;
    let Some(header) = header else {
        return Ok(None);
    };
    let lines = sqlx::query_as(
        "SELECT ol.sku, ol.description, fl.quantity, '' AS reason
         FROM fulfilment_lines fl JOIN order_lines ol ON ol.order_id = fl.order_id AND ol.line_no = fl.line_no
         WHERE fl.fulfilment_request_id = $1 ORDER BY fl.line_no",
    )
    .bind(header.id)
    .fetch_all(db)
    .await?;
    Ok(Some(assemble(order_number, header, lines)))
}

fn assemble(
    order_number: &str,
    h: DocumentHeader,
    lines: Vec<(String, String, i32, String)>,
) -> crate::orders::model::ReturnDocuments {
    use crate::fulfilment::model::Address;
    use crate::orders::model::{ReturnDocumentLine, ReturnDocuments};
    let return_to = h.location_name.map(|name| Address {
        name,
        line1: h.location_address.unwrap_or_default(),
        postal_code: h.location_postal_code.unwrap_or_default(),
        city: h.location_city.unwrap_or_default(),
        country: h.location_country.unwrap_or_default(),
    });
    ReturnDocuments {
        qr_svg: crate::orders::labels::qr_svg(&h.number),
        barcode_svg: crate::orders::labels::code128_svg(&h.number),
        number: h.number,
        order_number: order_number.to_owned(),
        status: h.status,
        reason: h.reason,
        created_at: h.created_at,
        customer: serde_json::from_value(h.ship_to).unwrap_or_default(),
        return_to,
        lines: lines
            .into_iter()
            .map(|(sku, description, quantity, reason)| ReturnDocumentLine {
                sku,
                description,
                quantity,
                reason,
            })
            .collect(),
    }
}
