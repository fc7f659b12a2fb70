use super::components::ProductGrid;
use crate::cart::api::AddToCart;
use crate::cart::pages::announce_cart_changed;
use crate::catalog::api::get_product_detail;
use crate::catalog::availability::Availability;
use crate::catalog::model::{ProductDetail, VariantOffer};
use crate::catalog::texts::{availability_text, product_texts};
use crate::error::AppError;
use crate::i18n::{Locale, use_locale};
use crate::ui::form::{ReturnTo, action_error, field_error};
use crate::ui::island::island_context;
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let product = Resource::new(
        move || (params.read().get("slug").unwrap_or_default(), locale),
        |(slug, locale)| get_product_detail(slug, locale),
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

/// The offer of a colour in a size, if that combination exists.
fn offer<'a>(variants: &'a [VariantOffer], colour: &str, size: &str) -> Option<&'a VariantOffer> {
    variants
        .iter()
        .find(|v| v.colour == colour && v.size == size)
}

/// schema.org Product for search engines and link previews.
fn structured_data(product: &ProductDetail, image: Option<&str>) -> String {
    let in_stock = product.variants.iter().any(|v| v.availability.can_order());
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "sku": product.style_code,
        "material": product.material,
        "image": image,
        "category": product.category.name,
        "brand": {"@type": "Brand", "name": "Atelier"},
        "offers": {
            "@type": "Offer",
            "price": format!("{}.{:02}", product.price_minor / 100, product.price_minor % 100),
            "priceCurrency": product.currency,
            "availability": if in_stock { "https://schema.org/InStock" } else { "https://schema.org/OutOfStock" },
            "url": format!("/p/{}", product.slug),
        }
    })
    .to_string()
    // Never let a description close the script element.
    .replace("</", "<\\/")
}

#[component]
fn ProductView(mut product: ProductDetail) -> impl IntoView {
    let locale = use_locale();
    let t = product_texts(locale);
    let json_ld = structured_data(&product, product.images.first().map(|i| i.url.as_str()));
    let related = std::mem::take(&mut product.related);
    let name = product.name.clone();
    let slug = product.slug.clone();
    let category = product.category.clone();
    let og_image = product.images.first().map(|i| i.url.clone());
    let summary = product
        .description
        .split(". ")
        .next()
        .unwrap_or_default()
        .to_owned();
    view! {
        <Title text=name.clone()/>
        <Meta name="description" content=summary.clone()/>
        <Meta property="og:type" content="product"/>
        <Meta property="og:title" content=name.clone()/>
        <Meta property="og:description" content=summary/>
        {og_image.map(|src| view! { <Meta property="og:image" content=src/> })}
        <Meta name="twitter:card" content="summary_large_image"/>
        <Link rel="canonical" href=locale.href(&format!("/p/{slug}"))/>
        <script type="application/ld+json" inner_html=json_ld></script>
        <nav aria-label=t.breadcrumb class="breadcrumbs">
            <ol>
                <li><a href=locale.href("/")>{t.home}</a></li>
                <li><a href=locale.href(&format!("/c/{}", category.slug))>{category.name}</a></li>
                <li><span aria-current="page">{name}</span></li>
            </ol>
        </nav>
        <ProductBuy locale product/>
        {(!related.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="related-heading">
                <h2 id="related-heading">{t.related}</h2>
                <ProductGrid products=related eager=0/>
            </section>
        })}
    }
}

