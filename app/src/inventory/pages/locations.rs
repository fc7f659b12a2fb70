//! Locations: the list with their settings, and one form to create or
//! change a location.

use super::components::Notice;
use crate::error::AppError;
use crate::inventory::api::{SaveLocation, get_location, get_locations, location_path};
use crate::inventory::model::{Channel, Location, LocationKind};
use crate::inventory::rules::format_working_days;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const PATH: &str = "/admin/inventory/locations";

fn join<T>(items: &[T], text: impl Fn(&T) -> &str, empty: &str) -> String {
    if items.is_empty() {
        empty.to_owned()
    } else {
        items.iter().map(text).collect::<Vec<_>>().join(", ")
    }
}

#[component]
pub fn LocationsPage() -> impl IntoView {
    let query = use_query_map();
    let locations = Resource::new(|| (), |_| get_locations());
    let saved = move || query.read().get("saved");
    view! {
        <Title text="Locations · Inventory"/>
        <header class="page-header">
            <div>
                <h1>"Locations"</h1>
                <p class="muted">"Warehouses, stores and partners that hold stock: when they ship, where to and for which channels."</p>
            </div>
            <a class="button primary" href="/admin/inventory/locations/new">"New location"</a>
        </header>
        {move || saved().map(|code| view! { <Notice message=format!("Location {code} saved.")/> })}
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match locations.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No locations yet">
                            <p>"Add the warehouses and stores that hold your stock."</p>
                            <a class="button" href="/admin/inventory/locations/new">"New location"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(list) => view! { <LocationsTable locations=list/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LocationsTable(locations: Vec<Location>) -> impl IntoView {
    view! {
        <p class="muted" role="status">{format!("{} locations", locations.len())}</p>
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Locations, active ones first, by routing priority"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Code"</th>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"City"</th>
                        <th scope="col">"Channels"</th>
                        <th scope="col">"Ships to"</th>
                        <th scope="col">"Working days"</th>
                        <th scope="col">"Cut-off"</th>
                        <th scope="col" class="num">"Handling days"</th>
                        <th scope="col" class="num">"Priority"</th>
                        <th scope="col">"Active"</th>
                    </tr>
                </thead>
                <tbody>
                    {locations.into_iter().map(|l| view! {
                        <tr class:inactive=!l.active>
                            <td><a href=location_path(&l.code)>{l.code.clone()}</a></td>
                            <td class="wrap">{l.name.clone()}</td>
                            <td>{l.kind.label()}</td>
                            <td class="wrap">{format!("{}, {}", l.city, l.country)}</td>
                            <td class="wrap">{join(&l.channels, |c| c.label(), "None")}</td>
                            <td class="wrap">{join(&l.ships_to, |c| c.as_str(), "Nowhere")}</td>
                            <td>{format_working_days(&l.working_days)}</td>
                            <td>{l.cutoff_time.clone()} " " <span class="muted">{l.time_zone.clone()}</span></td>
                            <td class="num">{l.handling_days}</td>
                            <td class="num">{l.priority}</td>
                            <td>{if l.active { "Yes" } else { "No" }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn NewLocationPage() -> impl IntoView {
    view! {
        <Title text="New location · Inventory"/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href=PATH>"Locations"</a></li>
                <li><a href="/admin/inventory/locations/new" aria-current="page">"New location"</a></li>
            </ol>
        </nav>
        <header class="page-header"><h1>"New location"</h1></header>
        <LocationEditor location=None/>
    }
}

#[component]
pub fn EditLocationPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let location = Resource::new(code, get_location);
    view! {
        <Title text=move || format!("{} · Locations", code())/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match location.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Location"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(location) => view! {
                        <nav aria-label="Breadcrumb" class="breadcrumbs">
                            <ol>
                                <li><a href=PATH>"Locations"</a></li>
                                <li><a href=location_path(&location.code) aria-current="page">{location.code.clone()}</a></li>
                            </ol>
                        </nav>
                        <header class="page-header">
                            <div>
                                <h1>{location.name.clone()}</h1>
                                <p class="muted">{location.code.clone()} " · " {location.kind.label()}</p>
                            </div>
                            <a class="button" href=format!("/admin/inventory/stock?location={}", location.code)>"Stock here"</a>
                        </header>
                        <LocationEditor location=Some(location)/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The form of every location setting; empty for a new location.
#[component]
fn LocationEditor(location: Option<Location>) -> impl IntoView {
    let action = ServerAction::<SaveLocation>::new();
    let error = action_error(action);
    let original = location
        .as_ref()
        .map(|l| l.code.clone())
        .unwrap_or_default();
    let l = location.unwrap_or_else(|| Location {
        id: uuid::Uuid::nil(),
        code: String::new(),
        name: String::new(),
        kind: LocationKind::Warehouse,
        country: String::new(),
        city: String::new(),
        address: String::new(),
        postal_code: String::new(),
        time_zone: "Europe/Rome".into(),
        working_days: vec![1, 2, 3, 4, 5],
        cutoff_time: "15:00".into(),
        handling_days: 1,
        channels: Channel::ALL.to_vec(),
        ships_to: Vec::new(),
        priority: 100,
        active: true,
    });
    let kind_error = field_error(error, "kind");
    let channels_error = field_error(error, "channels");
    let label = if original.is_empty() {
        "Create location"
    } else {
        "Save location"
    };
    view! {
        <ActionForm action attr:class="form wide-form location-form" attr:novalidate=true>
            <FormAlert error/>
            <input type="hidden" name="original" value=original/>
            <div class="form-row">
                <TextField label="Code" name="code" value=l.code.clone() required=true
                    hint="2–20 letters, digits and dashes, like WH-MIL." error=field_error(error, "code")/>
                <TextField label="Name" name="name" value=l.name.clone() required=true error=field_error(error, "name")/>
                <div class="field" class:invalid=move || kind_error.get().is_some()>
                    <label for="field-kind">"Kind"</label>
                    <select id="field-kind" name="kind"
                        aria-invalid=move || kind_error.get().is_some().then_some("true")
                        aria-describedby=move || kind_error.get().is_some().then_some("field-kind-error")>
                        {LocationKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=k == l.kind>{k.label()}</option>
                        }).collect_view()}
                    </select>
                    {move || kind_error.get().map(|m| view! { <p class="field-error" id="field-kind-error">{m}</p> })}
                </div>
            </div>
            <fieldset>
                <legend>"Address"</legend>
                <div class="form-row">
                    <TextField label="Address" name="address" value=l.address.clone() error=field_error(error, "address")/>
                    <TextField label="Postal code" name="postal_code" value=l.postal_code.clone() error=field_error(error, "postal_code")/>
                    <TextField label="City" name="city" value=l.city.clone() required=true error=field_error(error, "city")/>
                    <TextField label="Country" name="country" value=l.country.clone() required=true
                        hint="Two letters, like IT." error=field_error(error, "country")/>
                </div>
            </fieldset>
            <fieldset>
                <legend>"Shipping"</legend>
                <div class="form-row">
                    <TextField label="Time zone" name="time_zone" value=l.time_zone.clone() required=true
                        hint="Like Europe/Rome." error=field_error(error, "time_zone")/>
                    <TextField label="Working days" name="working_days" value=format_working_days(&l.working_days) required=true
                        hint="Like Mon-Fri or Mon, Tue, Sat." error=field_error(error, "working_days")/>
                    <TextField label="Cut-off time" name="cutoff_time" kind="time" value=l.cutoff_time.clone() required=true
                        hint="Orders before this local time ship the same day." error=field_error(error, "cutoff_time")/>
                    <TextField label="Handling days" name="handling_days" kind="number" value=l.handling_days.to_string() required=true
                        hint="Working days from arrival to ready to ship." error=field_error(error, "handling_days")/>
                </div>
                <div class="form-row">
                    <TextField label="Ships to" name="ships_to" value=l.ships_to.join(", ")
                        hint="Country codes separated by commas, like IT, FR, DE. Empty: does not ship." error=field_error(error, "ships_to")/>
                    <TextField label="Priority" name="priority" kind="number" value=l.priority.to_string() required=true
                        hint="Lower numbers are preferred when routing orders." error=field_error(error, "priority")/>
                </div>
            </fieldset>
            <fieldset class="checkboxes" aria-describedby=move || channels_error.get().is_some().then_some("channels-error")>
                <legend>"Sales channels it fulfils"</legend>
                {Channel::ALL.into_iter().map(|c| {
                    let id = format!("channel-{}", c.as_str());
                    let label_for = id.clone();
                    view! {
                        <label for=label_for class="checkbox">
                            <input type="checkbox" id=id name=format!("channel_{}", c.as_str()) value="on" checked=l.channels.contains(&c)/>
                            {c.label()}
                        </label>
                    }
                }).collect_view()}
                {move || channels_error.get().map(|m| view! { <p class="field-error" id="channels-error">{m}</p> })}
            </fieldset>
            <label for="location-active" class="checkbox">
                <input type="checkbox" id="location-active" name="active" value="on" checked=l.active/>
                "Active: holds stock and can be chosen for orders"
            </label>
            <div class="actions">
                <SubmitButton label pending=action.pending() busy_label="Saving…"/>
                <a class="button" href=PATH>"Cancel"</a>
            </div>
        </ActionForm>
    }
}
