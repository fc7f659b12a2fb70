//! `/b2b`: the campaigns the company is invited to, with its pre-order in each.

use super::{acting_for, campaign_badge, money, portal_href, pre_order_badge, window_text};
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use crate::wholesale::api::portal::portal_campaigns;
use crate::wholesale::model::{CampaignState, PortalCampaign};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PortalHome() -> impl IntoView {
    let company = acting_for();
    let campaigns = Resource::new(|| (), move |_| portal_campaigns(company));
    view! {
        <Title text="Campaigns · Wholesale"/>
        <header class="page-header"><h1>"Campaigns"</h1></header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match campaigns.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No campaign is open right now">
                            <p>"When the brand opens a seasonal campaign for your company, its line sheet and order grid appear here."</p>
                            <a class="button" href=portal_href("/b2b/orders", company)>"See your pre-orders"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(list) => {
                        let (open, past): (Vec<_>, Vec<_>) =
                            list.into_iter().partition(|c| c.state == CampaignState::Open);
                        view! {
                            <div class="campaign-list">
                                {open.into_iter().map(|c| view! { <CampaignCard campaign=c company/> }).collect_view()}
                            </div>
                            {(!past.is_empty()).then(|| view! {
                                <h2>"Closed campaigns you ordered in"</h2>
                                <div class="campaign-list">
                                    {past.into_iter().map(|c| view! { <CampaignCard campaign=c company/> }).collect_view()}
                                </div>
                            })}
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn CampaignCard(campaign: PortalCampaign, company: Option<uuid::Uuid>) -> impl IntoView {
    let sheet = portal_href(&format!("/b2b/campaigns/{}", campaign.code), company);
    let heading_id = format!("campaign-{}", campaign.code);
    let labelled_by = heading_id.clone();
    let minimum_value = money(campaign.minimums.order_minor, &campaign.currency);
    view! {
        <section class="card campaign-card" aria-labelledby=labelled_by>
            <h2 id=heading_id><a href=sheet.clone()>{campaign.name.clone()}</a> " " {campaign_badge(campaign.state)}</h2>
            <dl class="facts">
                <dt>"Season"</dt><dd>{campaign.season.clone()}</dd>
                <dt>"Orders taken"</dt><dd>{format!("{} – {}", campaign.opens_on, campaign.closes_on)}</dd>
                <dt>"Delivery windows"</dt>
                <dd>
                    <ul class="plain-list">
                        {campaign.windows.iter().map(|w| view! { <li>{window_text(w)}</li> }).collect_view()}
                    </ul>
                </dd>
                <dt>"Minimums"</dt>
                <dd>{format!("{} units per style", campaign.minimums.units_per_style)}
                    {(campaign.minimums.order_minor > 0).then(|| format!(", order value {minimum_value}"))}</dd>
                <dt>"Your pre-order"</dt>
                <dd>
                    {match campaign.pre_order.clone() {
                        None => view! { <span class="muted">"Not started"</span> }.into_any(),
                        Some(po) => view! {
                            <a href=portal_href(&format!("/b2b/pre-orders/{}", po.number), company)>{po.number.clone()}</a>
                            " " {pre_order_badge(po.state)}
                            {format!(" · {} units · {}", po.units, money(po.value_minor, &campaign.currency))}
                        }.into_any(),
                    }}
                </dd>
            </dl>
            <a class="button" href=sheet>"Open the line sheet"</a>
        </section>
    }
}
