//! Order pages: the customer's history (storefront, portal) and the order
//! desk of the back office (`/admin/orders/…`).

pub mod channels;
pub mod desk;
pub mod inbox;
pub mod my_order;
pub mod my_orders;
pub mod order;
pub mod returns;

use crate::auth::model::AdminArea;
use crate::auth::pages::AccessGate;
use crate::auth::rules::Requirement;
use crate::orders::lifecycle::OrderStatus;
use crate::orders::model::{OrderSummary, status_label};
use crate::ui::dates::format_date;
use crate::ui::money::format_money;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::{SsrMode, path};

pub const DESK_PATH: &str = "/admin/orders";

/// The order desk's pages, mounted under `/admin`.
#[component(transparent)]
pub fn OrderRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("orders") view=OrdersShell ssr=SsrMode::Async>
            <Route path=path!("") view=desk::OrderDeskPage ssr=SsrMode::Async/>
            <Route path=path!("inbox") view=inbox::InboxPage ssr=SsrMode::Async/>
            <Route path=path!(":number") view=order::OrderPage ssr=SsrMode::Async/>
            <Route path=path!(":number/returns/:reference") view=|| view! { <returns::ReturnDocumentsPage/> } ssr=SsrMode::Async/>
            <Route path=path!(":number/parcels/:reference") view=|| view! { <returns::ReturnDocumentsPage parcel=true/> } ssr=SsrMode::Async/>
        </ParentRoute>
    }
    .into_inner()
}

/// Only staff of the orders area see the desk.
#[component]
fn OrdersShell() -> impl IntoView {
    view! {
        <AccessGate requirement=Requirement::Staff(AdminArea::Orders)>
            <Outlet/>
        </AccessGate>
    }
}

/// An order's status as staff read it.
#[component]
pub fn OrderStatusBadge(status: String) -> impl IntoView {
    let label =
        OrderStatus::parse(&status).map_or_else(|| status.clone(), |s| s.label().to_owned());
    view! { <span class=format!("badge status-{status}")>{label}</span> }
}

/// A list of orders, newest first, as customers and buyers see it.
#[component]
pub fn OrdersTable(
    orders: Vec<OrderSummary>,
    caption: &'static str,
    /// Where an order's number links to, if anywhere.
    #[prop(optional)]
    link: Option<fn(&str) -> String>,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Order"</th>
                        <th scope="col">"Placed"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col" class="num">"Units"</th>
                        <th scope="col" class="num">"Total"</th>
                    </tr>
                </thead>
                <tbody>
                    {orders.into_iter().map(|order| view! {
                        <tr>
                            <td>{match link {
                                Some(path) => {
                                    let href = path(&order.number);
                                    view! { <a href=href>{order.number}</a> }.into_any()
                                }
                                None => order.number.into_any(),
                            }}</td>
                            <td>{format_date(order.placed_at)}</td>
                            <td><span class=format!("badge status-{}", order.status)>{status_label(&order.status)}</span></td>
                            <td class="num">{order.items}</td>
                            <td class="num">{format_money(order.total_minor, &order.currency)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
