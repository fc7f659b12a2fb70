use crate::fulfilment::model::Address;
use crate::inventory::model::Channel;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// How an order is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Card,
    /// Wholesale customers on payment terms.
    Invoice,
    /// Collected by the marketplace, paid out to us later.
    Marketplace,
    InStore,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 4] = [
        PaymentMethod::Card,
        PaymentMethod::Invoice,
        PaymentMethod::Marketplace,
        PaymentMethod::InStore,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Card => "card",
            PaymentMethod::Invoice => "invoice",
            PaymentMethod::Marketplace => "marketplace",
            PaymentMethod::InStore => "in_store",
        }
    }

    pub fn parse(text: &str) -> Option<PaymentMethod> {
        PaymentMethod::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// An order as a channel hands it in: the one input of order capture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaptureRequest {
    pub channel: Channel,
    /// Makes capture idempotent: the same key in a channel finds the same order.
    pub capture_key: Option<String>,
    /// The channel's own order number (e.g. a marketplace's).
    pub external_reference: String,
    pub email: String,
    pub customer_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub payment_method: PaymentMethod,
    pub currency: String,
    pub ship_to: Address,
    pub lines: Vec<CaptureLine>,
    /// A payment the channel has authorized for the order's total (the
    /// storefront's checkout); `None`: paid by the payment method outside
    /// (invoice, marketplace, till, a channel's own card payment).
    pub payment: Option<AuthorizedPayment>,
    /// How the customer receives it, when they chose (the storefront's
    /// checkout); `None`: the channel's own arrangement, at no charge here.
    #[serde(default)]
    pub shipping: Option<ShippingChoice>,
    /// Nothing ships before this date (a wholesale delivery window's start).
    #[serde(default)]
    pub ship_not_before: Option<time::Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingChoice {
    pub method: crate::cart::rules::ShippingMethod,
    /// Charged on top of the lines, with the first shipment.
    pub fee_minor: i64,
    /// Click-and-collect: the store's location code (routing considers only it).
    pub collect_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizedPayment {
    /// A provider code (see payments::provider).
    pub provider: String,
    /// The provider's reference of the authorization.
    pub reference: String,
}

impl CaptureRequest {
    /// The payment provider that records this order's payment.
    pub fn payment_provider(&self) -> &str {
        match (&self.payment, self.payment_method) {
            (Some(paid), _) => &paid.provider,
            (None, PaymentMethod::Card) => "external",
            (None, method) => method.as_str(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptureLine {
    pub sku: String,
    pub quantity: i32,
    /// The price the channel charged; checked against ours when given.
    pub unit_price_minor: Option<i64>,
}

/// The documents a fulfilment request can come with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    DeliveryNote,
    ReturnNote,
    ReturnLabel,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::DeliveryNote,
        DocumentKind::ReturnNote,
        DocumentKind::ReturnLabel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::DeliveryNote => "delivery_note",
            DocumentKind::ReturnNote => "return_note",
            DocumentKind::ReturnLabel => "return_label",
        }
    }

    pub fn parse(text: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|d| d.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::DeliveryNote => "Delivery note",
            DocumentKind::ReturnNote => "Return note",
            DocumentKind::ReturnLabel => "Return label",
        }
    }
}

/// How a sales channel's orders are processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelSettings {
    pub channel: Channel,
    pub name: String,
    pub split_allowed: bool,
    /// At most this many locations per order.
    pub max_parts: i32,
    /// Fewest locations first (else: strictly by location priority).
    pub prefer_fewest_parts: bool,
    /// A line may ship at most this many days from today, else staff decide.
    pub date_tolerance_days: i32,
    /// When no location can deliver: cancel (true) or wait for staff.
    pub auto_cancel_unroutable: bool,
    pub send_temporary_response: bool,
    pub documents: Vec<DocumentKind>,
    pub max_line_quantity: i32,
    pub webhook_url: String,
    /// The secret itself never leaves the server.
    pub has_webhook_secret: bool,
}

/// The channel settings page: every channel, the locations that may serve
/// them, and their approval reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelsPage {
    pub channels: Vec<ChannelSettings>,
    /// (code, name, channels it serves), active locations only.
    pub locations: Vec<(String, String, Vec<Channel>)>,
    pub reasons: Vec<(Channel, crate::orders::approval::ApprovalReason)>,
}

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

