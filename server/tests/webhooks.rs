//! Outgoing webhooks from the outbox, to a real HTTP receiver: signed,
//! retried after a failure, delivered once it succeeds.

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use sqlx::PgPool;
use std::sync::{Arc, Mutex};

type Received = Arc<Mutex<Vec<(HeaderMap, Bytes)>>>;

/// A receiver that fails its first call and accepts the rest.
async fn receiver() -> (String, Received) {
    let received: Received = Arc::default();
    let app = Router::new()
        .route(
            "/hook",
            post(
                |State(received): State<Received>, headers: HeaderMap, body: Bytes| async move {
                    let mut received = received.lock().unwrap();
                    received.push((headers, body));
                    if received.len() == 1 {
                        StatusCode::INTERNAL_SERVER_ERROR
                    } else {
                        StatusCode::NO_CONTENT
                    }
                },
            ),
        )
        .with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, received)
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn messages_are_signed_retried_and_delivered_once(pool: PgPool) {
    let (url, received) = receiver().await;
    sqlx::query("UPDATE sales_channels SET webhook_url = $1, webhook_secret = 'whsec' WHERE code = 'marketplace'")
        .bind(&url)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO outbox (channel, event, payload) VALUES
             ('marketplace', 'order.response', '{\"number\": \"AT-1\"}'),
             ('web', 'order.response', '{\"number\": \"AT-2\"}')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let client = reqwest::Client::new();

    // The receiver fails: the message waits for its retry; the web channel
    // has no webhook, so its message is settled without sending.
    assert_eq!(
        server::webhooks::deliver_due(&pool, &client).await.unwrap(),
        0
    );
    let state: Vec<(String, i32, bool, Option<i32>)> = sqlx::query_as(
        "SELECT channel, attempts, delivered_at IS NOT NULL, last_status FROM outbox ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        state,
        [
            ("marketplace".into(), 1, false, Some(500)),
            ("web".into(), 1, true, None)
        ]
    );
    // Not due yet: nothing is sent again.
    assert_eq!(
        server::webhooks::deliver_due(&pool, &client).await.unwrap(),
        0
    );
    assert_eq!(received.lock().unwrap().len(), 1);

    sqlx::query("UPDATE outbox SET next_attempt_at = now() WHERE delivered_at IS NULL")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        server::webhooks::deliver_due(&pool, &client).await.unwrap(),
        1
    );
    assert_eq!(
        server::webhooks::deliver_due(&pool, &client).await.unwrap(),
        0,
        "delivered once"
    );

    let received = received.lock().unwrap();
    assert_eq!(received.len(), 2);
    let (headers, body) = &received[1];
    let signature = headers["x-atelier-signature"].to_str().unwrap();
    let timestamp: i64 = signature
        .trim_start_matches("t=")
        .split(',')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        signature,
        server::webhooks::signature("whsec", timestamp, body)
    );
    assert_eq!(headers["x-atelier-event"], "order.response");
    let json: serde_json::Value = serde_json::from_slice(body).unwrap();
    assert_eq!(json["data"]["number"], "AT-1");
    assert_eq!(
        headers["x-atelier-delivery"].to_str().unwrap(),
        json["id"].to_string()
    );
}
