use crate::auth::model::AdminArea;
use crate::auth::pages::RequireAccess;
use crate::auth::rules::Requirement;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};

/// The inventory area's frame: its sections as tabs, for warehouse staff.
#[component]
pub fn InventoryShell() -> impl IntoView {
    let sections = [
        ("/admin/inventory", "Overview", true),
        ("/admin/inventory/fulfilment", "Work queue", false),
    ];
    view! {
        <RequireAccess requirement=Requirement::Staff(AdminArea::Inventory)>
            <nav class="tabs" aria-label="Inventory sections">
                <ul>
                    {sections.into_iter().map(|(href, label, exact)| view! {
                        <li><A href=href exact=exact>{label}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
            <Outlet/>
        </RequireAccess>
    }
}
