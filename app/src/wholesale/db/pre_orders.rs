//! The writes of a pre-order, shared by the portal and the staff's desk
//! (staff act on a company's behalf): save one style's quantities, submit,
//! withdraw; and the reads of a pre-order. Every statement filters by the
//! company id, and a campaign counts only if the company is invited to it.

use super::portal::{self, CampaignRow};
use crate::error::{AppError, FieldError};
use crate::wholesale::model::{
    PreOrderEvent, PreOrderLine, PreOrderRow, PreOrderState, PreOrderStyle, PreOrderView, Price,
};
use crate::wholesale::rules::{self, PriceEntry, StyleUnits, Totals};
use sqlx::{PgConnection, PgPool};
use time::Date;
use uuid::Uuid;

/// Who changes a pre-order: a buyer, or staff acting for the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Uuid,
    pub on_behalf: bool,
}

/// One style's quantities as the grid sends them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleSave {
    pub product_id: Uuid,
    pub store_id: Uuid,
    pub window_id: Uuid,
    /// (variant id, quantity); 0 means no line.
    pub quantities: Vec<(Uuid, i32)>,
    /// The pre-order version the buyer saw: `Some(0)` when there was none yet,
    /// `None` to skip the check.
    pub expected_version: Option<i32>,
}

pub const STALE: &str = "This pre-order was changed elsewhere; reload to see the latest.";
const NOT_EDITABLE: &str = "This pre-order can no longer be changed: the campaign is closed or the pre-order is confirmed.";

fn not_found() -> AppError {
    AppError::NotFound("Pre-order".into())
}

/// The campaign, locked against state changes (closing) while we write:
/// `FOR SHARE` lets other companies save at the same time.
async fn lock_campaign(
    conn: &mut PgConnection,
    company_id: Uuid,
    campaign_id: Uuid,
) -> Result<CampaignRow, AppError> {
    sqlx::query_as::<_, CampaignRow>(&format!("{} FOR SHARE OF c", portal::campaign_select()))
        .bind(company_id)
        .bind(campaign_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| AppError::NotFound("Campaign".into()))
}

#[derive(sqlx::FromRow)]
struct LockedPreOrder {
    id: Uuid,
    state: String,
    version: i32,
}

impl LockedPreOrder {
    fn state(&self) -> PreOrderState {
        PreOrderState::parse(&self.state).unwrap_or(PreOrderState::Draft)
    }
}

pub(super) async fn record_event(
    conn: &mut PgConnection,
    company_id: Uuid,
    pre_order_id: Uuid,
    kind: &str,
    detail: &str,
    actor: Actor,
) -> sqlx::Result<()> {
    // Autosave saves every few seconds while a buyer types: one 'saved'
    // event per person and style per quarter hour keeps the timeline readable.
    if kind == "saved" {
        let merged = sqlx::query(
            "UPDATE pre_order_events SET at = now(), detail = $4
             WHERE id = (SELECT id FROM pre_order_events WHERE pre_order_id = $1 AND company_id = $2
                         ORDER BY at DESC, id DESC LIMIT 1)
               AND kind = 'saved' AND actor_id = $3 AND on_behalf = $5
               AND split_part(detail, ':', 1) = split_part($4, ':', 1)
               AND at > now() - interval '15 minutes'",
        )
        .bind(pre_order_id)
        .bind(company_id)
        .bind(actor.user_id)
        .bind(detail)
        .bind(actor.on_behalf)
        .execute(&mut *conn)
        .await?;
        if merged.rows_affected() > 0 {
            return Ok(());
        }
    }
    sqlx::query(
        "INSERT INTO pre_order_events (pre_order_id, company_id, kind, detail, actor_id, on_behalf)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .bind(kind)
    .bind(detail)
    .bind(actor.user_id)
    .bind(actor.on_behalf)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The price entries of one style in the company's price list.
pub async fn price_entries(
    conn: &mut PgConnection,
    company_id: Uuid,
    product_id: Uuid,
) -> sqlx::Result<Vec<PriceEntry>> {
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT p.colour, p.size, p.wholesale_minor, p.retail_minor
         FROM companies c JOIN price_list_prices p ON p.price_list_id = c.price_list_id
         WHERE c.id = $1 AND p.product_id = $2",
    )
    .bind(company_id)
    .bind(product_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(colour, size, wholesale_minor, retail_minor)| PriceEntry {
            colour,
            size,
            price: Price {
                wholesale_minor,
                retail_minor,
            },
        })
        .collect())
}

