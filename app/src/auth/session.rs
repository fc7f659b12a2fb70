//! Sessions and the one guard.
//!
//! Sessions live in PostgreSQL (`sessions` table) behind an HttpOnly,
//! SameSite=Lax cookie. Every page request passes [`route_guard`], every
//! server function calls [`require`] or [`current`]; both decide with
//! [`rules::decide`](super::rules::decide).

use super::db::{self, Account};
use super::model::CurrentUser;
use super::rules::{Decision, Requirement, decide, requirement_for_path, sign_in_url};
use crate::error::AppError;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_login::{AuthManagerLayer, AuthManagerLayerBuilder, AuthUser, AuthnBackend};
use http::StatusCode;
use sqlx::PgPool;
use tower_sessions::cookie::{SameSite, time::Duration};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;
use uuid::Uuid;

pub const SESSION_COOKIE: &str = "atelier_session";
/// A session ends two weeks after it was last changed (sign-in, password
/// change). Not extended on every request, so reads never write.
pub const SESSION_LIFETIME: Duration = Duration::days(14);

impl AuthUser for Account {
    type Id = Uuid;

    fn id(&self) -> Uuid {
        self.user.id
    }

    /// Changing the password changes this, which ends every other session.
    fn session_auth_hash(&self) -> &[u8] {
        self.password_hash.as_bytes()
    }
}

/// Loads the signed-in account for each request that carries a session.
#[derive(Clone)]
pub struct Backend {
    pool: PgPool,
}

impl Backend {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

impl AuthnBackend for Backend {
    type User = Account;
    /// Sign-in checks passwords itself (see `accounts::sign_in`), with throttling.
    type Credentials = std::convert::Infallible;
    type Error = sqlx::Error;

    async fn authenticate(
        &self,
        credentials: Self::Credentials,
    ) -> Result<Option<Account>, sqlx::Error> {
        match credentials {}
    }

    async fn get_user(&self, id: &Uuid) -> Result<Option<Account>, sqlx::Error> {
        db::find_by_id(&self.pool, *id).await
    }
}

pub type AuthSession = axum_login::AuthSession<Backend>;

/// The session and sign-in layer for pages and server functions.
pub fn layer(pool: PgPool, secure_cookies: bool) -> AuthManagerLayer<Backend, PostgresStore> {
    let store = PostgresStore::new(pool.clone())
        .with_schema_name("public")
        .and_then(|s| s.with_table_name("sessions"))
        .expect("valid identifiers");
    let sessions = SessionManagerLayer::new(store)
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure_cookies)
        .with_expiry(Expiry::OnInactivity(SESSION_LIFETIME));
    AuthManagerLayerBuilder::new(Backend::new(pool), sessions).build()
}

/// A background task: every hour, deletes expired sessions and sign-in
/// attempts older than the throttling needs (a day is plenty).
pub async fn housekeeping(pool: PgPool) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        for (what, sql) in [
            (
                "expired sessions",
                "DELETE FROM sessions WHERE expiry_date < now()",
            ),
            (
                "old sign-in attempts",
                "DELETE FROM login_attempts WHERE attempted_at < now() - interval '1 day'",
            ),
        ] {
            if let Err(error) = sqlx::query(sql).execute(&pool).await {
                tracing::warn!(%error, "could not delete {what}");
            }
        }
    }
}

/// The session of the current server-function call.
pub async fn auth_session() -> Result<AuthSession, AppError> {
    leptos_axum::extract::<AuthSession>()
        .await
        .map_err(AppError::internal(
            "reading the session (is the session layer missing?)",
        ))
}

/// Who is calling, if anyone.
pub async fn current() -> Result<Option<CurrentUser>, AppError> {
    Ok(auth_session().await?.user.map(|account| account.user))
}

/// The guard of every protected server function: the caller, if they meet
/// `requirement`; otherwise 401 (nobody signed in) or 403 (wrong role).
pub async fn require(requirement: Requirement) -> Result<CurrentUser, AppError> {
    let user = current().await?;
    match (decide(user.as_ref(), requirement), user) {
        (Decision::Allow, Some(user)) => Ok(user),
        (Decision::Forbidden, _) => Err(AppError::Forbidden),
        (_, _) => Err(AppError::Unauthenticated),
    }
}

/// The guard of every page: anonymous visitors of protected pages go to
/// sign-in (and come back afterwards), the wrong role gets a 403 page.
pub async fn route_guard(request: Request, next: Next) -> Response {
    let requirement = requirement_for_path(request.uri().path());
    if requirement == Requirement::Public {
        return next.run(request).await;
    }
    let user = request
        .extensions()
        .get::<AuthSession>()
        .and_then(|session| session.user.as_ref())
        .map(|account| account.user.clone());
    match decide(user.as_ref(), requirement) {
        Decision::Allow => next.run(request).await,
        Decision::SignIn => {
            let target = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
            Redirect::to(&sign_in_url(target)).into_response()
        }
        Decision::Forbidden => {
            let page = super::pages::forbidden::render_document(user.as_ref());
            (StatusCode::FORBIDDEN, Html(page)).into_response()
        }
    }
}
