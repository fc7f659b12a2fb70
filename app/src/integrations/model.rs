use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// What an API key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    #[serde(rename = "stock:read")]
    StockRead,
    #[serde(rename = "stock:write")]
    StockWrite,
    #[serde(rename = "orders:read")]
    OrdersRead,
    #[serde(rename = "orders:write")]
    OrdersWrite,
    /// An external location reports the progress of its fulfilment requests.
    #[serde(rename = "fulfilment:write")]
    FulfilmentWrite,
}

impl Scope {
    pub const ALL: [Scope; 5] = [
        Scope::StockRead,
        Scope::StockWrite,
        Scope::OrdersRead,
        Scope::OrdersWrite,
        Scope::FulfilmentWrite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::StockRead => "stock:read",
            Scope::StockWrite => "stock:write",
            Scope::OrdersRead => "orders:read",
            Scope::OrdersWrite => "orders:write",
            Scope::FulfilmentWrite => "fulfilment:write",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A machine client, as a request authenticated by its key sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    pub key_id: Uuid,
    pub name: String,
    pub scopes: Vec<Scope>,
    /// A key bound to a location may change stock only there (e.g. a 3PL's).
    pub location_id: Option<Uuid>,
    /// The sales channel whose orders the key places and reads.
    pub channel: Option<crate::inventory::model::Channel>,
}

impl ApiClient {
    pub fn may(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }
}

/// An API key as the settings page lists it (never the key itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeySummary {
    pub id: Uuid,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub location_code: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
    pub revoked: bool,
}
