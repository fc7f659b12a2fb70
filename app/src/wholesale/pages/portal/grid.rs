//! `/b2b/campaigns/:code/styles/:style_code`: a style's size-run grid.
//!
//! Without JavaScript it is a plain form: number inputs named
//! `q[v<variant id>]`, prepack buttons that fill a row on the server, one
//! Save button. After hydration every cell is a signal: totals per row,
//! style and pre-order follow each keystroke (the same `rules::Totals` the
//! server uses), arrow keys move between cells, and the draft saves itself
//! 800 ms after the last change, with optimistic locking on the version.

use super::{CompanyField, ErrorList, acting_for, money, portal_href};
use crate::error::AppError;
use crate::ui::form::{ReturnTo, action_error};
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use crate::wholesale::api::portal::{SaveStyle, get_style_grid, save_style};
use crate::wholesale::model::StyleGrid;
use crate::wholesale::rules::{Totals, expand_prepack, margin_percent, parse_quantity};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;
use uuid::Uuid;

/// How long the grid waits after the last change before saving the draft.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const AUTOSAVE_MS: u32 = 800;

#[component]
pub fn StyleGridPage() -> impl IntoView {
    let company = acting_for();
    let params = use_params_map();
    let grid = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("code").unwrap_or_default(),
                p.get("style_code").unwrap_or_default(),
            )
        },
        move |(code, style)| get_style_grid(code, style, company),
    );
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match grid.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Style"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(grid) => view! { <GridEditor grid company/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One orderable cell: its variant and its quantity.
type Cell = Option<(Uuid, RwSignal<i32>)>;

/// Saves the draft in the background; `Copy`, so every handler can hold it.
#[derive(Clone, Copy)]
struct Autosave {
    code: StoredValue<String>,
    style_code: StoredValue<String>,
    company: Option<Uuid>,
    cells: StoredValue<Vec<Vec<Cell>>>,
    store: RwSignal<String>,
    window: RwSignal<String>,
    version: RwSignal<i32>,
    status: RwSignal<String>,
    failed: RwSignal<bool>,
    generation: StoredValue<u64>,
    in_flight: StoredValue<bool>,
    again: StoredValue<bool>,
}

impl Autosave {
    /// A cell changed: save once the buyer pauses.
    fn changed(self) {
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        self.failed.set(false);
        self.status.set("Unsaved changes".into());
        leptos::task::spawn_local(async move {
            #[cfg(feature = "hydrate")]
            gloo_timers::future::TimeoutFuture::new(AUTOSAVE_MS).await;
            if self.generation.get_value() == mine {
                self.save();
            }
        });
    }

    /// One save at a time: a change made meanwhile is saved right after,
    /// with the version the first save returned.
    fn save(self) {
        if self.in_flight.get_value() {
            self.again.set_value(true);
            return;
        }
        self.in_flight.set_value(true);
        self.status.set("Saving…".into());
        let quantities: HashMap<String, String> = self.cells.with_value(|rows| {
            rows.iter()
                .flatten()
                .flatten()
                .map(|(id, q)| (format!("v{id}"), q.get_untracked().to_string()))
                .collect()
        });
        leptos::task::spawn_local(async move {
            let result = save_style(
                self.code.get_value(),
                self.style_code.get_value(),
                self.store.get_untracked(),
                self.window.get_untracked(),
                Some(self.version.get_untracked()),
                quantities,
                HashMap::new(),
                HashMap::new(),
                None,
                self.company,
                String::new(),
            )
            .await;
            self.in_flight.set_value(false);
            self.settle(result);
            if self.again.get_value() {
                self.again.set_value(false);
                self.save();
            }
        });
    }

