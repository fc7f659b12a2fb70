use super::OrdersTable;
use crate::orders::api::my_orders;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;

/// The signed-in customer's order history.
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
                    Ok(orders) => view! { <OrdersTable orders caption="Your orders, newest first" link=crate::orders::api::my_order_path/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
