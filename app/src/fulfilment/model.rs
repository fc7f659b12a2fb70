//! Fulfilment requests as the warehouse sees them: the work queue, one
//! request with its lines, shipment, timeline and stock movements.

use crate::inventory::model::MovementKind;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Where a fulfilment request is. The normal way is [`FulfilmentStatus::FLOW`];
/// `Cancelled` is the way out before shipping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FulfilmentStatus {
    /// Decided by routing, not yet handed to the location (not in its queue).
    Planned,
    Submitted,
    Picking,
    Packed,
    Shipped,
    Delivered,
    Cancelled,
}

impl FulfilmentStatus {
    pub const ALL: [FulfilmentStatus; 6] = [
        FulfilmentStatus::Submitted,
        FulfilmentStatus::Picking,
        FulfilmentStatus::Packed,
        FulfilmentStatus::Shipped,
        FulfilmentStatus::Delivered,
        FulfilmentStatus::Cancelled,
    ];

    /// The steps of a request that goes well, in order.
    pub const FLOW: [FulfilmentStatus; 5] = [
        FulfilmentStatus::Submitted,
        FulfilmentStatus::Picking,
        FulfilmentStatus::Packed,
        FulfilmentStatus::Shipped,
        FulfilmentStatus::Delivered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FulfilmentStatus::Planned => "planned",
            FulfilmentStatus::Submitted => "submitted",
            FulfilmentStatus::Picking => "picking",
            FulfilmentStatus::Packed => "packed",
            FulfilmentStatus::Shipped => "shipped",
            FulfilmentStatus::Delivered => "delivered",
            FulfilmentStatus::Cancelled => "cancelled",
        }
    }

    /// Every status (`ALL` holds those of the warehouse's queue).
    pub fn parse(text: &str) -> Option<FulfilmentStatus> {
        std::iter::once(FulfilmentStatus::Planned)
            .chain(FulfilmentStatus::ALL)
            .find(|s| s.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            FulfilmentStatus::Planned => "Planned",
            FulfilmentStatus::Submitted => "Submitted",
            FulfilmentStatus::Picking => "Picking",
            FulfilmentStatus::Packed => "Packed",
            FulfilmentStatus::Shipped => "Shipped",
            FulfilmentStatus::Delivered => "Delivered",
            FulfilmentStatus::Cancelled => "Cancelled",
        }
    }

    /// Still work for the warehouse (or the carrier) to do.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            FulfilmentStatus::Delivered | FulfilmentStatus::Cancelled
        )
    }

    /// Position in [`FulfilmentStatus::FLOW`]; `None` for cancelled.
    pub fn step_index(self) -> Option<usize> {
        FulfilmentStatus::FLOW.iter().position(|s| *s == self)
    }
}

/// Which requests the work queue lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueFilter {
    /// Everything not delivered or cancelled.
    #[default]
    Open,
    All,
    Only(FulfilmentStatus),
}

impl QueueFilter {
    /// The tabs of the work queue, in order.
    pub fn tabs() -> Vec<QueueFilter> {
        let mut tabs = vec![QueueFilter::Open];
        tabs.extend(FulfilmentStatus::ALL.into_iter().map(QueueFilter::Only));
        tabs.push(QueueFilter::All);
        tabs
    }

    /// From the URL's `status` parameter; anything unknown is the default.
    pub fn parse(text: Option<&str>) -> QueueFilter {
        match text {
            Some("all") => QueueFilter::All,
            Some(other) => FulfilmentStatus::parse(other)
                .map(QueueFilter::Only)
                .unwrap_or_default(),
            None => QueueFilter::Open,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            QueueFilter::Open => "open",
            QueueFilter::All => "all",
            QueueFilter::Only(status) => status.as_str(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            QueueFilter::Open => "Open",
            QueueFilter::All => "All",
            QueueFilter::Only(status) => status.label(),
        }
    }

    pub fn admits(self, status: FulfilmentStatus) -> bool {
        match self {
            QueueFilter::Open => status.is_open(),
            QueueFilter::All => true,
            QueueFilter::Only(only) => only == status,
        }
    }
}

/// A location a work queue can be shown for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationChoice {
    pub code: String,
    pub name: String,
}

/// One request in the work queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueRow {
    pub number: String,
    pub order_number: String,
    pub status: FulfilmentStatus,
    pub location_code: String,
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    pub lines: i64,
    pub units: i64,
    pub city: String,
    pub country: String,
}

/// The work queue of one location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Queue {
    pub location: LocationChoice,
    pub locations: Vec<LocationChoice>,
    pub filter: QueueFilter,
    /// Requests per status at this location (statuses without any are left out).
    pub counts: Vec<(FulfilmentStatus, i64)>,
    pub rows: Vec<QueueRow>,
}

impl Queue {
    /// How many requests a tab of the queue holds.
    pub fn count(&self, filter: QueueFilter) -> i64 {
        self.counts
            .iter()
            .filter(|(status, _)| filter.admits(*status))
            .map(|(_, n)| n)
            .sum()
    }
}

/// A postal address: where a request ships to, or where it ships from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Address {
    pub name: String,
    pub line1: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
}

impl Address {
    /// An address as a person typed it: spaces tidied, postal code and
    /// country code in capitals.
    pub fn typed(name: &str, line1: &str, postal_code: &str, city: &str, country: &str) -> Address {
        Address {
            name: crate::text::single_spaced(name),
            line1: crate::text::single_spaced(line1),
            postal_code: postal_code.trim().to_uppercase(),
            city: crate::text::single_spaced(city),
            country: country.trim().to_uppercase(),
        }
    }
}

