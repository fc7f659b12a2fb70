//! A customer's order in their account: where it is (a timeline of its
//! milestones), its lines with planned ship dates, its parcels with their
//! tracking numbers, and forms to cancel unshipped lines or to send shipped
//! ones back. Both forms go through the order process, like staff's.

use crate::error::AppError;
use crate::i18n::use_locale;
use crate::orders::api::{CancelMyOrderLines, RequestMyReturn, get_my_order};
use crate::orders::model::{CustomerOrder, OrderLine};
use crate::orders::pages::returns::LineReasonSelect;
use crate::orders::texts::{
    cancelled_count, day, milestone_label, order_status_label, order_texts, order_title,
    parcel_delivered, parcel_shipped, parcel_tracking, quantity_to_return, return_summary,
    returned_count, total_and_delivery, when, why_it_comes_back,
};
use crate::orders::tracking::TrackingStep;
use crate::ui::form::{FormAlert, SubmitButton, action_error};
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MyOrderPage() -> impl IntoView {
    let t = order_texts(use_locale());
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
        <Suspense fallback=move || view! { <Loading label=t.loading_order/> }>
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
    let locale = use_locale();
    let t = order_texts(locale);
    let money = {
        let currency = order.currency.clone();
        move |minor: i64| locale.money(minor, &currency)
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
    let title = order_title(locale, &order.number);
    view! {
        <Title text=title.clone()/>
        <nav aria-label=t.breadcrumb class="breadcrumbs">
            <ol>
                <li><a href=locale.href("/account")>{t.your_account}</a></li>
                <li><span aria-current="page">{title.clone()}</span></li>
            </ol>
        </nav>
        <div class="page-header">
            <h1>{title}</h1>
            <span class=format!("badge status-{}", order.status)>{order_status_label(locale, &order.status, &order.status_label)}</span>
        </div>
        <Tracking steps=order.tracking.clone()/>
        <section class="card" aria-labelledby="items-heading">
            <h2 id="items-heading">{t.items}</h2>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t.item}</th>
                        <th scope="col" class="num">{t.ordered}</th>
                        <th scope="col" class="num">{t.shipped}</th>
                        <th scope="col">{t.ships_by}</th>
                        <th scope="col" class="num">{t.price}</th>
                    </tr>
                </thead>
                <tbody>
                    {order.lines.iter().map(|l| view! {
                        <tr>
                            <td>
                                {l.description.clone()}
                                {(l.cancelled_quantity > 0).then(|| view! { <span class="muted small">{cancelled_count(locale, l.cancelled_quantity)}</span> })}
                                {(l.returned_quantity > 0).then(|| view! { <span class="muted small">{returned_count(locale, l.returned_quantity)}</span> })}
                            </td>
                            <td class="num">{l.quantity}</td>
                            <td class="num">{l.shipped_quantity}</td>
                            <td>{l.planned_ship_date.map_or_else(|| "—".to_owned(), |d| day(locale, d))}</td>
                            <td class="num">{money(l.unit_price_minor * i64::from(l.quantity))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="muted">{total_and_delivery(locale, &money(order.total_minor), &format!("{}, {} {}", order.ship_to.name, order.ship_to.postal_code, order.ship_to.city))}</p>
        </section>
        {(!order.shipments.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="parcels-heading">
                <h2 id="parcels-heading">{t.parcels}</h2>
                <ul class="plain-list">
                    {order.shipments.iter().map(|s| view! {
                        <li>
                            {parcel_tracking(locale, &s.carrier)}
                            <strong data-testid="tracking-number">{s.tracking_number.clone()}</strong>
                            {parcel_shipped(locale, &when(locale, s.shipped_at))}
                            {s.delivered_at.map(|at| parcel_delivered(locale, &when(locale, at)))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!order.returns.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="returns-heading">
                <h2 id="returns-heading">{t.returns_and_cancellations}</h2>
                <ul class="plain-list">
                    {order.returns.iter().map(|r| view! {
                        <li>
                            {return_summary(
                                locale,
                                r.kind == "cancel",
                                &r.number,
                                r.units,
                                &r.status,
                                (r.refund_minor > 0).then(|| money(r.refund_minor)).as_deref(),
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
    let locale = use_locale();
    let t = order_texts(locale);
    view! {
        <section class="card" aria-labelledby="tracking-heading">
            <h2 id="tracking-heading">{t.where_it_is}</h2>
            <ol class="tracking" data-testid="tracking">
                {steps.into_iter().map(|step| {
                    let done = step.at.is_some();
                    view! {
                        <li class="tracking-step" class:done=done>
                            <span class="tracking-label">{milestone_label(locale, step.milestone)}</span>
                            <span class="muted small">{step.at.map_or_else(|| t.not_yet.to_owned(), |at| when(locale, at))}</span>
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
    let t = order_texts(use_locale());
    let error = action_error(action);
    view! {
        <section class="card" aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">{t.cancel_items}</h2>
            <p class="muted">{t.cancel_hint}</p>
            <ActionForm action attr:class="form">
                <FormAlert error/>
                <input type="hidden" name="number" value=number/>
                <fieldset class="plain-fieldset">
                    <legend class="visually-hidden">{t.items_to_cancel}</legend>
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
                <SubmitButton label=t.cancel_ticked busy_label=t.cancelling pending=action.pending() class="button danger"/>
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
    let locale = use_locale();
    let t = order_texts(locale);
    let error = action_error(action);
    view! {
        <section class="card" aria-labelledby="return-heading">
            <h2 id="return-heading">{t.return_items}</h2>
            <p class="muted">{t.return_hint}</p>
            <ActionForm action attr:class="form">
                <FormAlert error/>
                <input type="hidden" name="number" value=number/>
                <table class="table">
                    <thead><tr><th scope="col">{t.item}</th><th scope="col">{t.quantity}</th><th scope="col">{t.reason}</th></tr></thead>
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
                                        <label for=qty_id.clone() class="visually-hidden">{quantity_to_return(locale, &l.description)}</label>
                                        <select id=qty_id name="quantity[]">
                                            {(0..=left).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                                        </select>
                                    </td>
                                    <td>
                                        <LineReasonSelect id=reason_id label=why_it_comes_back(locale, &l.description) choose=true locale/>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <SubmitButton label=t.request_return busy_label=t.sending pending=action.pending() class="button primary"/>
            </ActionForm>
        </section>
    }
}
