//! A customer's order in their account: where it is (a timeline of its
//! milestones), its lines with planned ship dates, its parcels with their
//! tracking numbers, and forms to cancel unshipped lines or to send shipped
//! ones back. Both forms go through the order process, like staff's.

use crate::error::AppError;
use crate::fulfilment::pages::format_when;
use crate::orders::api::{CancelMyOrderLines, RequestMyReturn, get_my_order};
use crate::orders::model::{CustomerOrder, OrderLine};
use crate::orders::pages::returns::LineReasonSelect;
use crate::orders::tracking::TrackingStep;
use crate::ui::form::{FormAlert, SubmitButton, action_error};
use crate::ui::money::format_money;
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MyOrderPage() -> impl IntoView {
    let params = use_params_map();
    let cancel = ServerAction::<CancelMyOrderLines>::new();
    let ret = ServerAction::<RequestMyReturn>::new();
    let order = Resource::new(
        move || {
            (
                params.read().get("number").unwrap_or_default(),
                cancel.version().get() + ret.version().get(),
            )
        },
        |(number, _)| get_my_order(number),
    );
    view! {
        <Suspense fallback=|| view! { <Loading label="Loading your order…"/> }>
            {move || Suspend::new(async move {
                match order.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Order"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(order) => view! { <MyOrderView order cancel ret/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MyOrderView(
    order: CustomerOrder,
    cancel: ServerAction<CancelMyOrderLines>,
    ret: ServerAction<RequestMyReturn>,
) -> impl IntoView {
    let money = {
        let currency = order.currency.clone();
        move |minor: i64| format_money(minor, &currency)
    };
    let cancellable: Vec<OrderLine> = order
        .lines
        .iter()
        .filter(|l| order.open && l.quantity - l.cancelled_quantity - l.shipped_quantity > 0)
        .cloned()
        .collect();
    let returnable: Vec<OrderLine> = order
        .lines
        .iter()
        .filter(|l| l.shipped_quantity - l.returned_quantity > 0)
        .cloned()
        .collect();
    let number = order.number.clone();
    view! {
        <Title text=format!("Order {}", order.number)/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href="/account">"Your account"</a></li>
                <li><span aria-current="page">{format!("Order {}", order.number)}</span></li>
            </ol>
        </nav>
        <div class="page-header">
            <h1>{format!("Order {}", order.number)}</h1>
            <span class=format!("badge status-{}", order.status)>{order.status_label.clone()}</span>
        </div>
        <Tracking steps=order.tracking.clone()/>
        <section class="card" aria-labelledby="items-heading">
            <h2 id="items-heading">"Items"</h2>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">"Item"</th>
                        <th scope="col" class="num">"Ordered"</th>
                        <th scope="col" class="num">"Shipped"</th>
                        <th scope="col">"Ships by"</th>
                        <th scope="col" class="num">"Price"</th>
                    </tr>
                </thead>
                <tbody>
                    {order.lines.iter().map(|l| view! {
                        <tr>
                            <td>
                                {l.description.clone()}
                                {(l.cancelled_quantity > 0).then(|| view! { <span class="muted small">{format!(" · {} cancelled", l.cancelled_quantity)}</span> })}
                                {(l.returned_quantity > 0).then(|| view! { <span class="muted small">{format!(" · {} returned", l.returned_quantity)}</span> })}
                            </td>
                            <td class="num">{l.quantity}</td>
                            <td class="num">{l.shipped_quantity}</td>
                            <td>{l.planned_ship_date.map_or_else(|| "—".to_owned(), crate::inventory::pages::components::long_date)}</td>
                            <td class="num">{money(l.unit_price_minor * i64::from(l.quantity))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="muted">{format!("Total {} · delivery to {}, {} {}", money(order.total_minor), order.ship_to.name, order.ship_to.postal_code, order.ship_to.city)}</p>
        </section>
        {(!order.shipments.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="parcels-heading">
                <h2 id="parcels-heading">"Parcels"</h2>
                <ul class="plain-list">
                    {order.shipments.iter().map(|s| view! {
                        <li>
                            {format!("{} · tracking ", s.carrier)}
                            <strong data-testid="tracking-number">{s.tracking_number.clone()}</strong>
                            {format!(" · shipped {}", format_when(s.shipped_at))}
                            {s.delivered_at.map(|at| format!(" · delivered {}", format_when(at)))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!order.returns.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="returns-heading">
                <h2 id="returns-heading">"Returns and cancellations"</h2>
                <ul class="plain-list">
                    {order.returns.iter().map(|r| view! {
                        <li>
                            {format!(
                                "{} {} · {} units · {}{}",
                                if r.kind == "cancel" { "Cancellation" } else { "Return" },
                                r.number,
                                r.units,
                                r.status.replace('_', " "),
                                if r.refund_minor > 0 { format!(" · refunded {}", money(r.refund_minor)) } else { String::new() },
                            )}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!cancellable.is_empty()).then(|| view! { <CancelForm number=number.clone() lines=cancellable action=cancel/> })}
        {(!returnable.is_empty()).then(|| view! { <ReturnForm number=number.clone() lines=returnable action=ret/> })}
    }
}

#[component]
fn Tracking(steps: Vec<TrackingStep>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="tracking-heading">
            <h2 id="tracking-heading">"Where your order is"</h2>
            <ol class="tracking" data-testid="tracking">
                {steps.into_iter().map(|step| {
                    let done = step.at.is_some();
                    view! {
                        <li class="tracking-step" class:done=done>
                            <span class="tracking-label">{step.milestone.label()}</span>
                            <span class="muted small">{step.at.map_or_else(|| "Not yet".to_owned(), format_when)}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn CancelForm(
    number: String,
    lines: Vec<OrderLine>,
    action: ServerAction<CancelMyOrderLines>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card" aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">"Cancel items"</h2>
            <p class="muted">"Items that have not left our warehouse can be cancelled; their payment is released."</p>
            <ActionForm action attr:class="form">
                <FormAlert error/>
                <input type="hidden" name="number" value=number/>
                <fieldset class="plain-fieldset">
                    <legend class="visually-hidden">"Items to cancel"</legend>
                    {lines.into_iter().map(|l| {
                        let id = format!("cancel-line-{}", l.line_no);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=id.clone() name="lines[]" value=l.line_no.to_string()/>
                                <label for=id>{l.description}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <SubmitButton label="Cancel the ticked items" busy_label="Cancelling…" pending=action.pending() class="button danger"/>
            </ActionForm>
        </section>
    }
}

#[component]
fn ReturnForm(
    number: String,
    lines: Vec<OrderLine>,
    action: ServerAction<RequestMyReturn>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card" aria-labelledby="return-heading">
            <h2 id="return-heading">"Return items"</h2>
            <p class="muted">"Choose what you send back and why. We refund it once it is back with us."</p>
            <ActionForm action attr:class="form">
                <FormAlert error/>
                <input type="hidden" name="number" value=number/>
                <table class="table">
                    <thead><tr><th scope="col">"Item"</th><th scope="col">"Quantity"</th><th scope="col">"Reason"</th></tr></thead>
                    <tbody>
                        {lines.into_iter().map(|l| {
                            let left = l.shipped_quantity - l.returned_quantity;
                            let (qty_id, reason_id) = (format!("return-qty-{}", l.line_no), format!("return-reason-{}", l.line_no));
                            view! {
                                <tr>
                                    <td>
                                        <input type="hidden" name="line[]" value=l.line_no.to_string()/>
                                        {l.description.clone()}
                                    </td>
                                    <td>
                                        <label for=qty_id.clone() class="visually-hidden">{format!("Quantity of {} to return", l.description)}</label>
                                        <select id=qty_id name="quantity[]">
                                            {(0..=left).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                                        </select>
                                    </td>
                                    <td>
                                        <LineReasonSelect id=reason_id label=format!("Why {} comes back", l.description) choose=true/>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <SubmitButton label="Request the return" busy_label="Sending…" pending=action.pending() class="button primary"/>
            </ActionForm>
        </section>
    }
}
