//! The wholesale team's queries: companies and their stores and people,
//! price lists and their import, campaigns and their offer, the sales desk
//! and the demand of confirmed pre-orders. Changes that must be whole run
//! in one transaction; state changes lock the campaign row first.

use crate::auth::model::{Audience, Role};
use crate::error::{AppError, FieldError};
use crate::fulfilment::model::Address;
use crate::wholesale::forms::{CampaignInput, CompanyInput, opening_refusal};
use crate::wholesale::import::PriceRow;
use crate::wholesale::model::{
    CampaignDesk, CampaignDetail, CampaignState, CampaignSummary, CategoryOption, CompanyDetail,
    CompanySummary, DemandRow, DeskCompany, DeskStyle, ImportProblem, ImportReport, OfferedStyle,
    PaymentTerms, PreOrderState, PriceListDetail, PriceListSummary, SalesRep,
};
use crate::wholesale::rules::campaign_may_move;
use sqlx::types::Json;
use sqlx::{PgExecutor, PgPool};
use std::collections::{HashMap, HashSet};
use time::Date;
use uuid::Uuid;

/// The constraint a failed statement broke, if it broke one.
fn constraint(error: &sqlx::Error) -> Option<&str> {
    match error {
        sqlx::Error::Database(db) => db.constraint(),
        _ => None,
    }
}

/// Whether a failed delete was refused because other rows still use the row.
fn still_used(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.code().as_deref() == Some("23503"))
}

// Companies -----------------------------------------------------------------

/// Companies whose name, legal name, VAT number or city contain `search`.
pub async fn companies(pool: &PgPool, search: &str) -> sqlx::Result<Vec<CompanySummary>> {
    sqlx::query_as(
        "SELECT c.id, c.name, c.city, c.country::text AS country, c.currency::text AS currency,
                pl.code AS price_list, r.name AS sales_rep,
                (SELECT count(*) FROM users u WHERE u.company_id = c.id) AS users
         FROM companies c
         LEFT JOIN price_lists pl ON pl.id = c.price_list_id
         LEFT JOIN users r ON r.id = c.sales_rep_id
         WHERE $1 = ''
            OR strpos(lower(c.name || ' ' || c.legal_name || ' ' || c.vat_number || ' ' || c.city),
                      lower($1)) > 0
         ORDER BY c.name
         LIMIT 500",
    )
    .bind(search.trim())
    .fetch_all(pool)
    .await
}

#[derive(sqlx::FromRow)]
struct CompanyRow {
    id: Uuid,
    name: String,
    legal_name: String,
    vat_number: String,
    country: String,
    city: String,
    currency: String,
    billing_address: Json<Address>,
    payment_terms: String,
    credit_limit_minor: Option<i64>,
    price_list_id: Option<Uuid>,
    sales_rep_id: Option<Uuid>,
}

