use super::api::{UpdateCartLine, get_cart, get_cart_units};
use super::model::{CartLine, CartView};
use super::rules::{FREE_SHIPPING_FROM_MINOR, MAX_QUANTITY};
use super::texts::{bag_label, cart_texts, problem_text, subtotal_label, to_free_shipping};
use crate::catalog::texts::availability_text;
use crate::i18n::{Locale, use_locale};
use crate::ui::form::{FormAlert, ReturnTo, action_error, submit_on_change};
use crate::ui::island::island_context;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;

/// The news that the bag changed, as a DOM event on `window`: islands
/// share no reactive context, so the header's count listens for it.
#[cfg(feature = "hydrate")]
const CART_CHANGED: &str = "atelier:cart-changed";

/// Tells the header (and anything else showing the bag) to read it again.
pub fn announce_cart_changed() {
    #[cfg(feature = "hydrate")]
    if let Ok(event) = web_sys::Event::new(CART_CHANGED) {
        let _ = window().dispatch_event(&event);
    }
}

/// The header's bag link with the number of units in it.
#[component]
pub fn CartLink() -> impl IntoView {
    let locale = use_locale();
    let units = Resource::new(|| (), |_| get_cart_units());
    view! {
        <Suspense fallback=move || view! { <BagLink locale units=0/> }>
            {move || Suspend::new(async move { view! { <BagLink locale units=units.await.unwrap_or(0)/> } })}
        </Suspense>
    }
}

/// The bag link itself: an island that counts again when the bag changes.
#[island]
fn BagLink(locale: Locale, units: i32) -> impl IntoView {
    let t = cart_texts(locale);
    let units = RwSignal::new(units);
    #[cfg(feature = "hydrate")]
    {
        let listener = window_event_listener(
            leptos::ev::Custom::<web_sys::Event>::new(CART_CHANGED),
            move |_| {
                leptos::task::spawn_local(async move {
                    if let Ok(n) = get_cart_units().await {
                        units.set(n);
                    }
                });
            },
        );
        on_cleanup(move || listener.remove());
    }
    view! {
        <a class="cart-link" href=locale.href("/cart")>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                <path d="M6 8h12l-1 12H7L6 8z M9 8V6a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.7"/>
            </svg>
            <span aria-hidden="true">{t.bag}</span>
            <span class="visually-hidden">{move || bag_label(locale, units.get())}</span>
            {move || {
                let n = units.get();
                (n > 0).then(|| view! { <span class="cart-count" data-testid="cart-count">{n}</span> })
            }}
        </a>
    }
}

#[component]
pub fn CartPage() -> impl IntoView {
    let locale = use_locale();
    let t = cart_texts(locale);
    view! {
        <Title text=t.title/>
        <header class="page-header"><h1>{t.title}</h1></header>
        <CartBag locale/>
    }
}

