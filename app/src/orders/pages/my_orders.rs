use super::OrdersTable;
use crate::i18n::use_locale;
use crate::orders::api::my_orders;
use crate::orders::texts::order_texts;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;

/// The signed-in customer's order history.
#[component]
pub fn MyOrders() -> impl IntoView {
    let locale = use_locale();
    let t = order_texts(locale);
    let orders = Resource::new(|| (), |_| my_orders());
    view! {
        <Suspense fallback=move || view! { <Loading label=t.loading_orders/> }>
            {move || Suspend::new(async move {
                match orders.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title=t.no_orders>
                            <p>{t.no_orders_text}</p>
                            <a class="button" href=locale.href("/")>{t.start_shopping}</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(orders) => view! { <OrdersTable orders caption=t.orders_caption link=crate::orders::api::my_order_path/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
