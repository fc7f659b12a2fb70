use super::facets::{ListingPlace, ListingView, filter_from_query};
use crate::catalog::api::get_category_listing;
use crate::catalog::texts::{listing_texts, styles_count};
use crate::error::AppError;
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let locale = crate::i18n::use_locale();
    let t = listing_texts(locale);
    let listing = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                filter_from_query(&query.read()),
            )
        },
        move |(slug, filter)| get_category_listing(slug, filter, locale),
    );
    // A transition: while another filter loads, the current list stays.
    view! {
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match listing.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Category"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(listing) => {
                        let category = listing.category;
                        let listing = listing.listing;
                        let base = locale.href(&format!("/c/{}", category.slug));
                        let total = listing.page.total;
                        let status = styles_count(locale, total);
                        let place = ListingPlace {
                            base: base.clone(),
                            action: base.clone(),
                            query: None,
                        };
                        view! {
                            <Title text=category.name.clone()/>
                            <nav aria-label=t.breadcrumb class="breadcrumbs">
                                <ol>
                                    <li><a href=locale.href("/")>{t.home}</a></li>
                                    <li><a href=base aria-current="page">{category.name.clone()}</a></li>
                                </ol>
                            </nav>
                            <header class="listing-header">
                                <h1>{category.name.clone()}</h1>
                                <p>{category.description.clone()}</p>
                            </header>
                            {if listing.unfiltered_total == 0 {
                                view! {
                                    <EmptyState title=t.nothing_here>
                                        <p>{t.new_styles_arrive}</p>
                                        <a class="button" href=locale.href("/")>{t.back_to_shop}</a>
                                    </EmptyState>
                                }.into_any()
                            } else {
                                view! { <ListingView listing place status/> }.into_any()
                            }}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
