//! Sales channels' settings in PostgreSQL.

use crate::inventory::model::Channel;
use crate::orders::channels::ChannelInput;
use crate::orders::model::{ChannelSettings, DocumentKind};
use sqlx::{Acquire, FromRow, PgConnection, PgExecutor};

#[derive(FromRow)]
struct SettingsDb {
    code: String,
    name: String,
    split_allowed: bool,
    max_parts: i32,
    prefer_fewest_parts: bool,
    date_tolerance_days: i32,
    auto_cancel_unroutable: bool,
    send_temporary_response: bool,
    documents: Vec<String>,
    max_line_quantity: i32,
    webhook_url: String,
    has_webhook_secret: bool,
}

impl From<SettingsDb> for ChannelSettings {
    fn from(row: SettingsDb) -> Self {
        ChannelSettings {
            // The table's CHECK admits only known channels.
            channel: Channel::parse(&row.code).unwrap_or(Channel::Web),
            name: row.name,
            split_allowed: row.split_allowed,
            max_parts: row.max_parts,
            prefer_fewest_parts: row.prefer_fewest_parts,
            date_tolerance_days: row.date_tolerance_days,
            auto_cancel_unroutable: row.auto_cancel_unroutable,
            send_temporary_response: row.send_temporary_response,
            documents: row
                .documents
                .iter()
                .filter_map(|d| DocumentKind::parse(d))
                .collect(),
            max_line_quantity: row.max_line_quantity,
            webhook_url: row.webhook_url,
            has_webhook_secret: row.has_webhook_secret,
        }
    }
}

const SELECT: &str =
    "SELECT code, name, split_allowed, max_parts, prefer_fewest_parts, date_tolerance_days,
        auto_cancel_unroutable, send_temporary_response, documents, max_line_quantity, webhook_url,
        webhook_secret <> '' AS has_webhook_secret
    FROM sales_channels";

pub async fn settings(db: impl PgExecutor<'_>, channel: Channel) -> sqlx::Result<ChannelSettings> {
    sqlx::query_as::<_, SettingsDb>(&format!("{SELECT} WHERE code = $1"))
        .bind(channel.as_str())
        .fetch_one(db)
        .await
        .map(Into::into)
}

pub async fn all(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<ChannelSettings>> {
    let rows = sqlx::query_as::<_, SettingsDb>(&format!(
        "{SELECT} ORDER BY array_position('{{web,b2b,marketplace,store}}'::text[], code)"
    ))
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Stores a channel's settings and which locations serve it, together.
pub async fn save(
    conn: &mut PgConnection,
    channel: Channel,
    input: &ChannelInput,
) -> sqlx::Result<()> {
    let mut tx = conn.begin().await?;
    let documents: Vec<&str> = input.documents.iter().map(|d| d.as_str()).collect();
    sqlx::query(
        "UPDATE sales_channels SET name = $2, split_allowed = $3, max_parts = $4, prefer_fewest_parts = $5,
                date_tolerance_days = $6, auto_cancel_unroutable = $7, send_temporary_response = $8,
                documents = $9, max_line_quantity = $10, webhook_url = $11,
                webhook_secret = coalesce($12, webhook_secret), updated_at = now()
         WHERE code = $1",
    )
    .bind(channel.as_str())
    .bind(&input.name)
    .bind(input.split_allowed)
    .bind(input.max_parts)
    .bind(input.prefer_fewest_parts)
    .bind(input.date_tolerance_days)
    .bind(input.auto_cancel_unroutable)
    .bind(input.send_temporary_response)
    .bind(&documents)
    .bind(input.max_line_quantity)
    .bind(&input.webhook_url)
    .bind(&input.webhook_secret)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE locations SET channels = CASE
             WHEN code = ANY($2) THEN (SELECT array_agg(DISTINCT c) FROM unnest(channels || $1::text) AS c)
             ELSE array_remove(channels, $1::text) END,
             updated_at = now()
         WHERE (code = ANY($2)) <> ($1 = ANY(channels))",
    )
    .bind(channel.as_str())
    .bind(&input.locations)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}
