//! Balances and the ledger: receipts, counts, lists, availability by date.
//! Every change to a balance writes its ledger row in the same statement.

use crate::inventory::model::*;
use crate::inventory::rules::{self, CountError};
use crate::listing::{EXPORT_LIMIT, PER_PAGE, Page, like_pattern, limit_offset};
use sqlx::{FromRow, PgConnection, PgExecutor, PgPool, Postgres, QueryBuilder};
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

/// Who or what caused a movement, for the ledger.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub kind: &'a str,
    pub reference: &'a str,
    pub reason: &'a str,
    pub actor: Option<Uuid>,
}

/// SKU codes to variant ids; unknown codes are missing from the map.
pub async fn variant_ids(
    db: impl PgExecutor<'_>,
    skus: &[String],
) -> sqlx::Result<HashMap<String, Uuid>> {
    let rows: Vec<(String, Uuid)> =
        sqlx::query_as("SELECT sku, id FROM variants WHERE sku = ANY($1)")
            .bind(skus)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().collect())
}

/// Goods arriving (a receipt, a transfer coming in, a return to stock): on
/// hand grows, one ledger row per SKU.
pub async fn receive(
    conn: &mut PgConnection,
    location_id: Uuid,
    lines: &[(Uuid, i32)],
    kind: MovementKind,
    source: Source<'_>,
) -> sqlx::Result<()> {
    let variants: Vec<Uuid> = lines.iter().map(|(v, _)| *v).collect();
    let quantities: Vec<i32> = lines.iter().map(|(_, q)| *q).collect();
    sqlx::query(
        "WITH incoming AS (
             SELECT variant_id, sum(quantity)::int AS quantity
             FROM unnest($2::uuid[], $3::int[]) AS l(variant_id, quantity) GROUP BY variant_id
         ), b AS (
             INSERT INTO stock_balances (variant_id, location_id, on_hand)
             SELECT variant_id, $1, quantity FROM incoming
             ON CONFLICT (variant_id, location_id)
             DO UPDATE SET on_hand = stock_balances.on_hand + EXCLUDED.on_hand, updated_at = now()
         )
         INSERT INTO stock_movements
             (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reason, actor_id)
         SELECT variant_id, $1, $4, quantity, 0, $5, $6, $7, $8 FROM incoming",
    )
    .bind(location_id)
    .bind(&variants)
    .bind(&quantities)
    .bind(kind.as_str())
    .bind(source.kind)
    .bind(source.reference)
    .bind(source.reason)
    .bind(source.actor)
    .execute(conn)
    .await
    .map(drop)
}