    fn settle(self, result: Result<i32, AppError>) {
        match result {
            Ok(version) => {
                self.version.set(version);
                self.failed.set(false);
                self.status.set("Saved".into());
            }
            Err(error) => {
                self.failed.set(true);
                self.status.set(match error {
                    AppError::Invalid(list) => list
                        .iter()
                        .map(|e| e.message.clone())
                        .collect::<Vec<_>>()
                        .join(" "),
                    other => format!("Not saved: {other}"),
                });
            }
        }
    }
}

#[component]
fn GridEditor(grid: StyleGrid, company: Option<Uuid>) -> impl IntoView {
    let save = ServerAction::<SaveStyle>::new();
    let error = action_error(save);
    let editable = grid.editable;
    let currency = grid.currency.clone();
    let code = grid.campaign.code.clone();
    let here = portal_href(
        &format!("/b2b/campaigns/{code}/styles/{}", grid.style_code),
        company,
    );
    let cells: Vec<Vec<Cell>> = grid
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .map(|c| c.variant_id.map(|id| (id, RwSignal::new(c.quantity))))
                .collect()
        })
        .collect();
    let autosave = Autosave {
        code: StoredValue::new(code.clone()),
        style_code: StoredValue::new(grid.style_code.clone()),
        company,
        cells: StoredValue::new(cells.clone()),
        store: RwSignal::new(grid.store_id.map(|id| id.to_string()).unwrap_or_default()),
        window: RwSignal::new(grid.window_id.map(|id| id.to_string()).unwrap_or_default()),
        version: RwSignal::new(grid.version),
        status: RwSignal::new(String::new()),
        failed: RwSignal::new(false),
        generation: StoredValue::new(0),
        in_flight: StoredValue::new(false),
        again: StoredValue::new(false),
    };
    // The Save button (a plain post before hydration) reports like autosave.
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            autosave.settle(result);
        }
    });

    // Live totals: one memo per row, summed for the style and the pre-order.
    let row_totals: Vec<Memo<Totals>> = cells
        .iter()
        .zip(&grid.rows)
        .map(|(row, grid_row)| {
            let quantities: Vec<RwSignal<i32>> = row.iter().flatten().map(|(_, q)| *q).collect();
            let price = grid_row.price.map_or(0, |p| p.wholesale_minor);
            Memo::new(move |_| {
                let typed: Vec<i32> = quantities.iter().map(|q| q.get()).collect();
                Totals::of_row(&typed, price)
            })
        })
        .collect();
    let style_total = {
        let rows = row_totals.clone();
        Memo::new(move |_| Totals::sum(rows.iter().map(|m| m.get())))
    };
    let loaded = style_total.get_untracked();
    let others = grid
        .campaign
        .pre_order
        .as_ref()
        .map_or(Totals::default(), |po| Totals {
            units: po.units - loaded.units,
            value_minor: po.value_minor - loaded.value_minor,
        });
    let order_total = move || others + style_total.get();

    let rows_count = grid.rows.len();
    let sizes_count = grid.sizes.len();
    let sizes = grid.sizes.clone();
    let pre_order_link = grid
        .campaign
        .pre_order
        .as_ref()
        .map(|po| portal_href(&format!("/b2b/pre-orders/{}", po.number), company));
    let money_of = {
        let currency = currency.clone();
        move |minor: i64| money(minor, &currency)
    };
    let (money_style, money_order) = (money_of.clone(), money_of.clone());

    let body = grid
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let row_cells = cells[r].clone();
            let total = row_totals[r];
            let ratio = RwSignal::new(String::new());
            let packs = RwSignal::new("1".to_owned());
            let key = format!("r{r}");
            let colour = row.colour.clone();
            let orderable = row_cells.iter().flatten().count();
            let money_row = money_of.clone();
            let fill_row = {
                let row_cells = row_cells.clone();
                let colour = colour.clone();
                move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    let packs = packs.get_untracked().trim().parse::<i32>().unwrap_or(0);
                    match expand_prepack(&ratio.get_untracked(), orderable, packs) {
                        Ok(filled) => {
                            for ((_, q), n) in row_cells.iter().flatten().zip(filled) {
                                q.set(n);
                            }
                            autosave.changed();
                        }
                        Err(e) => {
                            autosave.failed.set(true);
                            autosave.status.set(format!("{colour}: {e}"));
                        }
                    }
                }
            };
            let price_text = row.price.map(|p| {
                format!(
                    "{} · retail {} · {}% margin",
                    money_of(p.wholesale_minor),
                    money_of(p.retail_minor),
                    margin_percent(p)
                )
            });
            let cells_view = row_cells
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let label = format!("{} {}", row.colour, sizes[c]);
                    match *cell {
                        None => view! {
                            <td class="cell-off"><span class="visually-hidden">{format!("{label}: not available")}</span><span aria-hidden="true">"–"</span></td>
                        }
                        .into_any(),
                        Some((id, quantity)) => {
                            let initial = quantity.get_untracked();
                            view! {
                                <td>
                                    <input
                                        type="number" inputmode="numeric" min="0" max="9999" step="1"
                                        class="grid-cell"
                                        id=format!("cell-{r}-{c}")
                                        name=format!("q[v{id}]")
                                        aria-label=label
                                        value=(initial > 0).then(|| initial.to_string())
                                        prop:value=move || {
                                            let q = quantity.get();
                                            if q > 0 { q.to_string() } else { String::new() }
                                        }
                                        disabled=!editable
                                        on:input=move |ev| match parse_quantity(&event_target_value(&ev)) {
                                            Ok(n) => {
                                                quantity.set(n);
                                                autosave.changed();
                                            }
                                            Err(message) => {
                                                autosave.failed.set(true);
                                                autosave.status.set(message);
                                            }
                                        }
                                        on:keydown=move |ev| move_between_cells(&ev, r, c, rows_count, sizes_count)
                                    />
                                </td>
                            }
                            .into_any()
                        }
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        <span class="swatch" style=format!("background:{}", row.hex) aria-hidden="true"></span>
                        {row.colour.clone()}
                        <span class="muted small">{price_text.unwrap_or_else(|| "Not available to you".into())}</span>
                    </th>
                    {cells_view}
                    <td class="num">{move || total.get().units}</td>
                    <td class="num">{move || money_row(total.get().value_minor)}</td>
                    <td class="prepack">
                        {(editable && orderable > 0).then(|| view! {
                            <label class="visually-hidden" for=format!("ratio-{r}")>{format!("Prepack ratio for {colour}")}</label>
                            <input id=format!("ratio-{r}") name=format!("ratio[{key}]") class="ratio" placeholder="1-2-2-1" size="8"
                                on:input=move |ev| ratio.set(event_target_value(&ev))/>
                            " × "
                            <label class="visually-hidden" for=format!("packs-{r}")>{format!("Packs of {colour}")}</label>
                            <input id=format!("packs-{r}") name=format!("packs[{key}]") type="number" min="1" max="999" value="1" class="packs"
                                on:input=move |ev| packs.set(event_target_value(&ev))/>
                            " "
                            <button type="submit" name="prepack" value=key.clone() class="button small" on:click=fill_row.clone()>"Fill row"</button>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <Title text=format!("{} · {}", grid.name, grid.campaign.name)/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href=portal_href("/b2b", company)>"Campaigns"</a></li>
                <li><a href=portal_href(&format!("/b2b/campaigns/{code}"), company)>{grid.campaign.name.clone()}</a></li>
                <li aria-current="page">{grid.name.clone()}</li>
            </ol>
        </nav>
        <header class="page-header grid-header">
            {grid.image.clone().map(|src| view! { <img src=src alt="" width="120" height="150"/> })}
            <div>
                <h1>{grid.name.clone()}</h1>
                <p class="muted">{format!("{} · {}", grid.style_code, grid.category)}</p>
                <p>{grid.description.clone()}</p>
            </div>
        </header>
        {(!editable).then(|| view! {
            <div class="alert warning" role="status">"This campaign no longer takes changes to your pre-order, so the grid is read-only."</div>
        })}
        <ErrorList error/>
        <ActionForm action=save attr:class="grid-form">
            <input type="hidden" name="code" value=code.clone()/>
            <input type="hidden" name="style_code" value=grid.style_code.clone()/>
            <input type="hidden" name="expected_version" value=grid.version.to_string() prop:value=move || autosave.version.get().to_string()/>
            <CompanyField company/>
            <ReturnTo path=here/>
            <div class="field-row">
                <div class="field">
                    <label for="grid-store">"Ship to"</label>
                    <select id="grid-store" name="store_id" disabled=!editable
                        on:change=move |ev| { autosave.store.set(event_target_value(&ev)); autosave.changed(); }>
                        {grid.stores.iter().map(|s| view! {
                            <option value=s.id.to_string() selected=grid.store_id == Some(s.id)>{format!("{} · {}", s.name, s.address.city)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="grid-window">"Delivery window"</label>
                    <select id="grid-window" name="window_id" disabled=!editable
                        on:change=move |ev| { autosave.window.set(event_target_value(&ev)); autosave.changed(); }>
                        {grid.campaign.windows.iter().map(|w| view! {
                            <option value=w.id.to_string() selected=grid.window_id == Some(w.id)>{super::window_text(w)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="table-wrap">
                <table class="table size-grid">
                    <caption>{format!("Quantities of {} per colour and size. Arrow keys move between cells.", grid.name)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Colour"</th>
                            {grid.sizes.iter().map(|s| view! { <th scope="col" class="num">{s.clone()}</th> }).collect_view()}
                            <th scope="col" class="num">"Units"</th>
                            <th scope="col" class="num">"Value"</th>
                            <th scope="col">"Prepack"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan=sizes_count + 1>"This style"</th>
                            <td class="num">{move || style_total.get().units}</td>
                            <td class="num">{move || money_style(style_total.get().value_minor)}</td>
                            <td></td>
                        </tr>
                        <tr>
                            <th scope="row" colspan=sizes_count + 1>"Whole pre-order"</th>
                            <td class="num">{move || order_total().units}</td>
                            <td class="num">{move || money_order(order_total().value_minor)}</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <div class="grid-actions">
                {editable.then(|| view! {
                    <button type="submit" class="button primary" disabled=move || save.pending().get()>"Save"</button>
                })}
                <p class="save-status" class:error=move || autosave.failed.get() aria-live="polite" role="status">
                    {move || autosave.status.get()}
                </p>
                {pre_order_link.map(|href| view! { <a class="button" href=href>"Review the pre-order"</a> })}
            </div>
        </ActionForm>
    }
}

/// Arrow keys move to the nearest orderable cell that way; Enter moves down.
fn move_between_cells(
    ev: &leptos::ev::KeyboardEvent,
    row: usize,
    col: usize,
    rows: usize,
    cols: usize,
) {
    let (dr, dc): (isize, isize) = match ev.key().as_str() {
        "ArrowUp" => (-1, 0),
        "ArrowDown" | "Enter" => (1, 0),
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        _ => return,
    };
    let (mut r, mut c) = (row as isize, col as isize);
    loop {
        r += dr;
        c += dc;
        if r < 0 || c < 0 || r >= rows as isize || c >= cols as isize {
            // Enter on the last row must not submit the form by surprise.
            if ev.key() == "Enter" {
                ev.prevent_default();
            }
            return;
        }
        if focus_cell(&format!("cell-{r}-{c}")) {
            ev.prevent_default();
            return;
        }
    }
}

#[cfg(feature = "hydrate")]
fn focus_cell(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|element| element.focus().is_ok())
        .unwrap_or(false)
}

#[cfg(not(feature = "hydrate"))]
fn focus_cell(_id: &str) -> bool {
    false
}