/// An order with everything the process did to it: for the order desk and
/// for machine clients (`GET /api/v1/orders/{id}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderDetail {
    pub id: Uuid,
    pub number: String,
    /// `web`, `b2b`, `marketplace` or `store`.
    pub channel: String,
    /// See the order lifecycle: `captured`, `validated`, `routed`, `submitted`, `shipped`, `completed`, …
    pub status: String,
    pub status_label: String,
    pub on_hold: bool,
    pub hold_reason: String,
    pub external_reference: String,
    pub email: String,
    #[serde(with = "time::serde::rfc3339")]
    pub placed_at: OffsetDateTime,
    pub currency: String,
    pub total_minor: i64,
    pub payment_method: String,
    pub risk_score: Option<i32>,
    pub ship_to: Address,
    pub lines: Vec<OrderLine>,
    /// Problems that stopped the order (fix them, then resume).
    pub validation_errors: Vec<crate::error::FieldError>,
    pub fulfilment_requests: Vec<OrderPart>,
    pub shipments: Vec<OrderShipment>,
    pub approvals: Vec<OrderApproval>,
    pub payment: Option<crate::payments::model::PaymentView>,
    /// Returns and cancellations, oldest first.
    pub returns: Vec<OrderReturn>,
    /// Messages to the customer (e.g. the order confirmation), newest last.
    pub messages: Vec<CustomerMessage>,
}

/// A message to the customer in the outbox of mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct CustomerMessage {
    pub to_email: String,
    pub subject: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// `None`: waiting for a mail sender.
    #[serde(with = "time::serde::rfc3339::option")]
    pub sent_at: Option<OffsetDateTime>,
}

/// A return (RMA) or a cancellation of (part of) an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderReturn {
    pub number: String,
    /// `return` or `cancel`.
    pub kind: String,
    /// `requested`, `approved`, `received`, `inspected`, `refunded`, `rejected` or `closed`.
    pub status: String,
    pub reason: String,
    /// The location code the goods come back to.
    pub location: Option<String>,
    pub refund_minor: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub lines: Vec<OrderReturnLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderReturnLine {
    pub line_no: i32,
    pub sku: String,
    pub quantity: i32,
    pub reason: String,
    /// `restock` or `write_off`, once inspected.
    pub disposition: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderLine {
    pub line_no: i32,
    pub sku: String,
    pub description: String,
    pub quantity: i32,
    pub cancelled_quantity: i32,
    /// Units that left a location.
    pub shipped_quantity: i32,
    /// Units in returns that were not rejected.
    pub returned_quantity: i32,
    pub unit_price_minor: i64,
    pub planned_ship_date: Option<time::Date>,
}

/// The part of an order one location fulfils.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderPart {
    pub number: String,
    pub location: String,
    pub location_name: String,
    /// `planned`, `submitted`, `picking`, `packed`, `shipped`, `delivered`, `cancelled`.
    pub status: String,
    pub planned_ship_date: Option<time::Date>,
    pub lines: Vec<OrderPartLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrderPartLine {
    pub line_no: i32,
    pub sku: String,
    pub quantity: i32,
    /// Of it, reserved from the location's stock (the rest is promised from incoming supply).
    pub reserved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderShipment {
    pub fulfilment_request: String,
    pub carrier: String,
    pub tracking_number: String,
    pub parcels: i32,
    #[serde(with = "time::serde::rfc3339")]
    pub shipped_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub delivered_at: Option<OffsetDateTime>,
    pub signed_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderApproval {
    pub round: i32,
    pub reason: String,
    pub name: String,
    pub rank: i32,
    /// `staff` or `external`.
    pub approver: String,
    /// `pending`, `approved` or `declined`.
    pub decision: String,
    pub comment: String,
}

/// Filters of the order desk (all in the URL).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderQuery {
    /// A status, or `attention` (stopped, waiting for staff) or empty (all).
    pub status: String,
    pub channel: String,
    /// A location code: orders with a fulfilment request there.
    pub location: String,
    /// Order number, email, external reference or customer name.
    pub text: String,
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
    pub page: u32,
}

/// A row of the order desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRow {
    pub number: String,
    pub channel: String,
    pub status: String,
    pub on_hold: bool,
    pub customer: String,
    pub email: String,
    #[serde(with = "time::serde::rfc3339")]
    pub placed_at: OffsetDateTime,
    pub units: i64,
    pub total_minor: i64,
    pub currency: String,
    pub locations: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderDesk {
    /// Orders per status over the whole desk (not the filter).
    pub counts: Vec<(String, i64)>,
    pub attention: i64,
    pub page: crate::listing::Page<OrderRow>,
}

/// One entry of an order's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct TimelineEntry {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// `staff`, `customer`, `api` or `system`.
    pub actor_kind: String,
    pub actor: Option<String>,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub message: String,
}

/// A task of the order's plan, as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PlanTask {
    pub id: i64,
    pub kind: String,
    /// The fulfilment request it belongs to (none: the order's own plan).
    pub request: Option<String>,
    pub state: String,
    pub depends_on: Vec<i64>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub waiting_for: String,
}

