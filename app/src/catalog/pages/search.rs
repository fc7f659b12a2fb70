use super::components::ProductGrid;
use super::facets::{ListingPlace, ListingView, filter_from_query};
use crate::catalog::api::search_products;
use crate::catalog::model::{SearchResults, normalise_query, search_base};
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let terms = move || normalise_query(&query.read().get("q").unwrap_or_default());
    let results = Resource::new(
        move || (terms(), filter_from_query(&query.read())),
        |(q, filter)| search_products(q, filter),
    );
    view! {
        <Title text=move || format!("Search: {}", terms())/>
        <header class="listing-header">
            <h1>"Search"</h1>
        </header>
        <Transition fallback=|| view! { <Loading label="Searching…"/> }>
            {move || Suspend::new(async move {
                match results.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(results) if results.query.is_empty() => view! {
                        <EmptyState title="What are you looking for?">
                            <p>"Type a product name, a material or a colour in the search box above."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(results) if results.listing.unfiltered_total == 0 => view! {
                        <NoResults results/>
                    }.into_any(),
                    Ok(results) => {
                        let q = results.query;
                        let total = results.listing.page.total;
                        let status = format!(
                            "{total} {} for “{q}”",
                            if total == 1 { "result" } else { "results" }
                        );
                        let place = ListingPlace {
                            base: search_base(&q),
                            action: "/search".to_owned(),
                            query: Some(q),
                        };
                        view! { <ListingView listing=results.listing place status/> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Nothing matches the words: the closest name, and what others buy.
#[component]
fn NoResults(results: SearchResults) -> impl IntoView {
    let SearchResults {
        query,
        did_you_mean,
        popular,
        ..
    } = results;
    view! {
        <EmptyState title="No results">
            <p role="status">"Nothing matches “" {query} "”."</p>
            {did_you_mean.map(|suggestion| view! {
                <p class="did-you-mean">
                    "Did you mean " <a href=suggestion.href>{suggestion.text}</a> "?"
                </p>
            })}
            <p>"Check the spelling, or try a broader word such as “sweater” or “coat”."</p>
            <a class="button" href="/">"Browse categories"</a>
        </EmptyState>
        {(!popular.is_empty()).then(|| view! {
            <section aria-labelledby="popular-heading" class="section">
                <h2 id="popular-heading">"Popular right now"</h2>
                <ProductGrid products=popular eager=0/>
            </section>
        })}
    }
}
