//! The wholesale desk of the back office (`/admin/wholesale/…`): companies,
//! price lists, campaigns with their sales desk, and the demand they make.

pub mod campaigns;
pub mod companies;
pub mod demand;
pub mod desk;
pub mod price_lists;
pub mod shell;

use crate::wholesale::pages::portal;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::{SsrMode, path};

/// Every page of the wholesale desk, mounted under `/admin`.
#[component(transparent)]
pub fn WholesaleRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("wholesale") view=shell::WholesaleShell ssr=SsrMode::Async>
            <Route path=path!("") view=campaigns::CampaignsPage ssr=SsrMode::Async/>
            <Route path=path!("campaigns") view=campaigns::CampaignsPage ssr=SsrMode::Async/>
            <Route path=path!("campaigns/new") view=campaigns::NewCampaignPage ssr=SsrMode::Async/>
            <Route path=path!("campaigns/:code") view=campaigns::CampaignPage ssr=SsrMode::Async/>
            <Route path=path!("campaigns/:code/desk") view=desk::CampaignDeskPage ssr=SsrMode::Async/>
            <Route path=path!("companies") view=companies::CompaniesPage ssr=SsrMode::Async/>
            <Route path=path!("companies/new") view=companies::NewCompanyPage ssr=SsrMode::Async/>
            <Route path=path!("companies/:id") view=companies::CompanyPage ssr=SsrMode::Async/>
            <Route path=path!("price-lists") view=price_lists::PriceListsPage ssr=SsrMode::Async/>
            <Route path=path!("price-lists/:code") view=price_lists::PriceListPage ssr=SsrMode::Async/>
            <Route path=path!("demand") view=demand::DemandPage ssr=SsrMode::Async/>
            // The portal's pages, for staff acting on a company's behalf (`?company=`);
            // what they change is recorded in the pre-order's timeline as on behalf.
            <Route path=path!("act/campaigns/:code") view=portal::LineSheetPage ssr=SsrMode::Async/>
            <Route path=path!("act/campaigns/:code/styles/:style_code") view=portal::StyleGridPage ssr=SsrMode::Async/>
            <Route path=path!("act/pre-orders/:number") view=portal::PreOrderPage ssr=SsrMode::Async/>
            <Route path=path!("act/pre-orders/:number/print") view=portal::PreOrderPrintPage ssr=SsrMode::Async/>
        </ParentRoute>
    }
    .into_inner()
}
