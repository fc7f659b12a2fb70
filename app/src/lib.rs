//! Atelier: the storefront (`/`), the B2B portal (`/b2b`) and the back office
//! (`/admin`) in one Leptos app, rendered on the server and hydrated in the
//! browser. One module per business area; see ARCHITECTURE in the docs.

#![recursion_limit = "256"]

pub mod analytics;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod codec;
pub mod content;
pub mod customers;
#[cfg(feature = "ssr")]
pub mod downloads;
pub mod error;
pub mod fulfilment;
pub mod i18n;
pub mod integrations;
pub mod inventory;
pub mod listing;
pub mod orders;
pub mod payments;
pub mod text;
pub mod ui;
pub mod wholesale;

#[cfg(feature = "ssr")]
pub mod server;

use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};
use ui::layout::{AdminLayout, B2bLayout, PersonalHeaderPage, StorefrontFrame, StorefrontLayout};

/// The stylesheet cargo-leptos builds from `style/main.css`.
pub const STYLESHEET: &str = "/pkg/atelier.css";

/// The storefront's browser bundle (`/pkg/storefront.js`, `.wasm`), built
/// from the `storefront` crate; other pages load cargo-leptos' bundle.
pub const STOREFRONT_BUNDLE: &str = "storefront";

/// The HTML document around the app (server only). A storefront page is
/// server-rendered with islands of interactivity (`#[island]`): it loads the
/// storefront's own bundle, which carries the islands alone.
#[cfg(feature = "ssr")]
pub fn shell(mut options: LeptosOptions) -> impl IntoView {
    let islands = use_context::<http::request::Parts>()
        .is_some_and(|parts| is_storefront_path(parts.uri.path()));
    if islands {
        options.output_name = STOREFRONT_BUNDLE.into();
    }
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1f1d1a"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands/>
                <leptos_meta::MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Every surface: what the server renders, and what the back office and
/// the portal hydrate.
#[component]
pub fn App() -> impl IntoView {
    view! { <Document><AppRoutes/></Document> }
}

/// Hydrates the server-rendered page with `app` (the browser entry point of
/// the `frontend` crate: the back office and the portal).
#[cfg(feature = "hydrate")]
pub fn hydrate_page<N: IntoView + 'static>(app: fn() -> N) {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app);
    mark_hydrated();
}

/// Makes a storefront page's islands interactive (the browser entry point
/// of the `storefront` crate).
#[cfg(feature = "hydrate")]
pub fn hydrate_islands_page() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // There is no client-side router: a server function's redirect (an
    // order placed, say) loads the next page whole.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|to: &str| {
        let _ = window().location().set_href(to);
    });
    // Leptos' script hydrates the islands right after this returns, in
    // microtasks: a task later they all are.
    set_timeout(mark_hydrated, std::time::Duration::ZERO);
}

/// Marks the page as interactive (for styles and browser tests).
#[cfg(feature = "hydrate")]
fn mark_hydrated() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}

/// What every page has around its routes.
#[component]
fn Document(children: Children) -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href=STYLESHEET/>
        <Title formatter=|title: String| format!("{title} · Atelier")/>
        <Router>{children()}</Router>
    }
}

/// The surfaces that are not the storefront.
const OTHER_SURFACES: [&str; 2] = ["/admin", "/b2b"];