/// The bag's lines and summary: an island, so a quantity changes without
/// reloading the page (a plain form posts and comes back without JavaScript).
#[island]
fn CartBag(locale: Locale) -> impl IntoView {
    island_context(locale);
    let t = cart_texts(locale);
    let update = ServerAction::<UpdateCartLine>::new();
    let cart = Resource::new(move || update.version().get(), move |_| get_cart(locale));
    Effect::new(move |previous: Option<usize>| {
        let now = update.version().get();
        if previous.is_some_and(|p| p != now) {
            announce_cart_changed();
        }
        now
    });
    let error = action_error(update);
    view! {
        <FormAlert error/>
        <Transition fallback=move || view! { <Loading label=t.loading/> }>
            {move || Suspend::new(async move {
                match cart.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(bag) if bag.is_empty() => view! {
                        <EmptyState title=t.empty_title>
                            <p>{t.empty_text}</p>
                            <a class="button primary" href=locale.href("/")>{t.continue_shopping}</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(bag) => view! { <CartContents bag update/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CartContents(bag: CartView, update: ServerAction<UpdateCartLine>) -> impl IntoView {
    let locale = use_locale();
    let t = cart_texts(locale);
    let currency = bag.currency.clone();
    let can_check_out = bag.can_check_out();
    let to_free = FREE_SHIPPING_FROM_MINOR - bag.subtotal_minor;
    view! {
        <div class="cart-layout">
            <ul class="cart-lines" aria-label=t.items>
                {bag.lines.into_iter().map(|line| view! { <CartLineView line update/> }).collect_view()}
            </ul>
            <aside class="cart-summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{t.summary}</h2>
                <dl class="totals">
                    <dt>{subtotal_label(locale, bag.units)}</dt>
                    <dd>{locale.money(bag.subtotal_minor, &currency)}</dd>
                    <dt>{t.shipping}</dt>
                    <dd>{t.at_checkout}</dd>
                </dl>
                <p class="muted small">
                    {if to_free > 0 {
                        to_free_shipping(locale, &locale.money(to_free, &currency))
                    } else {
                        t.free_shipping_reached.to_owned()
                    }}
                </p>
                {if can_check_out {
                    view! { <a class="button primary wide" href=locale.href("/checkout")>{t.check_out}</a> }.into_any()
                } else {
                    view! { <p class="alert warning" role="status">{t.needs_attention}</p> }.into_any()
                }}
                <a class="button wide" href=locale.href("/")>{t.continue_shopping}</a>
            </aside>
        </div>
    }
}

#[component]
fn CartLineView(line: CartLine, update: ServerAction<UpdateCartLine>) -> impl IntoView {
    let CartLine {
        sku,
        product,
        slug,
        colour,
        size,
        image_url,
        quantity,
        unit_price_minor,
        line_total_minor,
        availability,
        problem,
    } = line;
    let id = format!("qty-{sku}");
    let locale = use_locale();
    let t = cart_texts(locale);
    let currency = "EUR";
    let name = format!("{product}, {colour}, {size}");
    let remove_label = format!("{} {name}", t.remove);
    let product_href = locale.href(&format!("/p/{slug}"));
    let (cart_href, cart_href_again) = (locale.href("/cart"), locale.href("/cart"));
    let sku_for_remove = sku.clone();
    view! {
        <li class="cart-line" class:has-problem=problem.is_some()>
            <a href=product_href.clone() class="cart-line-image" tabindex="-1" aria-hidden="true">
                {image_url.map(|src| view! { <img src=src alt="" width="96" height="120" loading="lazy"/> })}
            </a>
            <div class="cart-line-info">
                <h2 class="cart-line-name"><a href=product_href>{product}</a></h2>
                <p class="muted">{format!("{colour} · {size}")}</p>
                <p class="muted small">{format!("{} {} · {}", locale.money(unit_price_minor, currency), t.each, availability_text(locale, availability))}</p>
                {problem.map(|p| view! { <p class="line-problem" role="alert">{problem_text(locale, p)}</p> })}
            </div>
            <ActionForm action=update attr:class="cart-line-quantity">
                <input type="hidden" name="sku" value=sku.clone()/>
                <ReturnTo path=cart_href/>
                <label for=id.clone()>{t.quantity}</label>
                <select id=id name="quantity" on:change=submit_on_change>
                    {(1..=MAX_QUANTITY).map(|n| view! {
                        <option value=n.to_string() selected=n == quantity>{n}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button small needs-no-script">{t.update}</button>
            </ActionForm>
            <p class="cart-line-total">{locale.money(line_total_minor, currency)}</p>
            <ActionForm action=update attr:class="cart-line-remove">
                <input type="hidden" name="sku" value=sku_for_remove/>
                <input type="hidden" name="quantity" value="0"/>
                <ReturnTo path=cart_href_again/>
                <button type="submit" class="link-button" aria-label=remove_label>{t.remove}</button>
            </ActionForm>
        </li>
    }
}