/// Replaces one style of the company's pre-order in a campaign (creating the
/// pre-order on the first save); returns the pre-order's new version.
/// Nothing is written unless everything checks out.
pub async fn save_style(
    pool: &PgPool,
    company_id: Uuid,
    campaign_id: Uuid,
    actor: Actor,
    save: &StyleSave,
    today: Date,
) -> Result<i32, AppError> {
    let mut tx = pool.begin().await?;
    let campaign = lock_campaign(&mut tx, company_id, campaign_id).await?;
    if !rules::campaign_takes_orders(campaign.state(), campaign.closes_on, today) {
        return Err(AppError::Conflict(NOT_EDITABLE.into()));
    }

    // One pre-order per company and campaign, even when two first saves
    // race: the loser's insert does nothing and it locks the winner's row.
    let created = sqlx::query(
        "INSERT INTO pre_orders (number, campaign_id, company_id)
         VALUES ('PO-' || nextval('pre_order_numbers'), $1, $2)
         ON CONFLICT (campaign_id, company_id) DO NOTHING",
    )
    .bind(campaign_id)
    .bind(company_id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        > 0;
    let pre_order = lock_editable(
        &mut tx,
        &campaign,
        PreOrderKey::Campaign(campaign_id),
        company_id,
        today,
    )
    .await?;
    // 0: the buyer saw no pre-order; fine only if this save created it.
    let stale = match save.expected_version {
        Some(0) => !created,
        Some(expected) => expected != pre_order.version,
        None => false,
    };
    if stale {
        return Err(AppError::Conflict(STALE.into()));
    }

    // The style must be offered, its variants of offered colours.
    let style: Option<(String, Vec<String>)> = sqlx::query_as(
        "SELECT p.style_code, array_agg(cs.colour)
         FROM campaign_styles cs JOIN products p ON p.id = cs.product_id
         WHERE cs.campaign_id = $1 AND cs.product_id = $2
         GROUP BY p.style_code",
    )
    .bind(campaign_id)
    .bind(save.product_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (style_code, offered) = style.ok_or_else(|| AppError::NotFound("Style".into()))?;
    let variants: Vec<(Uuid, String, String)> =
        sqlx::query_as("SELECT id, colour, size FROM variants WHERE product_id = $1")
            .bind(save.product_id)
            .fetch_all(&mut *tx)
            .await?;
    let entries = price_entries(&mut tx, company_id, save.product_id).await?;

    let mut lines: Vec<(Uuid, i32, i64)> = Vec::new();
    let mut problems = Vec::new();
    for &(variant_id, quantity) in &save.quantities {
        let Some((_, colour, size)) = variants
            .iter()
            .find(|(id, colour, _)| *id == variant_id && offered.contains(colour))
        else {
            problems.push(FieldError::new(
                "quantities",
                "not_offered",
                "A size in the grid is not offered in this campaign; reload the page.",
            ));
            continue;
        };
        if !(0..=9_999).contains(&quantity) {
            problems.push(FieldError::new(
                "quantities",
                "quantity",
                format!("{colour} {size}: type a whole number from 0 to 9999."),
            ));
            continue;
        }
        if quantity == 0 {
            continue;
        }
        match rules::resolve_price(&entries, colour, size) {
            Some(price) => lines.push((variant_id, quantity, price.wholesale_minor)),
            None => problems.push(FieldError::new(
                "quantities",
                "no_price",
                format!(
                    "{colour} {size} has no price in your price list, so it cannot be ordered."
                ),
            )),
        }
    }
    if !lines.is_empty() {
        // One round trip for both: this runs on every autosave.
        let (store_ok, window_ok): (bool, bool) = sqlx::query_as(
            "SELECT EXISTS (SELECT 1 FROM company_stores WHERE id = $1 AND company_id = $2),
                    EXISTS (SELECT 1 FROM campaign_windows WHERE id = $3 AND campaign_id = $4)",
        )
        .bind(save.store_id)
        .bind(company_id)
        .bind(save.window_id)
        .bind(campaign_id)
        .fetch_one(&mut *tx)
        .await?;
        if !store_ok {
            problems.push(FieldError::new(
                "store_id",
                "unknown",
                "Choose one of your company's stores to ship to.",
            ));
        }
        if !window_ok {
            problems.push(FieldError::new(
                "window_id",
                "unknown",
                "Choose one of the campaign's delivery windows.",
            ));
        }
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }

    sqlx::query("DELETE FROM pre_order_styles WHERE pre_order_id = $1 AND product_id = $2")
        .bind(pre_order.id)
        .bind(save.product_id)
        .execute(&mut *tx)
        .await?;
    if !lines.is_empty() {
        sqlx::query(
            "INSERT INTO pre_order_styles (pre_order_id, company_id, product_id, store_id, window_id)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(pre_order.id)
        .bind(company_id)
        .bind(save.product_id)
        .bind(save.store_id)
        .bind(save.window_id)
        .execute(&mut *tx)
        .await?;
        let (ids, quantities, prices): (Vec<Uuid>, Vec<i32>, Vec<i64>) =
            lines.iter().fold(Default::default(), |mut acc, line| {
                acc.0.push(line.0);
                acc.1.push(line.1);
                acc.2.push(line.2);
                acc
            });
        sqlx::query(
            "INSERT INTO pre_order_lines (pre_order_id, company_id, product_id, variant_id, quantity, unit_price_minor)
             SELECT $1, $2, $3, v, q, p FROM unnest($4::uuid[], $5::int[], $6::bigint[]) AS l(v, q, p)",
        )
        .bind(pre_order.id)
        .bind(company_id)
        .bind(save.product_id)
        .bind(&ids)
        .bind(&quantities)
        .bind(&prices)
        .execute(&mut *tx)
        .await?;
    }

    // A withdrawn pre-order that is changed becomes a draft again; a
    // submitted one stays submitted (the brand sees the edit in its events).
    let version: i32 = sqlx::query_scalar(
        "UPDATE pre_orders SET version = version + 1, updated_at = now(),
                state = CASE WHEN state = 'withdrawn' THEN 'draft' ELSE state END
         WHERE id = $1 AND company_id = $2 RETURNING version",
    )
    .bind(pre_order.id)
    .bind(company_id)
    .fetch_one(&mut *tx)
    .await?;
    let units: i64 = lines.iter().map(|l| i64::from(l.1)).sum();
    let kind = if pre_order.state() == PreOrderState::Submitted {
        "edited"
    } else {
        "saved"
    };
    let detail = format!("{style_code}: {units} units");
    record_event(&mut tx, company_id, pre_order.id, kind, &detail, actor).await?;
    tx.commit().await?;
    Ok(version)
}

async fn lock_pre_order(
    conn: &mut PgConnection,
    company_id: Uuid,
    pre_order_id: Uuid,
    today: Date,
) -> Result<(CampaignRow, LockedPreOrder), AppError> {
    let campaign_id: Uuid =
        sqlx::query_scalar("SELECT campaign_id FROM pre_orders WHERE id = $1 AND company_id = $2")
            .bind(pre_order_id)
            .bind(company_id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(not_found)?;
    let campaign = lock_campaign(conn, company_id, campaign_id).await?;
    let pre_order = lock_editable(
        conn,
        &campaign,
        PreOrderKey::Id(pre_order_id),
        company_id,
        today,
    )
    .await?;
    Ok((campaign, pre_order))
}

/// How a write finds the company's pre-order: by its id, or (saving a
/// style, which may just have created it) by its campaign.
#[derive(Clone, Copy)]
enum PreOrderKey {
    Id(Uuid),
    Campaign(Uuid),
}

/// The pre-order locked for the write (its campaign locked before it), or a
/// conflict when the campaign or the pre-order's state no longer allows edits.
async fn lock_editable(
    conn: &mut PgConnection,
    campaign: &CampaignRow,
    key: PreOrderKey,
    company_id: Uuid,
    today: Date,
) -> Result<LockedPreOrder, AppError> {
    let (column, value) = match key {
        PreOrderKey::Id(id) => ("id", id),
        PreOrderKey::Campaign(id) => ("campaign_id", id),
    };
    let pre_order = sqlx::query_as::<_, LockedPreOrder>(&format!(
        "SELECT id, state, version FROM pre_orders
         WHERE {column} = $1 AND company_id = $2 FOR UPDATE"
    ))
    .bind(value)
    .bind(company_id)
    .fetch_one(&mut *conn)
    .await?;
    if !rules::pre_order_editable(
        campaign.state(),
        campaign.closes_on,
        today,
        pre_order.state(),
    ) {
        return Err(AppError::Conflict(NOT_EDITABLE.into()));
    }
    Ok(pre_order)
}

/// Units per style and the value of a pre-order.
async fn style_units(
    conn: &mut PgConnection,
    company_id: Uuid,
    pre_order_id: Uuid,
) -> sqlx::Result<(Vec<StyleUnits>, i64)> {
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT p.style_code, p.name, COALESCE(sum(l.quantity), 0)::bigint,
                COALESCE(sum(l.quantity::bigint * l.unit_price_minor), 0)::bigint
         FROM pre_order_styles s
         JOIN products p ON p.id = s.product_id
         LEFT JOIN pre_order_lines l ON l.pre_order_id = s.pre_order_id AND l.product_id = s.product_id
         WHERE s.pre_order_id = $1 AND s.company_id = $2
         GROUP BY p.style_code, p.name ORDER BY p.style_code",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .fetch_all(&mut *conn)
    .await?;
    let value = rows.iter().map(|r| r.3).sum();
    let styles = rows
        .into_iter()
        .map(|(style_code, name, units, _)| StyleUnits {
            style_code,
            name,
            units,
        })
        .collect();
    Ok((styles, value))
}

/// Submits the pre-order to the brand, unless it misses a minimum: then
/// every shortfall is reported (one problem each) and nothing changes.
pub async fn submit(
    pool: &PgPool,
    company_id: Uuid,
    pre_order_id: Uuid,
    actor: Actor,
    today: Date,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (campaign, pre_order) = lock_pre_order(&mut tx, company_id, pre_order_id, today).await?;
    let (styles, value) = style_units(&mut tx, company_id, pre_order.id).await?;
    let shortfalls = rules::shortfalls(&styles, value, campaign.minimums());
    if !shortfalls.is_empty() {
        return Err(AppError::Invalid(
            shortfalls
                .iter()
                .map(|s| FieldError::new("pre_order", "shortfall", s.message(&campaign.currency)))
                .collect(),
        ));
    }
    if pre_order.state() == PreOrderState::Submitted {
        return Ok(());
    }
    sqlx::query(
        "UPDATE pre_orders SET state = 'submitted', submitted_at = now(), updated_at = now(),
                version = version + 1
         WHERE id = $1 AND company_id = $2",
    )
    .bind(pre_order.id)
    .bind(company_id)
    .execute(&mut *tx)
    .await?;
    let units: i64 = styles.iter().map(|s| s.units).sum();
    let detail = format!(
        "{units} units, {}",
        crate::ui::money::format_money(value, &campaign.currency)
    );
    record_event(
        &mut tx,
        company_id,
        pre_order.id,
        "submitted",
        &detail,
        actor,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraws the pre-order (the buyer may save and submit it again while
/// the campaign is open).
pub async fn withdraw(
    pool: &PgPool,
    company_id: Uuid,
    pre_order_id: Uuid,
    actor: Actor,
    today: Date,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (_, pre_order) = lock_pre_order(&mut tx, company_id, pre_order_id, today).await?;
    if pre_order.state() == PreOrderState::Withdrawn {
        return Ok(());
    }
    sqlx::query(
        "UPDATE pre_orders SET state = 'withdrawn', submitted_at = NULL, updated_at = now(),
                version = version + 1
         WHERE id = $1 AND company_id = $2",
    )
    .bind(pre_order.id)
    .bind(company_id)
    .execute(&mut *tx)
    .await?;
    record_event(&mut tx, company_id, pre_order.id, "withdrawn", "", actor).await?;
    tx.commit().await?;
    Ok(())
}

/// The id of the company's pre-order with this number.
pub async fn id_by_number(
    pool: &PgPool,
    company_id: Uuid,
    number: &str,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("SELECT id FROM pre_orders WHERE number = $1 AND company_id = $2")
        .bind(number)
        .bind(company_id)
        .fetch_optional(pool)
        .await
}

#[derive(sqlx::FromRow)]
struct StyleRow {
    product_id: Uuid,
    style_code: String,
    name: String,
    store: String,
    window: String,
}

#[derive(sqlx::FromRow)]
struct LineRow {
    product_id: Uuid,
    #[sqlx(flatten)]
    line: PreOrderLine,
}

/// A pre-order of the company with everything the pre-order page shows.
pub async fn view(
    pool: &PgPool,
    company_id: Uuid,
    pre_order_id: Uuid,
    today: Date,
) -> Result<Option<PreOrderView>, AppError> {
    let mut conn = pool.acquire().await?;
    let head: Option<(String, Uuid, String, i32, Option<String>, String)> = sqlx::query_as(
        "SELECT po.number, po.campaign_id, po.state, po.version,
                to_char(po.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), c.name
         FROM pre_orders po JOIN companies c ON c.id = po.company_id
         WHERE po.id = $1 AND po.company_id = $2",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((number, campaign_id, state, version, submitted_at, company)) = head else {
        return Ok(None);
    };
    let Some(row) = portal::campaign_row(&mut conn, company_id, campaign_id).await? else {
        return Ok(None);
    };
    let currency = row.currency.clone();
    let minimums = row.minimums();
    let campaign = row.into_portal();
    let state = PreOrderState::parse(&state).unwrap_or(PreOrderState::Draft);

    let style_rows = sqlx::query_as::<_, StyleRow>(
        "SELECT s.product_id, p.style_code, p.name, st.name AS store, w.name AS window
         FROM pre_order_styles s
         JOIN products p ON p.id = s.product_id
         JOIN company_stores st ON st.id = s.store_id
         JOIN campaign_windows w ON w.id = s.window_id
         WHERE s.pre_order_id = $1 AND s.company_id = $2
         ORDER BY p.style_code",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .fetch_all(&mut *conn)
    .await?;
    let line_rows = sqlx::query_as::<_, LineRow>(
        "SELECT l.product_id, v.sku, v.colour, v.size, l.quantity, l.unit_price_minor
         FROM pre_order_lines l JOIN variants v ON v.id = l.variant_id
         WHERE l.pre_order_id = $1 AND l.company_id = $2
         ORDER BY v.colour, v.position, v.size",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .fetch_all(&mut *conn)
    .await?;
    let styles: Vec<PreOrderStyle> = style_rows
        .into_iter()
        .map(|s| {
            let lines: Vec<PreOrderLine> = line_rows
                .iter()
                .filter(|l| l.product_id == s.product_id)
                .map(|l| l.line.clone())
                .collect();
            let totals = Totals::sum(
                lines
                    .iter()
                    .map(|l| Totals::of_row(&[l.quantity], l.unit_price_minor)),
            );
            PreOrderStyle {
                product_id: s.product_id,
                style_code: s.style_code,
                name: s.name,
                store: s.store,
                window: s.window,
                lines,
                units: totals.units,
                value_minor: totals.value_minor,
            }
        })
        .collect();
    let totals = Totals::sum(styles.iter().map(|s| Totals {
        units: s.units,
        value_minor: s.value_minor,
    }));
    let units: Vec<StyleUnits> = styles
        .iter()
        .map(|s| StyleUnits {
            style_code: s.style_code.clone(),
            name: s.name.clone(),
            units: s.units,
        })
        .collect();
    let shortfalls = rules::shortfalls(&units, totals.value_minor, minimums);
    let events = sqlx::query_as::<_, PreOrderEvent>(
        "SELECT to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at, e.kind, e.detail,
                u.name AS actor, e.on_behalf
         FROM pre_order_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.pre_order_id = $1 AND e.company_id = $2
         ORDER BY e.at DESC, e.id DESC",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .fetch_all(&mut *conn)
    .await?;
    let orders: Vec<String> = sqlx::query_scalar(
        "SELECT o.number FROM pre_order_orders poo
         JOIN pre_orders po ON po.id = poo.pre_order_id
         JOIN orders o ON o.id = poo.order_id
         WHERE poo.pre_order_id = $1 AND po.company_id = $2 ORDER BY o.number",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .fetch_all(&mut *conn)
    .await?;
    let editable = rules::pre_order_editable(campaign.state, campaign.closes_on, today, state);
    Ok(Some(PreOrderView {
        id: pre_order_id,
        number,
        company,
        campaign,
        currency,
        state,
        version,
        submitted_at,
        styles,
        units: totals.units,
        value_minor: totals.value_minor,
        shortfalls,
        events,
        orders,
        editable,
    }))
}

/// The company's pre-orders, most recently changed first.
pub async fn history(pool: &PgPool, company_id: Uuid) -> sqlx::Result<Vec<PreOrderRow>> {
    let rows = sqlx::query_as::<_, HistoryRow>(
        "SELECT po.id, po.number, ca.name AS campaign, ca.season, po.state,
                COALESCE(t.units, 0)::bigint AS units, COALESCE(t.value, 0)::bigint AS value_minor,
                COALESCE(pl.currency, co.currency)::text AS currency,
                to_char(po.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS updated_at
         FROM pre_orders po
         JOIN campaigns ca ON ca.id = po.campaign_id
         JOIN companies co ON co.id = po.company_id
         LEFT JOIN price_lists pl ON pl.id = co.price_list_id
         LEFT JOIN LATERAL (
             SELECT sum(l.quantity) AS units, sum(l.quantity::bigint * l.unit_price_minor) AS value
             FROM pre_order_lines l WHERE l.pre_order_id = po.id AND l.company_id = po.company_id
         ) t ON true
         WHERE po.company_id = $1
         ORDER BY po.updated_at DESC",
    )
    .bind(company_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PreOrderRow {
            id: r.id,
            number: r.number,
            campaign: r.campaign,
            season: r.season,
            state: PreOrderState::parse(&r.state).unwrap_or(PreOrderState::Draft),
            units: r.units,
            value_minor: r.value_minor,
            currency: r.currency,
            updated_at: r.updated_at,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: Uuid,
    number: String,
    campaign: String,
    season: String,
    state: String,
    units: i64,
    value_minor: i64,
    currency: String,
    updated_at: String,
}

/// One exported line: sku, style code, name, colour, size, store, window,
/// quantity, unit price.
pub type ExportRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i32,
    i64,
);

/// The lines of the company's pre-order `number` for the CSV export;
/// `None` when the company has no such pre-order.
pub async fn export_rows(
    pool: &PgPool,
    company_id: Uuid,
    number: &str,
) -> sqlx::Result<Option<Vec<ExportRow>>> {
    let Some(id) = id_by_number(pool, company_id, number).await? else {
        return Ok(None);
    };
    sqlx::query_as(
        "SELECT v.sku, p.style_code, p.name, v.colour, v.size, st.name, w.name,
                l.quantity, l.unit_price_minor
         FROM pre_order_lines l
         JOIN pre_order_styles s ON s.pre_order_id = l.pre_order_id AND s.product_id = l.product_id
         JOIN variants v ON v.id = l.variant_id
         JOIN products p ON p.id = l.product_id
         JOIN company_stores st ON st.id = s.store_id
         JOIN campaign_windows w ON w.id = s.window_id
         WHERE l.pre_order_id = $1 AND l.company_id = $2
         ORDER BY p.style_code, v.colour, v.position, v.size",
    )
    .bind(id)
    .bind(company_id)
    .fetch_all(pool)
    .await
    .map(Some)
}
