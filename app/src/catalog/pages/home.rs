use super::components::ProductGrid;
use crate::catalog::api::get_home_content;
use crate::ui::status::{ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn HomePage() -> impl IntoView {
    let content = Resource::new(|| (), |_| get_home_content());
    view! {
        <Title text="Contemporary clothing and objects"/>
        <Meta name="description" content="Atelier designs knitwear, tailoring, shoes, bags and objects for the home, made to last."/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match content.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(home) => view! {
                        <section class="hero">
                            <div class="hero-text">
                                <p class="eyebrow">"Autumn–Winter 2026"</p>
                                <h1>"Made to last, designed to be worn"</h1>
                                <p>"Knitwear, tailoring and leather goods from small European workshops, in colours that outlive a season."</p>
                                <a class="button light" href="/c/knitwear">"Shop knitwear"</a>
                            </div>
                            {home.hero_image_url.map(|src| view! {
                                <img class="hero-image" src=src alt="" width="1600" height="700" fetchpriority="high"/>
                            })}
                        </section>
                        <section aria-labelledby="categories-heading" class="section">
                            <h2 id="categories-heading">"Shop by category"</h2>
                            <ul class="category-tiles">
                                {home.categories.into_iter().map(|category| view! {
                                    <li>
                                        <a class="category-tile" href=format!("/c/{}", category.slug)>
                                            {category.image_url.map(|src| view! {
                                                <img src=src alt="" width="400" height="500" loading="lazy" decoding="async"/>
                                            })}
                                            <span class="category-tile-name">{category.name}</span>
                                            <span class="category-tile-count">{category.product_count} " styles"</span>
                                        </a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                        <section aria-labelledby="featured-heading" class="section">
                            <h2 id="featured-heading">"Featured"</h2>
                            <ProductGrid products=home.featured/>
                        </section>
                        <section aria-labelledby="new-heading" class="section">
                            <h2 id="new-heading">"New in"</h2>
                            <ProductGrid products=home.newest eager=0/>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
