use crate::catalog::api::get_product_detail;
use crate::catalog::model::ProductDetail;
use crate::error::AppError;
use crate::ui::money::format_money;
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let product = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_product_detail,
    );
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match product.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Product"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(product) => view! { <ProductView product/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProductView(product: ProductDetail) -> impl IntoView {
    let ProductDetail {
        style_code,
        name,
        description,
        material,
        care,
        price_minor,
        currency,
        category,
        images,
        colours,
        sizes,
        ..
    } = product;
    let selected = RwSignal::new(colours.first().map(|c| c.name.clone()).unwrap_or_default());
    // Pictures of the chosen colour (and those that show every colour).
    let shown = move || {
        let colour = selected.get();
        images
            .iter()
            .filter(|image| image.colour.as_ref().is_none_or(|c| *c == colour))
            .cloned()
            .collect::<Vec<_>>()
    };
    let summary = description
        .split(". ")
        .next()
        .unwrap_or_default()
        .to_owned();
    view! {
        <Title text=name.clone()/>
        <Meta name="description" content=summary/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href="/">"Home"</a></li>
                <li><a href=format!("/c/{}", category.slug)>{category.name.clone()}</a></li>
                <li><span aria-current="page">{name.clone()}</span></li>
            </ol>
        </nav>
        <div class="product-layout">
            <div class="gallery" aria-label="Pictures">
                {move || shown().into_iter().enumerate().map(|(i, image)| view! {
                    <img
                        src=image.url
                        alt=image.alt
                        width="800"
                        height="1000"
                        loading=if i == 0 { "eager" } else { "lazy" }
                        decoding="async"
                    />
                }).collect_view()}
            </div>
            <div class="product-info">
                <h1>{name.clone()}</h1>
                <p class="price">
                    {format_money(price_minor, &currency)}
                    <span class="muted">" incl. VAT"</span>
                </p>
                <fieldset class="colour-picker">
                    <legend>"Colour: " <strong>{move || selected.get()}</strong></legend>
                    <div class="swatch-buttons">
                        {colours.into_iter().map(|colour| {
                            let pick = colour.name.clone();
                            let title = colour.name.clone();
                            let is_selected = {
                                let name = colour.name.clone();
                                move || selected.get() == name
                            };
                            view! {
                                <button
                                    type="button"
                                    class="swatch-button"
                                    title=title
                                    aria-pressed=move || is_selected().to_string()
                                    on:click=move |_| selected.set(pick.clone())
                                >
                                    <span class="swatch" style=format!("--swatch: {}", colour.hex)></span>
                                    <span class="visually-hidden">{colour.name}</span>
                                </button>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <section class="sizes" aria-labelledby="sizes-heading">
                    <h2 id="sizes-heading">"Sizes"</h2>
                    <ul class="size-list">
                        {sizes.into_iter().map(|size| view! { <li>{size}</li> }).collect_view()}
                    </ul>
                </section>
                <p class="description">{description}</p>
                <details class="details" open>
                    <summary>"Material and care"</summary>
                    <dl class="facts">
                        <dt>"Material"</dt>
                        <dd>{material}</dd>
                        <dt>"Care"</dt>
                        <dd>{care}</dd>
                        <dt>"Style"</dt>
                        <dd>{style_code}</dd>
                    </dl>
                </details>
            </div>
        </div>
    }
}
