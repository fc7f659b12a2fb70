//! Atelier: the storefront (`/`), the B2B portal (`/b2b`) and the back office
//! (`/admin`) in one Leptos app, rendered on the server and hydrated in the
//! browser. One module per business area; see ARCHITECTURE in the docs.

#![recursion_limit = "256"]

pub mod analytics;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod checkout;
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
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};
use ui::layout::{AdminLayout, B2bLayout, StorefrontFrame, StorefrontLayout};

/// The stylesheet cargo-leptos builds from `style/main.css`.
pub const STYLESHEET: &str = "/pkg/atelier.css";

/// The HTML document around the app (server only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1f1d1a"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href=STYLESHEET/>
        <Title formatter=|title: String| format!("{title} · Atelier")/>
        <Router>
            <AppRoutes/>
        </Router>
    }
}

/// Every page waits for its data before the server answers (`SsrMode::Async`),
/// so pages are complete without JavaScript and can set their status code.
#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <StorefrontFrame><ui::status::NotFound/></StorefrontFrame> }>
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
            <ParentRoute path=path!("/it") view=StorefrontLayout ssr=SsrMode::Async>
                <StorefrontRoutes/>
            </ParentRoute>
            <ParentRoute path=path!("") view=StorefrontLayout ssr=SsrMode::Async>
                <StorefrontRoutes/>
            </ParentRoute>
        </Routes>
    }
}

/// The storefront's pages: at `/` in English and under `/it` in Italian.
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