#[derive(Debug, thiserror::Error)]
pub enum CountFailure {
    #[error(transparent)]
    Refused(#[from] CountError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountResult {
    pub expected: i32,
    pub counted: i32,
    pub difference: i32,
}

/// A cycle count: the balance becomes what was counted, with an adjustment
/// for the difference, and the count is recorded.
pub async fn count(
    conn: &mut PgConnection,
    location_id: Uuid,
    variant_id: Uuid,
    counted: i32,
    count_source: &str,
    source: Source<'_>,
) -> Result<CountResult, CountFailure> {
    sqlx::query(
        "INSERT INTO stock_balances (variant_id, location_id) VALUES ($1, $2)
         ON CONFLICT (variant_id, location_id) DO NOTHING",
    )
    .bind(variant_id)
    .bind(location_id)
    .execute(&mut *conn)
    .await?;
    let (on_hand, reserved): (i32, i32) = sqlx::query_as(
        "SELECT on_hand, reserved FROM stock_balances
         WHERE variant_id = $1 AND location_id = $2 FOR NO KEY UPDATE",
    )
    .bind(variant_id)
    .bind(location_id)
    .fetch_one(&mut *conn)
    .await?;
    let difference = rules::count_adjustment(on_hand, reserved, counted)?;
    if difference != 0 {
        sqlx::query(
            "WITH b AS (
                 UPDATE stock_balances SET on_hand = on_hand + $3, updated_at = now()
                 WHERE variant_id = $1 AND location_id = $2
             )
             INSERT INTO stock_movements
                 (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reason, actor_id)
             VALUES ($1, $2, 'adjustment', $3, 0, $4, $5, $6, $7)",
        )
        .bind(variant_id)
        .bind(location_id)
        .bind(difference)
        .bind(source.kind)
        .bind(source.reference)
        .bind(source.reason)
        .bind(source.actor)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "INSERT INTO stock_counts (variant_id, location_id, expected, counted, counted_by, source)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(variant_id)
    .bind(location_id)
    .bind(on_hand)
    .bind(counted)
    .bind(source.actor)
    .bind(count_source)
    .execute(&mut *conn)
    .await?;
    Ok(CountResult {
        expected: on_hand,
        counted,
        difference,
    })
}

#[derive(FromRow)]
struct StockRowDb {
    sku: String,
    product: String,
    colour: String,
    size: String,
    location_code: String,
    location_name: String,
    bin: String,
    on_hand: i32,
    reserved: i32,
    total: i64,
}

impl From<StockRowDb> for StockRow {
    fn from(r: StockRowDb) -> Self {
        StockRow {
            sku: r.sku,
            product: r.product,
            colour: r.colour,
            size: r.size,
            location_code: r.location_code,
            location_name: r.location_name,
            bin: r.bin,
            on_hand: r.on_hand,
            reserved: r.reserved,
            available: r.on_hand - r.reserved,
        }
    }
}

fn stock_select(query: &StockQuery) -> QueryBuilder<'static, Postgres> {
    let mut sql = QueryBuilder::new(
        "SELECT v.sku, p.name AS product, v.colour, v.size, l.code AS location_code,
                l.name AS location_name, b.bin, b.on_hand, b.reserved, count(*) OVER () AS total
         FROM stock_balances b
         JOIN variants v ON v.id = b.variant_id
         JOIN products p ON p.id = v.product_id
         JOIN locations l ON l.id = b.location_id
         WHERE true",
    );
    let q = query.q.trim();
    if !q.is_empty() {
        sql.push(" AND (v.sku ILIKE ")
            .push_bind(like_pattern(q))
            .push(" OR p.name ILIKE ")
            .push_bind(like_pattern(q))
            .push(")");
    }
    if !query.location.is_empty() {
        sql.push(" AND l.code = ")
            .push_bind(query.location.to_uppercase());
    }
    sql.push(match query.only {
        StockFilter::All => "",
        StockFilter::Available => " AND b.on_hand > b.reserved",
        StockFilter::Reserved => " AND b.reserved > 0",
        StockFilter::OutOfStock => " AND b.on_hand <= b.reserved",
    });
    let column = match query.sort {
        StockSort::Sku => "v.sku",
        StockSort::Product => "p.name",
        StockSort::Location => "l.code",
        StockSort::Bin => "b.bin",
        StockSort::OnHand => "b.on_hand",
        StockSort::Reserved => "b.reserved",
        StockSort::Available => "b.on_hand - b.reserved",
    };
    sql.push(format!(
        " ORDER BY {column} {}, v.sku, l.code",
        query.dir.sql()
    ));
    sql
}

