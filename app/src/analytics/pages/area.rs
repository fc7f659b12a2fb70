use crate::analytics::api::area_figures;
use crate::analytics::model::Kpi;
use crate::auth::model::AdminArea;
use crate::auth::pages::AccessGate;
use crate::auth::rules::Requirement;
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn KpiCards(kpis: Vec<Kpi>) -> impl IntoView {
    view! {
        <ul class="kpis">
            {kpis.into_iter().map(|kpi| view! {
                <li class="kpi">
                    <span class="kpi-value">{kpi.value}</span>
                    <span class="kpi-label">{kpi.label}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The start page of a back-office area: what it is for and its key figures.
#[component]
pub fn AreaPage() -> impl IntoView {
    let params = use_params_map();
    let area = move || {
        params
            .read()
            .get("area")
            .as_deref()
            .and_then(AdminArea::from_slug)
    };
    move || match area() {
        None | Some(AdminArea::Dashboard) => view! { <NotFound what="Page"/> }.into_any(),
        Some(area) => view! { <AreaOverview area/> }.into_any(),
    }
}

/// The pages of an area that exist beyond its overview.
fn sections(area: AdminArea) -> &'static [(&'static str, &'static str, &'static str)] {
    match area {
        AdminArea::Settings => &[
            (
                "/admin/settings/channels",
                "Sales channels",
                "Routing, approval, order responses, documents and webhooks per channel.",
            ),
            (
                "/admin/settings/api-keys",
                "API keys",
                "Keys for machine clients of the JSON API (3PLs, marketplaces).",
            ),
        ],
        _ => &[],
    }
}

#[component]
fn AreaOverview(area: AdminArea) -> impl IntoView {
    let figures = Resource::new(move || area, area_figures);
    view! {
        <Title text=format!("{} · Back office", area.label())/>
        <AccessGate requirement=Requirement::Staff(area)>
            <header class="page-header">
                <div>
                    <h1>{area.label()}</h1>
                    <p class="muted">{area.summary()}</p>
                </div>
            </header>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match figures.await {
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        Ok(kpis) => view! { <KpiCards kpis/> }.into_any(),
                    }
                })}
            </Suspense>
            <ul class="section-links">
                {sections(area).iter().map(|(href, label, about)| view! {
                    <li><a href=*href class="card section-link"><strong>{*label}</strong><span class="muted">{*about}</span></a></li>
                }).collect_view()}
            </ul>
        </AccessGate>
    }
}
