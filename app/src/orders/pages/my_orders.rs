use crate::orders::api::my_orders;
use crate::orders::model::status_label;
use crate::ui::money::format_money;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;

/// The signed-in customer's order history as a table.
#[component]
pub fn MyOrders() -> impl IntoView {
    let orders = Resource::new(|| (), |_| my_orders());
    view! {
        <Suspense fallback=|| view! { <Loading label="Loading your orders…"/> }>
            {move || Suspend::new(async move {
                match orders.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No orders yet">
                            <p>"When you place an order, you can follow it here."</p>
                            <a class="button" href="/">"Start shopping"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table class="table">
                                <caption class="visually-hidden">"Your orders, newest first"</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Order"</th>
                                        <th scope="col">"Placed"</th>
                                        <th scope="col">"Status"</th>
                                        <th scope="col" class="num">"Items"</th>
                                        <th scope="col" class="num">"Total"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|order| view! {
                                        <tr>
                                            <td>{order.number}</td>
                                            <td>{crate::ui::dates::format_date(order.placed_at)}</td>
                                            <td><span class=format!("badge status-{}", order.status)>{status_label(&order.status)}</span></td>
                                            <td class="num">{order.items}</td>
                                            <td class="num">{format_money(order.total_minor, &order.currency)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
