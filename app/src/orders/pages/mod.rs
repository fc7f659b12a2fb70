pub mod my_orders;

use crate::orders::model::{OrderSummary, status_label};
use crate::ui::dates::format_date;
use crate::ui::money::format_money;
use leptos::prelude::*;

/// A list of orders, newest first, as customers and buyers see it.
#[component]
pub fn OrdersTable(orders: Vec<OrderSummary>, caption: &'static str) -> impl IntoView {
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
                            <td>{order.number}</td>
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
