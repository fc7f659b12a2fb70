//! `/admin/settings/api-keys`: keys for machine clients.

use crate::auth::model::AdminArea;
use crate::auth::pages::AccessGate;
use crate::auth::rules::Requirement;
use crate::integrations::api::{
    CreateApiKey, RevokeApiKey, get_api_keys, get_key_locations, take_new_api_key,
};
use crate::integrations::model::Scope;
use crate::inventory::model::Channel;
use crate::ui::dates::format_date;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;

fn scope_label(scope: Scope) -> &'static str {
    match scope {
        Scope::StockRead => "Read stock",
        Scope::StockWrite => "Report stock counts",
        Scope::OrdersRead => "Read orders",
        Scope::OrdersWrite => "Create orders",
        Scope::FulfilmentWrite => "Report shipments and deliveries",
    }
}

#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let create = ServerAction::<CreateApiKey>::new();
    let revoke = ServerAction::<RevokeApiKey>::new();
    let keys = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| get_api_keys(),
    );
    let new_key = Resource::new(move || create.version().get(), |_| take_new_api_key());
    let locations = Resource::new(|| (), |_| get_key_locations());
    let error = action_error(create);
    view! {
        <Title text="API keys · Settings"/>
        <AccessGate requirement=Requirement::Staff(AdminArea::Settings)>
        <header class="page-header">
            <div>
                <h1>"API keys"</h1>
                <p class="muted">"Keys let other systems (a 3PL, a marketplace) use the API at /api/v1. "
                    <a href="/api/v1/openapi.json">"OpenAPI description"</a></p>
            </div>
        </header>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                new_key.await.ok().flatten().map(|key| view! {
                    <div class="alert success new-key" role="status">
                        <p><strong>"Copy this key now: it is shown only once."</strong></p>
                        <code class="key">{key}</code>
                    </div>
                })
            })}
        </Suspense>
        <div class="account-grid">
            <section class="card wide" aria-labelledby="keys-heading">
                <h2 id="keys-heading">"Keys"</h2>
                <Suspense fallback=|| view! { <Loading/> }>
                    {move || Suspend::new(async move {
                        match keys.await {
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                            Ok(list) if list.is_empty() => view! {
                                <EmptyState title="No API keys yet"><p>"Create one below for each system that connects."</p></EmptyState>
                            }.into_any(),
                            Ok(list) => view! {
                                <div class="table-wrap">
                                    <table class="table">
                                        <thead><tr>
                                            <th scope="col">"Name"</th><th scope="col">"Key"</th><th scope="col">"May"</th>
                                            <th scope="col">"Location"</th><th scope="col">"Created"</th><th scope="col">"Last used"</th>
                                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                                        </tr></thead>
                                        <tbody>
                                            {list.into_iter().map(|key| view! {
                                                <tr class:muted=key.revoked>
                                                    <td>{key.name}</td>
                                                    <td><code>{key.prefix}"…"</code></td>
                                                    <td>{key.scopes.iter().map(|s| scope_label(*s)).collect::<Vec<_>>().join(", ")}</td>
                                                    <td>{key.location_code.unwrap_or_else(|| "All".into())}</td>
                                                    <td>{format_date(key.created_at)}</td>
                                                    <td>{key.last_used_at.map(format_date).unwrap_or_else(|| "Never".into())}</td>
                                                    <td>{if key.revoked {
                                                        view! { <span class="badge">"Revoked"</span> }.into_any()
                                                    } else {
                                                        view! {
                                                            <ActionForm action=revoke attr:class="inline-form">
                                                                <input type="hidden" name="id" value=key.id.to_string()/>
                                                                <button type="submit" class="button small">"Revoke"</button>
                                                            </ActionForm>
                                                        }.into_any()
                                                    }}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <section class="card" aria-labelledby="new-key-heading">
                <h2 id="new-key-heading">"New key"</h2>
                <ActionForm action=create attr:class="form" attr:novalidate=true>
                    <FormAlert error/>
                    <TextField label="Name" name="name" hint="Who uses it, e.g. Rotterdam 3PL." required=true error=field_error(error, "name")/>
                    <fieldset class="field checkboxes">
                        <legend>"May"</legend>
                        {Scope::ALL.into_iter().map(|scope| view! {
                            <label><input type="checkbox" name="scopes[]" value=scope.as_str()/>" " {scope_label(scope)}</label>
                        }).collect_view()}
                        {move || field_error(error, "scopes").get().map(|m| view! { <p class="field-error">{m}</p> })}
                    </fieldset>
                    <div class="field">
                        <label for="key-location">"Only for location"</label>
                        <select id="key-location" name="location">
                            <option value="">"All locations"</option>
                            <Suspense fallback=|| ()>
                                {move || Suspend::new(async move {
                                    locations.await.unwrap_or_default().into_iter().map(|(code, name)| view! {
                                        <option value=code.clone()>{format!("{code} · {name}")}</option>
                                    }).collect_view()
                                })}
                            </Suspense>
                        </select>
                        <p class="field-hint">"A key for a 3PL should only report counts for its own warehouse."</p>
                    </div>
                    <div class="field">
                        <label for="key-channel">"Places orders for"</label>
                        <select id="key-channel" name="channel">
                            <option value="">"No channel (no orders)"</option>
                            {Channel::ALL.into_iter().map(|channel| view! {
                                <option value=channel.as_str()>{channel.label()}</option>
                            }).collect_view()}
                        </select>
                        <p class="field-hint">"A marketplace's key places and reads the orders of its channel only."</p>
                        {move || field_error(error, "channel").get().map(|m| view! { <p class="field-error">{m}</p> })}
                    </div>
                    <SubmitButton label="Create key" busy_label="Creating…" pending=create.pending()/>
                </ActionForm>
            </section>
        </div>
        </AccessGate>
    }
}
