//! The address book on the account page: plain forms (they work without
//! JavaScript), refreshed in place after hydration.

use super::api::{AddMyAddress, ChangeMyAddress, get_my_addresses};
use super::model::SavedAddress;
use super::texts::{address_texts, delete_label};
use crate::checkout::pages::CountryOptions;
use crate::error::AppError;
use crate::fulfilment::model::Address;
use crate::i18n::use_locale;
use crate::ui::form::{FormAlert, ReturnTo, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::ErrorNotice;
use leptos::prelude::*;

#[component]
pub fn AddressBook() -> impl IntoView {
    let add = ServerAction::<AddMyAddress>::new();
    let change = ServerAction::<ChangeMyAddress>::new();
    let addresses = Resource::new(
        move || (add.version().get(), change.version().get()),
        |_| get_my_addresses(),
    );
    let error = action_error(add);
    let locale = use_locale();
    let t = address_texts(locale);
    let back = locale.href("/account#addresses-heading");
    view! {
        <section class="card wide" aria-labelledby="addresses-heading">
            <h2 id="addresses-heading">{t.addresses}</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match addresses.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! {
                            <p class="muted">{t.none_yet}</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="address-list">
                                {list.into_iter().map(|a| view! { <AddressCard saved=a change/> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
            <details class="details">
                <summary>{t.add}</summary>
                <ActionForm action=add attr:class="form" attr:novalidate=true>
                    <FormAlert error/>
                    <ReturnTo path=back/>
                    <AddressFields errors_of="address" error country=RwSignal::new("IT".to_owned())/>
                    <div class="checkbox">
                        <input type="checkbox" id="address-default" name="make_default" value="1"/>
                        <label for="address-default">{t.use_next}</label>
                    </div>
                    <SubmitButton label=t.save busy_label=t.saving pending=add.pending() class="button"/>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
fn AddressCard(saved: SavedAddress, change: ServerAction<ChangeMyAddress>) -> impl IntoView {
    let SavedAddress {
        id,
        address,
        is_default,
    } = saved;
    let locale = use_locale();
    let t = address_texts(locale);
    let back = locale.href("/account#addresses-heading");
    let summary = format!("{}, {}", address.name, address.line1);
    let (id_default, id_delete) = (id.to_string(), id.to_string());
    let back_again = back.clone();
    view! {
        <li class="address-card">
            <address>
                {address.name.clone()}<br/>
                {address.line1.clone()}<br/>
                {format!("{} {} · {}", address.postal_code, address.city, address.country)}
            </address>
            {is_default.then(|| view! { <span class="badge ok">{t.default}</span> })}
            <div class="address-actions">
                {(!is_default).then(|| view! {
                    <ActionForm action=change>
                        <input type="hidden" name="id" value=id_default/>
                        <input type="hidden" name="action" value="default"/>
                        <ReturnTo path=back/>
                        <button type="submit" class="link-button">{t.make_default}</button>
                    </ActionForm>
                })}
                <ActionForm action=change>
                    <input type="hidden" name="id" value=id_delete/>
                    <input type="hidden" name="action" value="delete"/>
                    <ReturnTo path=back_again/>
                    <button type="submit" class="link-button" aria-label=delete_label(locale, &summary)>{t.delete}</button>
                </ActionForm>
            </div>
        </li>
    }
}

/// The fields of a postal address as the address forms post them (`name`,
/// `line1`, `postal_code`, `city`, `country`), filled with `value`.
/// `errors_of` is the address' name in the server's field errors
/// (`ship_to.city`); `country` follows the chosen country.
#[component]
pub fn AddressFields(
    #[prop(optional)] value: Address,
    errors_of: &'static str,
    error: Signal<Option<AppError>>,
    country: RwSignal<String>,
) -> impl IntoView {
    let t = address_texts(use_locale());
    let field = move |name: &str| field_error(error, format!("{errors_of}.{name}"));
    view! {
        <TextField label=t.full_name name="name" autocomplete="name" value=value.name
            required=true error=field("name")/>
        <TextField label=t.street name="line1" autocomplete="address-line1" value=value.line1
            required=true error=field("line1")/>
        <div class="field-row">
            <TextField label=t.postal_code name="postal_code" autocomplete="postal-code" value=value.postal_code
                required=true error=field("postal_code")/>
            <TextField label=t.city name="city" autocomplete="address-level2" value=value.city
                required=true error=field("city")/>
        </div>
        <div class="field">
            <label for="field-country">{t.country}</label>
            <select id="field-country" name="country" autocomplete="country"
                on:change=move |ev| country.set(event_target_value(&ev))>
                <CountryOptions selected=country.get_untracked()/>
            </select>
            {move || field("country").get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
}
