//! Every page and server function answers within [`PAGE_DEADLINE`]. A
//! request that takes longer is abandoned (its transaction, if any, rolls
//! back) and answered 503 with a short message, so a stuck render never
//! holds a connection open, and the log names the path that was too slow.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

pub const PAGE_DEADLINE: Duration = Duration::from_secs(30);

/// The middleware (`axum::middleware::from_fn_with_state(deadline, within)`).
pub async fn within(State(deadline): State<Duration>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    match tokio::time::timeout(deadline, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::error!(path, ?deadline, "no answer in time; abandoned");
            let mut response = (
                StatusCode::SERVICE_UNAVAILABLE,
                "This took too long to prepare. Please try again in a moment.",
            )
                .into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::middleware::from_fn_with_state;
    use axum::routing::get;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_slow_answer_becomes_a_503_with_a_message() {
        let app = Router::new()
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    "late"
                }),
            )
            .route("/quick", get(|| async { "on time" }))
            .layer(from_fn_with_state(Duration::from_millis(50), within));
        let call = |path: &'static str| {
            app.clone()
                .oneshot(axum::http::Request::get(path).body(Body::empty()).unwrap())
        };
        let slow = call("/slow").await.unwrap();
        assert_eq!(slow.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(slow.headers()[header::RETRY_AFTER], "5");
        let body = to_bytes(slow.into_body(), 1024).await.unwrap();
        assert!(String::from_utf8_lossy(&body).contains("took too long"));
        let quick = call("/quick").await.unwrap();
        assert_eq!(quick.status(), StatusCode::OK);
    }
}
