//! Retailer companies: the searchable list, and one page per company with
//! its terms, its ship-to stores and its people.

use crate::error::AppError;
use crate::ui::form::{FormAlert, ReturnTo, SubmitButton, TextField, action_error, field_error};
use crate::ui::money::format_money;
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use crate::wholesale::api::staff::{
    AddCompanyStore, AddCompanyUser, RemoveCompanyStore, SaveCompany, company_path, get_companies,
    get_company, get_company_choices,
};
use crate::wholesale::model::{CompanyChoices, CompanyDetail, CompanySummary, PaymentTerms};
use crate::wholesale::pages::{Column::*, ListTable};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const PATH: &str = "/admin/wholesale/companies";

/// A credit limit in major units as the form shows it (empty: no limit).
fn major_units(minor: Option<i64>) -> String {
    minor.map_or_else(String::new, |m| {
        if m % 100 == 0 {
            (m / 100).to_string()
        } else {
            format!("{}.{:02}", m / 100, m % 100)
        }
    })
}

#[component]
pub fn CompaniesPage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let companies = Resource::new(search, get_companies);
    view! {
        <Title text="Companies · Wholesale"/>
        <header class="page-header">
            <div>
                <h1>"Companies"</h1>
                <p class="muted">"Retailers that buy on terms: their price list, sales rep and people."</p>
            </div>
            <a class="button primary" href="/admin/wholesale/companies/new">"New company"</a>
        </header>
        <form method="get" action=PATH class="list-filters" role="search" aria-label="Search companies">
            <div class="field">
                <label for="companies-q">"Search"</label>
                <input id="companies-q" name="q" type="search" value=search() placeholder="Name, VAT number, city"/>
            </div>
            <div class="list-filter-actions">
                <button type="submit" class="button primary">"Search"</button>
                <a href=PATH>"Clear"</a>
            </div>
        </form>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match companies.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No companies here">
                            <p>"No company matches, or none was added yet."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(list) => view! { <CompaniesTable companies=list/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CompaniesTable(companies: Vec<CompanySummary>) -> impl IntoView {
    view! {
        <p class="muted" role="status">{format!("{} companies", companies.len())}</p>
        <ListTable caption="Companies by name" columns=&[
            Text("Company"), Text("City"), Text("Currency"), Text("Price list"), Text("Sales rep"), Numeric("Users"),
        ]>
            {companies.into_iter().map(|c| view! {
                <tr>
                    <td><a href=company_path(c.id)>{c.name}</a></td>
                    <td class="wrap">{format!("{}, {}", c.city, c.country)}</td>
                    <td>{c.currency}</td>
                    <td>{c.price_list.unwrap_or_else(|| "None".into())}</td>
                    <td>{c.sales_rep.unwrap_or_else(|| "—".into())}</td>
                    <td class="num">{c.users}</td>
                </tr>
            }).collect_view()}
        </ListTable>
    }
}

#[component]
pub fn NewCompanyPage() -> impl IntoView {
    let save = ServerAction::<SaveCompany>::new();
    let choices = Resource::new(|| (), |_| get_company_choices());
    view! {
        <Title text="New company · Wholesale"/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href=PATH>"Companies"</a></li>
                <li><a href="/admin/wholesale/companies/new" aria-current="page">"New company"</a></li>
            </ol>
        </nav>
        <header class="page-header"><h1>"New company"</h1></header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match choices.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(choices) => view! { <CompanyEditor company=None choices save/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn CompanyPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let save = ServerAction::<SaveCompany>::new();
    let add_store = ServerAction::<AddCompanyStore>::new();
    let remove_store = ServerAction::<RemoveCompanyStore>::new();
    let add_user = ServerAction::<AddCompanyUser>::new();
    let company = Resource::new(
        move || {
            (
                id(),
                save.version().get(),
                add_store.version().get(),
                remove_store.version().get(),
                add_user.version().get(),
            )
        },
        |(id, ..)| get_company(id),
    );
    let choices = Resource::new(|| (), |_| get_company_choices());
    let saved = move || save.value().get().is_some_and(|r| r.is_ok());
    view! {
        <Title text="Company · Wholesale"/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match (company.await, choices.await) {
                    (Err(AppError::NotFound(_)), _) => view! { <NotFound what="Company"/> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorNotice error/> }.into_any(),
                    (Ok(company), Ok(choices)) => view! {
                        <nav aria-label="Breadcrumb" class="breadcrumbs">
                            <ol>
                                <li><a href=PATH>"Companies"</a></li>
                                <li><a href=company_path(company.id) aria-current="page">{company.name.clone()}</a></li>
                            </ol>
                        </nav>
                        <header class="page-header">
                            <div>
                                <h1>{company.name.clone()}</h1>
                                <p class="muted">{company.legal_name.clone()} " · " {company.vat_number.clone()}</p>
                            </div>
                        </header>
                        {move || saved().then(|| view! { <p class="alert success" role="status">"Company saved."</p> })}
                        <CompanyEditor company=Some(company.clone()) choices save/>
                        <Stores company=company.clone() add=add_store remove=remove_store/>
                        <People company add=add_user/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Every term of a company; empty for a new one.
#[component]
fn CompanyEditor(
    company: Option<CompanyDetail>,
    choices: CompanyChoices,
    save: ServerAction<SaveCompany>,
) -> impl IntoView {
    let error = action_error(save);
    let id = company
        .as_ref()
        .map(|c| c.id.to_string())
        .unwrap_or_default();
    let label = if id.is_empty() {
        "Create company"
    } else {
        "Save company"
    };
    let c = company.unwrap_or_else(|| CompanyDetail {
        id: uuid::Uuid::nil(),
        name: String::new(),
        legal_name: String::new(),
        vat_number: String::new(),
        country: String::new(),
        city: String::new(),
        currency: "EUR".into(),
        billing_address: Default::default(),
        payment_terms: PaymentTerms::Net30,
        credit_limit_minor: None,
        price_list_id: None,
        sales_rep_id: None,
        stores: Vec::new(),
        members: Vec::new(),
    });
    let select = move |name: &'static str,
                       label: &'static str,
                       options: Vec<(String, String, bool)>,
                       empty: &'static str| {
        let problem = field_error(error, name);
        let id = format!("field-{name}");
        let error_id = format!("{id}-error");
        view! {
            <div class="field" class:invalid=move || problem.get().is_some()>
                <label for=id.clone()>{label}</label>
                <select id=id name=name
                    aria-invalid=move || problem.get().is_some().then_some("true")
                    aria-describedby={let error_id = error_id.clone(); move || problem.get().is_some().then(|| error_id.clone())}>
                    {(!empty.is_empty()).then(|| view! { <option value="">{empty}</option> })}
                    {options.into_iter().map(|(value, text, selected)| view! {
                        <option value=value selected=selected>{text}</option>
                    }).collect_view()}
                </select>
                {move || problem.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            </div>
        }
    };
    let lists = choices
        .price_lists
        .iter()
        .map(|l| {
            (
                l.id.to_string(),
                format!("{} · {} ({})", l.code, l.name, l.currency),
                c.price_list_id == Some(l.id),
            )
        })
        .collect();
    let reps = choices
        .sales_reps
        .iter()
        .map(|r| {
            (
                r.id.to_string(),
                r.name.clone(),
                c.sales_rep_id == Some(r.id),
            )
        })
        .collect();
    let terms = PaymentTerms::ALL
        .iter()
        .map(|t| {
            (
                t.as_str().to_owned(),
                t.label().to_owned(),
                *t == c.payment_terms,
            )
        })
        .collect();
    let address = c.billing_address.clone();
    view! {
        <ActionForm action=save attr:class="form wide-form" attr:novalidate=true>
            <FormAlert error/>
            <input type="hidden" name="id" value=id/>
            <div class="form-row">
                <TextField label="Display name" name="name" value=c.name.clone() required=true error=field_error(error, "name")/>
                <TextField label="Legal name" name="legal_name" value=c.legal_name.clone() required=true error=field_error(error, "legal_name")/>
                <TextField label="VAT number" name="vat_number" value=c.vat_number.clone() required=true error=field_error(error, "vat_number")/>
            </div>
            <div class="form-row">
                <TextField label="City" name="city" value=c.city.clone() required=true error=field_error(error, "city")/>
                <TextField label="Country" name="country" value=c.country.clone() required=true hint="Two letters, like IT." error=field_error(error, "country")/>
                <TextField label="Currency" name="currency" value=c.currency.clone() required=true hint="Three letters, like EUR." error=field_error(error, "currency")/>
            </div>
            <fieldset>
                <legend>"Billing address"</legend>
                <div class="form-row">
                    <TextField label="Name" name="billing_name" value=address.name error=field_error(error, "billing_name")/>
                    <TextField label="Street address" name="billing_line1" value=address.line1 error=field_error(error, "billing_line1")/>
                    <TextField label="Postal code" name="billing_postal_code" value=address.postal_code error=field_error(error, "billing_postal_code")/>
                    <TextField label="City" name="billing_city" value=address.city error=field_error(error, "billing_city")/>
                    <TextField label="Country" name="billing_country" value=address.country error=field_error(error, "billing_country")/>
                </div>
            </fieldset>
            <fieldset>
                <legend>"Terms"</legend>
                <div class="form-row">
                    {select("payment_terms", "Payment terms", terms, "")}
                    <TextField label="Credit limit" name="credit_limit" value=major_units(c.credit_limit_minor)
                        hint="In the company's currency, like 25000. Empty: no limit." error=field_error(error, "credit_limit")/>
                    {select("price_list_id", "Price list", lists, "No price list")}
                    {select("sales_rep_id", "Sales rep", reps, "Nobody")}
                </div>
            </fieldset>
            <div class="actions">
                <SubmitButton label pending=save.pending() busy_label="Saving…"/>
                <a class="button" href=PATH>"Cancel"</a>
            </div>
        </ActionForm>
    }
}

/// The shops a company has goods delivered to.
#[component]
fn Stores(
    company: CompanyDetail,
    add: ServerAction<AddCompanyStore>,
    remove: ServerAction<RemoveCompanyStore>,
) -> impl IntoView {
    let error = action_error(add);
    let page = company_path(company.id);
    let company_id = company.id.to_string();
    let rows = company
        .stores
        .into_iter()
        .map(|s| {
            let (company_id, page) = (company_id.clone(), page.clone());
            view! {
                <tr>
                    <td>{s.name.clone()}</td>
                    <td class="wrap">{format!("{}, {} {}, {}", s.address.line1, s.address.postal_code, s.address.city, s.address.country)}</td>
                    <td>
                        <ActionForm action=remove attr:class="inline-form">
                            <input type="hidden" name="company_id" value=company_id/>
                            <input type="hidden" name="store_id" value=s.id.to_string()/>
                            <ReturnTo path=page/>
                            <button type="submit" class="button small" aria-label=format!("Remove the store {}", s.name)>"Remove"</button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="stores-title">
            <h2 id="stores-title">"Ship-to stores"</h2>
            <FormAlert error=Signal::derive(move || remove.value().get().and_then(Result::err))/>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Stores"</caption>
                    <thead><tr><th scope="col">"Store"</th><th scope="col">"Address"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ActionForm action=add attr:class="form wide-form" attr:novalidate=true attr:aria-label="Add a store">
                <FormAlert error/>
                <input type="hidden" name="company_id" value=company_id.clone()/>
                <ReturnTo path=page.clone()/>
                <div class="form-row">
                    <TextField label="Store name" name="name" required=true error=field_error(error, "name")/>
                    <TextField label="Street address" name="line1" required=true error=field_error(error, "line1")/>
                    <TextField label="Postal code" name="postal_code" required=true error=field_error(error, "postal_code")/>
                    <TextField label="City" name="city" required=true error=field_error(error, "city")/>
                    <TextField label="Country" name="country" required=true hint="Two letters." error=field_error(error, "country")/>
                </div>
                <SubmitButton label="Add store" busy_label="Adding…" pending=add.pending() class="button"/>
            </ActionForm>
        </section>
    }
}

/// The company's buyers and admins, and a form to add one.
#[component]
fn People(company: CompanyDetail, add: ServerAction<AddCompanyUser>) -> impl IntoView {
    let error = action_error(add);
    let role_error = field_error(error, "role");
    let page = company_path(company.id);
    let credit = company
        .credit_limit_minor
        .map(|m| format_money(m, &company.currency));
    view! {
        <section class="card" aria-labelledby="people-title">
            <h2 id="people-title">"People"</h2>
            {credit.map(|c| view! { <p class="muted">"Credit limit: " {c}</p> })}
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Users of the company"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Role"</th></tr></thead>
                    <tbody>
                        {company.members.into_iter().map(|u| view! {
                            <tr><td>{u.name}</td><td>{u.email}</td><td>{u.role.label()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <ActionForm action=add attr:class="form wide-form" attr:novalidate=true attr:aria-label="Add a user">
                <FormAlert error/>
                <input type="hidden" name="company_id" value=company.id.to_string()/>
                <ReturnTo path=page/>
                <div class="form-row">
                    <TextField label="Name" name="name" required=true error=field_error(error, "name")/>
                    <TextField label="Email" name="email" kind="email" required=true error=field_error(error, "email")/>
                    <div class="field" class:invalid=move || role_error.get().is_some()>
                        <label for="field-role">"Role"</label>
                        <select id="field-role" name="role">
                            <option value="buyer">"Buyer"</option>
                            <option value="company_admin">"Company admin"</option>
                        </select>
                        {move || role_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    </div>
                    <TextField label="Initial password" name="password" kind="password" autocomplete="new-password" required=true
                        hint="Tell it to them safely; they can change it after signing in." error=field_error(error, "password")/>
                </div>
                <SubmitButton label="Add user" busy_label="Adding…" pending=add.pending() class="button"/>
            </ActionForm>
        </section>
    }
}
