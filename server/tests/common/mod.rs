//! Test harness: the real router on a test's own database, driven with
//! HTTP requests through `tower::ServiceExt::oneshot`.
#![allow(dead_code)]

pub mod orders;

use app::auth::db::{NewUser, create_user};
use app::auth::model::Role;
use app::auth::password;
use app::auth::rules::Email;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use leptos::server_fn::ServerFn;
use server::http::{AppState, router};
use sqlx::PgPool;
use tower::ServiceExt;
use uuid::Uuid;

pub const PASSWORD: &str = "correct horse battery";

pub fn app(pool: &PgPool) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name("atelier")
        .site_root("target/site")
        .build();
    router(
        AppState {
            leptos_options,
            pool: pool.clone(),
        },
        false,
    )
}

pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Response {
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }

    /// The `(field, code)` of each problem of a 422.
    pub fn field_codes(&self) -> Vec<(String, String)> {
        self.json()["error"]["fields"]
            .as_array()
            .unwrap_or_else(|| panic!("no fields: {}", self.body))
            .iter()
            .map(|f| {
                (
                    f["field"].as_str().unwrap_or_default().to_owned(),
                    f["code"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    /// The session cookie this response sets, as a `Cookie` header value.
    pub fn session_cookie(&self) -> Option<String> {
        self.cookie("atelier_session")
    }

    /// The cookie `name` this response sets, as a `Cookie` header value.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let prefix = format!("{name}=");
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&prefix))
            .and_then(|v| v.split(';').next())
            .map(str::to_owned)
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Response {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get(app: &Router, path: &str, cookie: Option<&str>) -> Response {
    let mut request = Request::get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

/// Calls a server function as the hydrated app does (form-encoded, JSON answer).
pub async fn call<F: ServerFn>(
    app: &Router,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> Response {
    let body = form
        .iter()
        .map(|(k, v)| format!("{}={}", urlencoding::encode(k), urlencoding::encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut request = Request::post(F::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(app, request.body(Body::from(body)).unwrap()).await
}

pub async fn create_account(pool: &PgPool, email: &str, role: Role) -> Uuid {
    let company_id = if matches!(role, Role::Buyer | Role::CompanyAdmin) {
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO companies (name, legal_name, vat_number, country) VALUES ($1, $1, $2, 'IT') RETURNING id",
        )
        .bind(format!("Shop of {email}"))
        .bind(format!("VAT-{email}"))
        .fetch_one(pool)
        .await
        .unwrap();
        Some(id)
    } else {
        None
    };
    let hash = password::hash(PASSWORD.to_owned()).await.unwrap();
    create_user(
        pool,
        NewUser {
            email: &Email::parse(email).unwrap(),
            name: "Test Person",
            password_hash: &hash,
            role,
            company_id,
        },
    )
    .await
    .unwrap()
}

/// Signs in through the real server function and returns the session cookie.
pub async fn sign_in(app: &Router, email: &str) -> String {
    let response =
        call::<app::auth::api::SignIn>(app, &[("email", email), ("password", PASSWORD)], None)
            .await;
    assert_eq!(
        response.status,
        StatusCode::OK,
        "sign-in failed: {}",
        response.body
    );
    response
        .session_cookie()
        .expect("sign-in sets a session cookie")
}

/// An account of `role` that is signed in; returns its session cookie.
pub async fn signed_in(pool: &PgPool, app: &Router, role: Role) -> String {
    let email = format!("{}-{}@example.com", role.as_str(), Uuid::new_v4().simple());
    create_account(pool, &email, role).await;
    sign_in(app, &email).await
}

/// A JSON request to `/api/v1`, with an API key and an `Idempotency-Key`
/// when given.
pub async fn post_api(
    app: &Router,
    path: &str,
    key: Option<&str>,
    idempotency: Option<&str>,
    body: &str,
) -> Response {
    let mut request = Request::post(path).header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        request = request.header(header::AUTHORIZATION, format!("Bearer {key}"));
    }
    if let Some(idempotency) = idempotency {
        request = request.header("idempotency-key", idempotency);
    }
    send(app, request.body(Body::from(body.to_owned())).unwrap()).await
}

/// Stock is consistent: every balance equals its ledger, and what is
/// reserved equals the active reservations.
pub async fn assert_stock_consistent(pool: &PgPool) {
    use app::inventory::db::stock;
    assert_eq!(
        stock::ledger_drift(pool).await.unwrap(),
        0,
        "every balance equals its ledger"
    );
    assert_eq!(
        stock::reservation_drift(pool).await.unwrap(),
        0,
        "reserved equals the active reservations"
    );
}
