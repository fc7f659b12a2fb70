use crate::analytics::api::area_figures;
use crate::analytics::pages::area::KpiCards;
use crate::auth::model::AdminArea;
use crate::ui::status::{ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let figures = Resource::new(|| AdminArea::Inventory, area_figures);
    view! {
        <Title text="Inventory · Back office"/>
        <header class="page-header">
            <div>
                <h1>"Inventory"</h1>
                <p class="muted">{AdminArea::Inventory.summary()}</p>
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
    }
}
