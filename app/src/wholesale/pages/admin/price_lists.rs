//! Price lists: the list with a form for a new one, and one page per list
//! with its prices and the CSV import (all rows or none).

use crate::error::AppError;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::money::format_money;
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use crate::wholesale::api::staff::{
    CreatePriceList, ImportPrices, get_price_list, get_price_lists, price_list_path,
};
use crate::wholesale::model::{ImportReport, Price, PriceListDetail};
use crate::wholesale::pages::{Column::*, ListTable};
use crate::wholesale::rules::margin_percent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

const PATH: &str = "/admin/wholesale/price-lists";

#[component]
pub fn PriceListsPage() -> impl IntoView {
    let create = ServerAction::<CreatePriceList>::new();
    let error = action_error(create);
    let lists = Resource::new(|| (), |_| get_price_lists());
    view! {
        <Title text="Price lists · Wholesale"/>
        <header class="page-header">
            <div>
                <h1>"Price lists"</h1>
                <p class="muted">"Wholesale and suggested retail prices, one currency each; every company buys from one."</p>
            </div>
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match lists.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No price lists yet">
                            <p>"Create one below, then import its prices from a CSV file."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(list) => view! {
                        <ListTable caption="Price lists by code" columns=&[
                            Text("Code"), Text("Name"), Text("Currency"), Numeric("Prices"), Numeric("Companies"),
                        ]>
                            {list.into_iter().map(|l| view! {
                                <tr>
                                    <td><a href=price_list_path(&l.code)>{l.code.clone()}</a></td>
                                    <td>{l.name}</td>
                                    <td>{l.currency}</td>
                                    <td class="num">{l.prices}</td>
                                    <td class="num">{l.companies}</td>
                                </tr>
                            }).collect_view()}
                        </ListTable>
                    }.into_any(),
                }
            })}
        </Suspense>
        <section class="card" aria-labelledby="new-list-title">
            <h2 id="new-list-title">"New price list"</h2>
            <ActionForm action=create attr:class="form wide-form" attr:novalidate=true>
                <FormAlert error/>
                <div class="form-row">
                    <TextField label="Code" name="code" required=true hint="Capitals, digits and dashes, like EU-2027." error=field_error(error, "code")/>
                    <TextField label="Name" name="name" required=true error=field_error(error, "name")/>
                    <TextField label="Currency" name="currency" required=true hint="Three letters, like EUR." error=field_error(error, "currency")/>
                </div>
                <SubmitButton label="Create price list" busy_label="Creating…" pending=create.pending()/>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn PriceListPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let import = ServerAction::<ImportPrices>::new();
    let list = Resource::new(
        move || (code(), import.version().get()),
        |(code, _)| get_price_list(code),
    );
    view! {
        <Title text=move || format!("{} · Price lists", code())/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Price list"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) => view! { <PriceList list import/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PriceList(list: PriceListDetail, import: ServerAction<ImportPrices>) -> impl IntoView {
    let s = list.summary.clone();
    let currency = s.currency.clone();
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href=PATH>"Price lists"</a></li>
                <li><a href=price_list_path(&s.code) aria-current="page">{s.code.clone()}</a></li>
            </ol>
        </nav>
        <header class="page-header">
            <div>
                <h1>{s.name.clone()}</h1>
                <p class="muted">{format!("{} · {} · {} prices · {} companies", s.code, s.currency, s.prices, s.companies)}</p>
            </div>
            <a class="button" href=format!("/admin/wholesale/price-lists.csv?code={}", urlencoding::encode(&s.code)) download="">"Download CSV"</a>
        </header>
        <ImportForm code=s.code.clone() import/>
        {if list.prices.is_empty() {
            view! {
                <EmptyState title="No prices yet">
                    <p>"Import a CSV file with the columns style_code, colour, size, wholesale, retail."</p>
                </EmptyState>
            }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <caption>"Prices; an empty colour or size means every colour or size"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Style"</th>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Colour"</th>
                                <th scope="col">"Size"</th>
                                <th scope="col" class="num">"Wholesale"</th>
                                <th scope="col" class="num">"Retail"</th>
                                <th scope="col" class="num">"Margin"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.prices.into_iter().map(|p| {
                                let margin = margin_percent(Price { wholesale_minor: p.wholesale_minor, retail_minor: p.retail_minor });
                                view! {
                                    <tr>
                                        <td>{p.style_code}</td>
                                        <td class="wrap">{p.name}</td>
                                        <td>{if p.colour.is_empty() { "All".to_owned() } else { p.colour }}</td>
                                        <td>{if p.size.is_empty() { "All".to_owned() } else { p.size }}</td>
                                        <td class="num">{format_money(p.wholesale_minor, &currency)}</td>
                                        <td class="num">{format_money(p.retail_minor, &currency)}</td>
                                        <td class="num">{format!("{margin}%")}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

#[component]
fn ImportForm(code: String, import: ServerAction<ImportPrices>) -> impl IntoView {
    let error = action_error(import);
    let report = move || import.value().get().and_then(Result::ok);
    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">"Import prices"</h2>
            <p class="muted">"Paste the CSV file: a header with style_code, colour, size, wholesale, retail (prices like 42.50). Every row is checked first; with any problem nothing is changed."</p>
            <ActionForm action=import attr:class="form wide-form">
                <FormAlert error/>
                <input type="hidden" name="code" value=code/>
                <div class="field">
                    <label for="import-csv">"CSV"</label>
                    <textarea id="import-csv" name="csv" rows="8" class="csv-input" required=true
                        placeholder="style_code,colour,size,wholesale,retail"></textarea>
                </div>
                <fieldset class="checkboxes">
                    <legend>"What the file does"</legend>
                    <label class="checkbox"><input type="radio" name="replace" value="false" checked=true/>"Add and update prices"</label>
                    <label class="checkbox"><input type="radio" name="replace" value="true"/>"Replace all prices of the list"</label>
                </fieldset>
                <SubmitButton label="Import" busy_label="Checking…" pending=import.pending()/>
            </ActionForm>
            {move || report().map(|r| view! { <ImportOutcome report=r/> })}
        </section>
    }
}

#[component]
fn ImportOutcome(report: ImportReport) -> impl IntoView {
    if report.applied {
        return view! {
            <p class="alert success" role="status">{format!("Imported: {} prices applied.", report.rows)}</p>
        }
        .into_any();
    }
    view! {
        <div class="alert error import-report" role="alert">
            <p>{format!("Nothing was imported: {} problems to fix in the file.", report.problems.len())}</p>
            <table class="table">
                <caption class="visually-hidden">"Problems of the file"</caption>
                <thead><tr><th scope="col" class="num">"Row"</th><th scope="col">"Column"</th><th scope="col">"Problem"</th></tr></thead>
                <tbody>
                    {report.problems.into_iter().map(|p| view! {
                        <tr><td class="num">{p.row}</td><td>{p.column}</td><td class="wrap">{p.problem}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
