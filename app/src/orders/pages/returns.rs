//! Returns and the payment on the order page, and the printable return
//! note and label.

use crate::error::AppError;
use crate::fulfilment::model::request_path;
use crate::fulfilment::pages::detail::AddressBlock;
use crate::fulfilment::pages::format_when;
use crate::orders::api::{
    AdvanceOrderReturn, CreateOrderReturn, get_return_documents, order_path, parcel_return_path,
    return_documents_path,
};
use crate::orders::lifecycle::OrderStatus;
use crate::orders::model::{OrderDetail, OrderDocument, OrderReturn, ReturnDocuments};
use crate::orders::returns::ReturnStatus;
use crate::payments::model::PaymentView;
use crate::ui::form::SubmitButton;
use crate::ui::money::format_money;
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Why customers send goods back (the first is the form's default).
pub const RETURN_REASONS: [&str; 6] = [
    "Too small",
    "Too large",
    "Not as described",
    "Arrived damaged",
    "Wrong item sent",
    "No longer wanted",
];

/// The reason of one line of a return form (`line_reason[]`), with its
/// label for screen readers. `choose`: starts empty, so a reason is a choice.
#[component]
pub fn LineReasonSelect(
    id: String,
    label: String,
    #[prop(optional)] choose: bool,
    /// Shows the reasons in this language (the customer's); what the form
    /// sends stays the English reason staff read.
    #[prop(optional)]
    locale: Option<crate::i18n::Locale>,
) -> impl IntoView {
    let words = move |english: &'static str| {
        locale.map_or(english, |l| crate::orders::texts::reason_label(l, english))
    };
    view! {
        <label class="visually-hidden" for=id.clone()>{label}</label>
        <select id=id name="line_reason[]">
            {choose.then(|| view! { <option value="">{words("Choose a reason")}</option> })}
            {RETURN_REASONS.iter().map(|r| view! { <option value=*r>{words(r)}</option> }).collect_view()}
        </select>
    }
}

