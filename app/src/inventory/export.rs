//! CSV exports of the inventory lists (`/admin/inventory/*.csv`). Plain axum
//! handlers behind the same route guard as the pages: the path decides who
//! may download.

use axum::Router;
use axum::extract::FromRef;
use sqlx::PgPool;

/// The export routes, for the server's router (state must give a `PgPool`).
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    PgPool: FromRef<S>,
{
    Router::new()
}
