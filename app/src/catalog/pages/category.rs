use super::components::{Pagination, ProductGrid};
use crate::catalog::api::get_category_listing;
use crate::catalog::model::parse_page;
use crate::error::AppError;
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let listing = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                parse_page(query.read().get("page").as_deref()),
            )
        },
        |(slug, page)| get_category_listing(slug, page),
    );
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match listing.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Category"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(listing) => {
                        let category = listing.category;
                        let base = format!("/c/{}?", category.slug);
                        view! {
                            <Title text=category.name.clone()/>
                            <nav aria-label="Breadcrumb" class="breadcrumbs">
                                <ol>
                                    <li><a href="/">"Home"</a></li>
                                    <li><a href=format!("/c/{}", category.slug) aria-current="page">{category.name.clone()}</a></li>
                                </ol>
                            </nav>
                            <header class="listing-header">
                                <h1>{category.name.clone()}</h1>
                                <p>{category.description.clone()}</p>
                                <p class="muted">{listing.page.total} " styles"</p>
                            </header>
                            {if listing.page.products.is_empty() {
                                view! {
                                    <EmptyState title="Nothing here yet">
                                        <p>"New styles arrive every season."</p>
                                        <a class="button" href="/">"Back to the shop"</a>
                                    </EmptyState>
                                }.into_any()
                            } else {
                                view! {
                                    <ProductGrid products=listing.page.products.clone()/>
                                    <Pagination page=listing.page base/>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
