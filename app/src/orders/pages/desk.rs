//! The order desk: every order, filtered in the URL, with counts per status.

use super::{DESK_PATH, OrderStatusBadge};
use crate::inventory::model::Channel;
use crate::inventory::pages::filters::{iso_date, page_number, parse_date};
use crate::orders::api::{BulkOrderAction, get_order_desk, order_path};
use crate::orders::lifecycle::OrderStatus;
use crate::orders::model::{BulkAction, OrderDesk, OrderQuery};
use crate::ui::dates::format_date;
use crate::ui::form::{FormAlert, SubmitButton};
use crate::ui::money::format_money;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use crate::ui::table::{PageLinks, url_with};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn query_from(get: impl Fn(&str) -> Option<String>) -> OrderQuery {
    OrderQuery {
        status: get("status").unwrap_or_default(),
        channel: get("channel").unwrap_or_default(),
        location: get("location").unwrap_or_default(),
        text: get("q").unwrap_or_default(),
        from: get("from").as_deref().and_then(parse_date),
        to: get("to").as_deref().and_then(parse_date),
        page: page_number(get("page")),
    }
}

fn params_of(query: &OrderQuery) -> Vec<(&'static str, String)> {
    vec![
        ("status", query.status.clone()),
        ("channel", query.channel.clone()),
        ("location", query.location.clone()),
        ("q", query.text.clone()),
        ("from", query.from.map(iso_date).unwrap_or_default()),
        ("to", query.to.map(iso_date).unwrap_or_default()),
    ]
}

