//! The company's pre-orders: the history (`/b2b/orders`), one pre-order
//! with its shortfalls, submit/withdraw and audit timeline
//! (`/b2b/pre-orders/:number`), and its printable confirmation.

use super::{CompanyField, ErrorList, acting_for, money, portal_href, pre_order_badge};
use crate::error::AppError;
use crate::orders::pages::OrdersTable;
use crate::ui::form::{ReturnTo, SubmitButton, action_error};
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use crate::wholesale::api::portal::{
    SubmitPreOrder, WithdrawPreOrder, get_pre_order, my_company_orders, pre_order_history,
};
use crate::wholesale::model::{PreOrderState, PreOrderStyle, PreOrderView};
use crate::wholesale::pages::{Column::*, ListTable};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

#[component]
pub fn PreOrdersPage() -> impl IntoView {
    let company = acting_for();
    let history = Resource::new(|| (), move |_| pre_order_history(company));
    let orders = Resource::new(|| (), move |_| my_company_orders(company));
    view! {
        <Title text="Pre-orders · Wholesale"/>
        <header class="page-header"><h1>"Pre-orders"</h1></header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match history.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No pre-orders yet">
                            <p>"Pre-orders you start in a campaign are listed here with their status."</p>
                            <a class="button" href=portal_href("/b2b", company)>"See the campaigns"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(list) => view! {
                        <ListTable caption="Your pre-orders, most recently changed first" columns=&[
                            Text("Pre-order"), Text("Campaign"), Text("Season"), Text("Status"),
                            Numeric("Units"), Numeric("Value"), Text("Updated"),
                        ]>
                            {list.into_iter().map(|row| view! {
                                <tr>
                                    <th scope="row"><a href=portal_href(&format!("/b2b/pre-orders/{}", row.number), company)>{row.number.clone()}</a></th>
                                    <td>{row.campaign}</td>
                                    <td>{row.season}</td>
                                    <td>{pre_order_badge(row.state)}</td>
                                    <td class="num">{row.units}</td>
                                    <td class="num">{money(row.value_minor, &row.currency)}</td>
                                    <td>{row.updated_at}</td>
                                </tr>
                            }).collect_view()}
                        </ListTable>
                    }.into_any(),
                }
            })}
        </Suspense>
        <h2>"Orders from confirmed pre-orders"</h2>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match orders.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <p class="muted">"When the brand confirms a pre-order, its orders (one per store and delivery window) appear here."</p>
                    }.into_any(),
                    Ok(orders) => view! { <OrdersTable orders caption="Orders, newest first"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn number_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("number").unwrap_or_default())
}