/// The order's payment: what is held, taken, let go and given back.
#[component]
pub fn Payment(payment: Option<PaymentView>, currency: String) -> impl IntoView {
    let Some(payment) = payment else {
        return view! {
            <section class="card" aria-labelledby="payment-heading">
                <h2 id="payment-heading">"Payment"</h2>
                <p class="muted">"No payment recorded."</p>
            </section>
        }
        .into_any();
    };
    let money = move |minor: i64| format_money(minor, &currency);
    view! {
        <section class="card" aria-labelledby="payment-heading">
            <h2 id="payment-heading">"Payment " <span class=format!("badge pay-{}", payment.status)>{payment.status.replace('_', " ")}</span></h2>
            <dl class="facts payment-facts">
                <dt>"Provider"</dt><dd>{payment.provider.replace('_', " ")} {(!payment.provider_reference.is_empty()).then(|| format!(" · {}", payment.provider_reference))}</dd>
                <dt>"Authorized"</dt><dd>{money(payment.authorized_minor)}</dd>
                <dt>"Captured"</dt><dd>{money(payment.captured_minor)}</dd>
                <dt>"Voided"</dt><dd>{money(payment.voided_minor)}</dd>
                <dt>"Refunded"</dt><dd>{money(payment.refunded_minor)}</dd>
            </dl>
            <ul class="payment-transactions">
                {payment.transactions.iter().map(|t| view! {
                    <li>{format!("{} · {} {} · {}", format_when(t.at), t.kind, money(t.amount_minor), t.reference)}</li>
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// Returns and cancellations of the order; a form for a new return while
/// shipped goods can still come back.
#[component]
pub fn Returns(
    order: OrderDetail,
    create: ServerAction<CreateOrderReturn>,
    advance: ServerAction<AdvanceOrderReturn>,
) -> impl IntoView {
    let shipped = matches!(
        OrderStatus::parse(&order.status),
        Some(OrderStatus::PartiallyShipped | OrderStatus::Shipped | OrderStatus::Completed)
    );
    let returnable: Vec<_> = order
        .lines
        .iter()
        .filter(|l| l.shipped_quantity > l.returned_quantity)
        .cloned()
        .collect();
    let number = order.number.clone();
    let currency = order.currency.clone();
    view! {
        <section class="card" aria-labelledby="returns-heading">
            <h2 id="returns-heading">"Returns and cancellations"</h2>
            {order.returns.is_empty().then(|| view! { <p class="muted">"None yet."</p> })}
            <div class="returns">
                {order.returns.iter().cloned().map(|r| view! {
                    <ReturnCard order_number=number.clone() currency=currency.clone() item=r advance/>
                }).collect_view()}
            </div>
            {(shipped && !returnable.is_empty()).then(|| view! {
                <ActionForm action=create attr:class="return-form" attr:aria-label="Create a return">
                    <h3>"Create a return"</h3>
                    <input type="hidden" name="number" value=number.clone()/>
                    <div class="table-wrap">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">"Line"</th><th scope="col" class="num">"Can return"</th>
                                <th scope="col">"Quantity"</th><th scope="col">"Why"</th>
                            </tr></thead>
                            <tbody>
                                {returnable.into_iter().map(|l| {
                                    let left = l.shipped_quantity - l.returned_quantity;
                                    let qty_id = format!("return-qty-{}", l.line_no);
                                    let why_id = format!("return-why-{}", l.line_no);
                                    view! {
                                        <tr>
                                            <td>{format!("{} · {}", l.line_no, l.sku)}<input type="hidden" name="line[]" value=l.line_no.to_string()/></td>
                                            <td class="num">{left}</td>
                                            <td>
                                                <label class="visually-hidden" for=qty_id.clone()>{format!("Units of line {} to return", l.line_no)}</label>
                                                <input id=qty_id type="number" name="quantity[]" min="0" max=left.to_string() value="0" inputmode="numeric" class="qty-input"/>
                                            </td>
                                            <td>
                                                <LineReasonSelect id=why_id label=format!("Why line {} comes back", l.line_no)/>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <div class="inline-form">
                        <label for="return-reason">"Note"</label>
                        <input id="return-reason" name="reason" required=true placeholder="e.g. customer called, exchange wanted"/>
                        <SubmitButton label="Create return" busy_label="Creating…" pending=create.pending()/>
                    </div>
                </ActionForm>
            })}
        </section>
    }
}

/// One return with the step it can take next.
#[component]
fn ReturnCard(
    order_number: String,
    currency: String,
    item: OrderReturn,
    advance: ServerAction<AdvanceOrderReturn>,
) -> impl IntoView {
    let status = ReturnStatus::parse(&item.status);
    let cancel = item.kind == "cancel";
    let rma = item.number.clone();
    let step_form = {
        let (order_number, rma) = (order_number.clone(), rma.clone());
        move |step: &'static str, label: &'static str, class: &'static str| {
            view! {
                <ActionForm action=advance attr:class="inline-form">
                    <input type="hidden" name="number" value=order_number.clone()/>
                    <input type="hidden" name="rma" value=rma.clone()/>
                    <input type="hidden" name="step" value=step/>
                    <SubmitButton label busy_label="Saving…" pending=advance.pending() class/>
                </ActionForm>
            }
        }
    };
    let reject_form = {
        let (order_number, rma) = (order_number.clone(), rma.clone());
        move || {
            let id = format!("reject-{rma}");
            view! {
                <ActionForm action=advance attr:class="inline-form">
                    <input type="hidden" name="number" value=order_number.clone()/>
                    <input type="hidden" name="rma" value=rma.clone()/>
                    <input type="hidden" name="step" value="reject"/>
                    <label for=id.clone()>"Reject because"</label>
                    <input id=id name="comment" required=true/>
                    <SubmitButton label="Reject" busy_label="Rejecting…" pending=advance.pending() class="button danger"/>
                </ActionForm>
            }
        }
    };
    let inspect_lines = item.lines.clone();
    let actions = match status {
        Some(ReturnStatus::Requested) => view! {
            {step_form("approve", "Approve and send label", "button primary")}
            {reject_form()}
        }
        .into_any(),
        Some(ReturnStatus::Approved) => view! {
            <a class="button" href=return_documents_path(&order_number, &rma)>"Return note and label"</a>
            {step_form("receive", "Mark received", "button primary")}
            {reject_form()}
        }
        .into_any(),
        Some(ReturnStatus::Received) => {
            let label = format!("Inspect {rma}");
            let id_prefix = format!("disposition-{rma}");
            view! {
            <ActionForm action=advance attr:class="inspect-form" attr:aria-label=label>
                <input type="hidden" name="number" value=order_number.clone()/>
                <input type="hidden" name="rma" value=rma.clone()/>
                <input type="hidden" name="step" value="inspect"/>
                {inspect_lines.into_iter().map(|l| {
                    let id = format!("{id_prefix}-{}", l.line_no);
                    view! {
                        <p class="inline-form">
                            <input type="hidden" name="line[]" value=l.line_no.to_string()/>
                            <label for=id.clone()>{format!("Line {} · {} × {}", l.line_no, l.quantity, l.sku)}</label>
                            <select id=id name="disposition[]">
                                <option value="restock">"Back into stock"</option>
                                <option value="write_off">"Write off (damaged)"</option>
                            </select>
                        </p>
                    }
                }).collect_view()}
                <SubmitButton label="Record inspection" busy_label="Saving…" pending=advance.pending()/>
            </ActionForm>
            }
            .into_any()
        }
        Some(ReturnStatus::Inspected) => step_form("refund", "Refund", "button primary").into_any(),
        _ => ().into_any(),
    };
    view! {
        <article class="return" aria-label=format!("{} {}", if cancel { "Cancellation" } else { "Return" }, item.number)>
            <h3>{item.number.clone()} " "
                <span class="badge">{if cancel { "Cancellation" } else { "Return" }}</span> " "
                <span class=format!("badge return-{}", item.status)>{status.map_or_else(|| item.status.clone(), |s| s.label().to_owned())}</span>
            </h3>
            <p class="muted">{format!("{} · {}", format_when(item.created_at), item.reason)}
                {item.location.clone().map(|l| format!(" · back to {l}"))}
                {(item.refund_minor > 0).then(|| format!(" · refunded {}", format_money(item.refund_minor, &currency)))}</p>
            <ul>
                {item.lines.iter().map(|l| view! {
                    <li>{format!("Line {}: {} × {}", l.line_no, l.quantity, l.sku)}
                        {(!l.reason.is_empty()).then(|| format!(" — {}", l.reason))}
                        {l.disposition.clone().map(|d| view! { " " <span class="badge">{if d == "restock" { "restocked" } else { "written off" }}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            <div class="return-actions">{actions}</div>
        </article>
    }
}

/// The return note (what comes back and why) and the return label (to the
/// receiving location, with the return's number as barcode and QR code):
/// of a return, or (`parcel`) the slip packed with a fulfilment request.
#[component]
pub fn ReturnDocumentsPage(#[prop(optional)] parcel: bool) -> impl IntoView {
    let params = use_params_map();
    let documents = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("number").unwrap_or_default(),
                p.get("reference").unwrap_or_default(),
            )
        },
        move |(number, reference)| get_return_documents(number, reference, parcel),
    );
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match documents.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Return document"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(documents) => view! { <ReturnDocumentsView documents/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The documents of the order's fulfilment requests, to print.
#[component]
pub fn Documents(order_number: String, documents: Vec<OrderDocument>) -> impl IntoView {
    if documents.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="card" aria-labelledby="documents-heading">
            <h2 id="documents-heading">"Documents"</h2>
            <ul class="documents">
                {documents.into_iter().map(|d| {
                    let (label, href) = match d.kind.as_str() {
                        "delivery_note" => ("Delivery note", format!("{}/delivery-note", request_path(&d.fulfilment_request))),
                        "return_note" => ("Return note", parcel_return_path(&order_number, &d.fulfilment_request)),
                        _ => ("Return label", parcel_return_path(&order_number, &d.fulfilment_request)),
                    };
                    view! {
                        <li><a href=href>{label}</a> {format!(" · {} · {}", d.fulfilment_request, d.reference)}</li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn ReturnDocumentsView(documents: ReturnDocuments) -> impl IntoView {
    let ready = !matches!(
        ReturnStatus::parse(&documents.status),
        Some(ReturnStatus::Requested | ReturnStatus::Rejected)
    );
    view! {
        <Title text=format!("Return {} · Orders", documents.number)/>
        <div class="doc-bar no-print">
            <a href=order_path(&documents.order_number)>"← Order " {documents.order_number.clone()}</a>
        </div>
        {(!ready).then(|| view! {
            <p class="alert warning" role="status">"This return is not approved: the label is not valid yet."</p>
        })}
        <article class="print-doc" aria-labelledby="return-note-title">
            <header class="doc-header">
                <div>
                    <p class="doc-kind">"Atelier"</p>
                    <h1 id="return-note-title">"Return note"</h1>
                </div>
                <dl class="facts doc-facts">
                    <dt>"Return"</dt><dd>{documents.number.clone()}</dd>
                    <dt>"Order"</dt><dd>{documents.order_number.clone()}</dd>
                    <dt>"Date"</dt><dd>{format_when(documents.created_at)}</dd>
                </dl>
            </header>
            <table class="table doc-table">
                <caption class="visually-hidden">"Goods coming back"</caption>
                <thead><tr>
                    <th scope="col">"SKU"</th><th scope="col">"Description"</th>
                    <th scope="col" class="num">"Quantity"</th><th scope="col">"Reason"</th>
                </tr></thead>
                <tbody>
                    {documents.lines.iter().map(|l| view! {
                        <tr><td class="sku">{l.sku.clone()}</td><td>{l.description.clone()}</td>
                            <td class="num">{l.quantity}</td><td>{l.reason.clone()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p>"Put this note in the parcel with the goods, stick the label below on the outside, and hand it to the carrier."</p>
        </article>
        <article class="print-doc return-label" aria-labelledby="return-label-title">
            <h2 id="return-label-title" class="doc-kind">"Return label"</h2>
            <div class="label-addresses">
                <section aria-labelledby="label-from">
                    <h3 id="label-from">"From"</h3>
                    <AddressBlock address=documents.customer.clone()/>
                </section>
                <section aria-labelledby="label-to">
                    <h3 id="label-to">"To"</h3>
                    {match documents.return_to.clone() {
                        Some(address) => view! { <AddressBlock address/> }.into_any(),
                        None => view! { <p>"The returns desk"</p> }.into_any(),
                    }}
                </section>
            </div>
            <div class="label-codes">
                <figure>
                    <div class="barcode" role="img" aria-label=format!("Barcode of {}", documents.number) inner_html=documents.barcode_svg.clone()></div>
                    <figcaption class="doc-code">{documents.number.clone()}</figcaption>
                </figure>
                <figure>
                    <div class="qr" role="img" aria-label=format!("QR code of {}", documents.number) inner_html=documents.qr_svg.clone()></div>
                </figure>
            </div>
        </article>
    }
}
