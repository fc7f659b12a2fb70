//! `GET /media/{id}`: a stored asset. Assets never change (a new picture is a
//! new id), so browsers and proxies may cache them for a year.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sqlx::PgPool;
use uuid::Uuid;

pub async fn serve_asset(
    State(pool): State<PgPool>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Ok(id) = Uuid::parse_str(&id) else {
        return (StatusCode::NOT_FOUND, "No such picture.").into_response();
    };
    let etag = format!("\"{id}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|tag| tag.as_bytes() == etag.as_bytes())
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let asset = sqlx::query_as::<_, (String, Vec<u8>)>(
        "SELECT content_type, bytes FROM assets WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&pool)
    .await;
    match asset {
        Ok(Some((content_type, bytes))) => {
            let content_type = HeaderValue::from_str(&content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            let headers = [
                (header::CONTENT_TYPE, content_type),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
                (
                    header::ETAG,
                    HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("")),
                ),
                (
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ),
                // An SVG opened on its own must not run anything.
                (
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(
                        "default-src 'none'; style-src 'unsafe-inline'; sandbox",
                    ),
                ),
            ];
            (headers, bytes).into_response()
        }
        Ok(None) => (StatusCode::NOT_FOUND, "No such picture.").into_response(),
        Err(error) => {
            tracing::error!(%error, %id, "could not read an asset");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
