use super::components::{LocationSelect, SkuRows};
use crate::inventory::api::{ReceiveGoods, get_locations};
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::{ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Goods in from a supplier: a location, a reference and up to ten SKUs.
/// `?location=…&sku=…` prefills the form (e.g. from a SKU's page).
#[component]
pub fn ReceivePage() -> impl IntoView {
    let query = use_query_map();
    let action = ServerAction::<ReceiveGoods>::new();
    let error = action_error(action);
    let locations = Resource::new(|| (), |_| get_locations());
    view! {
        <Title text="Receive goods · Inventory"/>
        <header class="page-header">
            <div>
                <h1>"Receive goods"</h1>
                <p class="muted">"Book a delivery into stock. Every row is received together, or none is."</p>
            </div>
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let (location, sku) = query.with(|q| (
                    q.get("location").unwrap_or_default().to_uppercase(),
                    q.get("sku").unwrap_or_default(),
                ));
                match locations.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(locations) => {
                        let selected = if location.is_empty() {
                            locations.iter().find(|l| l.active).map(|l| l.code.clone()).unwrap_or_default()
                        } else {
                            location
                        };
                        view! {
                            <ActionForm action attr:class="form wide-form" attr:novalidate=true>
                                <FormAlert error/>
                                <div class="form-row">
                                    <LocationSelect
                                        label="Location"
                                        id="receive-location"
                                        name="location"
                                        locations
                                        selected
                                        error=field_error(error, "location")
                                    />
                                    <TextField
                                        label="Reference"
                                        name="reference"
                                        hint="The supplier's delivery note number, for example."
                                        required=true
                                        error=field_error(error, "reference")
                                    />
                                </div>
                                <TextField
                                    label="Note"
                                    name="note"
                                    hint="Optional: anything worth knowing about this delivery."
                                    error=field_error(error, "note")
                                />
                                <SkuRows error first_sku=sku/>
                                <div>
                                    <SubmitButton label="Receive goods" busy_label="Receiving…" pending=action.pending()/>
                                </div>
                            </ActionForm>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