#[component]
pub fn OrderDeskPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| query_from(|k| p.get(k))));
    let bulk = ServerAction::<BulkOrderAction>::new();
    let desk = Resource::new(
        move || (query.get(), bulk.version().get()),
        |(query, _)| get_order_desk(query),
    );
    // What the last bulk action did (it redirects back here with a summary).
    let outcome = move || {
        params.with(|p| {
            let action = BulkAction::parse(&p.get("bulk")?)?;
            let done: usize = p.get("done").and_then(|d| d.parse().ok()).unwrap_or(0);
            let failed = p.get("failed").unwrap_or_default();
            let mut text = action.done_text(done);
            if !failed.is_empty() {
                text.push_str(&format!(
                    " Not possible for {failed}: open them to see why."
                ));
            }
            Some(text)
        })
    };
    view! {
        <Title text="Orders · Back office"/>
        <header class="page-header">
            <div>
                <h1>"Orders"</h1>
                <p class="muted">"Every channel's orders and where each is in the process."</p>
            </div>
            <a class="button" href="/admin/orders/inbox">"Task inbox"</a>
        </header>
        {move || outcome().map(|text| view! { <p class="alert success" role="status">{text}</p> })}
        <FormAlert error=Signal::derive(move || bulk.value().get().and_then(Result::err))/>
        <Suspense fallback=|| view! { <Loading label="Loading orders…"/> }>
            {move || Suspend::new(async move {
                let query = query.get();
                match desk.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(desk) => view! { <Desk desk query bulk/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Desk(desk: OrderDesk, query: OrderQuery, bulk: ServerAction<BulkOrderAction>) -> impl IntoView {
    let total: i64 = desk.counts.iter().map(|(_, n)| n).sum();
    let tab = |status: &str, label: String, count: i64| {
        let mut params = params_of(&query);
        params[0].1 = status.to_owned();
        let current = query.status == status;
        view! {
            <li>
                <a href=url_with(DESK_PATH, &params) aria-current=current.then_some("page")>
                    {label} " " <span class="count">{count}</span>
                </a>
            </li>
        }
    };
    let mut tabs = vec![
        tab("", "All".into(), total),
        tab("attention", "Needs attention".into(), desk.attention),
    ];
    for status in OrderStatus::ALL {
        if let Some((_, n)) = desk.counts.iter().find(|(s, _)| s == status.as_str()) {
            tabs.push(tab(status.as_str(), status.label().to_owned(), *n));
        }
    }
    let page = desk.page;
    let mut back_params = params_of(&query);
    back_params.push(("page", query.page.max(1).to_string()));
    let back = url_with(DESK_PATH, &back_params);
    let (current_page, page_count) = (page.page, page.page_count());
    let filter_query = query.clone();
    let page_href = Callback::new(move |n: u32| {
        let mut params = params_of(&filter_query);
        params.push(("page", n.to_string()));
        url_with(DESK_PATH, &params)
    });
    view! {
        <nav class="queue-filters" aria-label="Orders by status"><ul>{tabs}</ul></nav>
        <form method="get" action=DESK_PATH class="list-filters" role="search" aria-label="Filter orders">
            <input type="hidden" name="status" value=query.status.clone()/>
            <div class="field">
                <label for="orders-q">"Search"</label>
                <input id="orders-q" name="q" type="search" value=query.text.clone() placeholder="Number, email, name, reference"/>
            </div>
            <div class="field">
                <label for="orders-channel">"Channel"</label>
                <select id="orders-channel" name="channel">
                    <option value="">"All channels"</option>
                    {Channel::ALL.into_iter().map(|c| view! {
                        <option value=c.as_str() selected=query.channel == c.as_str()>{c.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="orders-location">"Location"</label>
                <input id="orders-location" name="location" value=query.location.clone() placeholder="e.g. WH-MIL" size="8"/>
            </div>
            <div class="field">
                <label for="orders-from">"Placed from"</label>
                <input id="orders-from" name="from" type="date" value=query.from.map(iso_date)/>
            </div>
            <div class="field">
                <label for="orders-to">"to"</label>
                <input id="orders-to" name="to" type="date" value=query.to.map(iso_date)/>
            </div>
            <div class="list-filter-actions">
                <button type="submit" class="button primary">"Filter"</button>
                <a href=DESK_PATH>"Clear"</a>
            </div>
        </form>
        {if page.rows.is_empty() {
            view! {
                <EmptyState title="No orders here">
                    <p>"No order matches these filters."</p>
                </EmptyState>
            }.into_any()
        } else {
            view! {
                <p class="muted" role="status">{page.range_text()}</p>
                <ActionForm action=bulk attr:aria-label="Orders">
                <input type="hidden" name="back" value=back.clone()/>
                <div class="bulk-bar">
                    <label for="bulk-action">"With the ticked orders"</label>
                    <select id="bulk-action" name="action">
                        {BulkAction::ALL.iter().map(|a| view! { <option value=a.as_str()>{a.label()}</option> }).collect_view()}
                    </select>
                    <label for="bulk-reason">"Reason"</label>
                    <input id="bulk-reason" name="reason" placeholder="for hold and cancel"/>
                    <SubmitButton label="Apply" busy_label="Applying…" pending=bulk.pending() class="button"/>
                </div>
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Orders, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col"><span class="visually-hidden">"Tick"</span></th>
                                <th scope="col">"Order"</th>
                                <th scope="col">"Placed"</th>
                                <th scope="col">"Customer"</th>
                                <th scope="col">"Channel"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Ships from"</th>
                                <th scope="col" class="num">"Units"</th>
                                <th scope="col" class="num">"Total"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page.rows.iter().cloned().map(|o| view! {
                                <tr>
                                    <td><input type="checkbox" name="orders[]" value=o.number.clone()
                                        aria-label=format!("Tick {}", o.number)/></td>
                                    <td><a href=order_path(&o.number)>{o.number.clone()}</a></td>
                                    <td>{format_date(o.placed_at)}</td>
                                    <td>{o.customer}<br/><span class="muted small">{o.email}</span></td>
                                    <td>{Channel::parse(&o.channel).map_or(o.channel.clone(), |c| c.label().to_owned())}</td>
                                    <td>
                                        <OrderStatusBadge status=o.status.clone()/>
                                        {o.on_hold.then(|| view! { " " <span class="badge status-held">"On hold"</span> })}
                                    </td>
                                    <td>{if o.locations.is_empty() { "—".to_owned() } else { o.locations }}</td>
                                    <td class="num">{o.units}</td>
                                    <td class="num">{format_money(o.total_minor, &o.currency)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                </ActionForm>
                <PageLinks current=current_page pages=page_count href=page_href/>
            }.into_any()
        }}
    }
}