/// Pictures, choice of colour and size, availability and the bag: an
/// island, so the pictures follow the colour and adding stays on the page.
#[island]
fn ProductBuy(locale: Locale, product: ProductDetail) -> impl IntoView {
    island_context(locale);
    let t = product_texts(locale);
    let ProductDetail {
        style_code,
        slug,
        name,
        description,
        material,
        care,
        price_minor,
        currency,
        images,
        colours,
        sizes,
        variants,
        ..
    } = product;
    let first_colour = colours.first().map(|c| c.name.clone()).unwrap_or_default();
    let selected = RwSignal::new(first_colour.clone());
    let size = RwSignal::new(None::<String>);
    let variants = StoredValue::new(variants);
    // Pictures of the chosen colour (and those that show every colour).
    let shown = move || {
        let colour = selected.get();
        images
            .iter()
            .filter(|image| image.colour.as_ref().is_none_or(|c| *c == colour))
            .cloned()
            .collect::<Vec<_>>()
    };
    let chosen_availability = move || {
        let size = size.get()?;
        variants.with_value(|v| offer(v, &selected.get(), &size).map(|o| o.availability))
    };
    let add = ServerAction::<AddToCart>::new();
    let error = action_error(add);
    Effect::new(move |_| {
        if matches!(add.value().get(), Some(Ok(_))) {
            announce_cart_changed();
        }
    });
    let letter_sizes = sizes
        .iter()
        .any(|s| matches!(s.as_str(), "XS" | "S" | "M" | "L" | "XL"));
    view! {
        <div class="product-layout">
            <div class="gallery" aria-label=t.pictures>
                {move || shown().into_iter().enumerate().map(|(i, image)| view! {
                    <img
                        src=image.url
                        alt=image.alt
                        width="800"
                        height="1000"
                        loading=if i == 0 { "eager" } else { "lazy" }
                        fetchpriority=if i == 0 { "high" } else { "auto" }
                        decoding="async"
                    />
                }).collect_view()}
            </div>
            <div class="product-info">
                <h1>{name.clone()}</h1>
                <p class="price">
                    {locale.money(price_minor, &currency)}
                    <span class="muted">{t.incl_vat}</span>
                </p>
                <ActionForm action=add attr:class="add-to-bag" attr:novalidate=true>
                    <input type="hidden" name="style" value=slug.clone()/>
                    <ReturnTo path=locale.href("/cart")/>
                    <fieldset class="colour-picker">
                        <legend>{t.colour} <strong>{move || selected.get()}</strong></legend>
                        <div class="swatch-buttons">
                            {colours.into_iter().map(|colour| {
                                let id = format!("colour-{}", colour.name.to_lowercase().replace(' ', "-"));
                                let value = colour.name.clone();
                                let pick = colour.name.clone();
                                let checked = colour.name == first_colour;
                                let title = colour.name.clone();
                                view! {
                                    <input type="radio" class="visually-hidden swatch-input" id=id.clone() name="colour"
                                        value=value checked=checked on:change=move |_| selected.set(pick.clone())/>
                                    <label for=id class="swatch-button" title=title>
                                        <span class="swatch" style=format!("--swatch: {}", colour.hex)></span>
                                        <span class="visually-hidden">{colour.name}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <fieldset class="size-picker">
                        <legend>{t.size}</legend>
                        <div class="size-options">
                            {sizes.into_iter().map(|s| {
                                let id = format!("size-{}", s.to_lowercase().replace(' ', "-"));
                                let (for_state, for_pick) = (s.clone(), s.clone());
                                let unavailable = Signal::derive(move || {
                                    variants.with_value(|v| {
                                        offer(v, &selected.get(), &for_state)
                                            .is_none_or(|o| !o.availability.can_order())
                                    })
                                });
                                view! {
                                    <input type="radio" class="visually-hidden size-input" id=id.clone() name="size" value=s.clone()
                                        disabled=unavailable
                                        on:change=move |_| size.set(Some(for_pick.clone()))/>
                                    <label for=id class="size-option" class:unavailable=unavailable>
                                        {s}
                                        <span class="visually-hidden">{move || if unavailable.get() { t.sold_out_suffix } else { "" }}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        {move || field_error(error, "size").get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        {move || field_error(error, "colour").get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    </fieldset>
                    <p class="availability" aria-live="polite">
                        {move || match chosen_availability() {
                            None => view! { <span class="muted">{t.choose_size}</span> }.into_any(),
                            Some(a) => view! { <span class=format!("badge {}", a.tone())>{availability_text(locale, a)}</span> }.into_any(),
                        }}
                    </p>
                    <button type="submit" class="button primary wide"
                        disabled=move || add.pending().get() || chosen_availability() == Some(Availability::SoldOut)>
                        {move || if add.pending().get() { t.adding } else { t.add_to_bag }}
                    </button>
                    {move || match add.value().get() {
                        Some(Ok(added)) => Some(view! {
                            <p class="alert success" role="status">
                                {format!("{} {}, {}, {}. ", t.added, added.product, added.colour, added.size)}
                                <a href=locale.href("/cart")>{t.view_bag}</a>
                            </p>
                        }.into_any()),
                        Some(Err(e)) if e.field_message("size").is_none() && e.field_message("colour").is_none() => Some(view! {
                            <p class="alert error" role="alert">{e.to_string()}</p>
                        }.into_any()),
                        _ => None,
                    }}
                </ActionForm>
                <p class="description">{description}</p>
                <details class="details" open>
                    <summary>{t.material_and_care}</summary>
                    <dl class="facts">
                        <dt>{t.material}</dt>
                        <dd>{material}</dd>
                        <dt>{t.care}</dt>
                        <dd>{care}</dd>
                        <dt>{t.style}</dt>
                        <dd>{style_code}</dd>
                    </dl>
                </details>
                {letter_sizes.then(|| view! { <SizeGuide/> })}
                <details class="details">
                    <summary>{t.delivery_and_returns}</summary>
                    <p>{t.delivery_text}</p>
                </details>
            </div>
        </div>
    }
}

/// Body measurements per letter size, in centimetres.
#[component]
fn SizeGuide() -> impl IntoView {
    let t = product_texts(use_locale());
    const ROWS: [(&str, &str, &str, &str); 5] = [
        ("XS", "82–86", "66–70", "86–90"),
        ("S", "86–92", "70–76", "90–96"),
        ("M", "92–98", "76–82", "96–102"),
        ("L", "98–104", "82–88", "102–108"),
        ("XL", "104–110", "88–94", "108–114"),
    ];
    view! {
        <details class="details">
            <summary>{t.size_guide}</summary>
            <table class="table size-guide">
                <caption>{t.measurements}</caption>
                <thead><tr><th scope="col">{t.size}</th><th scope="col">{t.chest}</th><th scope="col">{t.waist}</th><th scope="col">{t.hips}</th></tr></thead>
                <tbody>
                    {ROWS.into_iter().map(|(size, chest, waist, hips)| view! {
                        <tr><th scope="row">{size}</th><td>{chest}</td><td>{waist}</td><td>{hips}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="muted small">{t.between_sizes}</p>
        </details>
    }
}
