//! Carts in the database. Every change is one statement, so two tabs (or a
//! double click) adding at once both count, and never past the maximum.

use super::model::{CartLine, CartView};
use super::rules::{MAX_QUANTITY, line_total};
use crate::catalog::availability::{line_problem, web_stock};
use crate::catalog::model::media_url;
use crate::i18n::Locale;
use sqlx::{FromRow, PgConnection, PgExecutor};
use time::Date;
use uuid::Uuid;

/// Whose cart: a guest's (by the token in their cookie) or a customer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CartOwner {
    Guest(Uuid),
    Customer(Uuid),
}

impl CartOwner {
    fn token(self) -> Option<Uuid> {
        match self {
            CartOwner::Guest(token) => Some(token),
            CartOwner::Customer(_) => None,
        }
    }

    fn customer(self) -> Option<Uuid> {
        match self {
            CartOwner::Customer(id) => Some(id),
            CartOwner::Guest(_) => None,
        }
    }
}

pub async fn find(db: impl PgExecutor<'_>, owner: CartOwner) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "SELECT id FROM carts WHERE token IS NOT DISTINCT FROM $1 AND customer_id IS NOT DISTINCT FROM $2",
    )
    .bind(owner.token())
    .bind(owner.customer())
    .fetch_optional(db)
    .await
}

pub async fn find_or_create(db: impl PgExecutor<'_>, owner: CartOwner) -> sqlx::Result<Uuid> {
    let conflict = match owner {
        CartOwner::Guest(_) => "token",
        CartOwner::Customer(_) => "customer_id",
    };
    sqlx::query_scalar(&format!(
        "INSERT INTO carts (token, customer_id) VALUES ($1, $2)
         ON CONFLICT ({conflict}) DO UPDATE SET updated_at = now()
         RETURNING id"
    ))
    .bind(owner.token())
    .bind(owner.customer())
    .fetch_one(db)
    .await
}

/// A sellable variant of a style in a colour and size.
#[derive(FromRow)]
pub struct ChosenVariant {
    pub id: Uuid,
    pub product: String,
    pub colour: String,
    pub size: String,
}

pub async fn variant(
    db: impl PgExecutor<'_>,
    style_slug: &str,
    colour: &str,
    size: &str,
) -> sqlx::Result<Option<ChosenVariant>> {
    sqlx::query_as(
        "SELECT v.id, p.name AS product, v.colour, v.size
         FROM variants v JOIN products p ON p.id = v.product_id
         WHERE p.slug = $1 AND v.colour = $2 AND v.size = $3 AND p.lifecycle = 'active'",
    )
    .bind(style_slug)
    .bind(colour)
    .bind(size)
    .fetch_optional(db)
    .await
}

/// Adds units of a SKU (up to the maximum per line); returns the units in the cart.
pub async fn add(
    conn: &mut PgConnection,
    cart: Uuid,
    variant: Uuid,
    quantity: i32,
) -> sqlx::Result<i32> {
    sqlx::query(
        "INSERT INTO cart_lines (cart_id, variant_id, quantity) VALUES ($1, $2, least($3, $4))
         ON CONFLICT (cart_id, variant_id)
         DO UPDATE SET quantity = least(cart_lines.quantity + excluded.quantity, $4)",
    )
    .bind(cart)
    .bind(variant)
    .bind(quantity)
    .bind(MAX_QUANTITY)
    .execute(&mut *conn)
    .await?;
    touch(&mut *conn, cart).await?;
    units(conn, cart).await
}

/// Sets a line's quantity; 0 removes it. False when the SKU is not in the cart.
pub async fn set_quantity(
    conn: &mut PgConnection,
    cart: Uuid,
    sku: &str,
    quantity: i32,
) -> sqlx::Result<bool> {
    let changed = if quantity == 0 {
        sqlx::query(
            "DELETE FROM cart_lines l USING variants v
             WHERE l.cart_id = $1 AND v.id = l.variant_id AND v.sku = $2",
        )
        .bind(cart)
        .bind(sku)
        .execute(&mut *conn)
        .await?
    } else {
        sqlx::query(
            "UPDATE cart_lines l SET quantity = $3 FROM variants v
             WHERE l.cart_id = $1 AND v.id = l.variant_id AND v.sku = $2",
        )
        .bind(cart)
        .bind(sku)
        .bind(quantity)
        .execute(&mut *conn)
        .await?
    }
    .rows_affected();
    touch(conn, cart).await?;
    Ok(changed > 0)
}

async fn touch(conn: &mut PgConnection, cart: Uuid) -> sqlx::Result<()> {
    sqlx::query("UPDATE carts SET updated_at = now() WHERE id = $1")
        .bind(cart)
        .execute(conn)
        .await
        .map(drop)
}

pub async fn units(db: impl PgExecutor<'_>, cart: Uuid) -> sqlx::Result<i32> {
    sqlx::query_scalar("SELECT coalesce(sum(quantity), 0)::int FROM cart_lines WHERE cart_id = $1")
        .bind(cart)
        .fetch_one(db)
        .await
}

