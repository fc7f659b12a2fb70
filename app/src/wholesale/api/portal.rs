//! Portal server functions. Each reads the company from the caller's
//! session, never from the request: a buyer cannot ask for another company.

use crate::error::AppError;
use crate::orders::model::OrderSummary;
use crate::wholesale::model::{CompanyProfile, PaymentTerms};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::auth::{model::CurrentUser, rules::Requirement, session::require},
    crate::server::pool,
    uuid::Uuid,
};

#[cfg(feature = "ssr")]
async fn my_company_id() -> Result<(CurrentUser, Uuid), AppError> {
    let user = require(Requirement::Retailer).await?;
    let company_id = user
        .company
        .as_ref()
        .map(|c| c.id)
        .ok_or(AppError::Forbidden)?;
    Ok((user, company_id))
}

#[server]
pub async fn my_company() -> Result<CompanyProfile, AppError> {
    let (_, company_id) = my_company_id().await?;
    let pool = pool()?;
    let company = crate::wholesale::db::portal::company(&pool, company_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Company".into()))?;
    let members = crate::auth::db::company_users(&pool, company_id).await?;
    Ok(CompanyProfile {
        company,
        members,
        stores: Vec::new(),
        payment_terms: PaymentTerms::Net30,
        invitations: Vec::new(),
    })
}

#[server]
pub async fn my_company_orders() -> Result<Vec<OrderSummary>, AppError> {
    let (_, company_id) = my_company_id().await?;
    Ok(crate::orders::db::orders_of_company(&pool()?, company_id).await?)
}
