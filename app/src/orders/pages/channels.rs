//! Sales channel settings (`/admin/settings/channels`): how each channel's
//! orders are routed, approved, answered and documented.

use crate::auth::model::AdminArea;
use crate::auth::pages::AccessGate;
use crate::auth::rules::Requirement;
use crate::orders::api::{SaveChannel, get_channels_page};
use crate::orders::model::{ChannelSettings, ChannelsPage, DocumentKind};
use crate::ui::form::{FormAlert, SubmitButton, field_error};
use crate::ui::status::{ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ChannelsSettingsPage() -> impl IntoView {
    let save = ServerAction::<SaveChannel>::new();
    let page = Resource::new(move || save.version().get(), |_| get_channels_page());
    let query = use_query_map();
    let saved = move || query.read().get("saved");
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    view! {
        <Title text="Sales channels · Settings"/>
        <AccessGate requirement=Requirement::Staff(AdminArea::Settings)>
            <header class="page-header">
                <div>
                    <h1>"Sales channels"</h1>
                    <p class="muted">"How each channel's orders are routed, approved, answered and documented."</p>
                </div>
            </header>
            {move || saved().map(|c| view! { <div class="alert success" role="status">{format!("Saved the {c} channel.")}</div> })}
            <FormAlert error/>
            <Suspense fallback=|| view! { <Loading label="Loading the channels…"/> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(page) => {
                            let ChannelsPage { channels, locations, reasons } = page;
                            channels.into_iter().map(|settings| {
                                let reasons: Vec<_> = reasons.iter().filter(|(c, _)| *c == settings.channel).map(|(_, r)| r.clone()).collect();
                                view! { <ChannelCard settings locations=locations.clone() reasons save error/> }
                            }).collect_view().into_any()
                        }
                    }
                })}
            </Suspense>
        </AccessGate>
    }
}

#[component]
fn ChannelCard(
    settings: ChannelSettings,
    locations: Vec<(String, String, Vec<crate::inventory::model::Channel>)>,
    reasons: Vec<crate::orders::approval::ApprovalReason>,
    save: ServerAction<SaveChannel>,
    error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let code = settings.channel.as_str();
    let id = move |field: &str| format!("{code}-{field}");
    let number = move |field: &'static str, label: &'static str, value: i32, hint: &'static str| {
        view! {
            <div class="field">
                <label for=id(field)>{label}</label>
                <input id=id(field) name=field type="number" value=value.to_string() inputmode="numeric"/>
                <p class="field-hint">{hint}</p>
                {move || field_error(error, field).get().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
        }
    };
    let check = |field: &'static str, label: &'static str, on: bool| {
        view! { <label><input type="checkbox" name=field checked=on/>" " {label}</label> }
    };
    view! {
        <section class="card" id=code aria-labelledby=id("heading")>
            <h2 id=id("heading")>{settings.name.clone()} " " <span class="muted small">{code}</span></h2>
            <ActionForm action=save attr:class="form channel-form">
                <input type="hidden" name="channel" value=code/>
                <div class="field">
                    <label for=id("name")>"Name"</label>
                    <input id=id("name") name="name" value=settings.name.clone() required=true/>
                </div>
                <fieldset class="field checkboxes">
                    <legend>"Routing"</legend>
                    {check("split_allowed", "An order may be split over locations", settings.split_allowed)}
                    {check("prefer_fewest_parts", "Prefer the fewest locations (else strictly by location priority)", settings.prefer_fewest_parts)}
                    {check("auto_cancel_unroutable", "Cancel automatically when no location can deliver (else staff decide)", settings.auto_cancel_unroutable)}
                </fieldset>
                {number("max_parts", "At most this many locations", settings.max_parts, "1–10")}
                {number("date_tolerance_days", "Ship within (days)", settings.date_tolerance_days, "Later lines wait for a staff decision.")}
                {number("max_line_quantity", "Units per line at most", settings.max_line_quantity, "Orders above it are refused at capture.")}
                <fieldset class="field checkboxes">
                    <legend>"Served by"</legend>
                    {locations.iter().map(|(location, name, channels)| view! {
                        <label><input type="checkbox" name="locations[]" value=location.clone() checked=channels.contains(&settings.channel)/>
                            " " {format!("{location} · {name}")}</label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="field checkboxes">
                    <legend>"Documents per fulfilment request"</legend>
                    {DocumentKind::ALL.into_iter().map(|d| view! {
                        <label><input type="checkbox" name="documents[]" value=d.as_str() checked=settings.documents.contains(&d)/>" " {d.label()}</label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="field checkboxes">
                    <legend>"Order response"</legend>
                    {check("send_temporary_response", "Send the planned ship dates to the channel", settings.send_temporary_response)}
                </fieldset>
                <div class="field">
                    <label for=id("webhook_url")>"Webhook URL"</label>
                    <input id=id("webhook_url") name="webhook_url" type="url" value=settings.webhook_url.clone() placeholder="https://…"/>
                    {move || field_error(error, "webhook_url").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <div class="field">
                    <label for=id("webhook_secret")>"Webhook secret"</label>
                    <input id=id("webhook_secret") name="webhook_secret" type="password" autocomplete="new-password"
                        placeholder=if settings.has_webhook_secret { "(set; leave empty to keep it)" } else { "(not set)" }/>
                    <p class="field-hint">"Signs every message: X-Atelier-Signature: t=…,v1=HMAC-SHA256(secret, \"t.body\")."</p>
                    {move || field_error(error, "webhook_secret").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <SubmitButton label="Save channel" busy_label="Saving…" pending=save.pending()/>
            </ActionForm>
            <h3>"Approval reasons"</h3>
            {if reasons.is_empty() {
                view! { <p class="muted">"Orders of this channel need no approval."</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <thead><tr><th scope="col">"Reason"</th><th scope="col">"When"</th><th scope="col" class="num">"Rank"</th><th scope="col">"Approver"</th><th scope="col">"Then"</th></tr></thead>
                        <tbody>
                            {reasons.into_iter().map(|r| view! {
                                <tr>
                                    <td>{r.name.clone()}</td>
                                    <td>{r.condition.describe()}</td>
                                    <td class="num">{r.rank}</td>
                                    <td>{if r.approver.as_str() == "staff" { "Staff (task inbox)" } else { "External system (API)" }}</td>
                                    <td>{if r.reroute_after { "route again" } else { "" }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
