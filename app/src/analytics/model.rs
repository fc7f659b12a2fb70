use serde::{Deserialize, Serialize};

/// Counts across the business, read in one query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Figures {
    pub active_products: i64,
    pub categories: i64,
    pub skus: i64,
    pub units_on_hand: i64,
    pub units_reserved: i64,
    pub locations: i64,
    pub suppliers: i64,
    pub orders: i64,
    pub open_orders: i64,
    pub revenue_30d_minor: i64,
    pub consumers: i64,
    pub companies: i64,
    pub buyers: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthPoint {
    pub month: String,
    pub orders: i64,
    pub revenue_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub kpis: Vec<Kpi>,
    pub months: Vec<MonthPoint>,
}
