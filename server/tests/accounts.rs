//! Accounts over real HTTP on a real database: registration, sign-in,
//! throttling, sign-out, session expiry and password change.

mod common;

use app::auth::api::{ChangePassword, Register, SignIn, SignOut};
use app::auth::model::Role;
use axum::http::{StatusCode, header};
use common::*;
use sqlx::PgPool;

async fn users(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(pool)
        .await
        .unwrap()
}

fn register_form<'a>(
    email: &'a str,
    password: &'a str,
    confirm: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Ada Lovelace"),
        ("email", email),
        ("password", password),
        ("password_confirm", confirm),
    ]
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn registration_creates_a_signed_in_consumer(pool: PgPool) {
    let app = app(&pool);
    let response = call::<Register>(
        &app,
        &register_form("Ada@Example.com ", PASSWORD, PASSWORD),
        None,
    )
    .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(response.location(), Some("/account"));
    let cookie = response.session_cookie().expect("registration signs in");

    let (role, hash): (String, String) =
        sqlx::query_as("SELECT role, password_hash FROM users WHERE email = 'ada@example.com'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(role, "consumer");
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PASSWORD));

    let account = get(&app, "/account", Some(&cookie)).await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.body.contains("Hello, Ada"), "{}", account.body);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn registration_with_bad_input_is_422_with_messages_and_writes_nothing(pool: PgPool) {
    let app = app(&pool);
    let response =
        call::<Register>(&app, &register_form("not-an-email", "short", "other"), None).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (field, message) in [
        ("email", "Please enter a valid email address"),
        ("password", "at least 10 characters"),
        ("password_confirm", "do not match"),
    ] {
        assert!(
            response.body.contains(&format!("\"field\":\"{field}\"")),
            "{}",
            response.body
        );
        assert!(response.body.contains(message), "{}", response.body);
    }
    assert!(response.session_cookie().is_none());
    assert_eq!(users(&pool).await, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_malformed_request_is_400_not_500(pool: PgPool) {
    let app = app(&pool);
    // The password fields are missing altogether.
    let response =
        call::<Register>(&app, &[("name", "Ada"), ("email", "ada@example.com")], None).await;
    assert_eq!(
        response.status,
        StatusCode::BAD_REQUEST,
        "{}",
        response.body
    );
    assert_eq!(users(&pool).await, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_duplicate_email_is_refused_whatever_its_case(pool: PgPool) {
    let app = app(&pool);
    create_account(&pool, "ada@example.com", Role::Consumer).await;
    let response = call::<Register>(
        &app,
        &register_form("ADA@example.com", PASSWORD, PASSWORD),
        None,
    )
    .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.body.contains("\"code\":\"taken\""),
        "{}",
        response.body
    );
    assert!(response.body.contains("already exists"));
    assert_eq!(users(&pool).await, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn sign_in_lands_on_the_home_of_the_role(pool: PgPool) {
    let app = app(&pool);
    for (email, role, home) in [
        ("c@example.com", Role::Consumer, "/account"),
        ("b@example.com", Role::Buyer, "/b2b"),
        ("w@example.com", Role::Warehouse, "/admin"),
    ] {
        create_account(&pool, email, role).await;
        let response =
            call::<SignIn>(&app, &[("email", email), ("password", PASSWORD)], None).await;
        assert_eq!(response.status, StatusCode::OK);
        assert_eq!(response.location(), Some(home), "{email}");
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn sign_in_returns_to_the_requested_page_but_never_to_another_site(pool: PgPool) {
    let app = app(&pool);
    create_account(&pool, "admin@example.com", Role::Admin).await;
    let form = |next| {
        [
            ("email", "admin@example.com"),
            ("password", PASSWORD),
            ("next", next),
        ]
    };
    let back = call::<SignIn>(&app, &form("/admin/orders?page=2"), None).await;
    assert_eq!(back.location(), Some("/admin/orders?page=2"));
    let elsewhere = call::<SignIn>(&app, &form("https://evil.example/"), None).await;
    assert_eq!(elsewhere.location(), Some("/admin"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_wrong_password_is_401_and_starts_no_session(pool: PgPool) {
    let app = app(&pool);
    create_account(&pool, "ada@example.com", Role::Consumer).await;
    let response = call::<SignIn>(
        &app,
        &[
            ("email", "ada@example.com"),
            ("password", "not the password"),
        ],
        None,
    )
    .await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert!(response.body.contains("InvalidCredentials"));
    assert!(response.session_cookie().is_none());
    // An unknown email answers exactly the same.
    let unknown = call::<SignIn>(
        &app,
        &[("email", "nobody@example.com"), ("password", "x")],
        None,
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.body, response.body);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn repeated_wrong_passwords_lock_the_account_for_a_while(pool: PgPool) {
    let app = app(&pool);
    create_account(&pool, "ada@example.com", Role::Consumer).await;
    create_account(&pool, "bob@example.com", Role::Consumer).await;
    for _ in 0..5 {
        let r = call::<SignIn>(
            &app,
            &[("email", "ada@example.com"), ("password", "guess")],
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    // Even the right password is not checked now.
    let locked = call::<SignIn>(
        &app,
        &[("email", "ada@example.com"), ("password", PASSWORD)],
        None,
    )
    .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.headers.contains_key(header::RETRY_AFTER));
    assert!(locked.session_cookie().is_none());
    // Another account is not affected.
    let other = call::<SignIn>(
        &app,
        &[("email", "bob@example.com"), ("password", PASSWORD)],
        None,
    )
    .await;
    assert_eq!(other.status, StatusCode::OK);
    // When the failures are older than the window, the account opens again.
    sqlx::query("UPDATE login_attempts SET attempted_at = attempted_at - interval '16 minutes'")
        .execute(&pool)
        .await
        .unwrap();
    let later = call::<SignIn>(
        &app,
        &[("email", "ada@example.com"), ("password", PASSWORD)],
        None,
    )
    .await;
    assert_eq!(later.status, StatusCode::OK);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn signing_out_ends_the_session(pool: PgPool) {
    let app = app(&pool);
    let cookie = signed_in(&pool, &app, Role::Consumer).await;
    assert_eq!(
        get(&app, "/account", Some(&cookie)).await.status,
        StatusCode::OK
    );
    let out = call::<SignOut>(&app, &[], Some(&cookie)).await;
    assert_eq!(out.status, StatusCode::OK);
    assert_eq!(out.location(), Some("/"));
    let after = get(&app, "/account", Some(&cookie)).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_expired_session_is_not_accepted(pool: PgPool) {
    let app = app(&pool);
    let cookie = signed_in(&pool, &app, Role::Consumer).await;
    let expiry: time::OffsetDateTime = sqlx::query_scalar("SELECT expiry_date FROM sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    let days = (expiry - time::OffsetDateTime::now_utc()).whole_days();
    assert!(
        (13..=14).contains(&days),
        "sessions last two weeks, got {days} days"
    );

    sqlx::query("UPDATE sessions SET expiry_date = now() - interval '1 minute'")
        .execute(&pool)
        .await
        .unwrap();
    let response = get(&app, "/account", Some(&cookie)).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.location(), Some("/sign-in?next=%2Faccount"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn changing_the_password_signs_out_every_other_session(pool: PgPool) {
    let app = app(&pool);
    create_account(&pool, "ada@example.com", Role::Consumer).await;
    let laptop = sign_in(&app, "ada@example.com").await;
    let phone = sign_in(&app, "ada@example.com").await;
    assert_ne!(laptop, phone);

    let new_password = "a brand new passphrase";
    let changed = call::<ChangePassword>(
        &app,
        &[
            ("current_password", PASSWORD),
            ("new_password", new_password),
            ("new_password_confirm", new_password),
        ],
        Some(&laptop),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert_eq!(changed.location(), Some("/account?password=changed"));
    assert_eq!(
        get(&app, "/account", Some(&laptop)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        get(&app, "/account", Some(&phone)).await.status,
        StatusCode::SEE_OTHER
    );

    let old = call::<SignIn>(
        &app,
        &[("email", "ada@example.com"), ("password", PASSWORD)],
        None,
    )
    .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new = call::<SignIn>(
        &app,
        &[("email", "ada@example.com"), ("password", new_password)],
        None,
    )
    .await;
    assert_eq!(new.status, StatusCode::OK);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_wrong_current_password_changes_nothing(pool: PgPool) {
    let app = app(&pool);
    create_account(&pool, "ada@example.com", Role::Consumer).await;
    let cookie = sign_in(&app, "ada@example.com").await;
    let before: String = sqlx::query_scalar("SELECT password_hash FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    let response = call::<ChangePassword>(
        &app,
        &[
            ("current_password", "wrong"),
            ("new_password", "a brand new passphrase"),
            ("new_password_confirm", "a brand new passphrase"),
        ],
        Some(&cookie),
    )
    .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("current_password"));
    let after: String = sqlx::query_scalar("SELECT password_hash FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(before, after);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn changing_the_password_needs_a_session(pool: PgPool) {
    let app = app(&pool);
    let response = call::<ChangePassword>(
        &app,
        &[
            ("current_password", "x"),
            ("new_password", "a brand new passphrase"),
            ("new_password_confirm", "a brand new passphrase"),
        ],
        None,
    )
    .await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
}
