use crate::ui::status::EmptyState;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CartPage() -> impl IntoView {
    view! {
        <Title text="Shopping bag"/>
        <header class="page-header"><h1>"Shopping bag"</h1></header>
        <EmptyState title="Your bag is empty">
            <p>"Find something you love and it will wait for you here."</p>
            <a class="button primary" href="/">"Continue shopping"</a>
        </EmptyState>
    }
}
