//! The one guard, over real HTTP: who reaches which surface, which admin
//! area, which server function; cross-site posts; public pages.

mod common;

use app::analytics::api::{AreaFigures, GetDashboard};
use app::auth::api::SignIn;
use app::auth::model::Role;
use app::wholesale::api::portal::MyCompany;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use leptos::server_fn::ServerFn;
use sqlx::PgPool;

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn anonymous_visitors_are_sent_to_sign_in_and_back(pool: PgPool) {
    let app = app(&pool);
    for (path, next) in [
        ("/admin", "%2Fadmin"),
        ("/admin/orders?page=2", "%2Fadmin%2Forders%3Fpage%3D2"),
        ("/b2b", "%2Fb2b"),
        ("/account", "%2Faccount"),
    ] {
        let response = get(&app, path, None).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            response.location(),
            Some(format!("/sign-in?next={next}").as_str())
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn consumers_and_retailers_get_403_in_the_back_office(pool: PgPool) {
    let app = app(&pool);
    for role in [Role::Consumer, Role::Buyer, Role::CompanyAdmin] {
        let cookie = signed_in(&pool, &app, role).await;
        let response = get(&app, "/admin", Some(&cookie)).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{role:?}");
        assert!(
            response
                .body
                .contains("You do not have access to this page")
        );
        assert!(
            response.body.contains(role.label()),
            "the page says who is signed in"
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn staff_and_consumers_get_403_in_the_b2b_portal(pool: PgPool) {
    let app = app(&pool);
    for role in [Role::Admin, Role::Warehouse, Role::Consumer] {
        let cookie = signed_in(&pool, &app, role).await;
        assert_eq!(
            get(&app, "/b2b", Some(&cookie)).await.status,
            StatusCode::FORBIDDEN,
            "{role:?}"
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn each_surface_opens_for_its_people(pool: PgPool) {
    let app = app(&pool);
    let staff = signed_in(&pool, &app, Role::Finance).await;
    let admin = get(&app, "/admin", Some(&staff)).await;
    assert_eq!(admin.status, StatusCode::OK);
    assert!(admin.body.contains("Dashboard") && admin.body.contains("Finance"));

    let buyer = signed_in(&pool, &app, Role::Buyer).await;
    let portal = get(&app, "/b2b/company", Some(&buyer)).await;
    assert_eq!(portal.status, StatusCode::OK);
    assert!(portal.body.contains("Company details"), "{}", portal.body);

    let consumer = signed_in(&pool, &app, Role::Consumer).await;
    assert_eq!(
        get(&app, "/account", Some(&consumer)).await.status,
        StatusCode::OK
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn admin_areas_open_only_for_the_roles_that_own_them(pool: PgPool) {
    let app = app(&pool);
    let warehouse = signed_in(&pool, &app, Role::Warehouse).await;
    assert_eq!(
        get(&app, "/admin/inventory", Some(&warehouse)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        get(&app, "/admin/pricing", Some(&warehouse)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&app, "/admin/settings", Some(&warehouse)).await.status,
        StatusCode::FORBIDDEN
    );
    let admin = signed_in(&pool, &app, Role::Admin).await;
    assert_eq!(
        get(&app, "/admin/settings", Some(&admin)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        get(&app, "/admin/no-such-area", Some(&admin)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn server_functions_check_the_caller_too(pool: PgPool) {
    let app = app(&pool);
    assert_eq!(
        call::<GetDashboard>(&app, &[], None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let consumer = signed_in(&pool, &app, Role::Consumer).await;
    assert_eq!(
        call::<GetDashboard>(&app, &[], Some(&consumer))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call::<MyCompany>(&app, &[], Some(&consumer)).await.status,
        StatusCode::FORBIDDEN
    );

    let warehouse = signed_in(&pool, &app, Role::Warehouse).await;
    let own = call::<AreaFigures>(&app, &[("area", "Inventory")], Some(&warehouse)).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    let other = call::<AreaFigures>(&app, &[("area", "Pricing")], Some(&warehouse)).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_buyer_sees_only_their_own_company(pool: PgPool) {
    let app = app(&pool);
    create_account(&pool, "one@shop-one.example", Role::CompanyAdmin).await;
    create_account(&pool, "two@shop-two.example", Role::CompanyAdmin).await;
    let cookie = sign_in(&app, "one@shop-one.example").await;
    let response = call::<MyCompany>(&app, &[], Some(&cookie)).await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.body.contains("one@shop-one.example"));
    assert!(!response.body.contains("two@shop-two.example"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cross_site_posts_are_refused(pool: PgPool) {
    let app = app(&pool);
    create_account(&pool, "ada@example.com", Role::Consumer).await;
    let post = |origin_header: (&'static str, &'static str)| {
        Request::post(SignIn::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "127.0.0.1:3000")
            .header(origin_header.0, origin_header.1)
            .body(Body::from(format!(
                "email=ada%40example.com&password={}",
                PASSWORD.replace(' ', "+")
            )))
            .unwrap()
    };
    let evil = send(&app, post(("origin", "https://evil.example"))).await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    assert!(evil.session_cookie().is_none());
    let fetch_metadata = send(&app, post(("sec-fetch-site", "cross-site"))).await;
    assert_eq!(fetch_metadata.status, StatusCode::FORBIDDEN);
    let same_origin = send(&app, post(("origin", "http://127.0.0.1:3000"))).await;
    assert_eq!(same_origin.status, StatusCode::OK, "{}", same_origin.body);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn public_pages_health_and_not_found(pool: PgPool) {
    let app = app(&pool);
    for path in ["/", "/sign-in", "/register", "/search?q=coat", "/cart"] {
        let response = get(&app, path, None).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert!(response.body.contains("<main"), "{path} renders a page");
    }
    let missing = get(&app, "/no/such/page", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("not found"));
    assert_eq!(
        get(&app, "/p/no-such-product", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/c/NOT%20A%20SLUG", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/media/not-a-uuid", None).await.status,
        StatusCode::NOT_FOUND
    );

    let health = get(&app, "/healthz", None).await;
    assert_eq!(health.status, StatusCode::OK);
    assert!(health.body.contains("\"database\":\"ok\""));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_response_carries_a_request_id(pool: PgPool) {
    let app = app(&pool);
    let response = get(&app, "/healthz", None).await;
    let id = response.headers.get("x-request-id").expect("a request id");
    assert_eq!(id.len(), 36, "a uuid");
}