pub async fn stock_page(db: &PgPool, query: &StockQuery) -> sqlx::Result<Page<StockRow>> {
    let (limit, offset) = limit_offset(query.page, PER_PAGE);
    let mut sql = stock_select(query);
    sql.push(" LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    let rows: Vec<StockRowDb> = sql.build_query_as().fetch_all(db).await?;
    Ok(Page {
        total: rows.first().map_or(0, |r| r.total),
        rows: rows.into_iter().map(StockRow::from).collect(),
        page: query.page.max(1),
        per_page: PER_PAGE,
    })
}

pub async fn stock_export(db: &PgPool, query: &StockQuery) -> sqlx::Result<Vec<StockRow>> {
    let mut sql = stock_select(query);
    sql.push(" LIMIT ").push_bind(EXPORT_LIMIT);
    let rows: Vec<StockRowDb> = sql.build_query_as().fetch_all(db).await?;
    Ok(rows.into_iter().map(StockRow::from).collect())
}

#[derive(FromRow)]
struct MovementDb {
    id: i64,
    at: time::OffsetDateTime,
    sku: String,
    product: String,
    location_code: String,
    kind: String,
    on_hand_delta: i32,
    reserved_delta: i32,
    reference: String,
    reason: String,
    actor: String,
    total: i64,
}

impl From<MovementDb> for Movement {
    fn from(r: MovementDb) -> Self {
        Movement {
            id: r.id,
            at: r.at,
            sku: r.sku,
            product: r.product,
            location_code: r.location_code,
            // The column's CHECK constraint admits only known kinds.
            kind: MovementKind::parse(&r.kind).unwrap_or(MovementKind::Adjustment),
            on_hand_delta: r.on_hand_delta,
            reserved_delta: r.reserved_delta,
            reference: r.reference,
            reason: r.reason,
            actor: r.actor,
        }
    }
}

fn movement_select(query: &MovementQuery) -> QueryBuilder<'static, Postgres> {
    let mut sql = QueryBuilder::new(
        "SELECT m.id, m.created_at AS at, v.sku, p.name AS product, l.code AS location_code, m.kind,
                m.on_hand_delta, m.reserved_delta, coalesce(m.reference, '') AS reference,
                coalesce(m.reason, '') AS reason, coalesce(u.name, 'System') AS actor,
                count(*) OVER () AS total
         FROM stock_movements m
         JOIN variants v ON v.id = m.variant_id
         JOIN products p ON p.id = v.product_id
         JOIN locations l ON l.id = m.location_id
         LEFT JOIN users u ON u.id = m.actor_id
         WHERE true",
    );
    let q = query.q.trim();
    if !q.is_empty() {
        let pattern = like_pattern(q);
        sql.push(" AND (v.sku ILIKE ")
            .push_bind(pattern.clone())
            .push(" OR p.name ILIKE ")
            .push_bind(pattern.clone())
            .push(" OR m.reference ILIKE ")
            .push_bind(pattern)
            .push(")");
    }
    if !query.location.is_empty() {
        sql.push(" AND l.code = ")
            .push_bind(query.location.to_uppercase());
    }
    if let Some(kind) = query.kind {
        sql.push(" AND m.kind = ").push_bind(kind.as_str());
    }
    if let Some(from) = query.from {
        sql.push(" AND m.created_at >= ")
            .push_bind(from)
            .push("::date");
    }
    if let Some(to) = query.to {
        sql.push(" AND m.created_at < ")
            .push_bind(to)
            .push("::date + 1");
    }
    sql.push(" ORDER BY m.created_at DESC, m.id DESC");
    sql
}

pub async fn movement_page(db: &PgPool, query: &MovementQuery) -> sqlx::Result<Page<Movement>> {
    let (limit, offset) = limit_offset(query.page, PER_PAGE);
    let mut sql = movement_select(query);
    sql.push(" LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    let rows: Vec<MovementDb> = sql.build_query_as().fetch_all(db).await?;
    Ok(Page {
        total: rows.first().map_or(0, |r| r.total),
        rows: rows.into_iter().map(Movement::from).collect(),
        page: query.page.max(1),
        per_page: PER_PAGE,
    })
}

pub async fn movement_export(db: &PgPool, query: &MovementQuery) -> sqlx::Result<Vec<Movement>> {
    let mut sql = movement_select(query);
    sql.push(" LIMIT ").push_bind(EXPORT_LIMIT);
    let rows: Vec<MovementDb> = sql.build_query_as().fetch_all(db).await?;
    Ok(rows.into_iter().map(Movement::from).collect())
}

/// Incoming supply of one SKU per location: open purchase order lines and
/// transfers in transit (undated ones count from a month / a week ahead).
async fn incoming(db: &PgPool, variant_id: Uuid) -> sqlx::Result<Vec<(Uuid, Supply)>> {
    Ok(incoming_of(db, &[variant_id])
        .await?
        .into_iter()
        .map(|s| (s.location_id, s.supply))
        .collect())
}

/// Supply on its way to a location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Incoming {
    pub location_id: Uuid,
    pub variant_id: Uuid,
    pub supply: Supply,
}

