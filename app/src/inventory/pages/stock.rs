use super::components::{LocationSelect, thousands};
use super::filters::{stock_params, stock_query, with_page};
use crate::inventory::api::{get_locations, get_stock, sku_path};
use crate::inventory::model::{StockFilter, StockQuery, StockRow, StockSort};
use crate::listing::{Page, SortDir};
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use crate::ui::table::{PageLinks, SortHeader, url_with};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PATH: &str = "/admin/inventory/stock";

#[component]
pub fn StockPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| stock_query(|k| p.get(k))));
    let rows = Resource::new(move || query.get(), get_stock);
    let locations = Resource::new(|| (), |_| get_locations());
    view! {
        <Title text="Stock · Inventory"/>
        <header class="page-header">
            <div>
                <h1>"Stock"</h1>
                <p class="muted">"Every SKU at every location: on hand, reserved for orders, available to sell."</p>
            </div>
            <a
                class="button"
                href=move || url_with("/admin/inventory/stock.csv", &stock_params(&query.get()))
                rel="external"
                download="stock.csv"
            >
                "Download CSV"
            </a>
        </header>
        <Suspense fallback=|| view! { <Loading label="Loading stock…"/> }>
            {move || Suspend::new(async move {
                let query = query.get();
                let locations = match locations.await {
                    Ok(locations) => locations,
                    Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                };
                let filters = view! { <StockFilters query=query.clone() locations/> };
                match rows.await {
                    Err(error) => view! { {filters} <ErrorNotice error/> }.into_any(),
                    Ok(page) if page.rows.is_empty() => view! {
                        {filters}
                        <EmptyState title="No stock matches these filters">
                            <p>"Try part of a SKU or a product name, another location, or show all balances."</p>
                            <a class="button" href=PATH>"Clear the filters"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(page) => view! { {filters} <StockTable page query/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StockFilters(
    query: StockQuery,
    locations: Vec<crate::inventory::model::Location>,
) -> impl IntoView {
    view! {
        <form method="get" action=PATH class="list-filters" role="search" aria-label="Filter stock">
            <div class="field">
                <label for="stock-q">"SKU or product"</label>
                <input id="stock-q" name="q" type="search" value=query.q.clone()/>
            </div>
            <LocationSelect
                label="Location"
                id="stock-location"
                name="location"
                locations
                selected=query.location.clone()
                all="All locations"
            />
            <div class="field">
                <label for="stock-only">"Show"</label>
                <select id="stock-only" name="only">
                    {StockFilter::ALL.into_iter().map(|f| view! {
                        <option value=f.as_str() selected=f == query.only>{f.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {(query.sort != StockSort::Sku).then(|| view! { <input type="hidden" name="sort" value=query.sort.as_str()/> })}
            {(query.dir != SortDir::Asc).then(|| view! { <input type="hidden" name="dir" value=query.dir.as_str()/> })}
            <div class="list-filter-actions">
                <button type="submit" class="button primary">"Filter"</button>
                <a href=PATH>"Clear"</a>
            </div>
        </form>
    }
}

#[component]
fn StockTable(page: Page<StockRow>, query: StockQuery) -> impl IntoView {
    let sort_href = {
        let query = query.clone();
        Callback::new(move |(column, dir): (&'static str, SortDir)| {
            let sorted = StockQuery {
                sort: StockSort::parse(Some(column)),
                dir,
                page: 1,
                ..query.clone()
            };
            url_with(PATH, &stock_params(&sorted))
        })
    };
    let page_href = {
        let query = query.clone();
        Callback::new(move |n: u32| url_with(PATH, &with_page(stock_params(&query), n)))
    };
    let current = query.sort.as_str();
    let dir = query.dir;
    view! {
        <p class="muted" role="status">{page.range_text()}</p>
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Stock balances"</caption>
                <thead>
                    <tr>
                        <SortHeader label="SKU" column="sku" current dir href=sort_href/>
                        <SortHeader label="Product" column="product" current dir href=sort_href/>
                        <th scope="col">"Colour"</th>
                        <th scope="col">"Size"</th>
                        <SortHeader label="Location" column="location" current dir href=sort_href/>
                        <SortHeader label="Bin" column="bin" current dir href=sort_href/>
                        <SortHeader label="On hand" column="on_hand" current dir href=sort_href numeric=true/>
                        <SortHeader label="Reserved" column="reserved" current dir href=sort_href numeric=true/>
                        <SortHeader label="Available" column="available" current dir href=sort_href numeric=true/>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.iter().cloned().map(|row| view! {
                        <tr>
                            <td><a href=sku_path(&row.sku)>{row.sku.clone()}</a></td>
                            <td class="wrap">{row.product}</td>
                            <td>{row.colour}</td>
                            <td>{row.size}</td>
                            <td><abbr title=row.location_name>{row.location_code}</abbr></td>
                            <td>{row.bin}</td>
                            <td class="num">{thousands(row.on_hand.into())}</td>
                            <td class="num">{thousands(row.reserved.into())}</td>
                            <td class="num" class:zero=row.available <= 0>{thousands(row.available.into())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <PageLinks current=page.page pages=page.page_count() href=page_href/>
    }
}
