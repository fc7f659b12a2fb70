//! The warehouse screens of the back office (`/admin/inventory/…`).

pub mod components;
pub mod filters;
pub mod locations;
pub mod low_stock;
pub mod movements;
pub mod overview;
pub mod receive;
pub mod shell;
pub mod sku;
pub mod stock;
pub mod transfers;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::{SsrMode, path};

/// Every page of the inventory area, mounted under `/admin`.
#[component(transparent)]
pub fn InventoryRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("inventory") view=shell::InventoryShell ssr=SsrMode::Async>
            <Route path=path!("") view=overview::OverviewPage ssr=SsrMode::Async/>
            <Route path=path!("stock") view=stock::StockPage ssr=SsrMode::Async/>
            <Route path=path!("sku/:sku") view=sku::SkuPage ssr=SsrMode::Async/>
            <Route path=path!("movements") view=movements::MovementsPage ssr=SsrMode::Async/>
            <Route path=path!("receive") view=receive::ReceivePage ssr=SsrMode::Async/>
            <Route path=path!("transfers") view=transfers::TransfersPage ssr=SsrMode::Async/>
            <Route path=path!("transfers/new") view=transfers::NewTransferPage ssr=SsrMode::Async/>
            <Route path=path!("transfers/:number") view=transfers::TransferPage ssr=SsrMode::Async/>
            <Route path=path!("low-stock") view=low_stock::LowStockPage ssr=SsrMode::Async/>
            <Route path=path!("locations") view=locations::LocationsPage ssr=SsrMode::Async/>
            <Route path=path!("locations/new") view=locations::NewLocationPage ssr=SsrMode::Async/>
            <Route path=path!("locations/:code") view=locations::EditLocationPage ssr=SsrMode::Async/>
            <crate::fulfilment::pages::FulfilmentRoutes/>
        </ParentRoute>
    }
    .into_inner()
}
