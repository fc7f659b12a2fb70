//! Pages of the B2B portal.

use crate::auth::model::Role;
use crate::orders::pages::OrdersTable;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use crate::wholesale::api::portal::{my_company, my_company_orders};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PortalHome() -> impl IntoView {
    view! {
        <Title text="Campaigns · Wholesale"/>
        <header class="page-header"><h1>"Campaigns"</h1></header>
        <EmptyState title="No campaign is open right now">
            <p>"When the brand opens a seasonal campaign for your company, its line sheet and order grid appear here."</p>
            <a class="button" href="/b2b/orders">"See your pre-orders"</a>
        </EmptyState>
    }
}

#[component]
pub fn PreOrdersPage() -> impl IntoView {
    let orders = Resource::new(|| (), |_| my_company_orders());
    view! {
        <Title text="Pre-orders · Wholesale"/>
        <header class="page-header"><h1>"Pre-orders"</h1></header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match orders.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No pre-orders yet">
                            <p>"Pre-orders you submit in a campaign are listed here with their status."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(orders) => view! { <OrdersTable orders caption="Your pre-orders, newest first"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn CompanyPage() -> impl IntoView {
    let profile = Resource::new(|| (), |_| my_company());
    view! {
        <Title text="Company · Wholesale"/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(profile) => {
                        let company = profile.company;
                        view! {
                            <header class="page-header"><h1>{company.name.clone()}</h1></header>
                            <div class="account-grid">
                                <section class="card" aria-labelledby="company-heading">
                                    <h2 id="company-heading">"Company details"</h2>
                                    <dl class="facts">
                                        <dt>"Legal name"</dt><dd>{company.legal_name}</dd>
                                        <dt>"VAT number"</dt><dd>{company.vat_number}</dd>
                                        <dt>"Location"</dt><dd>{company.city} ", " {company.country}</dd>
                                        <dt>"Currency"</dt><dd>{company.currency}</dd>
                                    </dl>
                                </section>
                                <section class="card wide" aria-labelledby="people-heading">
                                    <h2 id="people-heading">"People"</h2>
                                    <table class="table">
                                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Role"</th></tr></thead>
                                        <tbody>
                                            {profile.members.into_iter().map(|m| view! {
                                                <tr>
                                                    <td>{m.name}</td>
                                                    <td>{m.email}</td>
                                                    <td>{if m.role == Role::CompanyAdmin { "Company admin" } else { "Buyer" }}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </section>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
