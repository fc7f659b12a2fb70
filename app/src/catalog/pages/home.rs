use super::components::ProductGrid;
use crate::catalog::api::get_home_content;
use crate::catalog::texts::{listing_texts, styles_count};
use crate::ui::status::{ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let t = listing_texts(locale);
    let content = Resource::new(move || locale, get_home_content);
    view! {
        <Title text=t.home_title/>
        <Meta name="description" content=t.home_description/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match content.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(home) => view! {
                        <section class="hero">
                            <div class="hero-text">
                                <p class="eyebrow">{t.hero_eyebrow}</p>
                                <h1>{t.hero_heading}</h1>
                                <p>{t.hero_text}</p>
                                <a class="button light" href=locale.href("/c/knitwear")>{t.shop_knitwear}</a>
                            </div>
                            {home.hero_image_url.map(|src| view! {
                                <img class="hero-image" src=src alt="" width="1600" height="700" fetchpriority="high"/>
                            })}
                        </section>
                        <section aria-labelledby="categories-heading" class="section">
                            <h2 id="categories-heading">{t.shop_by_category}</h2>
                            <ul class="category-tiles">
                                {home.categories.into_iter().map(|category| view! {
                                    <li>
                                        <a class="category-tile" href=locale.href(&format!("/c/{}", category.slug))>
                                            {category.image_url.map(|src| view! {
                                                <img src=src alt="" width="400" height="500" loading="lazy" decoding="async"/>
                                            })}
                                            <span class="category-tile-name">{category.name}</span>
                                            <span class="category-tile-count">{styles_count(locale, category.product_count)}</span>
                                        </a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                        <section aria-labelledby="featured-heading" class="section">
                            <h2 id="featured-heading">{t.featured}</h2>
                            <ProductGrid products=home.featured/>
                        </section>
                        <section aria-labelledby="new-heading" class="section">
                            <h2 id="new-heading">{t.new_in}</h2>
                            <ProductGrid products=home.newest eager=0/>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