/// Whether a page at `path` is the storefront's: islands, with the
/// storefront's bundle.
pub fn is_storefront_path(path: &str) -> bool {
    !OTHER_SURFACES.iter().any(|surface| {
        path.strip_prefix(surface)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// Every page waits for its data before the server answers (`SsrMode::Async`),
/// so pages are complete without JavaScript and can set their status code.
#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=not_found_page>
            <ParentRoute path=path!("/admin") view=AdminLayout ssr=SsrMode::Async>
                <Route path=path!("") view=analytics::pages::dashboard::DashboardPage ssr=SsrMode::Async/>
                <inventory::pages::InventoryRoutes/>
                <orders::pages::OrderRoutes/>
                <wholesale::pages::admin::WholesaleRoutes/>
                <Route path=path!("settings/api-keys") view=integrations::pages::ApiKeysPage ssr=SsrMode::Async/>
                <Route path=path!("settings/channels") view=orders::pages::channels::ChannelsSettingsPage ssr=SsrMode::Async/>
                <Route path=path!(":area") view=analytics::pages::area::AreaPage ssr=SsrMode::Async/>
                <Route path=path!(":area/*rest") view=|| view! { <ui::status::NotFound/> } ssr=SsrMode::Async/>
            </ParentRoute>
            // An invited colleague has no account yet: outside the portal's guard.
            <Route path=path!("/b2b/join/:token") view=|| view! { <StorefrontFrame><wholesale::pages::portal::JoinPage/></StorefrontFrame> } ssr=SsrMode::Async/>
            <ParentRoute path=path!("/b2b") view=B2bLayout ssr=SsrMode::Async>
                <Route path=path!("") view=wholesale::pages::portal::PortalHome ssr=SsrMode::Async/>
                <Route path=path!("campaigns/:code") view=wholesale::pages::portal::LineSheetPage ssr=SsrMode::Async/>
                <Route path=path!("campaigns/:code/styles/:style_code") view=wholesale::pages::portal::StyleGridPage ssr=SsrMode::Async/>
                <Route path=path!("orders") view=wholesale::pages::portal::PreOrdersPage ssr=SsrMode::Async/>
                <Route path=path!("pre-orders/:number") view=wholesale::pages::portal::PreOrderPage ssr=SsrMode::Async/>
                <Route path=path!("pre-orders/:number/print") view=wholesale::pages::portal::PreOrderPrintPage ssr=SsrMode::Async/>
                <Route path=path!("company") view=wholesale::pages::portal::CompanyPage ssr=SsrMode::Async/>
            </ParentRoute>
            <Route path=path!("/_personal") view=PersonalHeaderPage ssr=SsrMode::Async/>
            <Route path=path!("/it/_personal") view=PersonalHeaderPage ssr=SsrMode::Async/>
            <StorefrontSurface/>
        </Routes>
    }
}

/// The storefront: at `/` in English and under `/it` in Italian.
#[component(transparent)]
fn StorefrontSurface() -> impl leptos_router::MatchNestedRoutes + Clone {
    // One parent with an empty path: the two languages as one nested route.
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
            <ParentRoute path=path!("/it") view=StorefrontLayout ssr=SsrMode::Async>
                <StorefrontRoutes/>
            </ParentRoute>
            <ParentRoute path=path!("") view=StorefrontLayout ssr=SsrMode::Async>
                <StorefrontRoutes/>
            </ParentRoute>
        </ParentRoute>
    }
    .into_inner()
}

/// The page for an address no route knows.
fn not_found_page() -> impl IntoView {
    view! { <StorefrontFrame><ui::status::NotFound/></StorefrontFrame> }
}

/// The storefront's pages, in either language.
#[component(transparent)]
fn StorefrontRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    // One parent with an empty path: the routes as one nested route.
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=catalog::pages::home::HomePage ssr=SsrMode::Async/>
            <Route path=path!("c/:slug") view=catalog::pages::category::CategoryPage ssr=SsrMode::Async/>
            <Route path=path!("p/:slug") view=catalog::pages::product::ProductPage ssr=SsrMode::Async/>
            <Route path=path!("search") view=catalog::pages::search::SearchPage ssr=SsrMode::Async/>
            <Route path=path!("cart") view=cart::pages::CartPage ssr=SsrMode::Async/>
            <Route path=path!("checkout") view=checkout::pages::CheckoutRoute ssr=SsrMode::Async/>
            <Route path=path!("checkout/thank-you/:key") view=checkout::pages::ConfirmationRoute ssr=SsrMode::Async/>
            <Route path=path!("sign-in") view=auth::pages::sign_in::SignInPage ssr=SsrMode::Async/>
            <Route path=path!("register") view=auth::pages::register::RegisterPage ssr=SsrMode::Async/>
            <Route path=path!("account") view=auth::pages::account::AccountPage ssr=SsrMode::Async/>
            <Route path=path!("account/orders/:number") view=orders::pages::my_order::MyOrderPage ssr=SsrMode::Async/>
        </ParentRoute>
    }
    .into_inner()
}

#[cfg(test)]
mod tests {
    use super::is_storefront_path;

    #[test]
    fn the_back_office_and_the_portal_are_not_the_storefront() {
        for path in [
            "/",
            "/it",
            "/c/knitwear",
            "/it/p/a-coat",
            "/checkout",
            "/account",
            "/administrator",
            "/b2bx",
        ] {
            assert!(is_storefront_path(path), "{path}");
        }
        for path in [
            "/admin",
            "/admin/orders",
            "/b2b",
            "/b2b/campaigns/FW27",
            "/b2b/join/abc",
        ] {
            assert!(!is_storefront_path(path), "{path}");
        }
    }
}
