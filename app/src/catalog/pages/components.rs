//! Product cards, grids and pagination shared by the catalog pages.

use crate::catalog::model::{ListingFilter, ProductCard, ProductPage};
use crate::catalog::texts::colours_count;
use crate::ui::table::PageLinks;
use leptos::prelude::*;

#[component]
pub fn ProductCardView(product: ProductCard, #[prop(default = true)] lazy: bool) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let href = locale.href(&format!("/p/{}", product.slug));
    let colour_count = product.colours.len();
    view! {
        <article class="product-card">
            <a href=href class="product-card-link">
                <div class="product-card-image">
                    {product.image_url.map(|src| view! {
                        <img
                            src=src
                            alt=""
                            width="400"
                            height="500"
                            loading=if lazy { "lazy" } else { "eager" }
                            decoding="async"
                        />
                    })}
                </div>
                <h3 class="product-card-name">{product.name}</h3>
            </a>
            <p class="product-card-price">{locale.money(product.price_minor, &product.currency)}</p>
            <ul class="swatches small" aria-label=colours_count(locale, colour_count)>
                {product.colours.into_iter().map(|hex| view! {
                    <li class="swatch" style=format!("--swatch: {hex}")></li>
                }).collect_view()}
            </ul>
        </article>
    }
}

#[component]
pub fn ProductGrid(products: Vec<ProductCard>, #[prop(default = 4)] eager: usize) -> impl IntoView {
    view! {
        <div class="product-grid">
            {products.into_iter().enumerate().map(|(i, product)| view! {
                <ProductCardView product lazy={i >= eager}/>
            }).collect_view()}
        </div>
    }
}

/// Links to the other pages of a product list at `base` (`/c/knitwear`,
/// `/search?q=coat`) that keep its filters and order.
#[component]
pub fn Pagination(page: ProductPage, filter: ListingFilter, base: String) -> impl IntoView {
    let href = Callback::new(move |n: u32| filter.with_page(n).href(&base));
    view! { <PageLinks current=page.page pages=page.page_count() href/> }
}