#[component]
pub fn PreOrderPage() -> impl IntoView {
    let company = acting_for();
    let number = number_param();
    let submit = ServerAction::<SubmitPreOrder>::new();
    let withdraw = ServerAction::<WithdrawPreOrder>::new();
    let pre_order = Resource::new(
        move || {
            (
                number.get(),
                submit.version().get() + withdraw.version().get(),
            )
        },
        move |(number, _)| get_pre_order(number, company),
    );
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match pre_order.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Pre-order"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(view) => view! { <PreOrderDetail view company submit withdraw/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PreOrderDetail(
    view: PreOrderView,
    company: Option<Uuid>,
    submit: ServerAction<SubmitPreOrder>,
    withdraw: ServerAction<WithdrawPreOrder>,
) -> impl IntoView {
    let here = portal_href(&format!("/b2b/pre-orders/{}", view.number), company);
    let currency = view.currency.clone();
    let code = view.campaign.code.clone();
    let shortfalls: Vec<String> = view
        .shortfalls
        .iter()
        .map(|s| s.message(&currency))
        .collect();
    let can_submit = view.editable && view.state != PreOrderState::Submitted;
    let can_withdraw =
        view.editable && matches!(view.state, PreOrderState::Draft | PreOrderState::Submitted);
    let submit_error = action_error(submit);
    let withdraw_error = action_error(withdraw);
    let (number_a, number_b) = (view.number.clone(), view.number.clone());
    let (here_a, here_b) = (here.clone(), here.clone());
    let why_locked = (!view.editable).then_some(
        "The campaign no longer takes orders or the brand confirmed this pre-order, so it cannot be changed.",
    );
    view! {
        <Title text=format!("Pre-order {} · Wholesale", view.number)/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href=portal_href("/b2b/orders", company)>"Pre-orders"</a></li>
                <li aria-current="page">{view.number.clone()}</li>
            </ol>
        </nav>
        <header class="page-header">
            <h1>{format!("Pre-order {}", view.number)} " " {pre_order_badge(view.state)}</h1>
            <p class="muted">
                <a href=portal_href(&format!("/b2b/campaigns/{code}"), company)>{view.campaign.name.clone()}</a>
                {format!(" · {} · {} units · {}", view.campaign.season, view.units, money(view.value_minor, &currency))}
            </p>
            <p class="actions">
                <a class="button small" href=portal_href(&format!("/b2b/pre-orders/{}/print", view.number), company)>"Print confirmation"</a>
                " "
                <a class="button small" href=csv_href(&view.number, company) download="">"Download CSV"</a>
            </p>
        </header>
        {(!shortfalls.is_empty() && view.editable).then(|| view! {
            <div class="alert warning" role="status">
                <p>"Before you can submit:"</p>
                <ul class="plain-list">{shortfalls.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            </div>
        })}
        <ErrorList error=submit_error/>
        <ErrorList error=withdraw_error/>
        <div class="pre-order-actions">
            <ActionForm action=submit>
                <input type="hidden" name="number" value=number_a/>
                <CompanyField company/>
                <ReturnTo path=here_a/>
                <SubmitButton label="Submit pre-order" busy_label="Submitting…" pending=submit.pending() disabled=!can_submit/>
            </ActionForm>
            <ActionForm action=withdraw>
                <input type="hidden" name="number" value=number_b/>
                <CompanyField company/>
                <ReturnTo path=here_b/>
                <SubmitButton label="Withdraw" busy_label="Withdrawing…" class="button" pending=withdraw.pending() disabled=!can_withdraw/>
            </ActionForm>
            {why_locked.map(|why| view! { <p class="muted">{why}</p> })}
            {(view.state == PreOrderState::Submitted && view.editable).then(|| view! {
                <p class="muted">"Submitted. You can still change it until the campaign closes; the brand sees every change."</p>
            })}
        </div>
        {if view.styles.is_empty() {
            view! {
                <EmptyState title="No styles in this pre-order">
                    <a class="button" href=portal_href(&format!("/b2b/campaigns/{code}"), company)>"Open the line sheet"</a>
                </EmptyState>
            }.into_any()
        } else {
            view! {
                <div class="pre-order-styles">
                    {view.styles.into_iter().map(|style| view! {
                        <StyleSummary style code=code.clone() currency=currency.clone() company editable=view.editable/>
                    }).collect_view()}
                </div>
            }.into_any()
        }}
        {(!view.orders.is_empty()).then(|| view! {
            <section class="card">
                <h2>"Orders"</h2>
                <p>{view.orders.join(", ")}</p>
            </section>
        })}
        <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"History"</h2>
            <ol class="timeline">
                {view.events.into_iter().map(|e| {
                    let who = match (e.actor, e.on_behalf) {
                        (Some(name), true) => format!("{name} (Atelier, on your behalf)"),
                        (Some(name), false) => name,
                        (None, _) => "Atelier".to_owned(),
                    };
                    view! {
                        <li>
                            <time>{e.at}</time> " · " <strong>{event_label(&e.kind)}</strong>
                            {(!e.detail.is_empty()).then(|| format!(" · {}", e.detail))}
                            " · " {who}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn event_label(kind: &str) -> &'static str {
    match kind {
        "saved" => "Saved",
        "edited" => "Edited after submitting",
        "submitted" => "Submitted",
        "withdrawn" => "Withdrawn",
        "confirmed" => "Confirmed",
        _ => "Changed",
    }
}

#[component]
fn StyleSummary(
    style: PreOrderStyle,
    code: String,
    currency: String,
    company: Option<Uuid>,
    editable: bool,
) -> impl IntoView {
    let edit = portal_href(
        &format!("/b2b/campaigns/{code}/styles/{}", style.style_code),
        company,
    );
    let run = style
        .lines
        .iter()
        .map(|l| format!("{} {}: {}", l.colour, l.size, l.quantity))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="card style-summary">
            <h2>{format!("{} ({})", style.name, style.style_code)}</h2>
            <dl class="facts">
                <dt>"Ship to"</dt><dd>{style.store}</dd>
                <dt>"Delivery window"</dt><dd>{style.window}</dd>
                <dt>"Size run"</dt><dd>{run}</dd>
                <dt>"Units"</dt><dd>{style.units}</dd>
                <dt>"Value"</dt><dd>{money(style.value_minor, &currency)}</dd>
            </dl>
            {editable.then(|| view! { <a class="button small" href=edit>"Edit sizes"</a> })}
        </section>
    }
}

/// A plain confirmation to print: company, campaign, lines, totals.
#[component]
pub fn PreOrderPrintPage() -> impl IntoView {
    let company = acting_for();
    let number = number_param();
    let pre_order = Resource::new(move || number.get(), move |n| get_pre_order(n, company));
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match pre_order.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Pre-order"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(view) => {
                        let currency = view.currency.clone();
                        view! {
                            <Title text=format!("Pre-order {} (print)", view.number)/>
                            <article class="print-sheet">
                                <header>
                                    <h1>{format!("Pre-order {}", view.number)}</h1>
                                    <dl class="facts">
                                        <dt>"Company"</dt><dd>{view.company.clone()}</dd>
                                        <dt>"Campaign"</dt><dd>{format!("{} ({})", view.campaign.name, view.campaign.season)}</dd>
                                        <dt>"Status"</dt><dd>{view.state.label()}</dd>
                                        {view.submitted_at.clone().map(|at| view! { <dt>"Submitted"</dt><dd>{at}</dd> })}
                                    </dl>
                                </header>
                                <table class="table">
                                    <thead><tr>
                                        <th scope="col">"SKU"</th><th scope="col">"Style"</th><th scope="col">"Colour"</th>
                                        <th scope="col">"Size"</th><th scope="col">"Ship to"</th><th scope="col">"Window"</th>
                                        <th scope="col" class="num">"Qty"</th><th scope="col" class="num">"Unit price"</th><th scope="col" class="num">"Amount"</th>
                                    </tr></thead>
                                    <tbody>
                                        {view.styles.iter().flat_map(|s| s.lines.iter().map(move |l| (s, l))).map(|(s, l)| view! {
                                            <tr>
                                                <td>{l.sku.clone()}</td><td>{s.style_code.clone()}</td><td>{l.colour.clone()}</td>
                                                <td>{l.size.clone()}</td><td>{s.store.clone()}</td><td>{s.window.clone()}</td>
                                                <td class="num">{l.quantity}</td>
                                                <td class="num">{money(l.unit_price_minor, &currency)}</td>
                                                <td class="num">{money(i64::from(l.quantity) * l.unit_price_minor, &currency)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                    <tfoot><tr>
                                        <th scope="row" colspan="6">"Total"</th>
                                        <td class="num">{view.units}</td><td></td>
                                        <td class="num">{money(view.value_minor, &currency)}</td>
                                    </tr></tfoot>
                                </table>
                                <button type="button" class="button no-print" onclick="window.print()">"Print"</button>
                            </article>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The buyer downloads from the portal; staff acting for a company from the desk.
fn csv_href(number: &str, company: Option<Uuid>) -> String {
    let number = urlencoding::encode(number);
    match company {
        Some(id) => format!("/admin/wholesale/pre-orders.csv?number={number}&company={id}"),
        None => format!("/b2b/pre-orders.csv?number={number}"),
    }
}
