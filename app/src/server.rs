//! What every server function needs on the server: the database pool, the
//! caller's address, and turning an [`AppError`] into the right HTTP status.

use crate::error::AppError;
use http::request::Parts;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use sqlx::PgPool;
use std::net::SocketAddr;

/// The database pool, provided as context by the server.
pub fn pool() -> Result<PgPool, AppError> {
    use_context::<PgPool>()
        .ok_or("no database pool in the server function context")
        .map_err(AppError::internal("finding the database"))
}

/// Redirects a plain form post to a page of ours (never elsewhere): forms
/// send `then` only without JavaScript (see `ui::form::ReturnTo`).
pub fn redirect_then(then: &str) {
    if let Some(path) = crate::auth::rules::safe_next(then) {
        leptos_axum::redirect(path);
    }
}

/// The value of the request cookie `name`, if the request sends it.
pub fn cookie(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(tower_sessions::cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
}

/// The caller's IP address, when the server knows it.
pub fn client_ip() -> Option<String> {
    use_context::<Parts>()?
        .extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string())
}

/// Gives every server-function error its HTTP status (422 for invalid input,
/// 403 for a wrong role, 400 for a malformed request, ...). Errors arrive as a
/// JSON-encoded [`AppError`] with status 500, whether a function returned them
/// or the framework did while reading its arguments; this sets the right one.
/// Plain HTML form posts are answered with a redirect instead and pass as they are.
pub async fn error_status(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::body::Body;
    use axum::response::IntoResponse;

    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if response.status() != http::StatusCode::INTERNAL_SERVER_ERROR || !is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = http::StatusCode::from_u16(error.status()).unwrap_or(parts.status);
        if let AppError::TooManyRequests { retry_after_secs } = error {
            parts.headers.insert(
                http::header::RETRY_AFTER,
                http::HeaderValue::from(retry_after_secs),
            );
        }
    }
    axum::response::Response::from_parts(parts, Body::from(bytes))
}

/// Sets the status of a page being rendered (e.g. 404 for an unknown product).
pub fn set_page_status(status: http::StatusCode) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}