/// Incoming supply of several SKUs, per location.
pub async fn incoming_of(
    db: impl PgExecutor<'_>,
    variant_ids: &[Uuid],
) -> sqlx::Result<Vec<Incoming>> {
    let rows: Vec<(Uuid, Uuid, Date, i32)> = sqlx::query_as(
        "SELECT po.location_id, l.variant_id, coalesce(po.expected_date, current_date + 30),
                l.quantity - l.received_quantity
         FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.purchase_order_id
         WHERE l.variant_id = ANY($1) AND po.status IN ('sent', 'confirmed', 'partially_received')
           AND l.quantity > l.received_quantity
         UNION ALL
         SELECT t.to_location_id, tl.variant_id, coalesce(t.expected_arrival, current_date + 7), tl.quantity
         FROM transfer_lines tl JOIN transfers t ON t.id = tl.transfer_id
         WHERE tl.variant_id = ANY($1) AND t.status = 'in_transit'",
    )
    .bind(variant_ids)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(location_id, variant_id, date, quantity)| Incoming {
            location_id,
            variant_id,
            supply: Supply { date, quantity },
        })
        .collect())
}

/// Availability of a SKU: per location and overall, now and by date.
pub async fn availability(
    db: &PgPool,
    sku: &str,
    today: Date,
) -> sqlx::Result<Option<SkuAvailability>> {
    let Some((variant_id, product, colour, size)) = sqlx::query_as::<_, (Uuid, String, String, String)>(
        "SELECT v.id, p.name, v.colour, v.size FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.sku = $1",
    )
    .bind(sku)
    .fetch_optional(db)
    .await?
    else {
        return Ok(None);
    };
    let balances: Vec<(Uuid, String, String, String, i32, i32, i64)> = sqlx::query_as(
        "SELECT l.id, l.code, l.name, l.kind, coalesce(b.on_hand, 0), coalesce(b.reserved, 0),
                coalesce((SELECT sum(quantity) FROM supply_promises s
                          WHERE s.variant_id = $1 AND s.location_id = l.id AND s.state = 'active'), 0)::bigint
         FROM locations l LEFT JOIN stock_balances b ON b.location_id = l.id AND b.variant_id = $1
         WHERE l.active
         ORDER BY l.priority, l.code",
    )
    .bind(variant_id)
    .fetch_all(db)
    .await?;
    let supply = incoming(db, variant_id).await?;
    let locations: Vec<LocationAvailability> = balances
        .into_iter()
        .map(|(id, code, name, kind, on_hand, reserved, promised)| {
            let incoming: Vec<Supply> = supply
                .iter()
                .filter(|(l, _)| *l == id)
                .map(|(_, s)| *s)
                .collect();
            let promised = promised.clamp(0, i64::from(i32::MAX)) as i32;
            let available = on_hand - reserved;
            LocationAvailability {
                atp: rules::atp_timeline(available, &incoming, promised, today),
                code,
                name,
                kind: LocationKind::parse(&kind).unwrap_or(LocationKind::Warehouse),
                on_hand,
                reserved,
                available,
                incoming,
                promised,
            }
        })
        .collect();
    let atp =
        rules::combine_timelines(&locations.iter().map(|l| l.atp.clone()).collect::<Vec<_>>());
    Ok(Some(SkuAvailability {
        sku: sku.to_owned(),
        product,
        colour,
        size,
        available: locations.iter().map(|l| l.available.max(0)).sum(),
        locations,
        atp,
    }))
}

