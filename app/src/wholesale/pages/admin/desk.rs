//! A campaign's sales desk: who pre-ordered what, who has not yet, and the
//! units per style colour against target and per size. Units count
//! submitted and confirmed pre-orders; drafts are shown as in progress.

use super::campaigns::CampaignStateBadge;
use crate::error::AppError;
use crate::ui::chart::{Bar, BarChart};
use crate::ui::money::format_money;
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use crate::wholesale::api::staff::{campaign_path, desk_path, get_campaign_desk, pre_order_path};
use crate::wholesale::model::{CampaignDesk, PreOrderState};
use crate::wholesale::pages::{Column::*, ListTable};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Units as a whole percentage of the target (0 without a target), and the
/// bar's width, which stops at 100%.
pub fn progress(units: i64, target: i64) -> (i64, i64) {
    if target <= 0 {
        return (0, 0);
    }
    let percent = units.max(0) * 100 / target;
    (percent, percent.min(100))
}

#[component]
pub fn CampaignDeskPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let desk = Resource::new(code, get_campaign_desk);
    view! {
        <Title text=move || format!("Sales desk · {}", code())/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match desk.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Campaign"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(desk) => view! { <Desk desk/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Desk(desk: CampaignDesk) -> impl IntoView {
    let c = desk.campaign.clone();
    let in_progress: i64 = desk
        .companies
        .iter()
        .filter(|p| p.state == PreOrderState::Draft)
        .map(|p| p.units)
        .sum();
    let placed = desk
        .companies
        .iter()
        .filter(|p| matches!(p.state, PreOrderState::Submitted | PreOrderState::Confirmed))
        .count();
    let target: i64 = desk.styles.iter().map(|s| s.target_units).sum();
    let bars: Vec<Bar> = desk
        .sizes
        .iter()
        .map(|(size, units)| Bar {
            label: size.clone(),
            value: *units,
            display: units.to_string(),
        })
        .collect();
    let style_rows = desk.styles.iter().map(|s| {
        let (percent, width) = progress(s.units, s.target_units);
        let reached = percent >= 100;
        view! {
            <tr>
                <td>{s.style_code.clone()} " " <span class="muted">{s.name.clone()}</span></td>
                <td>{s.colour.clone()}</td>
                <td class="num">{s.units}</td>
                <td class="num">{s.target_units}</td>
                <td>
                    {if s.target_units > 0 {
                        view! {
                            <span class="target-bar" aria-hidden="true">
                                <span class="target-fill" class:reached=reached style=format!("width: {width}%")></span>
                            </span>
                            " " <span>{format!("{percent}%")}</span>
                        }.into_any()
                    } else {
                        view! { <span class="muted">"No target"</span> }.into_any()
                    }}
                </td>
            </tr>
        }
    }).collect_view();
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href="/admin/wholesale/campaigns">"Campaigns"</a></li>
                <li><a href=campaign_path(&c.code)>{c.code.clone()}</a></li>
                <li><a href=desk_path(&c.code) aria-current="page">"Sales desk"</a></li>
            </ol>
        </nav>
        <header class="page-header">
            <div>
                <h1>{format!("Sales desk · {}", c.name)} " " <CampaignStateBadge state=c.state/></h1>
                <p class="muted">{format!("{} of {} invited companies placed a pre-order", placed, c.invited)}</p>
            </div>
        </header>
        <dl class="facts desk-totals">
            <div><dt>"Units ordered"</dt><dd>{desk.units}</dd></div>
            <div><dt>"Target"</dt><dd>{target}</dd></div>
            <div><dt>"In progress (drafts)"</dt><dd>{in_progress}</dd></div>
            <div><dt>"Not ordered yet"</dt><dd>{desk.not_ordered.len()}</dd></div>
        </dl>
        <section class="card" aria-labelledby="desk-orders">
            <h2 id="desk-orders">"Pre-orders"</h2>
            {if desk.companies.is_empty() {
                view! { <EmptyState title="No pre-orders yet"><p>"Invited companies have not started one."</p></EmptyState> }.into_any()
            } else {
                let rows = desk.companies.iter().map(|p| view! {
                    <tr>
                        <td>{p.company.clone()}</td>
                        <td><a href=pre_order_path(&p.number, p.company_id)>{p.number.clone()}</a></td>
                        <td><span class=format!("badge pre-order-{}", p.state.as_str())>{p.state.label()}</span></td>
                        <td class="num">{p.units}</td>
                        <td class="num">{format_money(p.value_minor, &p.currency)}</td>
                    </tr>
                }).collect_view();
                view! {
                    <ListTable caption="Pre-orders by company" columns=&[
                        Text("Company"), Text("Pre-order"), Text("State"), Numeric("Units"), Numeric("Value"),
                    ]>
                        {rows}
                    </ListTable>
                }.into_any()
            }}
            {(!desk.not_ordered.is_empty()).then(|| view! {
                <h3>"Invited, not ordered yet"</h3>
                <ul class="plain-list">
                    {desk.not_ordered.iter().map(|name| view! { <li>{name.clone()}</li> }).collect_view()}
                </ul>
            })}
        </section>
        <section class="card" aria-labelledby="desk-styles">
            <h2 id="desk-styles">"Units per style and colour"</h2>
            <ListTable caption="Units ordered against target, per style and colour" columns=&[
                Text("Style"), Text("Colour"), Numeric("Units"), Numeric("Target"), Text("Of target"),
            ]>
                {style_rows}
            </ListTable>
        </section>
        {(!bars.is_empty()).then(|| view! {
            <section class="card"><BarChart title="Units per size" bars/></section>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::progress;

    #[test]
    fn progress_is_a_percentage_and_the_bar_stops_full() {
        assert_eq!(progress(30, 120), (25, 25));
        assert_eq!(progress(180, 120), (150, 100));
        assert_eq!(progress(5, 0), (0, 0), "no target, no bar");
    }
}
