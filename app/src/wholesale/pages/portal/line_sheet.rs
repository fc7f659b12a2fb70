//! `/b2b/campaigns/:code`: the line sheet, every style at the company's
//! prices, with filters as a plain GET form (they work without JavaScript).

use super::{acting_for, campaign_badge, money, portal_href};
use crate::error::AppError;
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use crate::ui::table::{PageLinks, url_with};
use crate::wholesale::api::portal::get_line_sheet;
use crate::wholesale::model::{LineSheet, LineSheetFilter, LineSheetStyle};
use crate::wholesale::rules::margin_percent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn LineSheetPage() -> impl IntoView {
    let company = acting_for();
    let params = use_params_map();
    let query = use_query_map();
    let sheet = Resource::new(
        move || {
            let q = query.read();
            (
                params.read().get("code").unwrap_or_default(),
                filter_of(&q),
                q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
            )
        },
        move |(code, filter, page)| get_line_sheet(code, filter, page, company),
    );
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match sheet.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Campaign"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(sheet) => {
                        let filter = filter_of(&query.read_untracked());
                        view! { <LineSheetView sheet filter company/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn filter_of(query: &leptos_router::params::ParamsMap) -> LineSheetFilter {
    LineSheetFilter {
        category: query.get("category").unwrap_or_default(),
        colour: query.get("colour").unwrap_or_default(),
        novelty: query.get("novelty").unwrap_or_default(),
    }
}

#[component]
fn LineSheetView(
    sheet: LineSheet,
    filter: LineSheetFilter,
    company: Option<uuid::Uuid>,
) -> impl IntoView {
    let LineSheet {
        campaign,
        currency,
        styles,
        categories,
        colours,
    } = sheet;
    let code = campaign.code.clone();
    let selected = |current: &str, value: &str| current == value;
    let pre_order = campaign.pre_order.clone().map(|po| {
        let href = portal_href(&format!("/b2b/pre-orders/{}", po.number), company);
        view! { <a class="button" href=href>{format!("Your pre-order {} · {} units", po.number, po.units)}</a> }
    });
    view! {
        <Title text=format!("{} · Wholesale", campaign.name)/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol><li><a href=portal_href("/b2b", company)>"Campaigns"</a></li><li aria-current="page">{campaign.name.clone()}</li></ol>
        </nav>
        <header class="page-header">
            <h1>{campaign.name.clone()} " " {campaign_badge(campaign.state)}</h1>
            <p class="muted">{format!("{} · orders until {} · {} units minimum per style", campaign.season, campaign.closes_on, campaign.minimums.units_per_style)}</p>
            {pre_order}
        </header>
        <form method="get" class="filters line-sheet-filters" aria-label="Filter styles">
            {company.map(|id| view! { <input type="hidden" name="company" value=id.to_string()/> })}
            <div class="field">
                <label for="filter-category">"Category"</label>
                <select id="filter-category" name="category">
                    <option value="">"All categories"</option>
                    {categories.into_iter().map(|c| view! { <option value=c.clone() selected=selected(&filter.category, &c)>{c.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-colour">"Colour"</label>
                <select id="filter-colour" name="colour">
                    <option value="">"All colours"</option>
                    {colours.into_iter().map(|c| view! { <option value=c.clone() selected=selected(&filter.colour, &c)>{c.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-novelty">"New or carry-over"</label>
                <select id="filter-novelty" name="novelty">
                    <option value="">"Both"</option>
                    <option value="new" selected=selected(&filter.novelty, "new")>"New styles"</option>
                    <option value="carry_over" selected=selected(&filter.novelty, "carry_over")>"Carry-over"</option>
                </select>
            </div>
            <button type="submit" class="button">"Filter"</button>
        </form>
        {if styles.rows.is_empty() {
            view! {
                <EmptyState title="No style matches these filters">
                    <p><a href=portal_href(&format!("/b2b/campaigns/{code}"), company)>"Show every style"</a></p>
                </EmptyState>
            }.into_any()
        } else {
            let range = styles.range_text();
            let (page, pages) = (styles.page, styles.page_count());
            // The same filters on another page (portal_href adds the company staff act for).
            let path = format!("/b2b/campaigns/{code}");
            let href = Callback::new(move |n: u32| {
                let url = url_with(
                    &path,
                    &[
                        ("category", filter.category.clone()),
                        ("colour", filter.colour.clone()),
                        ("novelty", filter.novelty.clone()),
                        ("page", if n > 1 { n.to_string() } else { String::new() }),
                    ],
                );
                portal_href(&url, company)
            });
            view! {
                <p class="muted" role="status">{range}</p>
                <ul class="line-sheet">
                    {styles.rows.into_iter().map(|style| view! { <StyleCard style code=code.clone() currency=currency.clone() company/> }).collect_view()}
                </ul>
                <PageLinks current=page pages href/>
            }.into_any()
        }}
    }
}

#[component]
fn StyleCard(
    style: LineSheetStyle,
    code: String,
    currency: String,
    company: Option<uuid::Uuid>,
) -> impl IntoView {
    let grid = portal_href(
        &format!("/b2b/campaigns/{code}/styles/{}", style.style_code),
        company,
    );
    let alt = style.name.clone();
    view! {
        <li class="card style-card">
            {style.image.clone().map(|src| view! { <img src=src alt=alt loading="lazy" width="240" height="300"/> })}
            <h2><a href=grid.clone()>{style.name.clone()}</a></h2>
            <p class="muted">{format!("{} · {}", style.style_code, style.category)}</p>
            <table class="table compact">
                <caption class="visually-hidden">{format!("Colours and prices of {}", style.name)}</caption>
                <thead><tr>
                    <th scope="col">"Colour"</th>
                    <th scope="col" class="num">"Wholesale"</th>
                    <th scope="col" class="num">"Retail"</th>
                    <th scope="col" class="num">"Margin"</th>
                </tr></thead>
                <tbody>
                    {style.colours.into_iter().map(|c| view! {
                        <tr>
                            <th scope="row">
                                <span class="swatch" style=format!("background:{}", c.hex) aria-hidden="true"></span>
                                {c.colour.clone()}
                                {c.carry_over.then(|| view! { " " <span class="badge">"Carry-over"</span> })}
                            </th>
                            {match c.price {
                                Some(price) => view! {
                                    <td class="num">{money(price.wholesale_minor, &currency)}</td>
                                    <td class="num">{money(price.retail_minor, &currency)}</td>
                                    <td class="num">{format!("{}%", margin_percent(price))}</td>
                                }.into_any(),
                                None => view! { <td colspan="3" class="muted">"Not available to you"</td> }.into_any(),
                            }}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p>
                {(style.ordered_units > 0).then(|| view! { <span class="badge ok">{format!("{} units in your pre-order", style.ordered_units)}</span> " " })}
                <a class="button small" href=grid>"Order sizes"</a>
            </p>
        </li>
    }
}
