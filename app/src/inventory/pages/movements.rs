use super::components::{LocationSelect, Notice, date_time, signed, thousands};
use super::filters::{iso_date, movement_params, movement_query, with_page};
use crate::inventory::api::{get_locations, get_movements, sku_path};
use crate::inventory::model::{Location, Movement, MovementKind, MovementQuery};
use crate::listing::Page;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use crate::ui::table::{PageLinks, url_with};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PATH: &str = "/admin/inventory/movements";

/// The stock ledger, newest first.
#[component]
pub fn MovementsPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| movement_query(|k| p.get(k))));
    let rows = Resource::new(move || query.get(), get_movements);
    let locations = Resource::new(|| (), |_| get_locations());
    let received = move || {
        params
            .read()
            .get("received")
            .and_then(|n| n.parse::<i64>().ok())
    };
    view! {
        <Title text="Movements · Inventory"/>
        <header class="page-header">
            <div>
                <h1>"Movements"</h1>
                <p class="muted">"The stock ledger: every change to a balance, newest first."</p>
            </div>
            <a
                class="button"
                href=move || url_with("/admin/inventory/movements.csv", &movement_params(&query.get()))
                rel="external"
                download="movements.csv"
            >
                "Download CSV"
            </a>
        </header>
        {move || received().map(|units| view! {
            <Notice message=format!(
                "Goods received: {} {}. The receipt is listed below.",
                thousands(units),
                if units == 1 { "unit" } else { "units" }
            )/>
        })}
        <Suspense fallback=|| view! { <Loading label="Loading movements…"/> }>
            {move || Suspend::new(async move {
                let query = query.get();
                let locations = match locations.await {
                    Ok(locations) => locations,
                    Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                };
                let filters = view! { <MovementFilters query=query.clone() locations/> };
                match rows.await {
                    Err(error) => view! { {filters} <ErrorNotice error/> }.into_any(),
                    Ok(page) if page.rows.is_empty() => view! {
                        {filters}
                        <EmptyState title="No movements match these filters">
                            <p>"Try another reference, SKU or date range."</p>
                            <a class="button" href=PATH>"Clear the filters"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(page) => view! { {filters} <MovementsTable page query/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MovementFilters(query: MovementQuery, locations: Vec<Location>) -> impl IntoView {
    view! {
        <form method="get" action=PATH class="list-filters" role="search" aria-label="Filter movements">
            <div class="field">
                <label for="movements-q">"SKU, product or reference"</label>
                <input id="movements-q" name="q" type="search" value=query.q.clone()/>
            </div>
            <LocationSelect
                label="Location"
                id="movements-location"
                name="location"
                locations
                selected=query.location.clone()
                all="All locations"
            />
            <div class="field">
                <label for="movements-kind">"Kind"</label>
                <select id="movements-kind" name="kind">
                    <option value="">"All kinds"</option>
                    {MovementKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=Some(k) == query.kind>{k.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="movements-from">"From"</label>
                <input id="movements-from" name="from" type="date" value=query.from.map(iso_date).unwrap_or_default()/>
            </div>
            <div class="field">
                <label for="movements-to">"To"</label>
                <input id="movements-to" name="to" type="date" value=query.to.map(iso_date).unwrap_or_default()/>
            </div>
            <div class="list-filter-actions">
                <button type="submit" class="button primary">"Filter"</button>
                <a href=PATH>"Clear"</a>
            </div>
        </form>
    }
}

#[component]
fn MovementsTable(page: Page<Movement>, query: MovementQuery) -> impl IntoView {
    let page_href =
        Callback::new(move |n: u32| url_with(PATH, &with_page(movement_params(&query), n)));
    view! {
        <p class="muted" role="status">{page.range_text()}</p>
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Stock movements, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"When"</th>
                        <th scope="col">"SKU"</th>
                        <th scope="col">"Product"</th>
                        <th scope="col">"Location"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col" class="num">"On hand"</th>
                        <th scope="col" class="num">"Reserved"</th>
                        <th scope="col">"Reference"</th>
                        <th scope="col">"Reason"</th>
                        <th scope="col">"By"</th>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.iter().cloned().map(|m| view! {
                        <tr>
                            <td>{date_time(m.at)}</td>
                            <td><a href=sku_path(&m.sku)>{m.sku.clone()}</a></td>
                            <td class="wrap">{m.product}</td>
                            <td>{m.location_code}</td>
                            <td>{m.kind.label()}</td>
                            <td class="num">{signed(m.on_hand_delta)}</td>
                            <td class="num">{signed(m.reserved_delta)}</td>
                            <td>{m.reference}</td>
                            <td class="wrap">{m.reason}</td>
                            <td>{m.actor}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <PageLinks current=page.page pages=page.page_count() href=page_href/>
    }
}
