//! Delivers the outbox: each message is POSTed as JSON to its channel's (or
//! external location's) webhook, signed with HMAC-SHA256 over
//! `"<timestamp>.<body>"` in `X-Atelier-Signature: t=<timestamp>,v1=<hex>`.
//! A message is leased before sending (so processes never send it at the
//! same time), marked delivered on a 2xx, and retried with backoff
//! otherwise: at least once; receivers deduplicate by `X-Atelier-Delivery`.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::PgPool;
use std::time::Duration;

/// After this many failed attempts a message stops (its error stays visible).
pub const MAX_ATTEMPTS: i32 = 12;
const BATCH: i64 = 20;
const LEASE_SECS: f64 = 60.0;

/// `t=<timestamp>,v1=<hex of HMAC-SHA256(secret, "<timestamp>.<body>")>`.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

/// Seconds to wait after the `attempts`-th failure: 30 s doubling, at most 6 h.
pub fn backoff_secs(attempts: i32) -> f64 {
    (30.0 * 2f64.powi(attempts.clamp(1, 20) - 1)).min(6.0 * 3600.0)
}

#[derive(sqlx::FromRow)]
struct Due {
    id: i64,
    event: String,
    payload: serde_json::Value,
    attempts: i32,
    url: String,
    secret: String,
}

/// Sends what is due; returns how many were delivered.
pub async fn deliver_due(pool: &PgPool, client: &reqwest::Client) -> sqlx::Result<usize> {
    let due: Vec<Due> = sqlx::query_as(
        "WITH due AS (
             SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= now()
             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
         ), leased AS (
             UPDATE outbox o SET next_attempt_at = now() + make_interval(secs => $2)
             FROM due WHERE o.id = due.id
             RETURNING o.id, o.event, o.payload, o.attempts, o.channel, o.location_id
         )
         SELECT l.id, l.event, l.payload, l.attempts,
                coalesce(c.webhook_url, lo.webhook_url, '') AS url,
                coalesce(c.webhook_secret, lo.webhook_secret, '') AS secret
         FROM leased l
         LEFT JOIN sales_channels c ON c.code = l.channel
         LEFT JOIN locations lo ON lo.id = l.location_id
         ORDER BY l.id",
    )
    .bind(BATCH)
    .bind(LEASE_SECS)
    .fetch_all(pool)
    .await?;
    let mut delivered = 0;
    for message in due {
        if message.url.is_empty() {
            // Nobody to tell: kept for the record, not retried.
            record(
                pool,
                message.id,
                None,
                Some("no webhook URL is configured"),
                true,
            )
            .await?;
            continue;
        }
        let body = serde_json::to_vec(&serde_json::json!({
            "id": message.id,
            "event": message.event,
            "data": message.payload,
        }))
        .unwrap_or_default();
        let timestamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let sent = client
            .post(&message.url)
            .header("content-type", "application/json")
            .header("x-atelier-event", &message.event)
            .header("x-atelier-delivery", message.id.to_string())
            .header(
                "x-atelier-signature",
                signature(&message.secret, timestamp, &body),
            )
            .body(body)
            .send()
            .await;
        match sent {
            Ok(response) if response.status().is_success() => {
                record(
                    pool,
                    message.id,
                    Some(response.status().as_u16()),
                    None,
                    true,
                )
                .await?;
                delivered += 1;
            }
            Ok(response) => {
                let status = response.status().as_u16();
                retry(
                    pool,
                    &message,
                    Some(status),
                    &format!("the receiver answered {status}"),
                )
                .await?;
            }
            Err(error) => retry(pool, &message, None, &error.to_string()).await?,
        }
    }
    Ok(delivered)
}

async fn record(
    pool: &PgPool,
    id: i64,
    status: Option<u16>,
    error: Option<&str>,
    done: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, last_status = $2, last_error = $3,
                delivered_at = CASE WHEN $4 THEN now() END
         WHERE id = $1",
    )
    .bind(id)
    .bind(status.map(i32::from))
    .bind(error)
    .bind(done)
    .execute(pool)
    .await?;
    Ok(())
}

async fn retry(pool: &PgPool, message: &Due, status: Option<u16>, error: &str) -> sqlx::Result<()> {
    let attempts = message.attempts + 1;
    tracing::warn!(message = message.id, attempts, %error, "webhook not delivered");
    let next = if attempts >= MAX_ATTEMPTS {
        None
    } else {
        Some(backoff_secs(attempts))
    };
    sqlx::query(
        "UPDATE outbox SET attempts = $2, last_status = $3, last_error = $4,
                next_attempt_at = CASE WHEN $5::float8 IS NULL THEN 'infinity' ELSE now() + make_interval(secs => $5) END
         WHERE id = $1",
    )
    .bind(message.id)
    .bind(attempts)
    .bind(status.map(i32::from))
    .bind(error)
    .bind(next)
    .execute(pool)
    .await?;
    Ok(())
}

/// Delivers the outbox every second, in every server process.
pub async fn run(pool: PgPool) {
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("Atelier-Webhooks/1")
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "cannot build the webhook client; webhooks are not sent");
            return;
        }
    };
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tick.tick().await;
        match deliver_due(&pool, &client).await {
            // The server is stopping; undelivered webhooks wait in the database.
            Err(_) if pool.is_closed() => return,
            Err(error) => tracing::warn!(%error, "could not deliver webhooks"),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_hmac_sha256_of_timestamp_and_body() {
        // Reference: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assert_eq!(
            signature("secret", 1_700_000_000, br#"{"a":1}"#),
            "t=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686"
        );
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff_secs(1), 30.0);
        assert_eq!(backoff_secs(2), 60.0);
        assert_eq!(backoff_secs(30), 6.0 * 3600.0);
    }
}
