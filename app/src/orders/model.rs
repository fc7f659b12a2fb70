use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// One line of a customer's order history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: Uuid,
    pub number: String,
    pub status: String,
    #[serde(with = "time::serde::rfc3339")]
    pub placed_at: OffsetDateTime,
    pub total_minor: i64,
    pub currency: String,
    pub items: i64,
}

/// How an order status reads to a customer.
pub fn status_label(status: &str) -> &'static str {
    match status {
        "captured" | "validated" | "routed" => "Received",
        "awaiting_approval" => "Awaiting approval",
        "approved" | "submitted" => "Being prepared",
        "partially_shipped" => "Partly shipped",
        "shipped" => "Shipped",
        "delivered" => "Delivered",
        "completed" => "Completed",
        "cancelled" => "Cancelled",
        _ => "In progress",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_words() {
        assert_eq!(status_label("completed"), "Completed");
        assert_eq!(status_label("partially_shipped"), "Partly shipped");
        assert_eq!(status_label("something_new"), "In progress");
    }
}
