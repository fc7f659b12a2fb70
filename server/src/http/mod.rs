//! The HTTP application: pages and server functions (with sessions and the
//! route guard), pictures, static files, health, and the layers every
//! request passes (request id and logging, compression, CSRF check, and a
//! deadline for pages and server functions).

pub mod csrf;
pub mod deadline;
pub mod health;
pub mod page_cache;

use app::auth::session::{self, route_guard};
use app::catalog::{self, cache::CatalogCache};
use app::{App, shell};
use axum::Router;
use axum::extract::{FromRef, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sqlx::PgPool;
use std::path::Path;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
}

pub fn router(state: AppState, secure_cookies: bool) -> Router {
    let pool = state.pool.clone();
    let catalog_cache = CatalogCache::new(catalog::cache::FRESHNESS);
    // What every server function and page may use from the server.
    let context = move || {
        provide_context(pool.clone());
        provide_context(catalog_cache.clone());
    };
    let options = state.leptos_options.clone();
    let app_shell = move || shell(options.clone());

    // Pages, server functions and the not-found page: they know who is signed in.
    let not_found = {
        let render = leptos_axum::render_app_async_with_context(context.clone(), app_shell.clone());
        move |request: Request| render(request)
    };
    let pages = Router::new()
        .leptos_routes_with_context(&state, generate_route_list(App), context, app_shell)
        .merge(app::inventory::export::routes())
        .merge(app::wholesale::export::routes())
        .fallback(not_found)
        .layer(from_fn_with_state(
            deadline::PAGE_DEADLINE,
            deadline::within,
        ))
        .layer(from_fn(app::server::error_status))
        .layer(from_fn(route_guard))
        .layer(session::layer(state.pool.clone(), secure_cookies))
        // Anonymous visitors' catalog pages, rendered once for everyone.
        .layer(from_fn_with_state(
            page_cache::PageCache::default(),
            page_cache::serve,
        ));

    let site_root = Path::new(state.leptos_options.site_root.as_ref());
    let pkg = Router::new()
        .fallback_service(
            ServeDir::new(site_root.join(state.leptos_options.site_pkg_dir.as_ref()))
                .precompressed_br()
                .precompressed_gzip(),
        )
        // File names do not change between builds: browsers revalidate.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ));

    Router::new()
        .merge(crate::api::router())
        .route("/healthz", get(health::healthz))
        .route("/media/{id}", get(app::content::media::serve_asset))
        .nest("/pkg", pkg)
        .route_service("/favicon.svg", ServeFile::new(site_root.join("favicon.svg")))
        .route_service("/robots.txt", ServeFile::new(site_root.join("robots.txt")))
        .merge(pages)
        .layer(from_fn(csrf::reject_cross_site))
        .layer(CompressionLayer::new())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    let id = request
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", %id, method = %request.method(), path = %request.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}
