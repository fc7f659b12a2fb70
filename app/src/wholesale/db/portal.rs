//! What a buyer reads in the portal: campaigns the company is invited to,
//! line sheets, size-run grids, the company's stores and invitations.
//! Every statement takes the company id; a campaign is only found through
//! the company's invitation to it.

use crate::fulfilment::model::Address;
use crate::wholesale::model::{
    CampaignState, Company, DeliveryWindow, GridCell, GridRow, Invitation, LineSheetStyle,
    Minimums, PaymentTerms, PortalCampaign, PreOrderBrief, PreOrderState, Price, Store,
    StyleColour, StyleGrid,
};
use crate::wholesale::rules::{self, PriceEntry};
use sqlx::{PgConnection, PgExecutor};
use time::Date;
use uuid::Uuid;

pub async fn company(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<Company>> {
    sqlx::query_as::<_, Company>(
        "SELECT name, legal_name, vat_number, country::text AS country, city, currency::text AS currency
         FROM companies WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// A campaign as the company sees it, with its delivery windows and the
/// company's pre-order in one row (the line sheet is read in two statements).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CampaignRow {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub season: String,
    pub opens_on: Date,
    pub closes_on: Date,
    pub state: String,
    pub min_units_per_style: i32,
    pub min_order_minor: i64,
    /// The company's price list currency (its own currency without a list).
    pub currency: String,
    pub price_list_id: Option<Uuid>,
    pub window_ids: Vec<Uuid>,
    pub window_names: Vec<String>,
    pub window_froms: Vec<Date>,
    pub window_untils: Vec<Date>,
    pub pre_order_id: Option<Uuid>,
    pub pre_order_number: Option<String>,
    pub pre_order_state: Option<String>,
    pub pre_order_version: Option<i32>,
    pub units: i64,
    pub value_minor: i64,
    /// Units per style of the pre-order (the line sheet shows them).
    pub ordered_products: Vec<Uuid>,
    pub ordered_units: Vec<i64>,
}

impl CampaignRow {
    pub fn state(&self) -> CampaignState {
        CampaignState::parse(&self.state).unwrap_or(CampaignState::Draft)
    }

    pub fn minimums(&self) -> Minimums {
        Minimums {
            units_per_style: self.min_units_per_style,
            order_minor: self.min_order_minor,
        }
    }

    pub fn pre_order_state(&self) -> Option<PreOrderState> {
        self.pre_order_state
            .as_deref()
            .and_then(PreOrderState::parse)
    }

    pub fn into_portal(self) -> PortalCampaign {
        let state = self.state();
        let minimums = self.minimums();
        let pre_order_state = self.pre_order_state();
        let windows = self
            .window_ids
            .iter()
            .zip(&self.window_names)
            .zip(self.window_froms.iter().zip(&self.window_untils))
            .map(|((id, name), (from, until))| DeliveryWindow {
                id: *id,
                name: name.clone(),
                ships_from: *from,
                ships_until: *until,
            })
            .collect();
        let pre_order = match (self.pre_order_id, self.pre_order_number, pre_order_state) {
            (Some(id), Some(number), Some(state)) => Some(PreOrderBrief {
                id,
                number,
                state,
                units: self.units,
                value_minor: self.value_minor,
            }),
            _ => None,
        };
        PortalCampaign {
            id: self.id,
            code: self.code,
            name: self.name,
            season: self.season,
            opens_on: self.opens_on,
            closes_on: self.closes_on,
            state,
            minimums,
            windows,
            pre_order,
            currency: self.currency,
        }
    }
}

/// `$1` is the company. Drafts are the brand's own until opened.
const CAMPAIGN_FROM: &str = "
    SELECT c.id, c.code, c.name, c.season, c.opens_on, c.closes_on, c.state,
           c.min_units_per_style, c.min_order_minor,
           COALESCE(pl.currency, co.currency)::text AS currency, co.price_list_id,
           ARRAY(SELECT w.id FROM campaign_windows w WHERE w.campaign_id = c.id ORDER BY w.ships_from, w.name) AS window_ids,
           ARRAY(SELECT w.name FROM campaign_windows w WHERE w.campaign_id = c.id ORDER BY w.ships_from, w.name) AS window_names,
           ARRAY(SELECT w.ships_from FROM campaign_windows w WHERE w.campaign_id = c.id ORDER BY w.ships_from, w.name) AS window_froms,
           ARRAY(SELECT w.ships_until FROM campaign_windows w WHERE w.campaign_id = c.id ORDER BY w.ships_from, w.name) AS window_untils,
           po.id AS pre_order_id, po.number AS pre_order_number, po.state AS pre_order_state,
           po.version AS pre_order_version,
           COALESCE(t.units, 0)::bigint AS units, COALESCE(t.value, 0)::bigint AS value_minor,
           COALESCE(t.products, '{}') AS ordered_products, COALESCE(t.product_units, '{}') AS ordered_units
    FROM campaigns c
    JOIN campaign_invitations i ON i.campaign_id = c.id AND i.company_id = $1
    JOIN companies co ON co.id = i.company_id
    LEFT JOIN price_lists pl ON pl.id = co.price_list_id
    LEFT JOIN pre_orders po ON po.campaign_id = c.id AND po.company_id = i.company_id
    LEFT JOIN LATERAL (
        SELECT sum(s.units) AS units, sum(s.value) AS value,
               array_agg(s.product_id) AS products, array_agg(s.units) AS product_units
        FROM (SELECT l.product_id, sum(l.quantity)::bigint AS units,
                     sum(l.quantity::bigint * l.unit_price_minor) AS value
              FROM pre_order_lines l WHERE l.pre_order_id = po.id AND l.company_id = i.company_id
              GROUP BY l.product_id) s
    ) t ON true
    WHERE c.state <> 'draft'";

/// The campaign `$2` (by id) as company `$1` sees it; append a locking clause as needed.
pub fn campaign_select() -> String {
    format!("{CAMPAIGN_FROM} AND c.id = $2")
}

pub async fn campaign_row(
    conn: &mut PgConnection,
    company_id: Uuid,
    campaign_id: Uuid,
) -> sqlx::Result<Option<CampaignRow>> {
    sqlx::query_as::<_, CampaignRow>(&campaign_select())
        .bind(company_id)
        .bind(campaign_id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn campaign_by_code(
    db: impl PgExecutor<'_>,
    company_id: Uuid,
    code: &str,
) -> sqlx::Result<Option<CampaignRow>> {
    sqlx::query_as::<_, CampaignRow>(&format!("{CAMPAIGN_FROM} AND c.code = $2"))
        .bind(company_id)
        .bind(code)
        .fetch_optional(db)
        .await
}

/// Open campaigns the company is invited to, then closed and confirmed
/// ones it ordered in.
pub async fn campaigns(
    db: impl PgExecutor<'_>,
    company_id: Uuid,
) -> sqlx::Result<Vec<PortalCampaign>> {
    let rows = sqlx::query_as::<_, CampaignRow>(&format!(
        "{CAMPAIGN_FROM} AND (c.state = 'open' OR po.id IS NOT NULL)
         ORDER BY c.state = 'open' DESC, c.closes_on DESC, c.code"
    ))
    .bind(company_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(CampaignRow::into_portal).collect())
}

#[derive(sqlx::FromRow)]
struct SheetRow {
    product_id: Uuid,
    style_code: String,
    name: String,
    category: String,
    image: Option<Uuid>,
    colour: String,
    carry_over: bool,
    hex: String,
    price_colours: Option<Vec<String>>,
    price_sizes: Option<Vec<String>>,
    wholesale: Option<Vec<i64>>,
    retail: Option<Vec<i64>>,
}

fn entries_of(
    colours: Option<Vec<String>>,
    sizes: Option<Vec<String>>,
    wholesale: Option<Vec<i64>>,
    retail: Option<Vec<i64>>,
) -> Vec<PriceEntry> {
    let (colours, sizes) = (colours.unwrap_or_default(), sizes.unwrap_or_default());
    let (wholesale, retail) = (wholesale.unwrap_or_default(), retail.unwrap_or_default());
    colours
        .into_iter()
        .zip(sizes)
        .zip(wholesale.into_iter().zip(retail))
        .map(
            |((colour, size), (wholesale_minor, retail_minor))| PriceEntry {
                colour,
                size,
                price: Price {
                    wholesale_minor,
                    retail_minor,
                },
            },
        )
        .collect()
}

/// The price a line sheet shows for a colour: the colour's (or style's)
/// price, else the lowest of its sizes' prices.
pub fn colour_price(entries: &[PriceEntry], colour: &str) -> Option<Price> {
    rules::resolve_price(entries, colour, "").or_else(|| {
        entries
            .iter()
            .filter(|e| e.colour == colour)
            .map(|e| e.price)
            .min_by_key(|p| p.wholesale_minor)
    })
}

/// Every style and colour a campaign offers, at one price list (the same
/// for every company on that list: see [`crate::wholesale::cache`]).
pub async fn offer(
    db: impl PgExecutor<'_>,
    campaign_id: Uuid,
    price_list_id: Option<Uuid>,
) -> sqlx::Result<Vec<LineSheetStyle>> {
    let rows = sqlx::query_as::<_, SheetRow>(
        "SELECT cs.product_id, p.style_code, p.name, cat.name AS category,
                img.asset_id AS image, cs.colour, cs.carry_over,
                COALESCE(hex.colour_hex, '#cccccc') AS hex,
                pr.colours AS price_colours, pr.sizes AS price_sizes, pr.wholesale, pr.retail
         FROM campaign_styles cs
         JOIN products p ON p.id = cs.product_id
         JOIN categories cat ON cat.id = p.category_id
         LEFT JOIN LATERAL (
             SELECT pi.asset_id FROM product_images pi
             WHERE pi.product_id = p.id ORDER BY pi.colour IS NOT NULL, pi.position LIMIT 1
         ) img ON true
         LEFT JOIN LATERAL (
             SELECT v.colour_hex FROM variants v
             WHERE v.product_id = p.id AND v.colour = cs.colour LIMIT 1
         ) hex ON true
         LEFT JOIN LATERAL (
             SELECT array_agg(pp.colour) AS colours, array_agg(pp.size) AS sizes,
                    array_agg(pp.wholesale_minor) AS wholesale, array_agg(pp.retail_minor) AS retail
             FROM price_list_prices pp
             WHERE pp.price_list_id = $2 AND pp.product_id = p.id AND pp.colour IN ('', cs.colour)
         ) pr ON true
         WHERE cs.campaign_id = $1
         ORDER BY cat.name, p.style_code, cs.colour",
    )
    .bind(campaign_id)
    .bind(price_list_id)
    .fetch_all(db)
    .await?;
    let mut styles: Vec<LineSheetStyle> = Vec::new();
    for row in rows {
        let entries = entries_of(
            row.price_colours,
            row.price_sizes,
            row.wholesale,
            row.retail,
        );
        let colour = StyleColour {
            price: colour_price(&entries, &row.colour),
            colour: row.colour,
            hex: row.hex,
            carry_over: row.carry_over,
        };
        match styles.last_mut() {
            Some(last) if last.product_id == row.product_id => last.colours.push(colour),
            _ => styles.push(LineSheetStyle {
                product_id: row.product_id,
                style_code: row.style_code,
                name: row.name,
                category: row.category,
                image: row.image.map(crate::catalog::model::media_url),
                colours: vec![colour],
                ordered_units: 0,
            }),
        }
    }
    Ok(styles)
}

/// The product of a style the campaign offers (in any colour).
pub async fn offered_product(
    db: impl PgExecutor<'_>,
    campaign_id: Uuid,
    style_code: &str,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "SELECT p.id FROM products p
         WHERE p.style_code = $2
           AND EXISTS (SELECT 1 FROM campaign_styles cs WHERE cs.campaign_id = $1 AND cs.product_id = p.id)",
    )
    .bind(campaign_id)
    .bind(style_code)
    .fetch_optional(db)
    .await
}

pub async fn stores(db: impl PgExecutor<'_>, company_id: Uuid) -> sqlx::Result<Vec<Store>> {
    let rows: Vec<(Uuid, String, sqlx::types::Json<Address>)> = sqlx::query_as(
        "SELECT id, name, address FROM company_stores WHERE company_id = $1 ORDER BY name",
    )
    .bind(company_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, address)| Store {
            id,
            name,
            address: address.0,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct GridProduct {
    id: Uuid,
    style_code: String,
    name: String,
    description: String,
    category: String,
    image: Option<Uuid>,
}

/// A style's size-run grid with the company's prices and quantities; `None`
/// when the campaign does not offer the style.
pub async fn style_grid(
    conn: &mut PgConnection,
    company_id: Uuid,
    campaign: CampaignRow,
    style_code: &str,
    today: Date,
) -> sqlx::Result<Option<StyleGrid>> {
    let product = sqlx::query_as::<_, GridProduct>(
        "SELECT p.id, p.style_code, p.name, p.description, cat.name AS category,
                (SELECT pi.asset_id FROM product_images pi WHERE pi.product_id = p.id
                 ORDER BY pi.colour IS NOT NULL, pi.position LIMIT 1) AS image
         FROM products p JOIN categories cat ON cat.id = p.category_id
         WHERE p.style_code = $1
           AND EXISTS (SELECT 1 FROM campaign_styles cs WHERE cs.campaign_id = $2 AND cs.product_id = p.id)",
    )
    .bind(style_code)
    .bind(campaign.id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(product) = product else {
        return Ok(None);
    };
    let colours: Vec<String> = sqlx::query_scalar(
        "SELECT colour FROM campaign_styles WHERE campaign_id = $1 AND product_id = $2 ORDER BY colour",
    )
    .bind(campaign.id)
    .bind(product.id)
    .fetch_all(&mut *conn)
    .await?;
    let variants: Vec<(Uuid, String, String, String, String)> = sqlx::query_as(
        "SELECT id, sku, colour, colour_hex, size FROM variants WHERE product_id = $1 ORDER BY position, size",
    )
    .bind(product.id)
    .fetch_all(&mut *conn)
    .await?;
    let entries = super::pre_orders::price_entries(conn, company_id, product.id).await?;
    let lines: Vec<(Uuid, i32)> = sqlx::query_as(
        "SELECT variant_id, quantity FROM pre_order_lines
         WHERE pre_order_id = $1 AND company_id = $2 AND product_id = $3",
    )
    .bind(campaign.pre_order_id)
    .bind(company_id)
    .bind(product.id)
    .fetch_all(&mut *conn)
    .await?;
    let chosen: Option<(Uuid, Uuid)> = sqlx::query_as(
        "SELECT store_id, window_id FROM pre_order_styles
         WHERE pre_order_id = $1 AND company_id = $2 AND product_id = $3",
    )
    .bind(campaign.pre_order_id)
    .bind(company_id)
    .bind(product.id)
    .fetch_optional(&mut *conn)
    .await?;
    let stores = stores(&mut *conn, company_id).await?;

    // Sizes in the product's own order (variants.position).
    let mut sizes: Vec<String> = Vec::new();
    for (_, _, _, _, size) in &variants {
        if !sizes.contains(size) {
            sizes.push(size.clone());
        }
    }
    let rows = colours
        .into_iter()
        .map(|colour| {
            let price = colour_price(&entries, &colour);
            let hex = variants
                .iter()
                .find(|v| v.2 == colour)
                .map_or_else(|| "#cccccc".to_owned(), |v| v.3.clone());
            let cells = sizes
                .iter()
                .map(|size| {
                    let variant = variants.iter().find(|v| v.2 == colour && &v.4 == size);
                    // A size without its own price is not orderable either.
                    let priced = rules::resolve_price(&entries, &colour, size).is_some();
                    match variant {
                        Some((id, sku, ..)) if priced => GridCell {
                            variant_id: Some(*id),
                            sku: sku.clone(),
                            quantity: lines.iter().find(|(v, _)| v == id).map_or(0, |(_, q)| *q),
                        },
                        Some((_, sku, ..)) => GridCell {
                            variant_id: None,
                            sku: sku.clone(),
                            quantity: 0,
                        },
                        None => GridCell {
                            variant_id: None,
                            sku: String::new(),
                            quantity: 0,
                        },
                    }
                })
                .collect();
            GridRow {
                colour,
                hex,
                price,
                cells,
            }
        })
        .collect();
    let editable = rules::pre_order_editable(
        campaign.state(),
        campaign.closes_on,
        today,
        campaign.pre_order_state().unwrap_or(PreOrderState::Draft),
    );
    let version = campaign.pre_order_version.unwrap_or(0);
    let currency = campaign.currency.clone();
    let default_window = campaign.window_ids.first().copied();
    let default_store = stores.first().map(|s| s.id);
    Ok(Some(StyleGrid {
        campaign: campaign.into_portal(),
        currency,
        product_id: product.id,
        style_code: product.style_code,
        name: product.name,
        description: product.description,
        category: product.category,
        image: product.image.map(crate::catalog::model::media_url),
        sizes,
        rows,
        stores,
        store_id: chosen.map(|c| c.0).or(default_store),
        window_id: chosen.map(|c| c.1).or(default_window),
        editable,
        version,
    }))
}

pub async fn payment_terms(
    db: impl PgExecutor<'_>,
    company_id: Uuid,
) -> sqlx::Result<PaymentTerms> {
    let terms: Option<String> =
        sqlx::query_scalar("SELECT payment_terms FROM companies WHERE id = $1")
            .bind(company_id)
            .fetch_optional(db)
            .await?;
    Ok(terms
        .as_deref()
        .and_then(PaymentTerms::parse)
        .unwrap_or(PaymentTerms::Net30))
}

pub async fn open_invitations(
    db: impl PgExecutor<'_>,
    company_id: Uuid,
) -> sqlx::Result<Vec<Invitation>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT email::text, name, role FROM company_invitations
         WHERE company_id = $1 AND accepted_at IS NULL ORDER BY created_at DESC",
    )
    .bind(company_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(email, name, role)| Invitation { email, name, role })
        .collect())
}

pub async fn create_invitation(
    db: impl PgExecutor<'_>,
    company_id: Uuid,
    token: &str,
    email: &str,
    name: &str,
    role: &str,
    invited_by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO company_invitations (token, company_id, email, name, role, invited_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token)
    .bind(company_id)
    .bind(email)
    .bind(name)
    .bind(role)
    .bind(invited_by)
    .execute(db)
    .await?;
    Ok(())
}

/// An invitation not yet accepted (and at most 14 days old), with its company.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenInvitation {
    pub company_id: Uuid,
    pub company: String,
    pub email: String,
    pub name: String,
    pub role: String,
}

pub async fn invitation_by_token(
    db: impl PgExecutor<'_>,
    token: &str,
    lock: bool,
) -> sqlx::Result<Option<OpenInvitation>> {
    sqlx::query_as::<_, OpenInvitation>(&format!(
        "SELECT i.company_id, c.name AS company, i.email::text AS email, i.name, i.role
         FROM company_invitations i JOIN companies c ON c.id = i.company_id
         WHERE i.token = $1 AND i.accepted_at IS NULL AND i.created_at > now() - interval '14 days'
         {}",
        if lock { "FOR UPDATE OF i" } else { "" }
    ))
    .bind(token)
    .fetch_optional(db)
    .await
}

pub async fn mark_invitation_accepted(db: impl PgExecutor<'_>, token: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE company_invitations SET accepted_at = now() WHERE token = $1")
        .bind(token)
        .execute(db)
        .await?;
    Ok(())
}
