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
use crate::orders::model::OrderSummary;
use crate::orders::texts::{date, list_status_label, order_texts};
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
    // The storefront's language; English in the B2B portal.
    let locale = crate::i18n::use_locale();
    let t = order_texts(locale);
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.order}</th>
                        <th scope="col">{t.placed}</th>
                        <th scope="col">{t.status}</th>
                        <th scope="col" class="num">{t.units}</th>
                        <th scope="col" class="num">{t.total}</th>
                    </tr>
                </thead>
                <tbody>
                    {orders.into_iter().map(|order| view! {
                        <tr>
                            <td>{match link {
                                Some(path) => {
                                    let href = locale.href(&path(&order.number));
                                    view! { <a href=href>{order.number}</a> }.into_any()
                                }
                                None => order.number.into_any(),
                            }}</td>
                            <td>{date(locale, order.placed_at)}</td>
                            <td><span class=format!("badge status-{}", order.status)>{list_status_label(locale, &order.status)}</span></td>
                            <td class="num">{order.items}</td>
                            <td class="num">{locale.money(order.total_minor, &order.currency)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
