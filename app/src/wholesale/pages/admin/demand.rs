//! Demand: what confirmed pre-orders of a campaign need, per SKU and
//! delivery window, the input of purchasing and production.

use crate::inventory::pages::filters::iso_date;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use crate::ui::table::url_with;
use crate::wholesale::api::staff::get_demand;
use crate::wholesale::model::{DemandRow, DemandView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const PATH: &str = "/admin/wholesale/demand";

/// Orders the rows by SKU then window (`sort` = "sku"), or by window then
/// SKU (`sort` = "window").
pub fn sort_demand(rows: &mut [DemandRow], sort: &str) {
    if sort == "window" {
        rows.sort_by(|a, b| {
            (a.ships_from, &a.window, &a.sku).cmp(&(b.ships_from, &b.window, &b.sku))
        });
    } else {
        rows.sort_by(|a, b| {
            (&a.sku, a.ships_from, &a.window).cmp(&(&b.sku, b.ships_from, &b.window))
        });
    }
}

#[component]
pub fn DemandPage() -> impl IntoView {
    let query = use_query_map();
    let campaign = move || query.read().get("campaign").unwrap_or_default();
    let sort = move || query.read().get("sort").unwrap_or_default();
    let demand = Resource::new(campaign, get_demand);
    view! {
        <Title text="Demand · Wholesale"/>
        <header class="page-header">
            <div>
                <h1>"Demand"</h1>
                <p class="muted">"Units per SKU and delivery window from a campaign's confirmed pre-orders."</p>
            </div>
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let sort = sort();
                match demand.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(view) => view! { <Demand view sort/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Demand(view: DemandView, sort: String) -> impl IntoView {
    let chosen = view.campaign.clone().unwrap_or_default();
    let mut rows = view.rows;
    sort_demand(&mut rows, &sort);
    let total: i64 = rows.iter().map(|r| r.units).sum();
    let skus = {
        let mut skus: Vec<&str> = rows.iter().map(|r| r.sku.as_str()).collect();
        skus.sort_unstable();
        skus.dedup();
        skus.len()
    };
    let sort_link = |by: &str| {
        url_with(
            PATH,
            &[("campaign", chosen.clone()), ("sort", by.to_owned())],
        )
    };
    let by_window = sort == "window";
    view! {
        <form method="get" action=PATH class="list-filters" aria-label="Choose a campaign">
            <div class="field">
                <label for="demand-campaign">"Campaign"</label>
                <select id="demand-campaign" name="campaign">
                    {view.campaigns.iter().map(|c| view! {
                        <option value=c.code.clone() selected=c.code == chosen>
                            {format!("{} · {} ({})", c.code, c.name, c.state.label())}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <input type="hidden" name="sort" value=sort.clone()/>
            <div class="list-filter-actions">
                <button type="submit" class="button primary">"Show"</button>
            </div>
        </form>
        {if chosen.is_empty() {
            view! {
                <EmptyState title="No confirmed campaign yet">
                    <p>"Demand appears once a campaign's pre-orders are confirmed. Choose a campaign above."</p>
                </EmptyState>
            }.into_any()
        } else if rows.is_empty() {
            view! {
                <EmptyState title="No demand">
                    <p>"This campaign has no confirmed pre-orders."</p>
                </EmptyState>
            }.into_any()
        } else {
            view! {
                <div class="actions">
                    <p class="muted" role="status">{format!("{total} units of {skus} SKUs")}</p>
                    <a class="button" href=url_with("/admin/wholesale/demand.csv", &[("campaign", chosen.clone())]) download="">"Download CSV"</a>
                </div>
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">{if by_window { "Demand by delivery window" } else { "Demand by SKU" }}</caption>
                        <thead>
                            <tr>
                                <th scope="col" aria-sort=if by_window { "none" } else { "ascending" }>
                                    <a href=sort_link("sku")>"SKU"</a>
                                </th>
                                <th scope="col">"Style"</th>
                                <th scope="col">"Colour"</th>
                                <th scope="col">"Size"</th>
                                <th scope="col" aria-sort=if by_window { "ascending" } else { "none" }>
                                    <a href=sort_link("window")>"Window"</a>
                                </th>
                                <th scope="col">"Ships from"</th>
                                <th scope="col" class="num">"Units"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>
                                    <td>{r.sku}</td>
                                    <td>{r.style_code} " " <span class="muted">{r.name}</span></td>
                                    <td>{r.colour}</td>
                                    <td>{r.size}</td>
                                    <td>{r.window}</td>
                                    <td>{iso_date(r.ships_from)}</td>
                                    <td class="num">{r.units}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                        <tfoot>
                            <tr><th scope="row" colspan="6">"Total"</th><td class="num">{total}</td></tr>
                        </tfoot>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn row(sku: &str, window: &str, from: time::Date) -> DemandRow {
        DemandRow {
            sku: sku.into(),
            style_code: "S".into(),
            name: "N".into(),
            colour: "C".into(),
            size: "M".into(),
            window: window.into(),
            ships_from: from,
            units: 1,
        }
    }

    #[test]
    fn demand_sorts_by_sku_or_by_window() {
        let mut rows = vec![
            row("B", "Drop 1", date!(2027 - 07 - 01)),
            row("A", "Drop 2", date!(2027 - 08 - 01)),
            row("A", "Drop 1", date!(2027 - 07 - 01)),
        ];
        sort_demand(&mut rows, "sku");
        let order = |rows: &[DemandRow]| {
            rows.iter()
                .map(|r| format!("{}/{}", r.sku, r.window))
                .collect::<Vec<_>>()
        };
        assert_eq!(order(&rows), ["A/Drop 1", "A/Drop 2", "B/Drop 1"]);
        sort_demand(&mut rows, "window");
        assert_eq!(order(&rows), ["A/Drop 1", "B/Drop 1", "A/Drop 2"]);
    }
}
