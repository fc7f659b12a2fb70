//! Transfers between locations: the list, a new transfer, and one
//! transfer with what can be done with it in its status.

use super::components::{
    Input, LocationSelect, Notice, SkuRows, date_time, long_date, named_error, thousands,
};
use super::filters::{TRANSFER_STATUSES, status_slug, transfer_params, transfer_query, with_page};
use crate::error::AppError;
use crate::inventory::api::{
    CancelTransfer, CreateTransfer, ReceiveTransfer, ShipTransfer, get_locations, get_transfer,
    get_transfers, sku_path, transfer_path,
};
use crate::inventory::model::{Location, Transfer, TransferQuery, TransferStatus};
use crate::listing::Page;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use crate::ui::table::{PageLinks, url_with};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const PATH: &str = "/admin/inventory/transfers";

fn status_badge(status: TransferStatus) -> impl IntoView {
    view! { <span class=format!("badge transfer-{}", status_slug(status))>{status.label()}</span> }
}

#[component]
pub fn TransfersPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| transfer_query(|k| p.get(k))));
    let rows = Resource::new(move || query.get(), get_transfers);
    let locations = Resource::new(|| (), |_| get_locations());
    view! {
        <Title text="Transfers · Inventory"/>
        <header class="page-header">
            <div>
                <h1>"Transfers"</h1>
                <p class="muted">"Stock moving between locations: drafted, shipped, received."</p>
            </div>
            <a class="button primary" href="/admin/inventory/transfers/new">"New transfer"</a>
        </header>
        <Suspense fallback=|| view! { <Loading label="Loading transfers…"/> }>
            {move || Suspend::new(async move {
                let query = query.get();
                let locations = match locations.await {
                    Ok(locations) => locations,
                    Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                };
                let filters = view! { <TransferFilters query=query.clone() locations/> };
                match rows.await {
                    Err(error) => view! { {filters} <ErrorNotice error/> }.into_any(),
                    Ok(page) if page.rows.is_empty() => view! {
                        {filters}
                        <EmptyState title="No transfers here">
                            <p>"Move stock from one location to another with a transfer."</p>
                            <a class="button" href="/admin/inventory/transfers/new">"New transfer"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(page) => view! { {filters} <TransfersTable page query/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TransferFilters(query: TransferQuery, locations: Vec<Location>) -> impl IntoView {
    view! {
        <form method="get" action=PATH class="list-filters" role="search" aria-label="Filter transfers">
            <div class="field">
                <label for="transfers-status">"Status"</label>
                <select id="transfers-status" name="status">
                    <option value="">"Any status"</option>
                    {TRANSFER_STATUSES.into_iter().map(|s| view! {
                        <option value=status_slug(s) selected=Some(s) == query.status>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <LocationSelect
                label="From or to"
                id="transfers-location"
                name="location"
                locations
                selected=query.location.clone()
                all="All locations"
            />
            <div class="list-filter-actions">
                <button type="submit" class="button primary">"Filter"</button>
                <a href=PATH>"Clear"</a>
            </div>
        </form>
    }
}

#[component]
fn TransfersTable(page: Page<Transfer>, query: TransferQuery) -> impl IntoView {
    let page_href =
        Callback::new(move |n: u32| url_with(PATH, &with_page(transfer_params(&query), n)));
    view! {
        <p class="muted" role="status">{page.range_text()}</p>
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Transfers, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Number"</th>
                        <th scope="col">"From → to"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Expected arrival"</th>
                        <th scope="col" class="num">"Units"</th>
                        <th scope="col">"Created"</th>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.iter().cloned().map(|t| view! {
                        <tr>
                            <td><a href=transfer_path(&t.number)>{t.number.clone()}</a></td>
                            <td>{t.from_code} " → " {t.to_code}</td>
                            <td>{status_badge(t.status)}</td>
                            <td>{t.expected_arrival.map(long_date).unwrap_or_else(|| "—".into())}</td>
                            <td class="num">{thousands(t.units)}</td>
                            <td>{date_time(t.created_at)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <PageLinks current=page.page pages=page.page_count() href=page_href/>
    }
}

#[component]
pub fn NewTransferPage() -> impl IntoView {
    let query = use_query_map();
    let action = ServerAction::<CreateTransfer>::new();
    let error = action_error(action);
    let locations = Resource::new(|| (), |_| get_locations());
    view! {
        <Title text="New transfer · Inventory"/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href=PATH>"Transfers"</a></li>
                <li><a href="/admin/inventory/transfers/new" aria-current="page">"New transfer"</a></li>
            </ol>
        </nav>
        <header class="page-header">
            <div>
                <h1>"New transfer"</h1>
                <p class="muted">"A transfer starts as a draft; stock leaves the sending location when it is shipped."</p>
            </div>
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let (from, sku) = query.with(|q| (
                    q.get("from").unwrap_or_default().to_uppercase(),
                    q.get("sku").unwrap_or_default(),
                ));
                match locations.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(locations) => {
                        let active: Vec<&Location> = locations.iter().filter(|l| l.active).collect();
                        let from = if from.is_empty() {
                            active.first().map(|l| l.code.clone()).unwrap_or_default()
                        } else {
                            from
                        };
                        let to = active
                            .iter()
                            .find(|l| l.code != from)
                            .map(|l| l.code.clone())
                            .unwrap_or_default();
                        view! {
                            <ActionForm action attr:class="form wide-form" attr:novalidate=true>
                                <FormAlert error/>
                                <div class="form-row">
                                    <LocationSelect
                                        label="From"
                                        id="transfer-from"
                                        name="from"
                                        locations=locations.clone()
                                        selected=from
                                        error=field_error(error, "from")
                                    />
                                    <LocationSelect
                                        label="To"
                                        id="transfer-to"
                                        name="to"
                                        locations
                                        selected=to
                                        error=field_error(error, "to")
                                    />
                                    <TextField
                                        label="Expected arrival"
                                        name="expected_arrival"
                                        kind="date"
                                        hint="Optional."
                                        error=field_error(error, "expected_arrival")
                                    />
                                </div>
                                <TextField label="Note" name="note" hint="Optional." error=field_error(error, "note")/>
                                <SkuRows error first_sku=sku/>
                                <div>
                                    <SubmitButton label="Create transfer" busy_label="Creating…" pending=action.pending()/>
                                </div>
                            </ActionForm>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[derive(Clone, Copy)]
struct TransferActions {
    ship: ServerAction<ShipTransfer>,
    receive: ServerAction<ReceiveTransfer>,
    cancel: ServerAction<CancelTransfer>,
}

#[component]
pub fn TransferPage() -> impl IntoView {
    let params = use_params_map();
    let actions = TransferActions {
        ship: ServerAction::new(),
        receive: ServerAction::new(),
        cancel: ServerAction::new(),
    };
    let number = move || params.read().get("number").unwrap_or_default();
    let transfer = Resource::new(
        move || {
            (
                number(),
                actions.ship.version().get(),
                actions.receive.version().get(),
                actions.cancel.version().get(),
            )
        },
        |(number, ..)| get_transfer(number),
    );
    view! {
        <Title text=move || format!("{} · Transfers", number())/>
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match transfer.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Transfer"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(transfer) => view! { <TransferView transfer actions/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn TransferView(transfer: Transfer, actions: TransferActions) -> impl IntoView {
    let query = use_query_map();
    let notice = move || {
        let done = query.read().get("done");
        match done.as_deref() {
            Some("created") => Some("Transfer created as a draft. Ship it when the goods leave."),
            Some("shipped") => Some("Shipped: the goods have left the sending location's stock."),
            Some("received") => {
                Some("Received: what arrived is in the receiving location's stock.")
            }
            Some("cancelled") => Some("Transfer cancelled. No stock was moved."),
            _ => None,
        }
    };
    let errors = [action_error(actions.ship), action_error(actions.cancel)];
    let general_errors = move || {
        errors
            .iter()
            .filter_map(|e| e.get())
            .map(|e| view! { <div class="alert error" role="alert">{e.to_string()}</div> })
            .collect_view()
    };
    let number = transfer.number.clone();
    let status = transfer.status;
    let show_received = matches!(status, TransferStatus::Received);
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href=PATH>"Transfers"</a></li>
                <li><a href=transfer_path(&number) aria-current="page">{number.clone()}</a></li>
            </ol>
        </nav>
        <header class="page-header">
            <div>
                <h1>"Transfer " {number.clone()}</h1>
                <p class="muted">{transfer.from_code.clone()} " → " {transfer.to_code.clone()} " · " {status_badge(status)}</p>
            </div>
        </header>
        {move || notice().map(|message| view! { <Notice message/> })}
        {general_errors}
        <section class="card wide" aria-labelledby="transfer-facts">
            <h2 id="transfer-facts" class="visually-hidden">"Details"</h2>
            <dl class="facts">
                <dt>"From"</dt><dd>{transfer.from_code.clone()}</dd>
                <dt>"To"</dt><dd>{transfer.to_code.clone()}</dd>
                <dt>"Status"</dt><dd>{status.label()}</dd>
                <dt>"Expected arrival"</dt><dd>{transfer.expected_arrival.map(long_date).unwrap_or_else(|| "Not given".into())}</dd>
                <dt>"Created"</dt><dd>{date_time(transfer.created_at)}</dd>
                <dt>"Units"</dt><dd>{thousands(transfer.units)}</dd>
                {(!transfer.note.is_empty()).then(|| view! { <dt>"Note"</dt><dd>{transfer.note.clone()}</dd> })}
            </dl>
            {(status == TransferStatus::Draft).then(|| {
                let (ship_number, cancel_number) = (number.clone(), number.clone());
                view! {
                <div class="actions">
                    <ActionForm action=actions.ship attr:class="inline-form">
                        <input type="hidden" name="number" value=ship_number/>
                        <SubmitButton label="Ship" busy_label="Shipping…" pending=actions.ship.pending()/>
                    </ActionForm>
                    <ActionForm action=actions.cancel attr:class="inline-form">
                        <input type="hidden" name="number" value=cancel_number/>
                        <SubmitButton label="Cancel transfer" busy_label="Cancelling…" pending=actions.cancel.pending() class="button"/>
                    </ActionForm>
                </div>
                }
            })}
        </section>
        {if status == TransferStatus::InTransit {
            view! { <ReceiveLines transfer=transfer.clone() action=actions.receive/> }.into_any()
        } else {
            view! {
                <section class="inventory-section" aria-labelledby="lines-heading">
                    <h2 id="lines-heading">"Lines"</h2>
                    <div class="table-wrap">
                        <table class="table">
                            <caption class="visually-hidden">"What this transfer moves"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"SKU"</th>
                                    <th scope="col">"Product"</th>
                                    <th scope="col" class="num">"Quantity"</th>
                                    {show_received.then(|| view! { <th scope="col" class="num">"Received"</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {transfer.lines.iter().cloned().map(|l| view! {
                                    <tr>
                                        <td><a href=sku_path(&l.sku)>{l.sku.clone()}</a></td>
                                        <td class="wrap">{l.product}</td>
                                        <td class="num">{thousands(l.quantity.into())}</td>
                                        {show_received.then(|| view! {
                                            <td class="num">{thousands(l.received_quantity.unwrap_or(0).into())}</td>
                                        })}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }.into_any()
        }}
    }
}

/// The lines of a transfer in transit, each with the quantity that arrived
/// (prefilled with what was sent).
#[component]
fn ReceiveLines(transfer: Transfer, action: ServerAction<ReceiveTransfer>) -> impl IntoView {
    let error = action_error(action);
    let number = transfer.number.clone();
    view! {
        <section class="inventory-section" aria-labelledby="lines-heading">
            <h2 id="lines-heading">"Receive"</h2>
            <p class="muted">"Enter what arrived per line; anything missing is recorded on the line."</p>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <FormAlert error/>
                <input type="hidden" name="number" value=number/>
                <div class="table-wrap">
                    <table class="table grid-table">
                        <caption class="visually-hidden">"Lines of this transfer"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"SKU"</th>
                                <th scope="col">"Product"</th>
                                <th scope="col" class="num">"Sent"</th>
                                <th scope="col">"Received"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {transfer.lines.iter().cloned().enumerate().map(|(i, l)| {
                                let n = i + 1;
                                view! {
                                    <tr>
                                        <td>
                                            <a href=sku_path(&l.sku)>{l.sku.clone()}</a>
                                            <input type="hidden" name=format!("lines[{i}][sku]") value=l.sku.clone()/>
                                        </td>
                                        <td>{l.product}</td>
                                        <td class="num">{thousands(l.quantity.into())}</td>
                                        <td>
                                            <Input
                                                label=format!("Received of {}", l.sku)
                                                id=format!("received-{n}")
                                                name=format!("lines[{i}][quantity]")
                                                kind="number"
                                                value=l.quantity.to_string()
                                                hidden_label=true
                                                class="compact"
                                                error=named_error(error, format!("received-{n}"))
                                            />
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div>
                    <SubmitButton label="Receive transfer" busy_label="Receiving…" pending=action.pending()/>
                </div>
            </ActionForm>
        </section>
    }
}