pub async fn company(pool: &PgPool, id: Uuid) -> sqlx::Result<Option<CompanyDetail>> {
    let row: Option<CompanyRow> = sqlx::query_as(
        "SELECT id, name, legal_name, vat_number, country::text AS country, city,
                currency::text AS currency, billing_address, payment_terms, credit_limit_minor,
                price_list_id, sales_rep_id
         FROM companies WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let stores = super::portal::stores(pool, id).await?;
    let members = crate::auth::db::company_users(pool, id).await?;
    Ok(Some(CompanyDetail {
        id: row.id,
        name: row.name,
        legal_name: row.legal_name,
        vat_number: row.vat_number,
        country: row.country,
        city: row.city,
        currency: row.currency,
        billing_address: row.billing_address.0,
        payment_terms: PaymentTerms::parse(&row.payment_terms).unwrap_or(PaymentTerms::Net30),
        credit_limit_minor: row.credit_limit_minor,
        price_list_id: row.price_list_id,
        sales_rep_id: row.sales_rep_id,
        stores,
        members,
    }))
}

/// Staff members who may be a company's sales rep.
pub async fn sales_reps(pool: &PgPool) -> sqlx::Result<Vec<SalesRep>> {
    let reps: Vec<SalesRep> =
        sqlx::query_as("SELECT id, name, role FROM users WHERE company_id IS NULL ORDER BY name")
            .fetch_all(pool)
            .await?;
    Ok(reps
        .into_iter()
        .filter(|r| Role::parse(&r.role).is_some_and(|role| role.audience() == Audience::Staff))
        .collect())
}

/// Creates (`id` None) or changes a company. The price list must be in the
/// company's currency and the sales rep a staff member; a VAT number
/// belongs to one company only.
pub async fn save_company(
    pool: &PgPool,
    id: Option<Uuid>,
    input: &CompanyInput,
) -> Result<Uuid, AppError> {
    let mut tx = pool.begin().await?;
    let mut problems = Vec::new();
    if let Some(list_id) = input.price_list_id {
        let list: Option<(String, String)> =
            sqlx::query_as("SELECT code, currency::text FROM price_lists WHERE id = $1")
                .bind(list_id)
                .fetch_optional(&mut *tx)
                .await?;
        match list {
            None => problems.push(FieldError::new(
                "price_list_id",
                "unknown",
                "That price list does not exist any more. Choose another.",
            )),
            Some((code, currency)) if currency != input.currency => problems.push(FieldError::new(
                "price_list_id",
                "currency",
                format!(
                    "The price list {code} is in {currency}, but the company buys in {}. Choose a price list in {}.",
                    input.currency, input.currency
                ),
            )),
            Some(_) => {}
        }
    }
    if let Some(rep_id) = input.sales_rep_id {
        let role: Option<String> = sqlx::query_scalar("SELECT role FROM users WHERE id = $1")
            .bind(rep_id)
            .fetch_optional(&mut *tx)
            .await?;
        let staff = role
            .as_deref()
            .and_then(Role::parse)
            .is_some_and(|r| r.audience() == Audience::Staff);
        if !staff {
            problems.push(FieldError::new(
                "sales_rep_id",
                "not_staff",
                "The sales rep must be a member of staff.",
            ));
        }
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let address = Json(&input.billing_address);
    // The same fields, in the same order, for a new company and an edit.
    let sql = match id {
        None => {
            "INSERT INTO companies (name, legal_name, vat_number, country, city, currency,
                 billing_address, payment_terms, credit_limit_minor, price_list_id, sales_rep_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id"
        }
        Some(_) => {
            "UPDATE companies SET name = $1, legal_name = $2, vat_number = $3, country = $4,
                 city = $5, currency = $6, billing_address = $7, payment_terms = $8,
                 credit_limit_minor = $9, price_list_id = $10, sales_rep_id = $11
             WHERE id = $12 RETURNING id"
        }
    };
    let query = sqlx::query_scalar::<_, Uuid>(sql)
        .bind(&input.name)
        .bind(&input.legal_name)
        .bind(&input.vat_number)
        .bind(&input.country)
        .bind(&input.city)
        .bind(&input.currency)
        .bind(address)
        .bind(input.payment_terms.as_str())
        .bind(input.credit_limit_minor)
        .bind(input.price_list_id)
        .bind(input.sales_rep_id);
    let saved = match id {
        None => query.fetch_one(&mut *tx).await,
        Some(id) => query
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .and_then(|found| found.ok_or(sqlx::Error::RowNotFound)),
    };
    let saved: Uuid = match saved {
        Ok(id) => id,
        Err(sqlx::Error::RowNotFound) => return Err(AppError::NotFound("Company".into())),
        Err(e) if constraint(&e) == Some("companies_vat_number_key") => {
            return Err(AppError::field(
                "vat_number",
                "taken",
                format!(
                    "Another company already has the VAT number {}.",
                    input.vat_number
                ),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    tx.commit().await?;
    Ok(saved)
}

pub async fn add_store(
    pool: &PgPool,
    company_id: Uuid,
    name: &str,
    address: &Address,
) -> Result<Uuid, AppError> {
    let added = sqlx::query_scalar(
        "INSERT INTO company_stores (company_id, name, address)
         SELECT id, $2, $3 FROM companies WHERE id = $1 RETURNING id",
    )
    .bind(company_id)
    .bind(name)
    .bind(Json(address))
    .fetch_optional(pool)
    .await;
    match added {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(AppError::NotFound("Company".into())),
        Err(e) if constraint(&e) == Some("company_stores_company_id_name_key") => {
            Err(AppError::field(
                "name",
                "taken",
                format!("The company already has a store called {name}."),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// Removes a store nobody ships to: the database refuses it while a
/// pre-order (or an order it became) uses the store.
pub async fn remove_store(pool: &PgPool, company_id: Uuid, store_id: Uuid) -> Result<(), AppError> {
    let removed = sqlx::query("DELETE FROM company_stores WHERE id = $1 AND company_id = $2")
        .bind(store_id)
        .bind(company_id)
        .execute(pool)
        .await;
    match removed {
        Ok(done) if done.rows_affected() == 1 => Ok(()),
        Ok(_) => Err(AppError::NotFound("Store".into())),
        Err(e) if still_used(&e) => Err(AppError::Conflict(
            "This store is used by a pre-order, so it cannot be removed.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

// Price lists ---------------------------------------------------------------

const PRICE_LIST_SUMMARY: &str = "
    SELECT pl.id, pl.code, pl.name, pl.currency::text AS currency,
           (SELECT count(*) FROM price_list_prices p WHERE p.price_list_id = pl.id) AS prices,
           (SELECT count(*) FROM companies c WHERE c.price_list_id = pl.id) AS companies
    FROM price_lists pl";

pub async fn price_lists(pool: &PgPool) -> sqlx::Result<Vec<PriceListSummary>> {
    sqlx::query_as(&format!("{PRICE_LIST_SUMMARY} ORDER BY pl.code"))
        .fetch_all(pool)
        .await
}

pub async fn create_price_list(
    pool: &PgPool,
    code: &str,
    name: &str,
    currency: &str,
) -> Result<(), AppError> {
    let created = sqlx::query("INSERT INTO price_lists (code, name, currency) VALUES ($1, $2, $3)")
        .bind(code)
        .bind(name)
        .bind(currency)
        .execute(pool)
        .await;
    match created {
        Ok(_) => Ok(()),
        Err(e) if constraint(&e) == Some("price_lists_code_key") => Err(AppError::field(
            "code",
            "taken",
            format!("A price list with the code {code} exists already."),
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn price_list(pool: &PgPool, code: &str) -> sqlx::Result<Option<PriceListDetail>> {
    let summary: Option<PriceListSummary> =
        sqlx::query_as(&format!("{PRICE_LIST_SUMMARY} WHERE pl.code = $1"))
            .bind(code)
            .fetch_optional(pool)
            .await?;
    let Some(summary) = summary else {
        return Ok(None);
    };
    let prices = sqlx::query_as(
        "SELECT pr.style_code, pr.name, p.colour, p.size, p.wholesale_minor, p.retail_minor
         FROM price_list_prices p JOIN products pr ON pr.id = p.product_id
         WHERE p.price_list_id = $1
         ORDER BY pr.style_code, p.colour, p.size",
    )
    .bind(summary.id)
    .fetch_all(pool)
    .await?;
    Ok(Some(PriceListDetail { summary, prices }))
}

/// Every price of a list as (style code, colour, size, wholesale, retail),
/// for its CSV download; `None` when there is no such list.
#[allow(clippy::type_complexity)]
pub async fn price_list_rows(
    pool: &PgPool,
    code: &str,
) -> sqlx::Result<Option<Vec<(String, String, String, i64, i64)>>> {
    Ok(price_list(pool, code).await?.map(|detail| {
        detail
            .prices
            .into_iter()
            .map(|p| {
                (
                    p.style_code,
                    p.colour,
                    p.size,
                    p.wholesale_minor,
                    p.retail_minor,
                )
            })
            .collect()
    }))
}

/// Applies parsed price rows to a list: every style, colour and size is
/// looked up first, and with any problem nothing is written. Otherwise all
/// rows go in one transaction (with `replace`, the list's other prices go).
/// The id of the price list `code`.
pub async fn price_list_id(pool: &PgPool, code: &str) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("SELECT id FROM price_lists WHERE code = $1")
        .bind(code)
        .fetch_optional(pool)
        .await
}

pub async fn import_prices(
    pool: &PgPool,
    list_id: Uuid,
    rows: &[PriceRow],
    replace: bool,
) -> Result<ImportReport, AppError> {
    let codes: Vec<String> = rows.iter().map(|r| r.style_code.clone()).collect();
    let products: HashMap<String, Uuid> = sqlx::query_as::<_, (String, Uuid)>(
        "SELECT style_code, id FROM products WHERE style_code = ANY($1)",
    )
    .bind(&codes)
    .fetch_all(pool)
    .await?
    .into_iter()
    .collect();
    let ids: Vec<Uuid> = products.values().copied().collect();
    // The colours and sizes each product is made in, matched without regard
    // to case and stored as the catalogue spells them.
    let made: Vec<(Uuid, String, String)> =
        sqlx::query_as("SELECT product_id, colour, size FROM variants WHERE product_id = ANY($1)")
            .bind(&ids)
            .fetch_all(pool)
            .await?;
    let colour_of = |product: Uuid, colour: &str| {
        made.iter()
            .find(|(p, c, _)| *p == product && c.eq_ignore_ascii_case(colour))
            .map(|(_, c, _)| c.clone())
    };
    let size_of = |product: Uuid, colour: &str, size: &str| {
        made.iter()
            .find(|(p, c, s)| *p == product && c == colour && s.eq_ignore_ascii_case(size))
            .map(|(_, _, s)| s.clone())
    };
    let mut problems = Vec::new();
    let mut resolved = Vec::with_capacity(rows.len());
    let problem = |row: usize, column: &str, problem: String| ImportProblem {
        row,
        column: column.to_owned(),
        problem,
    };
    for row in rows {
        let Some(&product) = products.get(&row.style_code) else {
            problems.push(problem(
                row.row,
                "style_code",
                format!("There is no style with the code {}.", row.style_code),
            ));
            continue;
        };
        let mut colour = String::new();
        let mut size = String::new();
        if !row.colour.is_empty() {
            match colour_of(product, &row.colour) {
                Some(c) => colour = c,
                None => {
                    problems.push(problem(
                        row.row,
                        "colour",
                        format!(
                            "{} is not made in the colour {}.",
                            row.style_code, row.colour
                        ),
                    ));
                    continue;
                }
            }
        }
        if !row.size.is_empty() {
            match size_of(product, &colour, &row.size) {
                Some(s) => size = s,
                None => {
                    problems.push(problem(
                        row.row,
                        "size",
                        format!(
                            "{} in {} is not made in the size {}.",
                            row.style_code, colour, row.size
                        ),
                    ));
                    continue;
                }
            }
        }
        resolved.push((product, colour, size, row.wholesale_minor, row.retail_minor));
    }
    // Two rows may name the same price in different letter cases.
    let mut seen = HashSet::new();
    for (row, (product, colour, size, ..)) in rows.iter().zip(&resolved) {
        if problems.is_empty() && !seen.insert((*product, colour.clone(), size.clone())) {
            problems.push(problem(
                row.row,
                "colour",
                "The same price is already on an earlier row.".into(),
            ));
        }
    }
    if !problems.is_empty() {
        return Ok(ImportReport {
            applied: false,
            rows: rows.len(),
            problems,
        });
    }
    let mut tx = pool.begin().await?;
    // One import of a list at a time.
    sqlx::query("SELECT 1 FROM price_lists WHERE id = $1 FOR UPDATE")
        .bind(list_id)
        .execute(&mut *tx)
        .await?;
    if replace {
        sqlx::query("DELETE FROM price_list_prices WHERE price_list_id = $1")
            .bind(list_id)
            .execute(&mut *tx)
            .await?;
    }
    let products: Vec<Uuid> = resolved.iter().map(|r| r.0).collect();
    let colours: Vec<&str> = resolved.iter().map(|r| r.1.as_str()).collect();
    let sizes: Vec<&str> = resolved.iter().map(|r| r.2.as_str()).collect();
    let wholesale: Vec<i64> = resolved.iter().map(|r| r.3).collect();
    let retail: Vec<i64> = resolved.iter().map(|r| r.4).collect();
    sqlx::query(
        "INSERT INTO price_list_prices (price_list_id, product_id, colour, size, wholesale_minor, retail_minor)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
         ON CONFLICT (price_list_id, product_id, colour, size)
         DO UPDATE SET wholesale_minor = EXCLUDED.wholesale_minor, retail_minor = EXCLUDED.retail_minor",
    )
    .bind(list_id)
    .bind(&products)
    .bind(&colours)
    .bind(&sizes)
    .bind(&wholesale)
    .bind(&retail)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE price_lists SET updated_at = now() WHERE id = $1")
        .bind(list_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(ImportReport {
        applied: true,
        rows: rows.len(),
        problems: Vec::new(),
    })
}

// Campaigns -----------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct CampaignRow {
    id: Uuid,
    code: String,
    name: String,
    season: String,
    opens_on: Date,
    closes_on: Date,
    state: String,
    styles: i64,
    invited: i64,
    pre_orders: i64,
}

impl From<CampaignRow> for CampaignSummary {
    fn from(r: CampaignRow) -> Self {
        CampaignSummary {
            id: r.id,
            code: r.code,
            name: r.name,
            season: r.season,
            opens_on: r.opens_on,
            closes_on: r.closes_on,
            // The column's CHECK admits only the known states.
            state: CampaignState::parse(&r.state).unwrap_or(CampaignState::Draft),
            styles: r.styles,
            invited: r.invited,
            pre_orders: r.pre_orders,
        }
    }
}

const CAMPAIGN_SUMMARY: &str = "
    SELECT c.id, c.code, c.name, c.season, c.opens_on, c.closes_on, c.state,
           (SELECT count(DISTINCT s.product_id) FROM campaign_styles s WHERE s.campaign_id = c.id) AS styles,
           (SELECT count(*) FROM campaign_invitations i WHERE i.campaign_id = c.id) AS invited,
           (SELECT count(*) FROM pre_orders p WHERE p.campaign_id = c.id AND p.state <> 'withdrawn') AS pre_orders
    FROM campaigns c";

/// Every campaign, the latest first.
pub async fn campaigns(pool: &PgPool) -> sqlx::Result<Vec<CampaignSummary>> {
    let rows: Vec<CampaignRow> = sqlx::query_as(&format!(
        "{CAMPAIGN_SUMMARY} ORDER BY c.opens_on DESC, c.code"
    ))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

async fn campaign_summary(
    db: impl PgExecutor<'_>,
    code: &str,
) -> sqlx::Result<Option<CampaignSummary>> {
    let row: Option<CampaignRow> = sqlx::query_as(&format!("{CAMPAIGN_SUMMARY} WHERE c.code = $1"))
        .bind(code)
        .fetch_optional(db)
        .await?;
    Ok(row.map(Into::into))
}

pub async fn campaign(pool: &PgPool, code: &str) -> sqlx::Result<Option<CampaignDetail>> {
    let Some(summary) = campaign_summary(pool, code).await? else {
        return Ok(None);
    };
    let (min_units_per_style, min_order_minor): (i32, i64) =
        sqlx::query_as("SELECT min_units_per_style, min_order_minor FROM campaigns WHERE id = $1")
            .bind(summary.id)
            .fetch_one(pool)
            .await?;
    let windows = sqlx::query_as(
        "SELECT id, name, ships_from, ships_until FROM campaign_windows
         WHERE campaign_id = $1 ORDER BY ships_from, name",
    )
    .bind(summary.id)
    .fetch_all(pool)
    .await?;
    let companies = sqlx::query_as(
        "SELECT c.id, c.name, i.company_id IS NOT NULL AS invited
         FROM companies c
         LEFT JOIN campaign_invitations i ON i.company_id = c.id AND i.campaign_id = $1
         ORDER BY c.name",
    )
    .bind(summary.id)
    .fetch_all(pool)
    .await?;
    let offer = sqlx::query_as::<_, (Uuid, String, String, String, bool, i32)>(
        "SELECT s.product_id, p.style_code, p.name, s.colour, s.carry_over, s.target_units
         FROM campaign_styles s JOIN products p ON p.id = s.product_id
         WHERE s.campaign_id = $1
         ORDER BY p.style_code, s.colour",
    )
    .bind(summary.id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(
        |(product_id, style_code, name, colour, carry_over, target_units)| OfferedStyle {
            product_id,
            style_code,
            name,
            colour,
            carry_over,
            target_units,
        },
    )
    .collect();
    Ok(Some(CampaignDetail {
        summary,
        min_units_per_style,
        min_order_minor,
        windows,
        companies,
        offer,
    }))
}

pub async fn create_campaign(pool: &PgPool, input: &CampaignInput) -> Result<(), AppError> {
    let created = sqlx::query(
        "INSERT INTO campaigns (code, name, season, opens_on, closes_on, min_units_per_style, min_order_minor)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&input.code)
    .bind(&input.name)
    .bind(&input.season)
    .bind(input.opens_on)
    .bind(input.closes_on)
    .bind(input.min_units_per_style)
    .bind(input.min_order_minor)
    .execute(pool)
    .await;
    match created {
        Ok(_) => Ok(()),
        Err(e) if constraint(&e) == Some("campaigns_code_key") => Err(AppError::field(
            "code",
            "taken",
            format!("A campaign with the code {} exists already.", input.code),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Locks a campaign row for a change and checks its state allows it;
/// `allowed` names the states, `doing` what is refused otherwise.
async fn lock_campaign(
    tx: &mut sqlx::PgConnection,
    code: &str,
    allowed: &[CampaignState],
    doing: &str,
) -> Result<(Uuid, CampaignState), AppError> {
    let row: Option<(Uuid, String)> =
        sqlx::query_as("SELECT id, state FROM campaigns WHERE code = $1 FOR UPDATE")
            .bind(code)
            .fetch_optional(&mut *tx)
            .await?;
    let (id, state) = row.ok_or_else(|| AppError::NotFound("Campaign".into()))?;
    let state = CampaignState::parse(&state).unwrap_or(CampaignState::Draft);
    if !allowed.contains(&state) {
        return Err(AppError::Conflict(format!(
            "The campaign is {}: {doing} is not possible any more.",
            state.label().to_lowercase()
        )));
    }
    Ok((id, state))
}

/// The states in which [`CampaignState::takes_changes`] holds.
const EDITABLE: &[CampaignState] = &[CampaignState::Draft, CampaignState::Open];

/// Changes a draft or open campaign's details (its code stays).
pub async fn update_campaign(
    pool: &PgPool,
    code: &str,
    input: &CampaignInput,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (id, _) = lock_campaign(&mut tx, code, EDITABLE, "changing its details").await?;
    sqlx::query(
        "UPDATE campaigns SET name = $2, season = $3, opens_on = $4, closes_on = $5,
             min_units_per_style = $6, min_order_minor = $7
         WHERE id = $1",
    )
    .bind(id)
    .bind(&input.name)
    .bind(&input.season)
    .bind(input.opens_on)
    .bind(input.closes_on)
    .bind(input.min_units_per_style)
    .bind(input.min_order_minor)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn add_window(
    pool: &PgPool,
    code: &str,
    name: &str,
    ships_from: Date,
    ships_until: Date,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (id, _) = lock_campaign(&mut tx, code, EDITABLE, "adding a delivery window").await?;
    let added = sqlx::query(
        "INSERT INTO campaign_windows (campaign_id, name, ships_from, ships_until) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(name)
    .bind(ships_from)
    .bind(ships_until)
    .execute(&mut *tx)
    .await;
    match added {
        Ok(_) => {}
        Err(e) if constraint(&e) == Some("campaign_windows_campaign_id_name_key") => {
            return Err(AppError::field(
                "name",
                "taken",
                format!("The campaign already has a window called {name}."),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(())
}

/// Removes a window no pre-order ships in (the database refuses otherwise).
pub async fn remove_window(pool: &PgPool, code: &str, window_id: Uuid) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (id, _) = lock_campaign(&mut tx, code, EDITABLE, "removing a delivery window").await?;
    let removed = sqlx::query("DELETE FROM campaign_windows WHERE id = $1 AND campaign_id = $2")
        .bind(window_id)
        .bind(id)
        .execute(&mut *tx)
        .await;
    match removed {
        Ok(done) if done.rows_affected() == 1 => {}
        Ok(_) => return Err(AppError::NotFound("Delivery window".into())),
        Err(e) if still_used(&e) => {
            return Err(AppError::Conflict(
                "Pre-orders ship in this window, so it cannot be removed.".into(),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(())
}

/// Adds every colour of the styles named by code, or of every style of a
/// category; styles already offered keep their settings. Unknown codes are
/// refused together, and then nothing is added. Returns the colours added.
pub async fn add_styles(
    pool: &PgPool,
    code: &str,
    style_codes: &[String],
    category: Option<&str>,
    carry_over: bool,
) -> Result<u64, AppError> {
    let mut tx = pool.begin().await?;
    let (id, _) = lock_campaign(&mut tx, code, EDITABLE, "adding styles").await?;
    let products: Vec<Uuid> = match category {
        Some(slug) => {
            let found: Vec<Uuid> = sqlx::query_scalar(
                "SELECT p.id FROM products p JOIN categories c ON c.id = p.category_id WHERE c.slug = $1",
            )
            .bind(slug)
            .fetch_all(&mut *tx)
            .await?;
            if found.is_empty() {
                return Err(AppError::field(
                    "category",
                    "empty",
                    "That category has no styles.",
                ));
            }
            found
        }
        None => {
            let found: Vec<(Uuid, String)> =
                sqlx::query_as("SELECT id, style_code FROM products WHERE style_code = ANY($1)")
                    .bind(style_codes)
                    .fetch_all(&mut *tx)
                    .await?;
            let unknown: Vec<&str> = style_codes
                .iter()
                .filter(|c| !found.iter().any(|(_, f)| f == *c))
                .map(String::as_str)
                .collect();
            if style_codes.is_empty() {
                return Err(AppError::field(
                    "style_codes",
                    "required",
                    "Enter style codes or choose a category.",
                ));
            }
            if !unknown.is_empty() {
                return Err(AppError::field(
                    "style_codes",
                    "unknown",
                    format!("No style has the code {}.", unknown.join(", ")),
                ));
            }
            found.into_iter().map(|(id, _)| id).collect()
        }
    };
    let added = sqlx::query(
        "INSERT INTO campaign_styles (campaign_id, product_id, colour, carry_over)
         SELECT DISTINCT $1::uuid, v.product_id, v.colour, $3 FROM variants v WHERE v.product_id = ANY($2)
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(&products)
    .bind(carry_over)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(added)
}

pub async fn update_style(
    pool: &PgPool,
    code: &str,
    product_id: Uuid,
    colour: &str,
    target_units: i32,
    carry_over: bool,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (id, _) = lock_campaign(
        &mut tx,
        code,
        &[
            CampaignState::Draft,
            CampaignState::Open,
            CampaignState::Closed,
        ],
        "changing targets",
    )
    .await?;
    let update = sqlx::query(
        "UPDATE campaign_styles SET target_units = $4, carry_over = $5
         WHERE campaign_id = $1 AND product_id = $2 AND colour = $3",
    )
    .bind(id)
    .bind(product_id)
    .bind(colour)
    .bind(target_units)
    .bind(carry_over);
    write_offered_style(tx, update).await
}

/// Runs a statement on one offered style colour and commits; `NotFound`
/// (nothing written) when the campaign does not offer that colour.
async fn write_offered_style(
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    statement: sqlx::query::Query<'_, sqlx::Postgres, sqlx::postgres::PgArguments>,
) -> Result<(), AppError> {
    if statement.execute(&mut *tx).await?.rows_affected() == 0 {
        return Err(AppError::NotFound("Style".into()));
    }
    tx.commit().await?;
    Ok(())
}

/// Takes a style colour out of a draft campaign (buyers have not seen it yet).
pub async fn remove_style(
    pool: &PgPool,
    code: &str,
    product_id: Uuid,
    colour: &str,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (id, _) = lock_campaign(&mut tx, code, &[CampaignState::Draft], "removing styles").await?;
    let delete = sqlx::query(
        "DELETE FROM campaign_styles WHERE campaign_id = $1 AND product_id = $2 AND colour = $3",
    )
    .bind(id)
    .bind(product_id)
    .bind(colour);
    write_offered_style(tx, delete).await
}

/// Invites exactly `companies`; a company that has a pre-order in the
/// campaign stays invited (its buyers are working on it).
pub async fn set_invitations(
    pool: &PgPool,
    code: &str,
    companies: &[Uuid],
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (id, _) = lock_campaign(&mut tx, code, EDITABLE, "changing invitations").await?;
    let ordering: Vec<String> = sqlx::query_scalar(
        "SELECT c.name FROM pre_orders p JOIN companies c ON c.id = p.company_id
         WHERE p.campaign_id = $1 AND p.state <> 'withdrawn' AND NOT (p.company_id = ANY($2))
         ORDER BY c.name",
    )
    .bind(id)
    .bind(companies)
    .fetch_all(&mut *tx)
    .await?;
    if !ordering.is_empty() {
        return Err(AppError::Conflict(format!(
            "{} already placed a pre-order in this campaign and must stay invited.",
            ordering.join(", ")
        )));
    }
    sqlx::query(
        "DELETE FROM campaign_invitations WHERE campaign_id = $1 AND NOT (company_id = ANY($2))",
    )
    .bind(id)
    .bind(companies)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO campaign_invitations (campaign_id, company_id)
         SELECT $1, c.id FROM companies c WHERE c.id = ANY($2)
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(companies)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves a campaign to `to` if the rules allow it from its current state,
/// holding the row's lock so two clicks never move it twice. Confirming is
/// checked here and done by `confirm::confirm_campaign`, which returns the
/// campaign's id for it (the lock is released first: it runs its own
/// transaction on the same row).
pub async fn move_campaign(
    pool: &PgPool,
    code: &str,
    to: CampaignState,
) -> Result<(Uuid, CampaignState), AppError> {
    let mut tx = pool.begin().await?;
    let all = CampaignState::ALL;
    let (id, from) = lock_campaign(&mut tx, code, all, "changing its state").await?;
    if !campaign_may_move(from, to) {
        return Err(AppError::Conflict(format!(
            "A {} campaign cannot be moved to {}.",
            from.label().to_lowercase(),
            to.label().to_lowercase()
        )));
    }
    if from == CampaignState::Draft && to == CampaignState::Open {
        let (windows, styles, invited): (i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM campaign_windows WHERE campaign_id = $1),
                    (SELECT count(*) FROM campaign_styles WHERE campaign_id = $1),
                    (SELECT count(*) FROM campaign_invitations WHERE campaign_id = $1)",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(refusal) = opening_refusal(windows, styles, invited) {
            return Err(AppError::Conflict(refusal));
        }
    }
    if to == CampaignState::Confirmed {
        tx.rollback().await?;
        return Ok((id, from));
    }
    sqlx::query("UPDATE campaigns SET state = $2 WHERE id = $1")
        .bind(id)
        .bind(to.as_str())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((id, from))
}

pub async fn categories(pool: &PgPool) -> sqlx::Result<Vec<CategoryOption>> {
    sqlx::query_as("SELECT slug, name FROM categories ORDER BY position, name")
        .fetch_all(pool)
        .await
}

// The sales desk ------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct DeskCompanyRow {
    company_id: Uuid,
    company: String,
    pre_order_id: Uuid,
    number: String,
    state: String,
    units: i64,
    value_minor: i64,
    currency: String,
}

/// What was pre-ordered in a campaign. Units per style and size count
/// submitted and confirmed pre-orders only; drafts are in the company list.
pub async fn desk(pool: &PgPool, code: &str) -> sqlx::Result<Option<CampaignDesk>> {
    let Some(campaign) = campaign_summary(pool, code).await? else {
        return Ok(None);
    };
    let rows: Vec<DeskCompanyRow> = sqlx::query_as(
        "SELECT p.company_id, c.name AS company, p.id AS pre_order_id, p.number, p.state,
                coalesce(sum(l.quantity), 0)::bigint AS units,
                coalesce(sum(l.quantity::bigint * l.unit_price_minor), 0)::bigint AS value_minor,
                coalesce(pl.currency, c.currency)::text AS currency
         FROM pre_orders p
         JOIN companies c ON c.id = p.company_id
         LEFT JOIN price_lists pl ON pl.id = c.price_list_id
         LEFT JOIN pre_order_lines l ON l.pre_order_id = p.id
         WHERE p.campaign_id = $1
         GROUP BY p.id, c.id, pl.currency
         ORDER BY c.name",
    )
    .bind(campaign.id)
    .fetch_all(pool)
    .await?;
    let companies: Vec<DeskCompany> = rows
        .into_iter()
        .map(|r| DeskCompany {
            company_id: r.company_id,
            company: r.company,
            pre_order_id: r.pre_order_id,
            number: r.number,
            state: PreOrderState::parse(&r.state).unwrap_or(PreOrderState::Draft),
            units: r.units,
            value_minor: r.value_minor,
            currency: r.currency,
        })
        .collect();
    let not_ordered = sqlx::query_scalar(
        "SELECT c.name FROM campaign_invitations i JOIN companies c ON c.id = i.company_id
         WHERE i.campaign_id = $1
           AND NOT EXISTS (SELECT 1 FROM pre_orders p WHERE p.campaign_id = $1 AND p.company_id = c.id)
         ORDER BY c.name",
    )
    .bind(campaign.id)
    .fetch_all(pool)
    .await?;
    let styles: Vec<DeskStyle> = sqlx::query_as(
        "SELECT pr.style_code, pr.name, s.colour, s.target_units::bigint AS target_units,
                (SELECT coalesce(sum(l.quantity), 0)::bigint
                 FROM pre_order_lines l
                 JOIN pre_orders p ON p.id = l.pre_order_id
                 JOIN variants v ON v.id = l.variant_id
                 WHERE p.campaign_id = s.campaign_id AND p.state IN ('submitted', 'confirmed')
                   AND v.product_id = s.product_id AND v.colour = s.colour) AS units
         FROM campaign_styles s JOIN products pr ON pr.id = s.product_id
         WHERE s.campaign_id = $1
         ORDER BY pr.style_code, s.colour",
    )
    .bind(campaign.id)
    .fetch_all(pool)
    .await?;
    let sizes: Vec<(String, i64)> = sqlx::query_as(
        "SELECT v.size, sum(l.quantity)::bigint
         FROM pre_order_lines l
         JOIN pre_orders p ON p.id = l.pre_order_id
         JOIN variants v ON v.id = l.variant_id
         WHERE p.campaign_id = $1 AND p.state IN ('submitted', 'confirmed')
         GROUP BY v.size
         ORDER BY min(v.position), v.size",
    )
    .bind(campaign.id)
    .fetch_all(pool)
    .await?;
    let units = companies
        .iter()
        .filter(|c| matches!(c.state, PreOrderState::Submitted | PreOrderState::Confirmed))
        .map(|c| c.units)
        .sum();
    Ok(Some(CampaignDesk {
        campaign,
        companies,
        not_ordered,
        styles,
        sizes,
        units,
    }))
}

// Demand --------------------------------------------------------------------

/// Units per SKU and delivery window of a campaign's confirmed pre-orders.
pub async fn demand(pool: &PgPool, campaign_code: &str) -> sqlx::Result<Vec<DemandRow>> {
    sqlx::query_as(
        "SELECT v.sku, pr.style_code, pr.name, v.colour, v.size, w.name AS window, w.ships_from,
                sum(l.quantity)::bigint AS units
         FROM pre_orders p
         JOIN campaigns c ON c.id = p.campaign_id
         JOIN pre_order_lines l ON l.pre_order_id = p.id
         JOIN pre_order_styles ps ON ps.pre_order_id = l.pre_order_id AND ps.product_id = l.product_id
         JOIN campaign_windows w ON w.id = ps.window_id
         JOIN variants v ON v.id = l.variant_id
         JOIN products pr ON pr.id = v.product_id
         WHERE c.code = $1 AND p.state = 'confirmed'
         GROUP BY v.sku, pr.style_code, pr.name, v.colour, v.size, w.name, w.ships_from
         ORDER BY v.sku, w.ships_from, w.name",
    )
    .bind(campaign_code)
    .fetch_all(pool)
    .await
}

/// The code of the campaign confirmed last, the demand page's default.
pub async fn latest_confirmed(pool: &PgPool) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT code FROM campaigns WHERE state = 'confirmed'
         ORDER BY closes_on DESC, created_at DESC LIMIT 1",
    )
    .fetch_optional(pool)
    .await
}
