//! The address book in the database. Every statement names the customer,
//! so one customer's ids never reach another's addresses.

use super::model::{MAX_ADDRESSES, SavedAddress};
use crate::fulfilment::model::Address;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

#[derive(FromRow)]
struct Row {
    id: Uuid,
    name: String,
    line1: String,
    postal_code: String,
    city: String,
    country: String,
    is_default: bool,
}

pub async fn list(db: impl PgExecutor<'_>, customer: Uuid) -> sqlx::Result<Vec<SavedAddress>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, name, line1, postal_code, city, country::text AS country, is_default
         FROM customer_addresses WHERE customer_id = $1 ORDER BY is_default DESC, created_at",
    )
    .bind(customer)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SavedAddress {
            id: r.id,
            is_default: r.is_default,
            address: Address {
                name: r.name,
                line1: r.line1,
                postal_code: r.postal_code,
                city: r.city,
                country: r.country,
            },
        })
        .collect())
}

/// Adds an address (the first, or one marked default, becomes the
/// default); false when the book is full. The same address twice is kept once.
pub async fn add(
    conn: &mut PgConnection,
    customer: Uuid,
    address: &Address,
    make_default: bool,
) -> sqlx::Result<bool> {
    // One customer's additions one at a time: the count and the default hold.
    sqlx::query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE")
        .bind(customer)
        .execute(&mut *conn)
        .await?;
    let (count, same): (i64, bool) = sqlx::query_as(
        "SELECT count(*), coalesce(bool_or(name = $2 AND line1 = $3 AND postal_code = $4 AND city = $5 AND country = $6), false)
         FROM customer_addresses WHERE customer_id = $1",
    )
    .bind(customer)
    .bind(&address.name)
    .bind(&address.line1)
    .bind(&address.postal_code)
    .bind(&address.city)
    .bind(&address.country)
    .fetch_one(&mut *conn)
    .await?;
    if same {
        return Ok(true);
    }
    if count >= MAX_ADDRESSES {
        return Ok(false);
    }
    let make_default = make_default || count == 0;
    if make_default {
        clear_default(&mut *conn, customer).await?;
    }
    sqlx::query(
        "INSERT INTO customer_addresses (customer_id, name, line1, postal_code, city, country, is_default)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(customer)
    .bind(&address.name)
    .bind(&address.line1)
    .bind(&address.postal_code)
    .bind(&address.city)
    .bind(&address.country)
    .bind(make_default)
    .execute(conn)
    .await?;
    Ok(true)
}

async fn clear_default(conn: &mut PgConnection, customer: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE customer_addresses SET is_default = false WHERE customer_id = $1 AND is_default",
    )
    .bind(customer)
    .execute(conn)
    .await
    .map(drop)
}

/// Makes one of the customer's addresses the default; false if not theirs.
pub async fn make_default(conn: &mut PgConnection, customer: Uuid, id: Uuid) -> sqlx::Result<bool> {
    clear_default(&mut *conn, customer).await?;
    let changed = sqlx::query(
        "UPDATE customer_addresses SET is_default = true WHERE id = $1 AND customer_id = $2",
    )
    .bind(id)
    .bind(customer)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(changed > 0)
}

/// Deletes one of the customer's addresses; false if not theirs.
pub async fn delete(db: impl PgExecutor<'_>, customer: Uuid, id: Uuid) -> sqlx::Result<bool> {
    let deleted = sqlx::query("DELETE FROM customer_addresses WHERE id = $1 AND customer_id = $2")
        .bind(id)
        .bind(customer)
        .execute(db)
        .await?
        .rows_affected();
    Ok(deleted > 0)
}

/// Where the checkout starts: the default address, else the first.
pub async fn preferred(db: impl PgExecutor<'_>, customer: Uuid) -> sqlx::Result<Option<Address>> {
    Ok(list(db, customer)
        .await?
        .into_iter()
        .next()
        .map(|a| a.address))
}
