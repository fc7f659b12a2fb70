//! The warehouse screens of the back office (`/admin/inventory/…`).

pub mod overview;
pub mod shell;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::{SsrMode, path};

/// Every page of the inventory area, mounted under `/admin`.
#[component(transparent)]
pub fn InventoryRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("inventory") view=shell::InventoryShell ssr=SsrMode::Async>
            <Route path=path!("") view=overview::OverviewPage ssr=SsrMode::Async/>
            <crate::fulfilment::pages::FulfilmentRoutes/>
        </ParentRoute>
    }
    .into_inner()
}
