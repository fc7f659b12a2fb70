use super::api::{PlaceOrder, get_checkout, get_confirmation};
use super::model::{CheckoutPage, Confirmation};
use super::texts::{checkout_texts, collect_at as collect_text, confirmation_sent, deliver_to};
use crate::cart::pages::announce_cart_changed;
use crate::cart::rules::{ShippingMethod, rate_text, totals};
use crate::cart::texts::method_label;
use crate::customers::pages::AddressFields;
use crate::error::AppError;
use crate::i18n::{Locale, use_locale};
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::island::island_context;
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CheckoutRoute() -> impl IntoView {
    let locale = use_locale();
    let t = checkout_texts(locale);
    let page = Resource::new(move || locale, get_checkout);
    view! {
        <Title text=t.title/>
        <header class="page-header"><h1>{t.title}</h1></header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(page) if page.cart.is_empty() => view! {
                        <EmptyState title=t.empty_title>
                            <p>{t.empty_text}</p>
                            <a class="button primary" href=locale.href("/")>{t.continue_shopping}</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(page) => view! { <CheckoutForm locale page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The checkout form: an island, so the totals follow the delivery choice
/// and a refusal shows without reloading the page.
#[island]
fn CheckoutForm(locale: Locale, page: CheckoutPage) -> impl IntoView {
    island_context(locale);
    let t = checkout_texts(locale);
    let place = ServerAction::<PlaceOrder>::new();
    let error = action_error(place);
    let pending = place.pending();
    // A refused order may have changed the bag (stock went): the header follows.
    Effect::new(move |_| {
        if place.value().get().is_some() {
            announce_cart_changed();
        }
    });
    let CheckoutPage {
        cart,
        key,
        email,
        signed_in,
        address,
        options,
        stores,
    } = page;
    let currency = cart.currency.clone();
    let subtotal = cart.subtotal_minor;
    let method = RwSignal::new(ShippingMethod::Standard);
    let country = RwSignal::new(if address.country.is_empty() {
        "IT".to_owned()
    } else {
        address.country.clone()
    });
    let sums = move || totals(subtotal, method.get(), &country.get());
    let money = {
        let currency = currency.clone();
        move |minor: i64| locale.money(minor, &currency)
    };
    let (m1, m2, m3, m4, m5) = (
        money.clone(),
        money.clone(),
        money.clone(),
        money.clone(),
        money.clone(),
    );
    view! {
        <ActionForm action=place attr:class="checkout-layout" attr:novalidate=true>
            <input type="hidden" name="key" value=key/>
            <input type="hidden" name="locale" value=locale.code()/>
            <div class="checkout-main">
                <FormAlert error/>
                <fieldset class="form-section">
                    <legend>{t.contact}</legend>
                    <TextField label=t.email name="email" kind="email" autocomplete="email" value=email
                        required=true error=field_error(error, "email")
                        hint=t.email_hint/>
                    {(!signed_in).then(|| view! {
                        <p class="muted small">
                            {t.have_account}
                            <a href=locale.href(&format!("/sign-in?next={}", urlencoding::encode(&locale.href("/checkout"))))>{t.sign_in}</a>
                            {t.faster}
                        </p>
                    })}
                </fieldset>
                <fieldset class="form-section">
                    <legend>{t.address}</legend>
                    <AddressFields value=address errors_of="ship_to" error country/>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{t.delivery}</legend>
                    <div class="choice-list">
                        {options.into_iter().map(|option| {
                            let id = format!("shipping-{}", option.method.as_str());
                            let label_for = id.clone();
                            let fee = if option.fee_minor == 0 { t.free.to_owned() } else { money(option.fee_minor) };
                            view! {
                                <label class="choice" for=label_for>
                                    <input type="radio" id=id name="shipping" value=option.method.as_str()
                                        checked=option.method == ShippingMethod::Standard
                                        on:change=move |_| method.set(option.method)/>
                                    <span class="choice-label">{method_label(locale, option.method)}</span>
                                    <span class="choice-price">{fee}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    {move || field_error(error, "shipping").get().map(|m| view! { <p class="field-error">{m}</p> })}
                    {(!stores.is_empty()).then(|| view! {
                        <div class="field">
                            <label for="field-store">{t.store}</label>
                            <select id="field-store" name="store">
                                <option value="">{t.choose_store}</option>
                                {stores.into_iter().map(|s| view! {
                                    <option value=s.code>{format!("{} · {}", s.name, s.city)}</option>
                                }).collect_view()}
                            </select>
                            <p class="field-hint">{t.store_hint}</p>
                            {move || field_error(error, "store").get().map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                    })}
                </fieldset>
                <fieldset class="form-section">
                    <legend>{t.payment}</legend>
                    <p class="muted small">{t.payment_hint}</p>
                    <TextField label=t.card_number name="card_number" autocomplete="cc-number"
                        required=true error=field_error(error, "card_number")/>
                    <TextField label=t.card_holder name="card_holder" autocomplete="cc-name"
                        required=true error=field_error(error, "card_holder")/>
                </fieldset>
            </div>
            <aside class="checkout-summary" aria-labelledby="order-summary">
                <h2 id="order-summary">{t.your_order}</h2>
                <ul class="summary-lines">
                    {cart.lines.into_iter().map(|l| view! {
                        <li>
                            <span>{format!("{} × {}, {}, {}", l.quantity, l.product, l.colour, l.size)}</span>
                            <span>{m1(l.line_total_minor)}</span>
                        </li>
                    }).collect_view()}
                </ul>
                <dl class="totals">
                    <dt>{t.subtotal}</dt>
                    <dd>{m2(subtotal)}</dd>
                    <dt>{t.shipping}</dt>
                    <dd>{move || match sums().shipping_minor { 0 => t.free.to_owned(), fee => m3(fee) }}</dd>
                    <dt class="total">{t.total}</dt>
                    <dd class="total" data-testid="checkout-total">{move || m4(sums().total_minor)}</dd>
                    <dt class="muted">{move || format!("{} ({})", t.incl_vat, rate_text(sums().vat_rate_bp))}</dt>
                    <dd class="muted">{move || m5(sums().vat_minor)}</dd>
                </dl>
                <SubmitButton label=t.place_order busy_label=t.placing pending class="button primary wide"/>
                <p class="muted small">{t.terms}</p>
            </aside>
        </ActionForm>
    }
}

#[component]
pub fn ConfirmationRoute() -> impl IntoView {
    let t = checkout_texts(use_locale());
    let params = use_params_map();
    let confirmation = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        get_confirmation,
    );
    view! {
        <Title text=t.thank_you/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match confirmation.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Order"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(confirmation) => view! { <ConfirmationView confirmation/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ConfirmationView(confirmation: Confirmation) -> impl IntoView {
    let Confirmation {
        number,
        email,
        status_label,
        currency,
        lines,
        totals,
        shipping_method,
        ship_to,
        collect_at,
        signed_in,
    } = confirmation;
    let locale = use_locale();
    let t = checkout_texts(locale);
    let money = move |minor: i64| locale.money(minor, &currency);
    view! {
        <section class="confirmation">
            <p class="eyebrow">{t.thank_you}</p>
            <h1>{t.your_order_number} <span data-testid="order-number">{number.clone()}</span> {t.is_placed}</h1>
            <p role="status">{confirmation_sent(locale, &email, &status_label)}</p>
            <table class="table">
                <caption class="visually-hidden">{t.items_and_dates}</caption>
                <thead>
                    <tr><th scope="col">{t.item}</th><th scope="col">{t.qty}</th><th scope="col">{t.ships_by}</th><th scope="col" class="num">{t.total}</th></tr>
                </thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr>
                            <td>{l.description}<br/><span class="muted small">{l.sku}</span></td>
                            <td>{l.quantity}</td>
                            <td data-testid="ship-date">{l.planned_ship_date.map_or_else(|| t.to_be_confirmed.to_owned(), crate::inventory::pages::components::long_date)}</td>
                            <td class="num">{money(l.line_total_minor)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <dl class="totals narrow">
                <dt>{t.subtotal}</dt><dd>{money(totals.subtotal_minor)}</dd>
                <dt>{shipping_method.map_or(t.shipping, |m| method_label(locale, m))}</dt><dd>{money(totals.shipping_minor)}</dd>
                <dt class="total">{t.total}</dt><dd class="total">{money(totals.total_minor)}</dd>
                <dt class="muted">{format!("{} ({})", t.incl_vat, rate_text(totals.vat_rate_bp))}</dt><dd class="muted">{money(totals.vat_minor)}</dd>
            </dl>
            <p>
                {match collect_at {
                    Some(store) => collect_text(locale, &store),
                    None => deliver_to(locale, &format!("{}, {}, {} {}", ship_to.name, ship_to.line1, ship_to.postal_code, ship_to.city)),
                }}
            </p>
            <p class="actions">
                {signed_in.then(|| view! { <a class="button" href=locale.href("/account")>{t.follow}</a> })}
                <a class="button primary" href=locale.href("/")>{t.continue_shopping}</a>
            </p>
        </section>
    }
}

/// The countries we deliver to, as a select's options.
#[component]
pub fn CountryOptions(#[prop(into)] selected: String) -> impl IntoView {
    crate::orders::validation::countries()
        .map(|code| {
            let name = super::rules::country_name(code);
            view! { <option value=code selected=code == selected>{name}</option> }
        })
        .collect_view()
}
