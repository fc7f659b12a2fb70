//! One fulfilment request: where it is, what to do next, what happened.

use super::{QUEUE_PATH, StatusBadge, count_of, format_when, iso};
use crate::error::AppError;
use crate::fulfilment::api::{
    CancelRequest, MarkDelivered, PackRequest, ShipRequest, StartPicking, get_fulfilment_request,
};
use crate::fulfilment::model::{
    Address, CARRIERS, FulfilmentDetail, FulfilmentEvent, FulfilmentLine, FulfilmentMovement,
    FulfilmentStatus, OWN_DELIVERY, Shipment, request_path,
};
use crate::fulfilment::rules::{self, Step, packed_field};
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The actions of the request page. Created with the page (inside the
/// routes), so the errors of no-JavaScript posts come back to them.
#[derive(Clone, Copy)]
struct StepActions {
    start: ServerAction<StartPicking>,
    pack: ServerAction<PackRequest>,
    ship: ServerAction<ShipRequest>,
    deliver: ServerAction<MarkDelivered>,
    cancel: ServerAction<CancelRequest>,
}

impl StepActions {
    fn new() -> Self {
        Self {
            start: ServerAction::new(),
            pack: ServerAction::new(),
            ship: ServerAction::new(),
            deliver: ServerAction::new(),
            cancel: ServerAction::new(),
        }
    }

    /// Changes whenever any step has run: the page reloads the request.
    fn version(self) -> usize {
        self.start.version().get()
            + self.pack.version().get()
            + self.ship.version().get()
            + self.deliver.version().get()
            + self.cancel.version().get()
    }
}

#[component]
pub fn RequestPage() -> impl IntoView {
    let params = use_params_map();
    let actions = StepActions::new();
    let detail = Resource::new(
        move || {
            (
                params.read().get("number").unwrap_or_default(),
                actions.version(),
            )
        },
        |(number, _)| get_fulfilment_request(number),
    );
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Fulfilment request"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(detail) => view! { <RequestView detail actions/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RequestView(detail: FulfilmentDetail, actions: StepActions) -> impl IntoView {
    let number = detail.number.clone();
    let path = request_path(&number);
    let reached = detail
        .events
        .iter()
        .filter_map(|e| FulfilmentStatus::parse(&e.status).and_then(|s| s.step_index()))
        .max()
        .unwrap_or(0);
    view! {
        <Title text=format!("{number} · Work queue")/>
        <p class="back-link"><a href=QUEUE_PATH>"← Work queue"</a></p>
        <header class="page-header">
            <div>
                <h1>"Request " {number.clone()}</h1>
                <p class="muted">
                    "Order " {detail.order_number.clone()} " · " {detail.location.name.clone()}
                    " · submitted " <time datetime=iso(detail.submitted_at)>{format_when(detail.submitted_at)}</time>
                </p>
            </div>
            <div class="fr-header-actions">
                <StatusBadge status=detail.status/>
                <a class="button small" href=format!("{path}/pick-list")>"Pick list"</a>
                <a class="button small" href=format!("{path}/delivery-note")>"Delivery note"</a>
            </div>
        </header>
        <Steps status=detail.status reached/>
        <div class="fr-grid">
            <ActionArea detail=detail.clone() actions/>
            <section class="card" aria-labelledby="ship-to-heading">
                <h2 id="ship-to-heading">"Ship to"</h2>
                <AddressBlock address=detail.ship_to.clone()/>
                <p class="muted">{format!(
                    "{} on {} · {} channel",
                    count_of(detail.units(), "unit", "units"),
                    count_of(detail.lines.len() as i64, "line", "lines"),
                    detail.channel
                )}</p>
            </section>
            {detail.shipment.clone().map(|shipment| view! { <ShipmentCard shipment/> })}
        </div>
        <section class="fr-section" aria-labelledby="lines-heading">
            <h2 id="lines-heading">"Lines"</h2>
            <LinesTable lines=detail.lines.clone()/>
        </section>
        <section class="fr-section" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <Timeline events=detail.events.clone()/>
        </section>
        <section class="fr-section" aria-labelledby="movements-heading">
            <h2 id="movements-heading">"Stock movements"</h2>
            <MovementsTable movements=detail.movements.clone()/>
        </section>
    }
}

/// The way through a request, with where it is now.
#[component]
fn Steps(status: FulfilmentStatus, reached: usize) -> impl IntoView {
    let current = status.step_index();
    let steps = FulfilmentStatus::FLOW
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let state = match current {
                Some(c) if i < c => "done",
                Some(c) if i == c => "current",
                Some(_) => "todo",
                // Cancelled: the steps it got through, then it stopped.
                None if i <= reached => "done",
                None => "skipped",
            };
            view! {
                <li class=format!("fr-step {state}") aria-current=(current == Some(i)).then_some("step")>
                    <span class="fr-step-mark" aria-hidden="true">{i + 1}</span>
                    <span class="fr-step-label">{step.label()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="fr-steps" aria-label="Progress">
            {steps}
            {(status == FulfilmentStatus::Cancelled).then(|| view! {
                <li class="fr-step cancelled" aria-current="step">
                    <span class="fr-step-mark" aria-hidden="true">"×"</span>
                    <span class="fr-step-label">"Cancelled"</span>
                </li>
            })}
        </ol>
    }
}

#[component]
pub fn AddressBlock(address: Address) -> impl IntoView {
    view! {
        <address class="address">
            <strong>{address.name}</strong><br/>
            {(!address.line1.is_empty()).then(|| view! { {address.line1}<br/> })}
            {address.postal_code} " " {address.city}<br/>
            {address.country}
        </address>
    }
}

#[component]
fn ShipmentCard(shipment: Shipment) -> impl IntoView {
    let parcels = shipment.parcels;
    view! {
        <section class="card" aria-labelledby="shipment-heading">
            <h2 id="shipment-heading">"Shipment"</h2>
            <dl class="facts">
                <dt>"Carrier"</dt>
                <dd>{shipment.carrier.clone()}</dd>
                <dt>"Tracking number"</dt>
                <dd>{if shipment.tracking_number.is_empty() { "—".to_owned() } else { shipment.tracking_number.clone() }}</dd>
                <dt>"Parcels"</dt>
                <dd>{parcels}</dd>
                <dt>"Shipped"</dt>
                <dd>{format_when(shipment.shipped_at)} " by " {shipment.shipped_by.clone()}</dd>
                {shipment.delivered_at.map(|at| view! {
                    <dt>"Delivered"</dt>
                    <dd>{format_when(at)}</dd>
                })}
                {shipment.signed_by.clone().map(|name| view! {
                    <dt>"Signed by"</dt>
                    <dd>{name}</dd>
                })}
            </dl>
        </section>
    }
}

/// What the worker can do now.
#[component]
fn ActionArea(detail: FulfilmentDetail, actions: StepActions) -> impl IntoView {
    let number = detail.number.clone();
    let status = detail.status;
    let main = match status {
        FulfilmentStatus::Planned => view! {
            <h2>"Planned"</h2>
            <p>"The order process has not handed this request to the location yet."</p>
        }
        .into_any(),
        FulfilmentStatus::Submitted => {
            view! { <StartPickingForm number=number.clone() action=actions.start/> }.into_any()
        }
        FulfilmentStatus::Picking => view! {
            <PackForm number=number.clone() lines=detail.lines.clone() action=actions.pack/>
        }
        .into_any(),
        FulfilmentStatus::Packed => view! {
            <ShipForm number=number.clone() packed=detail.packed_units() action=actions.ship/>
        }
        .into_any(),
        FulfilmentStatus::Shipped => match detail.shipment.as_ref() {
            Some(shipment) if shipment.is_own_delivery() => {
                view! { <DeliveryForm number=number.clone() action=actions.deliver/> }.into_any()
            }
            Some(shipment) => view! {
                <h2>"On its way"</h2>
                <p>{format!("{} confirms the delivery through its tracking; nothing more to do here.", shipment.carrier)}</p>
            }
            .into_any(),
            None => view! { <h2>"Shipped"</h2> }.into_any(),
        },
        FulfilmentStatus::Delivered => view! {
            <h2>"Delivered"</h2>
            <p>"This request is complete."</p>
        }
        .into_any(),
        FulfilmentStatus::Cancelled => view! {
            <h2>"Cancelled"</h2>
            <p>"This request was cancelled and its reserved stock released. See the timeline for who and why."</p>
        }
        .into_any(),
    };
    let can_cancel = rules::can(Step::Cancel, status);
    // The pack form is a table: it gets the whole width.
    let class = if status == FulfilmentStatus::Picking {
        "card fr-actions wide"
    } else {
        "card fr-actions"
    };
    view! {
        <section class=class aria-label="Next step">
            {main}
            {can_cancel.then(|| view! { <CancelForm number=number.clone() action=actions.cancel/> })}
        </section>
    }
}

#[component]
fn StartPickingForm(number: String, action: ServerAction<StartPicking>) -> impl IntoView {
    let error = action_error(action);
    let pending = action.pending();
    let pick_list = format!("{}/pick-list", request_path(&number));
    view! {
        <h2>"Ready to pick"</h2>
        <p>"Take the request, then collect the goods bin by bin. The "
            <a href=pick_list>"pick list"</a>
            " gives the walking order."</p>
        <ActionForm action attr:class="form">
            <FormAlert error/>
            <input type="hidden" name="number" value=number/>
            <SubmitButton label="Start picking" busy_label="Starting…" pending/>
        </ActionForm>
    }
}

#[component]
fn PackForm(
    number: String,
    lines: Vec<FulfilmentLine>,
    action: ServerAction<PackRequest>,
) -> impl IntoView {
    let error = action_error(action);
    let pending = action.pending();
    let rows = lines
        .into_iter()
        .map(|line| {
            let field = packed_field(line.line_no);
            let id = format!("packed-{}", line.line_no);
            let error_id = format!("{id}-error");
            let message = {
                let field = field.clone();
                Signal::derive(move || error.get().and_then(|e| e.field_message(&field)))
            };
            let label = format!("Packed units of {}", line.sku);
            view! {
                <tr class:invalid=move || message.get().is_some()>
                    <td>{if line.bin.is_empty() { "—".to_owned() } else { line.bin.clone() }}</td>
                    <td>{line.sku.clone()}</td>
                    <td>{format!("{} · {} · {}", line.product, line.colour, line.size)}</td>
                    <td class="num">{line.quantity}</td>
                    <td class="num">
                        <input
                            id=id
                            class="pack-input"
                            name=field
                            type="number"
                            inputmode="numeric"
                            min="0"
                            max=line.quantity
                            step="1"
                            value=line.quantity
                            aria-label=label
                            data-sku=line.sku.clone()
                            aria-invalid=move || message.get().is_some().then_some("true")
                            aria-describedby=move || message.get().is_some().then(|| error_id.clone())
                        />
                        {move || message.get().map(|m| view! {
                            <p class="field-error" id=format!("packed-{}-error", line.line_no)>{m}</p>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id="pack-heading">"Pack"</h2>
        <p>"Enter the units you put in the parcel. A lower number than ordered records a short pick: the missing units leave the stock as an adjustment and are not shipped."</p>
        <ActionForm action attr:class="form" attr:novalidate=true attr:aria-labelledby="pack-heading">
            <FormAlert error/>
            <input type="hidden" name="number" value=number/>
            <div class="table-wrap">
                <table class="table pack-table">
                    <caption class="visually-hidden">"Units packed per line"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Bin"</th>
                            <th scope="col">"SKU"</th>
                            <th scope="col">"Product"</th>
                            <th scope="col" class="num">"Ordered"</th>
                            <th scope="col" class="num">"Packed"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <SubmitButton label="Mark packed" busy_label="Saving…" pending/>
        </ActionForm>
    }
}

#[component]
fn ShipForm(number: String, packed: i32, action: ServerAction<ShipRequest>) -> impl IntoView {
    let error = action_error(action);
    let pending = action.pending();
    let carrier_error = field_error(error, "carrier");
    view! {
        <h2 id="ship-heading">"Ship"</h2>
        <p>{format!(
            "{} packed. Hand the parcels to the carrier and record the shipment: the goods leave the stock.",
            count_of(packed, "unit is", "units are")
        )}</p>
        <ActionForm action attr:class="form" attr:novalidate=true attr:aria-labelledby="ship-heading">
            <FormAlert error/>
            <input type="hidden" name="number" value=number/>
            <div class="field" class:invalid=move || carrier_error.get().is_some()>
                <label for="field-carrier">"Carrier"</label>
                <select
                    id="field-carrier"
                    name="carrier"
                    required
                    aria-invalid=move || carrier_error.get().is_some().then_some("true")
                    aria-describedby=move || carrier_error.get().is_some().then_some("field-carrier-error")
                >
                    <option value="">"Choose a carrier"</option>
                    {CARRIERS.into_iter().map(|c| view! { <option value=c>{c}</option> }).collect_view()}
                </select>
                {move || carrier_error.get().map(|m| view! { <p class="field-error" id="field-carrier-error">{m}</p> })}
            </div>
            <TextField
                label="Tracking number"
                name="tracking_number"
                hint="As printed on the carrier's label: letters, digits and dashes. Not needed for own delivery."
                error=field_error(error, "tracking_number")
            />
            <TextField
                label="Parcels"
                name="parcels"
                kind="number"
                value="1".to_owned()
                required=true
                error=field_error(error, "parcels")
            />
            <SubmitButton label="Confirm shipment" busy_label="Shipping…" pending/>
        </ActionForm>
    }
}

#[component]
fn DeliveryForm(number: String, action: ServerAction<MarkDelivered>) -> impl IntoView {
    let error = action_error(action);
    let pending = action.pending();
    view! {
        <h2 id="deliver-heading">"Own delivery"</h2>
        <p>{format!("When the goods are handed over, record who signed for them. ({OWN_DELIVERY} has no carrier tracking.)")}</p>
        <ActionForm action attr:class="form" attr:novalidate=true attr:aria-labelledby="deliver-heading">
            <FormAlert error/>
            <input type="hidden" name="number" value=number/>
            <TextField
                label="Signed by"
                name="signed_by"
                autocomplete="off"
                required=true
                error=field_error(error, "signed_by")
            />
            <SubmitButton label="Mark delivered" busy_label="Saving…" pending/>
        </ActionForm>
    }
}

/// Cancelling takes two deliberate steps (open, tick, confirm): no
/// JavaScript dialog needed.
#[component]
fn CancelForm(number: String, action: ServerAction<CancelRequest>) -> impl IntoView {
    let error = action_error(action);
    let pending = action.pending();
    let confirm_error = field_error(error, "confirm");
    let reason_error = field_error(error, "reason");
    view! {
        <details class="cancel-box" open=move || error.get().is_some()>
            <summary>"Cancel this request"</summary>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormAlert error/>
                <input type="hidden" name="number" value=number/>
                <div class="field" class:invalid=move || reason_error.get().is_some()>
                    <label for="field-reason">"Reason (optional)"</label>
                    <textarea id="field-reason" name="reason" rows="2" maxlength="500"></textarea>
                    {move || reason_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <div class="field checkbox" class:invalid=move || confirm_error.get().is_some()>
                    <label>
                        <input
                            type="checkbox"
                            name="confirm"
                            value="yes"
                            aria-invalid=move || confirm_error.get().is_some().then_some("true")
                        />
                        " Yes, cancel this request and release its reserved stock"
                    </label>
                    {move || confirm_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <SubmitButton label="Cancel request" busy_label="Cancelling…" pending class="button danger"/>
            </ActionForm>
        </details>
    }
}

#[component]
fn LinesTable(lines: Vec<FulfilmentLine>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table lines-table">
                <caption class="visually-hidden">"Lines in pick order: by bin, then SKU"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Bin"</th>
                        <th scope="col">"SKU"</th>
                        <th scope="col">"Product"</th>
                        <th scope="col">"Colour"</th>
                        <th scope="col">"Size"</th>
                        <th scope="col" class="num">"Ordered"</th>
                        <th scope="col" class="num">"Packed"</th>
                        <th scope="col" class="num">"Short"</th>
                    </tr>
                </thead>
                <tbody>
                    {lines.into_iter().map(|line| {
                        let short = line.short();
                        view! {
                            <tr>
                                <td>{if line.bin.is_empty() { "—".to_owned() } else { line.bin.clone() }}</td>
                                <td>{line.sku.clone()}</td>
                                <td>{line.product.clone()}</td>
                                <td>{line.colour.clone()}</td>
                                <td>{line.size.clone()}</td>
                                <td class="num">{line.quantity}</td>
                                <td class="num">{line.packed_quantity.map_or_else(|| "—".to_owned(), |p| p.to_string())}</td>
                                <td class="num" class:short={short > 0}>{if short > 0 { short.to_string() } else { "—".to_owned() }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Timeline(events: Vec<FulfilmentEvent>) -> impl IntoView {
    view! {
        <ol class="timeline">
            {events.into_iter().map(|event| {
                let status = FulfilmentStatus::parse(&event.status);
                view! {
                    <li>
                        <div class="timeline-head">
                            {match status {
                                Some(status) => view! { <StatusBadge status/> }.into_any(),
                                None => view! { <span class="badge">{event.label()}</span> }.into_any(),
                            }}
                            <time datetime=iso(event.at)>{format_when(event.at)}</time>
                            <span class="muted">{format!("by {}", event.actor)}</span>
                        </div>
                        {(!event.note.is_empty()).then(|| view! { <p>{event.note.clone()}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

fn signed(n: i32) -> String {
    if n == 0 {
        "0".to_owned()
    } else {
        format!("{n:+}")
    }
}

#[component]
fn MovementsTable(movements: Vec<FulfilmentMovement>) -> impl IntoView {
    if movements.is_empty() {
        return view! { <p class="muted">"No stock has moved for this request."</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table movements-table">
                <caption class="visually-hidden">"Stock movements of this request, oldest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"When"</th>
                        <th scope="col">"Movement"</th>
                        <th scope="col">"SKU"</th>
                        <th scope="col" class="num">"On hand"</th>
                        <th scope="col" class="num">"Reserved"</th>
                        <th scope="col">"Reference"</th>
                        <th scope="col">"Note"</th>
                    </tr>
                </thead>
                <tbody>
                    {movements.into_iter().map(|m| view! {
                        <tr>
                            <td><time datetime=iso(m.at)>{format_when(m.at)}</time></td>
                            <td>{m.kind.label()}</td>
                            <td>{m.sku}</td>
                            <td class="num">{signed(m.on_hand_delta)}</td>
                            <td class="num">{signed(m.reserved_delta)}</td>
                            <td>{m.reference}</td>
                            <td>{m.reason}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
