//! The warehouse work queue (`/admin/inventory/fulfilment/…`): the queue of
//! a location, one request with its steps, and its printable documents.

pub mod detail;
pub mod documents;

use crate::fulfilment::api::get_queue;
use crate::fulfilment::model::{FulfilmentStatus, Queue, QueueFilter, QueueRow, request_path};
use crate::ui::dates::format_date;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use crate::ui::table::url_with;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::hooks::use_query_map;
use leptos_router::{SsrMode, path};
use time::OffsetDateTime;

pub const QUEUE_PATH: &str = "/admin/inventory/fulfilment";

#[component(transparent)]
pub fn FulfilmentRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("fulfilment") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=QueuePage ssr=SsrMode::Async/>
            <Route path=path!(":number/pick-list") view=documents::PickListPage ssr=SsrMode::Async/>
            <Route path=path!(":number/delivery-note") view=documents::DeliveryNotePage ssr=SsrMode::Async/>
            <Route path=path!(":number") view=detail::RequestPage ssr=SsrMode::Async/>
        </ParentRoute>
    }
    .into_inner()
}

/// "12 Nov 2026, 14:05 UTC": the server and the browser render the same.
pub fn format_when(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{}, {:02}:{:02} UTC",
        format_date(at),
        at.hour(),
        at.minute()
    )
}

/// "1 unit", "3 units".
pub fn count_of(n: impl Into<i64>, one: &str, many: &str) -> String {
    match n.into() {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// The machine-readable form of a time, for `<time datetime=…>`.
pub fn iso(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[component]
pub fn StatusBadge(status: FulfilmentStatus) -> impl IntoView {
    view! { <span class=format!("badge fr-status status-{}", status.as_str())>{status.label()}</span> }
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let query = use_query_map();
    let queue = Resource::new(
        move || {
            let query = query.read();
            (
                query.get("location").unwrap_or_default(),
                query.get("status").unwrap_or_default(),
            )
        },
        |(location, status)| get_queue(location, status),
    );
    view! {
        <Title text="Work queue · Back office"/>
        <header class="page-header">
            <div>
                <h1>"Work queue"</h1>
                <p class="muted">"Fulfilment requests to pick, pack and ship, oldest first."</p>
            </div>
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(queue) => view! { <QueueView queue/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn QueueView(queue: Queue) -> impl IntoView {
    let code = queue.location.code.clone();
    let filter = queue.filter;
    let tabs = QueueFilter::tabs()
        .into_iter()
        .map(|tab| {
            let status = if tab == QueueFilter::Open {
                String::new()
            } else {
                tab.as_str().to_owned()
            };
            let href = url_with(
                QUEUE_PATH,
                &[("location", code.clone()), ("status", status)],
            );
            let count = queue.count(tab);
            view! {
                <li>
                    <a href=href aria-current=(tab == filter).then_some("page")>
                        {tab.label()} " " <span class="count">{count}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let options = queue
        .locations
        .iter()
        .map(|l| {
            let selected = l.code == queue.location.code;
            view! { <option value=l.code.clone() selected=selected>{format!("{} · {}", l.code, l.name)}</option> }
        })
        .collect_view();
    let status_value = match filter {
        QueueFilter::Open => String::new(),
        other => other.as_str().to_owned(),
    };
    let caption = format!(
        "{} requests at {}, oldest first",
        filter.label(),
        queue.location.name
    );
    let rows = queue.rows;
    view! {
        <div class="queue-bar">
            <form method="get" action=QUEUE_PATH class="queue-location">
                <label for="queue-location">"Location"</label>
                <select id="queue-location" name="location">{options}</select>
                {(!status_value.is_empty()).then(|| view! { <input type="hidden" name="status" value=status_value.clone()/> })}
                <button type="submit" class="button small">"Show"</button>
            </form>
            <nav class="queue-filters" aria-label="Filter by status">
                <ul>{tabs}</ul>
            </nav>
        </div>
        {if rows.is_empty() {
            view! {
                <EmptyState title="Nothing to do here">
                    <p>"No fulfilment request at this location matches this filter. New requests appear here as orders are submitted to the location."</p>
                </EmptyState>
            }.into_any()
        } else {
            view! { <QueueTable rows caption/> }.into_any()
        }}
    }
}

#[component]
fn QueueTable(rows: Vec<QueueRow>, caption: String) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table queue-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Request"</th>
                        <th scope="col">"Order"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Submitted"</th>
                        <th scope="col" class="num">"Lines"</th>
                        <th scope="col" class="num">"Units"</th>
                        <th scope="col">"Destination"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <td><a href=request_path(&row.number)>{row.number.clone()}</a></td>
                            <td>{row.order_number}</td>
                            <td><StatusBadge status=row.status/></td>
                            <td><time datetime=iso(row.submitted_at)>{format_when(row.submitted_at)}</time></td>
                            <td class="num">{row.lines}</td>
                            <td class="num">{row.units}</td>
                            <td>{row.city} ", " {row.country}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
