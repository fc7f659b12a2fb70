//! Idempotent requests. The first request with a key claims it inside its
//! own transaction; its answer is stored in that transaction. A retry gets
//! the stored answer; a concurrent duplicate waits for the first to finish
//! (the database holds it at the unique key) and then gets the same answer,
//! or a 409 if it waited too long; the same key with another body is a 422.
//! Failed requests are not stored: nothing is written for them.

use super::error::ApiError;
use app::error::FieldError;
use axum::Json;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool, Postgres, Transaction};
use uuid::Uuid;

pub enum Claim {
    /// First time: do the work, then `store` the answer in the same transaction.
    New,
    /// Seen before: answer this again.
    Replay { status: StatusCode, body: Value },
}

/// The `Idempotency-Key` header, required by the endpoints that change data.
pub fn key_from(headers: &HeaderMap) -> Result<String, ApiError> {
    let value = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "idempotency_key_required",
                "Send an Idempotency-Key header (e.g. a UUID) so that a retry never applies twice.",
            )
        })?;
    app::integrations::rules::idempotency_key(value)
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_idempotency_key",
                "The Idempotency-Key must be 1–200 visible ASCII characters.",
            )
        })
}

/// A fingerprint of the request body that ignores formatting and key order.
pub fn request_hash(body: &Value) -> Vec<u8> {
    // serde_json's map keeps keys sorted, so equal documents print equally.
    Sha256::digest(body.to_string().as_bytes()).to_vec()
}

pub async fn claim(
    conn: &mut PgConnection,
    api_key_id: Uuid,
    key: &str,
    hash: &[u8],
) -> Result<Claim, ApiError> {
    sqlx::query("SET LOCAL lock_timeout = '10s'")
        .execute(&mut *conn)
        .await?;
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (api_key_id, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(api_key_id)
    .bind(key)
    .bind(hash)
    .execute(&mut *conn)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.code().as_deref() == Some("55P03") => ApiError::new(
            StatusCode::CONFLICT,
            "request_in_progress",
            "A request with this Idempotency-Key is still being processed. Retry in a moment.",
        ),
        _ => ApiError::from(e),
    })?
    .rows_affected();
    if inserted == 1 {
        return Ok(Claim::New);
    }
    let (stored_hash, status, body): (Vec<u8>, Option<i16>, Option<Value>) = sqlx::query_as(
        "SELECT request_hash, status, response FROM idempotency_keys WHERE api_key_id = $1 AND key = $2",
    )
    .bind(api_key_id)
    .bind(key)
    .fetch_one(&mut *conn)
    .await?;
    if stored_hash != hash {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "This Idempotency-Key was already used with a different request body.",
        ));
    }
    match (status, body) {
        (Some(status), Some(body)) => Ok(Claim::Replay {
            status: StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK),
            body,
        }),
        // Claimed and committed without an answer cannot happen: both are
        // written in one transaction.
        _ => Err(ApiError::internal()),
    }
}

pub async fn store(
    conn: &mut PgConnection,
    api_key_id: Uuid,
    key: &str,
    status: StatusCode,
    body: &Value,
) -> Result<(), ApiError> {
    sqlx::query(
        "UPDATE idempotency_keys SET status = $3, response = $4 WHERE api_key_id = $1 AND key = $2",
    )
    .bind(api_key_id)
    .bind(key)
    .bind(status.as_u16() as i16)
    .bind(body)
    .execute(conn)
    .await?;
    Ok(())
}

/// A JSON body: as a document (for the fingerprint) and as `T`. Not JSON
/// is a 400; JSON of the wrong shape is a 422 naming the problem.
pub fn parse_body<T: DeserializeOwned>(body: &Bytes) -> Result<(Value, T), ApiError> {
    let json: Value = serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("The body is not valid JSON: {e}."),
        )
    })?;
    let typed = serde_json::from_value(json.clone()).map_err(|e| {
        ApiError::invalid(vec![FieldError::new(
            "",
            "schema",
            format!("The request does not match the schema: {e}."),
        )])
    })?;
    Ok((json, typed))
}

/// An idempotent write begun: its transaction, or the first answer again.
pub enum Started {
    New(Transaction<'static, Postgres>),
    Replay(Response),
}

/// Claims the key in a new transaction (see [`claim`]).
pub async fn start(
    pool: &PgPool,
    api_key_id: Uuid,
    key: &str,
    json: &Value,
) -> Result<Started, ApiError> {
    let mut tx = pool.begin().await?;
    match claim(&mut tx, api_key_id, key, &request_hash(json)).await? {
        Claim::New => Ok(Started::New(tx)),
        Claim::Replay { status, body } => {
            tx.rollback().await?;
            let mut response = (status, Json(body)).into_response();
            response
                .headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            Ok(Started::Replay(response))
        }
    }
}

/// Stores the answer with the work and commits both.
pub async fn finish(
    mut tx: Transaction<'static, Postgres>,
    api_key_id: Uuid,
    key: &str,
    status: StatusCode,
    answer: Value,
) -> Result<Response, ApiError> {
    store(&mut tx, api_key_id, key, status, &answer).await?;
    tx.commit().await?;
    Ok((status, Json(answer)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_documents_hash_equally_whatever_their_formatting() {
        let a: Value = serde_json::from_str(r#"{"b": 1, "a": [1, 2]}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{ "a":[1,2],"b":1 }"#).unwrap();
        let c: Value = serde_json::from_str(r#"{"a": [2, 1], "b": 1}"#).unwrap();
        assert_eq!(request_hash(&a), request_hash(&b));
        assert_ne!(request_hash(&a), request_hash(&c));
    }
}