/// A line of a request, with where its goods are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FulfilmentLine {
    pub line_no: i32,
    pub sku: String,
    pub product: String,
    pub colour: String,
    pub size: String,
    /// The order line's description, as the customer saw it.
    pub description: String,
    /// Empty when the location has not assigned a bin.
    pub bin: String,
    pub quantity: i32,
    /// Set when the request is packed.
    pub packed_quantity: Option<i32>,
}

impl FulfilmentLine {
    /// Units not found when picking.
    pub fn short(&self) -> i32 {
        self.packed_quantity.map_or(0, |p| self.quantity - p)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipment {
    pub carrier: String,
    pub tracking_number: String,
    pub parcels: i32,
    pub shipped_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub shipped_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub delivered_at: Option<OffsetDateTime>,
    pub signed_by: Option<String>,
}

impl Shipment {
    pub fn is_own_delivery(&self) -> bool {
        self.carrier == OWN_DELIVERY
    }
}

/// One entry of a request's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FulfilmentEvent {
    /// The status the request moved to (a `FulfilmentStatus` name).
    pub status: String,
    pub note: String,
    pub actor: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl FulfilmentEvent {
    pub fn label(&self) -> String {
        FulfilmentStatus::parse(&self.status)
            .map_or_else(|| self.status.clone(), |s| s.label().to_owned())
    }
}

/// A stock movement caused by a request (its reservations, short picks,
/// shipment, releases).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FulfilmentMovement {
    pub kind: MovementKind,
    pub sku: String,
    pub on_hand_delta: i32,
    pub reserved_delta: i32,
    pub reference: String,
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// Everything about one request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FulfilmentDetail {
    pub number: String,
    pub order_number: String,
    pub channel: String,
    pub status: FulfilmentStatus,
    pub location: LocationChoice,
    /// The location's postal address (the sender on the delivery note).
    pub sender: Address,
    pub ship_to: Address,
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    /// In pick order: by bin, then SKU, lines without a bin last.
    pub lines: Vec<FulfilmentLine>,
    pub shipment: Option<Shipment>,
    /// Oldest first.
    pub events: Vec<FulfilmentEvent>,
    /// Oldest first.
    pub movements: Vec<FulfilmentMovement>,
}

impl FulfilmentDetail {
    pub fn units(&self) -> i32 {
        self.lines.iter().map(|l| l.quantity).sum()
    }

    pub fn packed_units(&self) -> i32 {
        self.lines.iter().filter_map(|l| l.packed_quantity).sum()
    }
}

/// The carrier for goods the brand delivers itself (a van, a courier on
/// account): no tracking number, delivery confirmed with a signature.
pub const OWN_DELIVERY: &str = "Own delivery";

/// The carriers a request can ship with.
pub const CARRIERS: [&str; 7] = [
    "DHL Express",
    "UPS",
    "GLS",
    "BRT",
    "Poste Italiane",
    "DPD",
    OWN_DELIVERY,
];

/// The page of a request.
pub fn request_path(number: &str) -> String {
    format!(
        "/admin/inventory/fulfilment/{}",
        urlencoding::encode(number)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_text() {
        for status in FulfilmentStatus::ALL {
            assert_eq!(FulfilmentStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(FulfilmentStatus::parse("lost"), None);
        assert_eq!(FulfilmentStatus::Cancelled.step_index(), None);
        assert_eq!(FulfilmentStatus::Packed.step_index(), Some(2));
    }

    #[test]
    fn queue_filters_come_from_the_url() {
        assert_eq!(QueueFilter::parse(None), QueueFilter::Open);
        assert_eq!(QueueFilter::parse(Some("all")), QueueFilter::All);
        assert_eq!(
            QueueFilter::parse(Some("packed")),
            QueueFilter::Only(FulfilmentStatus::Packed)
        );
        assert_eq!(QueueFilter::parse(Some("nonsense")), QueueFilter::Open);
        for tab in QueueFilter::tabs() {
            assert_eq!(QueueFilter::parse(Some(tab.as_str())), tab);
        }
    }

    #[test]
    fn the_open_tab_counts_what_is_not_finished() {
        let queue = Queue {
            location: LocationChoice {
                code: "WH".into(),
                name: "W".into(),
            },
            locations: vec![],
            filter: QueueFilter::Open,
            counts: vec![
                (FulfilmentStatus::Submitted, 4),
                (FulfilmentStatus::Shipped, 2),
                (FulfilmentStatus::Delivered, 7),
                (FulfilmentStatus::Cancelled, 1),
            ],
            rows: vec![],
        };
        assert_eq!(queue.count(QueueFilter::Open), 6);
        assert_eq!(queue.count(QueueFilter::All), 14);
        assert_eq!(queue.count(QueueFilter::Only(FulfilmentStatus::Picking)), 0);
    }

    #[test]
    fn ship_to_reads_whatever_fields_are_there() {
        let address: Address =
            serde_json::from_str(r#"{"name":"Giulia Rossi","city":"Torino","extra":1}"#).unwrap();
        assert_eq!(address.name, "Giulia Rossi");
        assert_eq!(address.city, "Torino");
        assert_eq!(address.line1, "");
    }
}
