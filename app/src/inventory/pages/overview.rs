use super::components::thousands;
use super::filters::{status_slug, transfer_params};
use crate::analytics::api::area_figures;
use crate::analytics::pages::area::KpiCards;
use crate::auth::model::AdminArea;
use crate::inventory::api::{get_inventory_overview, transfer_path};
use crate::inventory::model::{InventoryOverview, TransferQuery, TransferStatus};
use crate::ui::status::{ErrorNotice, Loading};
use crate::ui::table::url_with;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let figures = Resource::new(|| AdminArea::Inventory, area_figures);
    let overview = Resource::new(|| (), |_| get_inventory_overview());
    view! {
        <Title text="Inventory · Back office"/>
        <header class="page-header">
            <div>
                <h1>"Inventory"</h1>
                <p class="muted">{AdminArea::Inventory.summary()}</p>
            </div>
            <div class="actions">
                <a class="button primary" href="/admin/inventory/receive">"Receive goods"</a>
                <a class="button" href="/admin/inventory/transfers/new">"New transfer"</a>
            </div>
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match figures.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(kpis) => view! { <KpiCards kpis/> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| view! { <Loading label="Loading stock by location…"/> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(overview) => view! { <OverviewCards overview/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OverviewCards(overview: InventoryOverview) -> impl IntoView {
    let in_transit_href = url_with(
        "/admin/inventory/transfers",
        &transfer_params(&TransferQuery {
            status: Some(TransferStatus::InTransit),
            ..TransferQuery::default()
        }),
    );
    let drafts_href = format!(
        "/admin/inventory/transfers?status={}",
        status_slug(TransferStatus::Draft)
    );
    let low_stock = overview.low_stock;
    view! {
        <div class="inventory-grid">
            <section class="card wide" aria-labelledby="by-location-heading">
                <h2 id="by-location-heading">"Stock by location"</h2>
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Units per location"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Location"</th>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Kind"</th>
                                <th scope="col" class="num">"SKUs in stock"</th>
                                <th scope="col" class="num">"On hand"</th>
                                <th scope="col" class="num">"Reserved"</th>
                                <th scope="col" class="num">"Available"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {overview.locations.into_iter().map(|l| {
                                let href = url_with("/admin/inventory/stock", &[("location", l.code.clone())]);
                                view! {
                                    <tr class:inactive=!l.active>
                                        <td><a href=href>{l.code.clone()}</a></td>
                                        <td>{l.name}{(!l.active).then(|| view! { " " <span class="badge status-cancelled">"Inactive"</span> })}</td>
                                        <td>{l.kind.label()}</td>
                                        <td class="num">{thousands(l.skus)}</td>
                                        <td class="num">{thousands(l.on_hand)}</td>
                                        <td class="num">{thousands(l.reserved)}</td>
                                        <td class="num">{thousands(l.available)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
            <section class="card" aria-labelledby="low-stock-heading">
                <h2 id="low-stock-heading">"Low stock"</h2>
                <p class="big-number">{thousands(low_stock)}</p>
                <p class="muted">
                    {if low_stock == 1 { "SKU below its reorder point at a location." } else { "SKUs below their reorder point, per location." }}
                </p>
                <a href="/admin/inventory/low-stock">"See the low-stock list"</a>
            </section>
            <section class="card" aria-labelledby="transit-heading">
                <h2 id="transit-heading">"Transfers in transit"</h2>
                <p class="big-number">{thousands(overview.in_transit_count)}</p>
                {(!overview.in_transit.is_empty()).then(|| view! {
                    <ul class="plain-list">
                        {overview.in_transit.into_iter().map(|t| view! {
                            <li>
                                <a href=transfer_path(&t.number)>{t.number.clone()}</a>
                                " " {t.from_code} " → " {t.to_code} ", " {thousands(t.units)} " units"
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                <p>
                    <a href=in_transit_href>"All transfers in transit"</a>
                    {(overview.drafts > 0).then(|| view! {
                        " · " <a href=drafts_href>{format!("{} waiting to ship", overview.drafts)}</a>
                    })}
                </p>
            </section>
            <section class="card" aria-labelledby="links-heading">
                <h2 id="links-heading">"Quick links"</h2>
                <ul class="plain-list">
                    <li><a href="/admin/inventory/stock">"Search stock"</a></li>
                    <li><a href="/admin/inventory/receive">"Receive goods"</a></li>
                    <li><a href="/admin/inventory/transfers/new">"Move stock between locations"</a></li>
                    <li><a href="/admin/inventory/movements">"Stock movements (ledger)"</a></li>
                    <li><a href="/admin/inventory/stock?only=out_of_stock">"Nothing available"</a></li>
                    <li><a href="/admin/inventory/locations">"Locations and their settings"</a></li>
                    <li><a href="/admin/inventory/fulfilment">"Work queue"</a></li>
                </ul>
            </section>
        </div>
    }
}
