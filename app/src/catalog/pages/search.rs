use super::components::ProductGrid;
use super::facets::{ListingPlace, ListingView, filter_from_query};
use crate::catalog::api::search_products;
use crate::catalog::model::{SearchResults, normalise_query, search_base};
use crate::catalog::texts::{listing_texts, results_for, search_title};
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let locale = crate::i18n::use_locale();
    let t = listing_texts(locale);
    let terms = move || normalise_query(&query.read().get("q").unwrap_or_default());
    let results = Resource::new(
        move || (terms(), filter_from_query(&query.read())),
        move |(q, filter)| search_products(q, filter, locale),
    );
    view! {
        <Title text=move || search_title(locale, &terms())/>
        <header class="listing-header">
            <h1>{t.search_heading}</h1>
        </header>
        <Transition fallback=|| view! { <Loading label=t.searching/> }>
            {move || Suspend::new(async move {
                match results.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(results) if results.query.is_empty() => view! {
                        <EmptyState title=t.what_looking_for>
                            <p>{t.type_something}</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(results) if results.listing.unfiltered_total == 0 => view! {
                        <NoResults results/>
                    }.into_any(),
                    Ok(results) => {
                        let q = results.query;
                        let total = results.listing.page.total;
                        let status = results_for(locale, total, &q);
                        let place = ListingPlace {
                            base: locale.href(&search_base(&q)),
                            action: locale.href("/search"),
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
    let locale = crate::i18n::use_locale();
    let t = listing_texts(locale);
    let SearchResults {
        query,
        did_you_mean,
        popular,
        ..
    } = results;
    view! {
        <EmptyState title=t.no_results>
            <p role="status">{t.nothing_matches_before} {query} {t.nothing_matches_after}</p>
            {did_you_mean.map(|suggestion| view! {
                <p class="did-you-mean">
                    {t.did_you_mean_before} <a href=locale.href(&suggestion.href)>{suggestion.text}</a> {t.did_you_mean_after}
                </p>
            })}
            <p>{t.spelling_hint}</p>
            <a class="button" href=locale.href("/")>{t.browse_categories}</a>
        </EmptyState>
        {(!popular.is_empty()).then(|| view! {
            <section aria-labelledby="popular-heading" class="section">
                <h2 id="popular-heading">{t.popular_now}</h2>
                <ProductGrid products=popular eager=0/>
            </section>
        })}
    }
}
