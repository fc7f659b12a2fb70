use super::api::{PlaceOrder, get_checkout, get_confirmation};
use super::model::{CheckoutPage, Confirmation};
use crate::cart::pages::CartState;
use crate::cart::rules::{ShippingMethod, rate_text, totals};
use crate::error::AppError;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::money::format_money;
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn method_label(method: ShippingMethod) -> &'static str {
    match method {
        ShippingMethod::Standard => "Standard delivery · 2–4 working days",
        ShippingMethod::Express => "Express delivery · 1–2 working days",
        ShippingMethod::Collect => "Click and collect · in store",
    }
}

#[component]
pub fn CheckoutRoute() -> impl IntoView {
    let page = Resource::new(|| (), |_| get_checkout());
    view! {
        <Title text="Checkout"/>
        <header class="page-header"><h1>"Checkout"</h1></header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(page) if page.cart.is_empty() => view! {
                        <EmptyState title="Your bag is empty">
                            <p>"Add something to your bag to check out."</p>
                            <a class="button primary" href="/">"Continue shopping"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(page) => view! { <CheckoutForm page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CheckoutForm(page: CheckoutPage) -> impl IntoView {
    let place = ServerAction::<PlaceOrder>::new();
    let error = action_error(place);
    let pending = place.pending();
    // A refused order may have changed the bag (stock went): the header follows.
    if let Some(state) = CartState::get() {
        Effect::new(move |_| {
            if place.value().get().is_some() {
                state.changed();
            }
        });
    }
    let CheckoutPage {
        cart,
        key,
        email,
        signed_in,
        address,
        countries,
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
        move |minor: i64| format_money(minor, &currency)
    };
    let (m1, m2, m3, m4) = (money.clone(), money.clone(), money.clone(), money.clone());
    view! {
        <ActionForm action=place attr:class="checkout-layout" attr:novalidate=true>
            <input type="hidden" name="key" value=key/>
            <div class="checkout-main">
                <FormAlert error/>
                <fieldset class="form-section">
                    <legend>"Contact"</legend>
                    <TextField label="Email" name="email" kind="email" autocomplete="email" value=email
                        required=true error=field_error(error, "email")
                        hint="We send the confirmation and the tracking here."/>
                    {(!signed_in).then(|| view! {
                        <p class="muted small">"Have an account? " <a href="/sign-in?next=/checkout">"Sign in"</a> " to check out faster."</p>
                    })}
                </fieldset>
                <fieldset class="form-section">
                    <legend>"Delivery address"</legend>
                    <TextField label="Full name" name="name" autocomplete="name" value=address.name.clone()
                        required=true error=field_error(error, "ship_to.name")/>
                    <TextField label="Street and number" name="line1" autocomplete="address-line1" value=address.line1.clone()
                        required=true error=field_error(error, "ship_to.line1")/>
                    <div class="field-row">
                        <TextField label="Postal code" name="postal_code" autocomplete="postal-code" value=address.postal_code.clone()
                            required=true error=field_error(error, "ship_to.postal_code")/>
                        <TextField label="City" name="city" autocomplete="address-level2" value=address.city.clone()
                            required=true error=field_error(error, "ship_to.city")/>
                    </div>
                    <div class="field">
                        <label for="field-country">"Country"</label>
                        <select id="field-country" name="country" autocomplete="country"
                            on:change=move |ev| country.set(event_target_value(&ev))>
                            {countries.into_iter().map(|c| {
                                let selected = c.code == country.get_untracked();
                                view! { <option value=c.code selected=selected>{c.name}</option> }
                            }).collect_view()}
                        </select>
                        {move || field_error(error, "ship_to.country").get().map(|m| view! { <p class="field-error">{m}</p> })}
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>"Delivery"</legend>
                    <div class="choice-list">
                        {options.into_iter().map(|option| {
                            let id = format!("shipping-{}", option.method.as_str());
                            let label_for = id.clone();
                            let fee = if option.fee_minor == 0 { "Free".to_owned() } else { money(option.fee_minor) };
                            view! {
                                <label class="choice" for=label_for>
                                    <input type="radio" id=id name="shipping" value=option.method.as_str()
                                        checked=option.method == ShippingMethod::Standard
                                        on:change=move |_| method.set(option.method)/>
                                    <span class="choice-label">{method_label(option.method)}</span>
                                    <span class="choice-price">{fee}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    {move || field_error(error, "shipping").get().map(|m| view! { <p class="field-error">{m}</p> })}
                    {(!stores.is_empty()).then(|| view! {
                        <div class="field">
                            <label for="field-store">"Store for click and collect"</label>
                            <select id="field-store" name="store">
                                <option value="">"Choose a store"</option>
                                {stores.into_iter().map(|s| view! {
                                    <option value=s.code>{format!("{} · {}", s.name, s.city)}</option>
                                }).collect_view()}
                            </select>
                            <p class="field-hint">"Only stores that have everything in your bag are listed."</p>
                            {move || field_error(error, "store").get().map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                    })}
                </fieldset>
                <fieldset class="form-section">
                    <legend>"Payment"</legend>
                    <p class="muted small">"Your card is authorized now and charged when your parcel ships. Test cards: 4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined)."</p>
                    <TextField label="Card number" name="card_number" autocomplete="cc-number"
                        required=true error=field_error(error, "card_number")/>
                    <TextField label="Name on card" name="card_holder" autocomplete="cc-name"
                        required=true error=field_error(error, "card_holder")/>
                </fieldset>
            </div>
            <aside class="checkout-summary" aria-labelledby="order-summary">
                <h2 id="order-summary">"Your order"</h2>
                <ul class="summary-lines">
                    {cart.lines.into_iter().map(|l| view! {
                        <li>
                            <span>{format!("{} × {}, {}, {}", l.quantity, l.product, l.colour, l.size)}</span>
                            <span>{m1(l.line_total_minor)}</span>
                        </li>
                    }).collect_view()}
                </ul>
                <dl class="totals">
                    <dt>"Subtotal"</dt>
                    <dd>{m2(subtotal)}</dd>
                    <dt>"Shipping"</dt>
                    <dd>{move || match sums().shipping_minor { 0 => "Free".to_owned(), fee => m3(fee) }}</dd>
                    <dt class="total">"Total"</dt>
                    <dd class="total" data-testid="checkout-total">{move || m4(sums().total_minor)}</dd>
                    <dt class="muted">{move || format!("Incl. VAT ({})", rate_text(sums().vat_rate_bp))}</dt>
                    <dd class="muted">{move || format_money(sums().vat_minor, &currency)}</dd>
                </dl>
                <SubmitButton label="Place order" busy_label="Placing your order…" pending class="button primary wide"/>
                <p class="muted small">"By placing the order you accept our terms of sale. You can return unworn items within 30 days."</p>
            </aside>
        </ActionForm>
    }
}

#[component]
pub fn ConfirmationRoute() -> impl IntoView {
    let params = use_params_map();
    let confirmation = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        get_confirmation,
    );
    view! {
        <Title text="Thank you"/>
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
    // The bag was emptied with the order.
    if let Some(state) = CartState::get() {
        Effect::new(move |_| state.changed());
    }
    let money = move |minor: i64| format_money(minor, &currency);
    view! {
        <section class="confirmation">
            <p class="eyebrow">"Thank you"</p>
            <h1>"Your order " <span data-testid="order-number">{number.clone()}</span> " is placed"</h1>
            <p role="status">{format!("We have sent a confirmation to {email}. Status: {status_label}.")}</p>
            <table class="table">
                <caption class="visually-hidden">"Items and planned ship dates"</caption>
                <thead>
                    <tr><th scope="col">"Item"</th><th scope="col">"Qty"</th><th scope="col">"Ships by"</th><th scope="col" class="num">"Total"</th></tr>
                </thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr>
                            <td>{l.description}<br/><span class="muted small">{l.sku}</span></td>
                            <td>{l.quantity}</td>
                            <td data-testid="ship-date">{l.planned_ship_date.map_or_else(|| "To be confirmed".to_owned(), crate::inventory::pages::components::long_date)}</td>
                            <td class="num">{money(l.line_total_minor)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <dl class="totals narrow">
                <dt>"Subtotal"</dt><dd>{money(totals.subtotal_minor)}</dd>
                <dt>{shipping_method.map_or("Shipping", method_label)}</dt><dd>{money(totals.shipping_minor)}</dd>
                <dt class="total">"Total"</dt><dd class="total">{money(totals.total_minor)}</dd>
                <dt class="muted">{format!("Incl. VAT ({})", rate_text(totals.vat_rate_bp))}</dt><dd class="muted">{money(totals.vat_minor)}</dd>
            </dl>
            <p>
                {match collect_at {
                    Some(store) => format!("Collect it at {store}. We tell you when it is ready."),
                    None => format!("Delivery to {}, {}, {} {}", ship_to.name, ship_to.line1, ship_to.postal_code, ship_to.city),
                }}
            </p>
            <p class="actions">
                {signed_in.then(|| view! { <a class="button" href="/account">"Follow it in your account"</a> })}
                <a class="button primary" href="/">"Continue shopping"</a>
            </p>
        </section>
    }
}
