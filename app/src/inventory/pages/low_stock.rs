use super::components::{LocationSelect, thousands};
use super::filters::{low_stock_params, low_stock_query, with_page};
use crate::inventory::api::{get_locations, get_low_stock, sku_path};
use crate::inventory::model::{Location, LowStockQuery, LowStockRow};
use crate::listing::Page;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use crate::ui::table::{PageLinks, url_with};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PATH: &str = "/admin/inventory/low-stock";

/// SKUs whose available and incoming stock is below their reorder point.
#[component]
pub fn LowStockPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| low_stock_query(|k| p.get(k))));
    let rows = Resource::new(move || query.get(), get_low_stock);
    let locations = Resource::new(|| (), |_| get_locations());
    view! {
        <Title text="Low stock · Inventory"/>
        <header class="page-header">
            <div>
                <h1>"Low stock"</h1>
                <p class="muted">"SKUs whose available and incoming stock is below their reorder point, with what to order."</p>
            </div>
            <a
                class="button"
                href=move || url_with("/admin/inventory/low-stock.csv", &low_stock_params(&query.get()))
                rel="external"
                download="low-stock.csv"
            >
                "Download CSV"
            </a>
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let query = query.get();
                let locations = match locations.await {
                    Ok(locations) => locations,
                    Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                };
                let filters = view! { <LowStockFilters query=query.clone() locations/> };
                match rows.await {
                    Err(error) => view! { {filters} <ErrorNotice error/> }.into_any(),
                    Ok(page) if page.rows.is_empty() => view! {
                        {filters}
                        <EmptyState title="Nothing is below its reorder point">
                            <p>"Set a reorder point for a SKU at a location on the SKU's page; when available and incoming stock fall below it, the SKU is listed here."</p>
                            <a class="button" href="/admin/inventory/stock">"Search stock"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(page) => view! { {filters} <LowStockTable page query/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LowStockFilters(query: LowStockQuery, locations: Vec<Location>) -> impl IntoView {
    view! {
        <form method="get" action=PATH class="list-filters" role="search" aria-label="Filter low stock">
            <LocationSelect
                label="Location"
                id="low-stock-location"
                name="location"
                locations
                selected=query.location.clone()
                all="All locations"
            />
            <div class="list-filter-actions">
                <button type="submit" class="button primary">"Filter"</button>
                <a href=PATH>"Clear"</a>
            </div>
        </form>
    }
}

#[component]
fn LowStockTable(page: Page<LowStockRow>, query: LowStockQuery) -> impl IntoView {
    let page_href =
        Callback::new(move |n: u32| url_with(PATH, &with_page(low_stock_params(&query), n)));
    view! {
        <p class="muted" role="status">{page.range_text()}</p>
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"SKUs below their reorder point"</caption>
                <thead>
                    <tr>
                        <th scope="col">"SKU"</th>
                        <th scope="col">"Product"</th>
                        <th scope="col">"Location"</th>
                        <th scope="col" class="num">"Available"</th>
                        <th scope="col" class="num">"Incoming"</th>
                        <th scope="col" class="num">"Minimum"</th>
                        <th scope="col" class="num">"Suggested order"</th>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.iter().cloned().map(|r| view! {
                        <tr>
                            <td><a href=sku_path(&r.sku)>{r.sku.clone()}</a></td>
                            <td class="wrap">{r.product}</td>
                            <td>{r.location_code}</td>
                            <td class="num">{thousands(r.available.into())}</td>
                            <td class="num">{thousands(r.incoming.into())}</td>
                            <td class="num">{thousands(r.min_available.into())}</td>
                            <td class="num"><strong>{thousands(r.suggested_order.into())}</strong></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <PageLinks current=page.page pages=page.page_count() href=page_href/>
    }
}
