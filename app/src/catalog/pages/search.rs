use super::components::{Pagination, ProductGrid};
use crate::catalog::api::search_products;
use crate::catalog::model::{normalise_query, parse_page};
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let terms = move || normalise_query(&query.read().get("q").unwrap_or_default());
    let results = Resource::new(
        move || (terms(), parse_page(query.read().get("page").as_deref())),
        |(q, page)| search_products(q, page),
    );
    view! {
        <Title text=move || format!("Search: {}", terms())/>
        <header class="listing-header">
            <h1>"Search"</h1>
        </header>
        <Suspense fallback=|| view! { <Loading label="Searching…"/> }>
            {move || Suspend::new(async move {
                let q = terms();
                match results.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(_) if q.is_empty() => view! {
                        <EmptyState title="What are you looking for?">
                            <p>"Type a product name, a material or a colour in the search box above."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(page) if page.products.is_empty() => view! {
                        <EmptyState title="No results">
                            <p>"Nothing matches “" {q.clone()} "”. Check the spelling, or try a broader word such as “sweater” or “coat”."</p>
                            <a class="button" href="/">"Browse categories"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(page) => {
                        let base = format!("/search?q={}&", urlencoding::encode(&q));
                        view! {
                            <p class="muted" role="status">{page.total} " results for “" {q.clone()} "”"</p>
                            <ProductGrid products=page.products.clone()/>
                            <Pagination page base/>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
