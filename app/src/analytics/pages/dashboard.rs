use super::area::KpiCards;
use crate::analytics::api::get_dashboard;
use crate::ui::chart::{Bar, BarChart};
use crate::ui::money::format_money;
use crate::ui::status::{ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_dashboard());
    view! {
        <Title text="Dashboard · Back office"/>
        <header class="page-header"><h1>"Dashboard"</h1></header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(board) => {
                        let orders: Vec<Bar> = board.months.iter().map(|m| Bar {
                            label: m.month.clone(),
                            value: m.orders,
                            display: m.orders.to_string(),
                        }).collect();
                        let revenue: Vec<Bar> = board.months.iter().map(|m| Bar {
                            label: m.month.clone(),
                            value: m.revenue_minor,
                            display: format_money(m.revenue_minor, "EUR"),
                        }).collect();
                        view! {
                            <KpiCards kpis=board.kpis/>
                            <div class="chart-row">
                                <BarChart title="Orders per month" bars=orders/>
                                <BarChart title="Revenue per month" bars=revenue/>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
