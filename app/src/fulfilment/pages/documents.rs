//! The printable documents of a request: the pick list (in walking order)
//! and the delivery note that travels with the parcel. They render inside
//! the back office; the print stylesheet leaves only the document.

use super::detail::AddressBlock;
use super::{count_of, format_when, iso};
use crate::error::AppError;
use crate::fulfilment::api::get_fulfilment_request;
use crate::fulfilment::model::{FulfilmentDetail, FulfilmentStatus, request_path};
use crate::ui::dates::format_date;
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Loads the request of the URL and renders it with `document`.
#[component]
fn DocumentPage(document: fn(FulfilmentDetail) -> AnyView) -> impl IntoView {
    let params = use_params_map();
    let detail = Resource::new(
        move || params.read().get("number").unwrap_or_default(),
        get_fulfilment_request,
    );
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Fulfilment request"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(detail) => document(detail),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn PickListPage() -> impl IntoView {
    view! { <DocumentPage document=pick_list/> }
}

#[component]
pub fn DeliveryNotePage() -> impl IntoView {
    view! { <DocumentPage document=delivery_note/> }
}

/// Back to the request, and a print button (shown once the page is
/// interactive; without JavaScript the browser's own print works the same).
#[component]
fn DocumentBar(number: String) -> impl IntoView {
    view! {
        <div class="doc-bar no-print">
            <a href=request_path(&number)>"← Request " {number.clone()}</a>
            <button type="button" class="button small print-button" on:click=|_| print_page()>"Print"</button>
        </div>
    }
}

fn print_page() {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().print();
    }
}

fn pick_list(detail: FulfilmentDetail) -> AnyView {
    let units = detail.units();
    view! {
        <Title text=format!("Pick list {} · Work queue", detail.number)/>
        <DocumentBar number=detail.number.clone()/>
        <article class="print-doc" aria-labelledby="doc-title">
            <header class="doc-header">
                <div>
                    <p class="doc-kind">"Pick list"</p>
                    <h1 id="doc-title">{detail.number.clone()}</h1>
                </div>
                <dl class="facts doc-facts">
                    <dt>"Order"</dt>
                    <dd>{detail.order_number.clone()}</dd>
                    <dt>"Location"</dt>
                    <dd>{format!("{} · {}", detail.location.code, detail.location.name)}</dd>
                    <dt>"Submitted"</dt>
                    <dd><time datetime=iso(detail.submitted_at)>{format_when(detail.submitted_at)}</time></dd>
                    <dt>"To pick"</dt>
                    <dd>{format!(
                        "{} on {}",
                        count_of(units, "unit", "units"),
                        count_of(detail.lines.len() as i64, "line", "lines")
                    )}</dd>
                    <dt>"Status"</dt>
                    <dd>{detail.status.label()}</dd>
                </dl>
            </header>
            <table class="table doc-table">
                <caption class="visually-hidden">"Lines in walking order: by bin, then SKU"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Bin"</th>
                        <th scope="col">"SKU"</th>
                        <th scope="col">"Product"</th>
                        <th scope="col">"Colour"</th>
                        <th scope="col">"Size"</th>
                        <th scope="col" class="num">"Quantity"</th>
                        <th scope="col" class="tick">"Picked"</th>
                    </tr>
                </thead>
                <tbody>
                    {detail.lines.into_iter().map(|line| view! {
                        <tr>
                            <td class="bin">{if line.bin.is_empty() { "—".to_owned() } else { line.bin }}</td>
                            <td class="sku">{line.sku}</td>
                            <td>{line.product}</td>
                            <td>{line.colour}</td>
                            <td>{line.size}</td>
                            <td class="num">{line.quantity}</td>
                            <td class="tick"><span class="tick-box" aria-hidden="true"></span></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="doc-sign">"Picked by ______________________   Date ____________"</p>
        </article>
    }
    .into_any()
}

fn delivery_note(detail: FulfilmentDetail) -> AnyView {
    let shipped = matches!(
        detail.status,
        FulfilmentStatus::Shipped | FulfilmentStatus::Delivered
    );
    let packed = detail.lines.iter().any(|l| l.packed_quantity.is_some());
    let quantity_heading = if shipped { "Shipped" } else { "Quantity" };
    let date = detail.shipment.as_ref().map_or_else(
        || "Not shipped yet".to_owned(),
        |s| format_date(s.shipped_at),
    );
    // Lines not packed (short picks) stay on the note with 0, so the
    // customer sees what is missing.
    let lines = detail
        .lines
        .iter()
        .map(|line| {
            let quantity = if packed {
                line.packed_quantity.unwrap_or(0)
            } else {
                line.quantity
            };
            view! {
                <tr>
                    <td class="sku">{line.sku.clone()}</td>
                    <td>{line.description.clone()}</td>
                    <td class="num">{line.quantity}</td>
                    <td class="num">{quantity}</td>
                </tr>
            }
        })
        .collect_view();
    let total: i32 = if packed {
        detail.packed_units()
    } else {
        detail.units()
    };
    view! {
        <Title text=format!("Delivery note {} · Work queue", detail.number)/>
        <DocumentBar number=detail.number.clone()/>
        <article class="print-doc" aria-labelledby="doc-title">
            <header class="doc-header">
                <div>
                    <p class="doc-kind">"Atelier"</p>
                    <AddressBlock address=detail.sender.clone()/>
                </div>
                <div class="doc-title-block">
                    <h1 id="doc-title">"Delivery note"</h1>
                    <dl class="facts doc-facts">
                        <dt>"Number"</dt>
                        <dd>{detail.number.clone()}</dd>
                        <dt>"Order"</dt>
                        <dd>{detail.order_number.clone()}</dd>
                        <dt>"Date"</dt>
                        <dd>{date}</dd>
                        {detail.shipment.clone().map(|s| view! {
                            <dt>"Carrier"</dt>
                            <dd>{s.carrier}</dd>
                            {(!s.tracking_number.is_empty()).then(|| view! {
                                <dt>"Tracking"</dt>
                                <dd>{s.tracking_number.clone()}</dd>
                            })}
                            <dt>"Parcels"</dt>
                            <dd>{s.parcels}</dd>
                        })}
                    </dl>
                </div>
            </header>
            <section class="doc-address" aria-labelledby="deliver-to-heading">
                <h2 id="deliver-to-heading">"Deliver to"</h2>
                <AddressBlock address=detail.ship_to.clone()/>
            </section>
            <table class="table doc-table">
                <caption class="visually-hidden">"Goods in this delivery"</caption>
                <thead>
                    <tr>
                        <th scope="col">"SKU"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col" class="num">"Ordered"</th>
                        <th scope="col" class="num">{quantity_heading}</th>
                    </tr>
                </thead>
                <tbody>{lines}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="3">"Total units"</th>
                        <td class="num">{total}</td>
                    </tr>
                </tfoot>
            </table>
            <p class="doc-reference">"Reference " <span class="doc-code">{detail.number.clone()}</span> " · Please quote it for any question about this delivery."</p>
        </article>
    }
    .into_any()
}
