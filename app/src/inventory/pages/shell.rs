use crate::auth::model::AdminArea;
use crate::auth::pages::AccessGate;
use crate::auth::rules::Requirement;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};

/// The inventory area's frame: its sections as tabs, for warehouse staff.
#[component]
pub fn InventoryShell() -> impl IntoView {
    let sections = [
        ("/admin/inventory", "Overview", true),
        ("/admin/inventory/fulfilment", "Work queue", false),
        ("/admin/inventory/stock", "Stock", false),
        ("/admin/inventory/movements", "Movements", false),
        ("/admin/inventory/receive", "Receive", false),
        ("/admin/inventory/transfers", "Transfers", false),
        ("/admin/inventory/low-stock", "Low stock", false),
        ("/admin/inventory/locations", "Locations", false),
    ];
    view! {
        <AccessGate requirement=Requirement::Staff(AdminArea::Inventory)>
            <nav class="tabs" aria-label="Inventory sections">
                <ul>
                    {sections.into_iter().map(|(href, label, exact)| view! {
                        <li><A href=href exact=exact>{label}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
            <Outlet/>
        </AccessGate>
    }
}
