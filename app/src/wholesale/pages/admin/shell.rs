use crate::auth::model::AdminArea;
use crate::auth::pages::AccessGate;
use crate::auth::rules::Requirement;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};

/// The wholesale area's frame: its sections as tabs, for the wholesale team.
#[component]
pub fn WholesaleShell() -> impl IntoView {
    let sections = [
        ("/admin/wholesale/campaigns", "Campaigns"),
        ("/admin/wholesale/companies", "Companies"),
        ("/admin/wholesale/price-lists", "Price lists"),
        ("/admin/wholesale/demand", "Demand"),
    ];
    view! {
        <AccessGate requirement=Requirement::Staff(AdminArea::Wholesale)>
            <nav class="tabs" aria-label="Wholesale sections">
                <ul>
                    {sections.into_iter().map(|(href, label)| view! {
                        <li><A href=href>{label}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
            <Outlet/>
        </AccessGate>
    }
}