/// SKUs whose available plus incoming stock is below their reorder point.
pub async fn low_stock(db: &PgPool, location_code: Option<&str>) -> sqlx::Result<Vec<LowStockRow>> {
    let rows: Vec<(String, String, String, i32, i64, i32, i32)> = sqlx::query_as(
        "SELECT v.sku, p.name, l.code,
                coalesce(b.on_hand - b.reserved, 0),
                coalesce((SELECT sum(pl.quantity - pl.received_quantity) FROM purchase_order_lines pl
                          JOIN purchase_orders po ON po.id = pl.purchase_order_id
                          WHERE pl.variant_id = r.variant_id AND po.location_id = r.location_id
                            AND po.status IN ('sent', 'confirmed', 'partially_received')), 0)
                + coalesce((SELECT sum(tl.quantity) FROM transfer_lines tl JOIN transfers t ON t.id = tl.transfer_id
                            WHERE tl.variant_id = r.variant_id AND t.to_location_id = r.location_id
                              AND t.status = 'in_transit'), 0),
                r.min_available, r.reorder_quantity
         FROM reorder_points r
         JOIN variants v ON v.id = r.variant_id
         JOIN products p ON p.id = v.product_id
         JOIN locations l ON l.id = r.location_id
         LEFT JOIN stock_balances b ON b.variant_id = r.variant_id AND b.location_id = r.location_id
         WHERE ($1::text IS NULL OR l.code = $1)
         ORDER BY l.code, v.sku",
    )
    .bind(location_code)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(
                sku,
                product,
                location_code,
                available,
                incoming,
                min_available,
                reorder_quantity,
            )| {
                let incoming = incoming.clamp(0, i64::from(i32::MAX)) as i32;
                rules::reorder_suggestion(available, incoming, min_available, reorder_quantity).map(
                    |suggested_order| LowStockRow {
                        sku,
                        product,
                        location_code,
                        available,
                        incoming,
                        min_available,
                        suggested_order,
                    },
                )
            },
        )
        .collect())
}

pub async fn set_reorder_point(
    db: impl PgExecutor<'_>,
    variant_id: Uuid,
    location_id: Uuid,
    min_available: i32,
    reorder_quantity: i32,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO reorder_points (variant_id, location_id, min_available, reorder_quantity)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (variant_id, location_id)
         DO UPDATE SET min_available = $3, reorder_quantity = $4, updated_at = now()",
    )
    .bind(variant_id)
    .bind(location_id)
    .bind(min_available)
    .bind(reorder_quantity)
    .execute(db)
    .await
    .map(drop)
}

/// Balances whose ledger does not sum to them (always 0: the check behind
/// "the ledger always sums to the balance").
pub async fn ledger_drift(db: impl PgExecutor<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM stock_balances b
         FULL JOIN (SELECT variant_id, location_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                    FROM stock_movements GROUP BY 1, 2) m USING (variant_id, location_id)
         WHERE coalesce(b.on_hand, 0) <> coalesce(m.on_hand, 0)
            OR coalesce(b.reserved, 0) <> coalesce(m.reserved, 0)",
    )
    .fetch_one(db)
    .await
}

/// Balances whose reserved count differs from their active reservations
/// (always 0).
pub async fn reservation_drift(db: impl PgExecutor<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM stock_balances b
         LEFT JOIN (SELECT variant_id, location_id, sum(quantity - short_quantity) AS held
                    FROM reservations WHERE state = 'active' GROUP BY 1, 2) r USING (variant_id, location_id)
         WHERE b.reserved <> coalesce(r.held, 0)",
    )
    .fetch_one(db)
    .await
}