/// The units in an owner's cart (0 without one), in one statement.
pub async fn owner_units(db: impl PgExecutor<'_>, owner: CartOwner) -> sqlx::Result<i32> {
    sqlx::query_scalar(
        "SELECT coalesce(sum(l.quantity), 0)::int FROM carts c JOIN cart_lines l ON l.cart_id = c.id
         WHERE c.token IS NOT DISTINCT FROM $1 AND c.customer_id IS NOT DISTINCT FROM $2",
    )
    .bind(owner.token())
    .bind(owner.customer())
    .fetch_one(db)
    .await
}

#[derive(FromRow)]
struct LineRow {
    variant_id: Uuid,
    sku: String,
    product: String,
    slug: String,
    colour: String,
    size: String,
    image_id: Option<Uuid>,
    quantity: i32,
    price_minor: i64,
    currency: String,
    sellable: bool,
}

/// The cart's lines at today's prices, each checked against the web stock.
pub async fn view(
    conn: &mut PgConnection,
    cart: Uuid,
    today: Date,
    locale: Locale,
) -> sqlx::Result<CartView> {
    let rows: Vec<LineRow> = sqlx::query_as(
        "SELECT v.id AS variant_id, v.sku, coalesce(t.name, p.name) AS product, p.slug, v.colour, v.size,
                coalesce((SELECT i.asset_id FROM product_images i
                          WHERE i.product_id = p.id AND (i.colour = v.colour OR i.colour IS NULL)
                          ORDER BY i.position LIMIT 1),
                         (SELECT i.asset_id FROM product_images i WHERE i.product_id = p.id
                          ORDER BY i.position LIMIT 1)) AS image_id,
                l.quantity, p.price_minor, p.currency::text AS currency, p.lifecycle = 'active' AS sellable
         FROM cart_lines l JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
         LEFT JOIN product_translations t ON t.product_id = p.id AND t.locale = $2
         WHERE l.cart_id = $1
         ORDER BY l.added_at, v.sku",
    )
    .bind(cart)
    .bind(locale.code())
    .fetch_all(&mut *conn)
    .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.variant_id).collect();
    let stock = web_stock(conn, &ids, today).await?;
    let currency = rows
        .first()
        .map_or_else(|| "EUR".to_owned(), |r| r.currency.clone());
    let lines: Vec<CartLine> = rows
        .into_iter()
        .map(|r| {
            let stock = stock.get(&r.variant_id).copied().unwrap_or_default();
            CartLine {
                problem: line_problem(r.quantity, &stock, r.sellable),
                availability: stock.availability(),
                line_total_minor: line_total(r.price_minor, r.quantity),
                sku: r.sku,
                product: r.product,
                slug: r.slug,
                colour: r.colour,
                size: r.size,
                image_url: r.image_id.map(media_url),
                quantity: r.quantity,
                unit_price_minor: r.price_minor,
            }
        })
        .collect();
    Ok(CartView {
        subtotal_minor: lines.iter().map(|l| l.line_total_minor).sum(),
        units: lines.iter().map(|l| l.quantity).sum(),
        currency,
        lines,
    })
}

/// Lowers each line to what can be ordered now (removing sold-out ones),
/// after a checkout found less stock than the cart had.
pub async fn fit_to_stock(conn: &mut PgConnection, cart: Uuid, today: Date) -> sqlx::Result<()> {
    let current = view(&mut *conn, cart, today, Locale::En).await?;
    for line in current.lines.iter().filter(|l| l.problem.is_some()) {
        let keep = match line.problem {
            Some(crate::catalog::availability::LineProblem::OnlyLeft(n)) => n,
            _ => 0,
        };
        set_quantity(&mut *conn, cart, &line.sku, keep).await?;
    }
    Ok(())
}

/// A guest's cart joins the customer's at sign-in: quantities of the same
/// SKU add up (to the maximum), and the guest's cart is gone.
pub async fn merge(conn: &mut PgConnection, guest_token: Uuid, customer: Uuid) -> sqlx::Result<()> {
    let Some(guest) = find(&mut *conn, CartOwner::Guest(guest_token)).await? else {
        return Ok(());
    };
    let mine = find_or_create(&mut *conn, CartOwner::Customer(customer)).await?;
    sqlx::query(
        "INSERT INTO cart_lines (cart_id, variant_id, quantity, added_at)
         SELECT $2, variant_id, quantity, added_at FROM cart_lines WHERE cart_id = $1
         ON CONFLICT (cart_id, variant_id)
         DO UPDATE SET quantity = least(cart_lines.quantity + excluded.quantity, $3)",
    )
    .bind(guest)
    .bind(mine)
    .bind(MAX_QUANTITY)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM carts WHERE id = $1")
        .bind(guest)
        .execute(conn)
        .await
        .map(drop)
}

/// After an order: the cart is empty.
pub async fn empty(conn: &mut PgConnection, cart: Uuid) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM cart_lines WHERE cart_id = $1")
        .bind(cart)
        .execute(conn)
        .await
        .map(drop)
}

/// Guests' carts nobody touched for 60 days are deleted (housekeeping).
pub async fn delete_abandoned(db: impl PgExecutor<'_>) -> sqlx::Result<u64> {
    sqlx::query(
        "DELETE FROM carts WHERE token IS NOT NULL AND updated_at < now() - interval '60 days'",
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected())
}