/// The latest routing decision, with why each location was or was not used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutingView {
    #[serde(with = "time::serde::rfc3339")]
    pub decided_at: OffsetDateTime,
    pub outcome: String,
    pub decision: crate::orders::routing::Decision,
}

/// Everything the order page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderView {
    pub order: OrderDetail,
    pub timeline: Vec<TimelineEntry>,
    pub plan: Vec<PlanTask>,
    pub routing: Option<RoutingView>,
    /// Locations staff may choose when routing needs a decision: (code, name).
    pub locations: Vec<(String, String)>,
    /// The documents the process made for the fulfilment requests.
    pub documents: Vec<OrderDocument>,
}

/// A printable document of a fulfilment request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderDocument {
    pub fulfilment_request: String,
    /// `delivery_note`, `return_note` or `return_label`.
    pub kind: String,
    /// The number printed on it (a return slip's is the parcel's return reference).
    pub reference: String,
}

/// An order waiting for staff, in a task inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxItem {
    pub number: String,
    pub channel: String,
    pub status: String,
    pub customer: String,
    pub total_minor: i64,
    pub currency: String,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
    /// What is asked: the approval reason, the lines to place, the error.
    pub subject: String,
    /// For approvals: the reason code to decide.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inboxes {
    pub approvals: Vec<InboxItem>,
    pub routing: Vec<InboxItem>,
    pub stopped: Vec<InboxItem>,
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

/// The printable return note and label of a return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnDocuments {
    pub number: String,
    pub order_number: String,
    pub status: String,
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Who sends the goods back (the order's address).
    pub customer: Address,
    /// Where they go (the receiving location).
    pub return_to: Option<Address>,
    pub lines: Vec<ReturnDocumentLine>,
    /// The return's number as a QR code and a Code 128 barcode (SVG).
    pub qr_svg: String,
    pub barcode_svg: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnDocumentLine {
    pub sku: String,
    pub description: String,
    pub quantity: i32,
    pub reason: String,
}

/// What staff can do to several orders of the desk at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BulkAction {
    Hold,
    Release,
    Resume,
    Cancel,
}

impl BulkAction {
    pub const ALL: [BulkAction; 4] = [
        BulkAction::Hold,
        BulkAction::Release,
        BulkAction::Resume,
        BulkAction::Cancel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BulkAction::Hold => "hold",
            BulkAction::Release => "release",
            BulkAction::Resume => "resume",
            BulkAction::Cancel => "cancel",
        }
    }

    pub fn parse(text: &str) -> Option<BulkAction> {
        BulkAction::ALL.into_iter().find(|a| a.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            BulkAction::Hold => "Hold",
            BulkAction::Release => "Release hold",
            BulkAction::Resume => "Resume",
            BulkAction::Cancel => "Cancel",
        }
    }

    /// "3 orders held."
    pub fn done_text(self, count: usize) -> String {
        let orders = if count == 1 { "order" } else { "orders" };
        let done = match self {
            BulkAction::Hold => "held",
            BulkAction::Release => "released",
            BulkAction::Resume => "resumed",
            BulkAction::Cancel => "cancelled",
        };
        format!("{count} {orders} {done}.")
    }

    /// Holding and cancelling need a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, BulkAction::Hold | BulkAction::Cancel)
    }
}

/// An order as its customer sees it: no internal notes, scores or locations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerOrder {
    pub number: String,
    pub status: String,
    pub status_label: String,
    #[serde(with = "time::serde::rfc3339")]
    pub placed_at: OffsetDateTime,
    pub currency: String,
    pub total_minor: i64,
    pub ship_to: Address,
    pub lines: Vec<OrderLine>,
    pub shipments: Vec<OrderShipment>,
    pub returns: Vec<CustomerReturn>,
    pub tracking: Vec<crate::orders::tracking::TrackingStep>,
    /// Whether unshipped lines may still be cancelled.
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerReturn {
    pub number: String,
    /// `return` or `cancel`.
    pub kind: String,
    pub status: String,
    pub units: i32,
    pub refund_minor: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}
