use super::model::{Dashboard, Kpi};
use crate::auth::model::AdminArea;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::{db, rules::kpis_for},
    crate::auth::{rules::Requirement, session::require},
    crate::server::pool,
};

#[server(output = crate::codec::Json)]
pub async fn get_dashboard() -> Result<Dashboard, AppError> {
    require(Requirement::Staff(AdminArea::Dashboard)).await?;
    let pool = pool()?;
    let (figures, months) = tokio::try_join!(db::figures(&pool), db::last_six_months(&pool))?;
    Ok(Dashboard {
        kpis: kpis_for(AdminArea::Dashboard, &figures),
        months,
    })
}

/// The key figures of one back-office area, for the staff who own it.
#[server(output = crate::codec::Json)]
pub async fn area_figures(area: AdminArea) -> Result<Vec<Kpi>, AppError> {
    require(Requirement::Staff(area)).await?;
    Ok(kpis_for(area, &db::figures(&pool()?).await?))
}
