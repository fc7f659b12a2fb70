use crate::fulfilment::model::Address;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most addresses a customer keeps (a book, not a data store).
pub const MAX_ADDRESSES: i64 = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedAddress {
    pub id: Uuid,
    pub address: Address,
    pub is_default: bool,
}
