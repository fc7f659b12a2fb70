//! CSV downloads: plain axum responses behind the route guard.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The answer when a download's query failed: the log gets the detail.
pub fn failed(what: &str, error: sqlx::Error) -> Response {
    tracing::error!(%error, "exporting {what} as CSV");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. Please try again in a moment.",
    )
        .into_response()
}

/// A CSV download: a header row, then one row per record.
pub fn csv_response(
    filename: &str,
    header_row: &[&str],
    mut records: impl Iterator<Item = Vec<String>>,
) -> Response {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let written = writer
        .write_record(header_row)
        .and_then(|()| records.try_for_each(|record| writer.write_record(&record)));
    let body = written
        .map_err(|e| e.to_string())
        .and_then(|()| writer.into_inner().map_err(|e| e.to_string()));
    match body {
        Ok(bytes) => {
            let disposition =
                HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
                    .unwrap_or(HeaderValue::from_static("attachment"));
            (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/csv; charset=utf-8"),
                    ),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                ],
                bytes,
            )
                .into_response()
        }
        Err(error) => {
            tracing::error!(%error, "writing {filename}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
