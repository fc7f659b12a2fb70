//! API keys in PostgreSQL: only a SHA-256 of each key is stored.

use super::model::{ApiClient, ApiKeySummary, Scope};
use super::rules::{format_key, shown_part};
use crate::inventory::model::Channel;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::{FromRow, PgExecutor};
use uuid::Uuid;

pub fn key_hash(key: &str) -> Vec<u8> {
    Sha256::digest(key.as_bytes()).to_vec()
}

/// What a key is limited to.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyBinding {
    /// Stock changes only at this location (e.g. a 3PL's key).
    pub location_id: Option<Uuid>,
    /// Orders are placed and read in this channel.
    pub channel: Option<Channel>,
}

/// Creates a key and returns it in full: the only time anyone sees it.
pub async fn create(
    db: impl PgExecutor<'_>,
    name: &str,
    scopes: &[Scope],
    binding: KeyBinding,
    created_by: Option<Uuid>,
) -> sqlx::Result<(Uuid, String)> {
    let mut random = [0u8; 24];
    rand::rng().fill_bytes(&mut random);
    let key = format_key(&random);
    let id = insert(db, name, &key, scopes, binding, created_by).await?;
    Ok((id, key))
}

/// Stores a given key (demo data uses a known one).
pub async fn insert(
    db: impl PgExecutor<'_>,
    name: &str,
    key: &str,
    scopes: &[Scope],
    binding: KeyBinding,
    created_by: Option<Uuid>,
) -> sqlx::Result<Uuid> {
    let scopes: Vec<&str> = scopes.iter().map(|s| s.as_str()).collect();
    sqlx::query_scalar(
        "INSERT INTO api_keys (name, prefix, key_hash, scopes, location_id, channel, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(name)
    .bind(shown_part(key))
    .bind(key_hash(key))
    .bind(&scopes)
    .bind(binding.location_id)
    .bind(binding.channel.map(Channel::as_str))
    .bind(created_by)
    .fetch_one(db)
    .await
}

/// The client a key belongs to, unless the key is unknown or revoked.
/// Marks the key as used (at most once a minute, to spare writes).
#[derive(FromRow)]
struct KeyRow {
    id: Uuid,
    name: String,
    scopes: Vec<String>,
    location_id: Option<Uuid>,
    channel: Option<String>,
    stale: bool,
}

pub async fn authenticate(db: &sqlx::PgPool, key: &str) -> sqlx::Result<Option<ApiClient>> {
    let row: Option<KeyRow> = sqlx::query_as(
        "SELECT id, name, scopes, location_id, channel,
                last_used_at IS NULL OR last_used_at < now() - interval '1 minute' AS stale
         FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL",
    )
    .bind(key_hash(key))
    .fetch_optional(db)
    .await?;
    let Some(KeyRow {
        id: key_id,
        name,
        scopes,
        location_id,
        channel,
        stale,
    }) = row
    else {
        return Ok(None);
    };
    if stale {
        // At most once a minute: busy clients must not queue on this row.
        sqlx::query("UPDATE api_keys SET last_used_at = now() WHERE id = $1")
            .bind(key_id)
            .execute(db)
            .await?;
    }
    Ok(Some(ApiClient {
        key_id,
        name,
        scopes: scopes.iter().filter_map(|s| Scope::parse(s)).collect(),
        location_id,
        channel: channel.as_deref().and_then(Channel::parse),
    }))
}

#[derive(FromRow)]
struct SummaryRow {
    id: Uuid,
    name: String,
    prefix: String,
    scopes: Vec<String>,
    location_code: Option<String>,
    created_at: time::OffsetDateTime,
    last_used_at: Option<time::OffsetDateTime>,
    revoked: bool,
}

pub async fn list(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<ApiKeySummary>> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT k.id, k.name, k.prefix, k.scopes, l.code AS location_code, k.created_at, k.last_used_at,
                k.revoked_at IS NOT NULL AS revoked
         FROM api_keys k LEFT JOIN locations l ON l.id = k.location_id
         ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ApiKeySummary {
            id: r.id,
            name: r.name,
            prefix: r.prefix,
            scopes: r.scopes.iter().filter_map(|s| Scope::parse(s)).collect(),
            location_code: r.location_code,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked: r.revoked,
        })
        .collect())
}

pub async fn revoke(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<bool> {
    sqlx::query("UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
        .bind(id)
        .execute(db)
        .await
        .map(|r| r.rows_affected() == 1)
}
