//! Pages of the B2B portal. Every page reads an optional `?company=` so the
//! staff desk can open the same pages acting for a company; buyers never
//! need it (their company comes from the session).

mod campaigns;
mod company;
mod grid;
mod line_sheet;
mod pre_orders;

pub use campaigns::PortalHome;
pub use company::{CompanyPage, JoinPage};
pub use grid::StyleGridPage;
pub use line_sheet::LineSheetPage;
pub use pre_orders::{PreOrderPage, PreOrderPrintPage, PreOrdersPage};

use crate::wholesale::model::{CampaignState, DeliveryWindow, PreOrderState};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

/// The company staff act for (`?company=`), `None` for buyers.
fn acting_for() -> Option<Uuid> {
    use_query_map()
        .read_untracked()
        .get("company")
        .and_then(|id| Uuid::parse_str(&id).ok())
}

/// A portal path, keeping the company staff act for.
pub fn portal_href(path: &str, company: Option<Uuid>) -> String {
    // Staff act for a company on the same pages, mounted in the back office.
    let Some(id) = company else {
        return path.to_owned();
    };
    let path = match path.strip_prefix("/b2b") {
        Some(rest) => format!("{ACTING_PREFIX}{rest}"),
        None => path.to_owned(),
    };
    let joiner = if path.contains('?') { '&' } else { '?' };
    format!("{path}{joiner}company={id}")
}

/// Where the wholesale team opens the portal's pages for a company.
pub const ACTING_PREFIX: &str = "/admin/wholesale/act";

fn money(minor: i64, currency: &str) -> String {
    crate::ui::money::format_money(minor, currency)
}

fn window_text(w: &DeliveryWindow) -> String {
    format!("{}: {} – {}", w.name, w.ships_from, w.ships_until)
}

fn campaign_badge(state: CampaignState) -> impl IntoView {
    let class = match state {
        CampaignState::Open => "badge ok",
        _ => "badge",
    };
    view! { <span class=class>{state.label()}</span> }
}

fn pre_order_badge(state: PreOrderState) -> impl IntoView {
    let class = match state {
        PreOrderState::Submitted | PreOrderState::Confirmed => "badge ok",
        PreOrderState::Withdrawn => "badge warn",
        PreOrderState::Draft => "badge",
    };
    view! { <span class=class>{state.label()}</span> }
}

/// Hidden `company` field for forms when staff act for a company.
#[component]
fn CompanyField(company: Option<Uuid>) -> impl IntoView {
    company.map(|id| view! { <input type="hidden" name="company" value=id.to_string()/> })
}

/// Every message of an action's error: a refused submit lists each shortfall.
#[component]
fn ErrorList(#[prop(into)] error: Signal<Option<crate::error::AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            let messages: Vec<String> = match &error {
                crate::error::AppError::Invalid(list) => {
                    list.iter().map(|e| e.message.clone()).collect()
                }
                other => vec![other.to_string()],
            };
            view! {
                <div class="alert error" role="alert">
                    <ul class="plain-list">{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
