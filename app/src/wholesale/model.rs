use crate::auth::model::CurrentUser;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Company {
    pub name: String,
    pub legal_name: String,
    pub vat_number: String,
    pub country: String,
    pub city: String,
    pub currency: String,
}

/// A retailer's company with its people, as its own buyers see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyProfile {
    pub company: Company,
    pub members: Vec<CurrentUser>,
}
