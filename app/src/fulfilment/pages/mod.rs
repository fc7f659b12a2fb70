//! The warehouse work queue (`/admin/inventory/fulfilment/…`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Outlet;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::{SsrMode, path};

#[component(transparent)]
pub fn FulfilmentRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("fulfilment") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=QueuePage ssr=SsrMode::Async/>
        </ParentRoute>
    }
    .into_inner()
}

#[component]
pub fn QueuePage() -> impl IntoView {
    view! {
        <Title text="Work queue · Back office"/>
        <header class="page-header"><h1>"Work queue"</h1></header>
    }
}