/// Stock per location, summed over its SKUs (every location, even empty ones).
pub async fn location_totals(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<LocationStock>> {
    let rows: Vec<(String, String, String, bool, i64, i64, i64)> = sqlx::query_as(
        "SELECT l.code, l.name, l.kind, l.active,
                count(b.variant_id) FILTER (WHERE b.on_hand > 0),
                coalesce(sum(b.on_hand), 0)::bigint, coalesce(sum(b.reserved), 0)::bigint
         FROM locations l LEFT JOIN stock_balances b ON b.location_id = l.id
         GROUP BY l.id
         ORDER BY l.active DESC, l.priority, l.code",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(code, name, kind, active, skus, on_hand, reserved)| LocationStock {
                code,
                name,
                // The column's CHECK constraint admits only known kinds.
                kind: LocationKind::parse(&kind).unwrap_or(LocationKind::Warehouse),
                active,
                skus,
                on_hand,
                reserved,
                available: on_hand - reserved,
            },
        )
        .collect())
}

/// The newest movements of one SKU, at every location.
pub async fn sku_movements(
    db: impl PgExecutor<'_>,
    variant_id: Uuid,
    limit: i64,
) -> sqlx::Result<Vec<Movement>> {
    let rows: Vec<MovementDb> = sqlx::query_as(
        "SELECT m.id, m.created_at AS at, v.sku, p.name AS product, l.code AS location_code, m.kind,
                m.on_hand_delta, m.reserved_delta, coalesce(m.reference, '') AS reference,
                coalesce(m.reason, '') AS reason, coalesce(u.name, 'System') AS actor,
                0::bigint AS total
         FROM stock_movements m
         JOIN variants v ON v.id = m.variant_id
         JOIN products p ON p.id = v.product_id
         JOIN locations l ON l.id = m.location_id
         LEFT JOIN users u ON u.id = m.actor_id
         WHERE m.variant_id = $1
         ORDER BY m.created_at DESC, m.id DESC
         LIMIT $2",
    )
    .bind(variant_id)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Movement::from).collect())
}

/// Bins, reorder points and the last count of one SKU, per location that
/// has any of them.
pub async fn sku_settings(
    db: impl PgExecutor<'_>,
    variant_id: Uuid,
) -> sqlx::Result<Vec<SkuLocationSettings>> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        String,
        Option<String>,
        Option<i32>,
        Option<i32>,
        Option<time::OffsetDateTime>,
        Option<i32>,
        Option<i32>,
    )> = sqlx::query_as(
        "SELECT l.code, b.bin, r.min_available, r.reorder_quantity, c.counted_at, c.expected, c.counted
         FROM locations l
         LEFT JOIN stock_balances b ON b.location_id = l.id AND b.variant_id = $1
         LEFT JOIN reorder_points r ON r.location_id = l.id AND r.variant_id = $1
         LEFT JOIN LATERAL (
             SELECT counted_at, expected, counted FROM stock_counts
             WHERE variant_id = $1 AND location_id = l.id
             ORDER BY counted_at DESC, id DESC LIMIT 1
         ) c ON true
         WHERE b.variant_id IS NOT NULL OR r.variant_id IS NOT NULL
         ORDER BY l.priority, l.code",
    )
    .bind(variant_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(location_code, bin, min_available, reorder_quantity, at, expected, counted)| {
                SkuLocationSettings {
                    location_code,
                    bin: bin.unwrap_or_default(),
                    min_available,
                    reorder_quantity,
                    last_count: match (at, expected, counted) {
                        (Some(at), Some(expected), Some(counted)) => Some(LastCount {
                            at,
                            expected,
                            counted,
                        }),
                        _ => None,
                    },
                }
            },
        )
        .collect())
}

/// Where a SKU is kept inside a location (a bin code; empty for none). A
/// SKU the location has never held gets an empty balance for it.
pub async fn set_bin(
    db: impl PgExecutor<'_>,
    variant_id: Uuid,
    location_id: Uuid,
    bin: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO stock_balances (variant_id, location_id, bin) VALUES ($1, $2, $3)
         ON CONFLICT (variant_id, location_id)
         DO UPDATE SET bin = EXCLUDED.bin, updated_at = now()",
    )
    .bind(variant_id)
    .bind(location_id)
    .bind(bin)
    .execute(db)
    .await
    .map(drop)
}
