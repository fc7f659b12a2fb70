//! Inventory as pages and API clients see it: locations, balances,
//! movements, availability to promise.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The sales channels an order can come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Web,
    B2b,
    Marketplace,
    Store,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Web,
        Channel::B2b,
        Channel::Marketplace,
        Channel::Store,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::B2b => "b2b",
            Channel::Marketplace => "marketplace",
            Channel::Store => "store",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::Web => "Web shop",
            Channel::B2b => "B2B portal",
            Channel::Marketplace => "Marketplaces",
            Channel::Store => "Stores",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationKind {
    Warehouse,
    Store,
    External,
}

impl LocationKind {
    pub const ALL: [LocationKind; 3] = [
        LocationKind::Warehouse,
        LocationKind::Store,
        LocationKind::External,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LocationKind::Warehouse => "warehouse",
            LocationKind::Store => "store",
            LocationKind::External => "external",
        }
    }

    pub fn parse(text: &str) -> Option<LocationKind> {
        LocationKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            LocationKind::Warehouse => "Warehouse",
            LocationKind::Store => "Store",
            LocationKind::External => "External (drop-ship, 3PL)",
        }
    }
}

/// A place that holds stock and fulfils orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub kind: LocationKind,
    pub country: String,
    pub city: String,
    pub address: String,
    pub postal_code: String,
    pub time_zone: String,
    /// ISO weekdays it ships on: 1 = Monday … 7 = Sunday.
    pub working_days: Vec<u8>,
    /// Orders reserved before this local time ship the same working day ("HH:MM").
    pub cutoff_time: String,
    /// Working days between goods arriving and being ready to ship.
    pub handling_days: i32,
    pub channels: Vec<Channel>,
    /// ISO country codes it ships to (empty: no shipping, e.g. a store).
    pub ships_to: Vec<String>,
    /// Lower is preferred by routing.
    pub priority: i32,
    pub active: bool,
}

/// A location as its edit form sends it (all text, checked by `rules`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocationForm {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: String,
    pub address: String,
    pub postal_code: String,
    pub time_zone: String,
    /// e.g. "1,2,3,4,5" or "Mon-Fri".
    pub working_days: String,
    pub cutoff_time: String,
    pub handling_days: String,
    /// Comma-separated channel names.
    pub channels: String,
    /// Comma-separated ISO country codes.
    pub ships_to: String,
    pub priority: String,
    pub active: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    Receipt,
    Reservation,
    Release,
    Pick,
    Shipment,
    Adjustment,
    TransferOut,
    TransferIn,
    ReturnToStock,
    WriteOff,
}

impl MovementKind {
    pub const ALL: [MovementKind; 10] = [
        MovementKind::Receipt,
        MovementKind::Reservation,
        MovementKind::Release,
        MovementKind::Pick,
        MovementKind::Shipment,
        MovementKind::Adjustment,
        MovementKind::TransferOut,
        MovementKind::TransferIn,
        MovementKind::ReturnToStock,
        MovementKind::WriteOff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MovementKind::Receipt => "receipt",
            MovementKind::Reservation => "reservation",
            MovementKind::Release => "release",
            MovementKind::Pick => "pick",
            MovementKind::Shipment => "shipment",
            MovementKind::Adjustment => "adjustment",
            MovementKind::TransferOut => "transfer_out",
            MovementKind::TransferIn => "transfer_in",
            MovementKind::ReturnToStock => "return_to_stock",
            MovementKind::WriteOff => "write_off",
        }
    }

    pub fn parse(text: &str) -> Option<MovementKind> {
        MovementKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            MovementKind::Receipt => "Receipt",
            MovementKind::Reservation => "Reservation",
            MovementKind::Release => "Release",
            MovementKind::Pick => "Pick",
            MovementKind::Shipment => "Shipment",
            MovementKind::Adjustment => "Adjustment",
            MovementKind::TransferOut => "Transfer out",
            MovementKind::TransferIn => "Transfer in",
            MovementKind::ReturnToStock => "Return to stock",
            MovementKind::WriteOff => "Write-off",
        }
    }
}

/// One SKU at one location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StockRow {
    pub sku: String,
    pub product: String,
    pub colour: String,
    pub size: String,
    pub location_code: String,
    pub location_name: String,
    pub bin: String,
    pub on_hand: i32,
    pub reserved: i32,
    pub available: i32,
}

/// One line of the stock ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Movement {
    pub id: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub sku: String,
    pub product: String,
    pub location_code: String,
    pub kind: MovementKind,
    pub on_hand_delta: i32,
    pub reserved_delta: i32,
    pub reference: String,
    pub reason: String,
    pub actor: String,
}

/// How much can be promised from a date on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AtpPoint {
    pub date: Date,
    pub quantity: i32,
}

/// Incoming goods: an open purchase order line or a transfer in transit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supply {
    pub date: Date,
    pub quantity: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationAvailability {
    pub code: String,
    pub name: String,
    pub kind: LocationKind,
    pub on_hand: i32,
    pub reserved: i32,
    pub available: i32,
    pub incoming: Vec<Supply>,
    pub promised: i32,
    pub atp: Vec<AtpPoint>,
}

/// Availability of one SKU everywhere, now and by date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkuAvailability {
    pub sku: String,
    pub product: String,
    pub colour: String,
    pub size: String,
    pub available: i32,
    pub locations: Vec<LocationAvailability>,
    pub atp: Vec<AtpPoint>,
}

/// A line of an order to reserve at one location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationLine {
    pub line_no: i32,
    pub variant_id: Uuid,
    pub quantity: i32,
}

/// A SKU that could not be reserved in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortage {
    pub variant_id: Uuid,
    pub requested: i32,
    pub available: i32,
}

/// Which balances a stock list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StockFilter {
    #[default]
    All,
    Available,
    Reserved,
    OutOfStock,
}

impl StockFilter {
    pub const ALL: [StockFilter; 4] = [
        StockFilter::All,
        StockFilter::Available,
        StockFilter::Reserved,
        StockFilter::OutOfStock,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StockFilter::All => "all",
            StockFilter::Available => "available",
            StockFilter::Reserved => "reserved",
            StockFilter::OutOfStock => "out_of_stock",
        }
    }

    pub fn parse(text: Option<&str>) -> StockFilter {
        StockFilter::ALL
            .into_iter()
            .find(|f| Some(f.as_str()) == text)
            .unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            StockFilter::All => "All balances",
            StockFilter::Available => "Available to sell",
            StockFilter::Reserved => "With reservations",
            StockFilter::OutOfStock => "Nothing available",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StockSort {
    #[default]
    Sku,
    Product,
    Location,
    Bin,
    OnHand,
    Reserved,
    Available,
}

impl StockSort {
    pub const ALL: [StockSort; 7] = [
        StockSort::Sku,
        StockSort::Product,
        StockSort::Location,
        StockSort::Bin,
        StockSort::OnHand,
        StockSort::Reserved,
        StockSort::Available,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StockSort::Sku => "sku",
            StockSort::Product => "product",
            StockSort::Location => "location",
            StockSort::Bin => "bin",
            StockSort::OnHand => "on_hand",
            StockSort::Reserved => "reserved",
            StockSort::Available => "available",
        }
    }

    pub fn parse(text: Option<&str>) -> StockSort {
        StockSort::ALL
            .into_iter()
            .find(|s| Some(s.as_str()) == text)
            .unwrap_or_default()
    }
}

/// A stock list as the URL describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StockQuery {
    /// Part of a SKU or product name.
    pub q: String,
    /// A location code, or empty for all.
    pub location: String,
    pub only: StockFilter,
    pub sort: StockSort,
    pub dir: crate::listing::SortDir,
    pub page: u32,
}

/// A ledger list as the URL describes it (newest first).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MovementQuery {
    /// Part of a SKU, product name or reference.
    pub q: String,
    pub location: String,
    pub kind: Option<MovementKind>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub page: u32,
}

/// A SKU below its reorder point at a location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LowStockRow {
    pub sku: String,
    pub product: String,
    pub location_code: String,
    pub available: i32,
    pub incoming: i32,
    pub min_available: i32,
    pub suggested_order: i32,
}

/// One line of a goods receipt or a count, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SkuQuantity {
    pub sku: String,
    pub quantity: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferStatus {
    Draft,
    InTransit,
    Received,
    Cancelled,
}

impl TransferStatus {
    pub fn parse(text: &str) -> Option<TransferStatus> {
        match text {
            "draft" => Some(TransferStatus::Draft),
            "in_transit" => Some(TransferStatus::InTransit),
            "received" => Some(TransferStatus::Received),
            "cancelled" => Some(TransferStatus::Cancelled),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TransferStatus::Draft => "Draft",
            TransferStatus::InTransit => "In transit",
            TransferStatus::Received => "Received",
            TransferStatus::Cancelled => "Cancelled",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransferLine {
    pub sku: String,
    pub product: String,
    pub quantity: i32,
    pub received_quantity: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transfer {
    pub id: Uuid,
    pub number: String,
    pub from_code: String,
    pub to_code: String,
    pub status: TransferStatus,
    pub expected_arrival: Option<Date>,
    pub note: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub units: i64,
    pub lines: Vec<TransferLine>,
}

/// Stock held at one location, summed over its SKUs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationStock {
    pub code: String,
    pub name: String,
    pub kind: LocationKind,
    pub active: bool,
    /// SKUs with something on hand.
    pub skus: i64,
    pub on_hand: i64,
    pub reserved: i64,
    pub available: i64,
}

/// The start page of the inventory area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryOverview {
    pub locations: Vec<LocationStock>,
    /// SKU × location pairs below their reorder point.
    pub low_stock: i64,
    /// Transfers on their way (the newest few) and how many there are.
    pub in_transit: Vec<Transfer>,
    pub in_transit_count: i64,
    pub drafts: i64,
}

/// The last cycle count of a SKU at a location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastCount {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub expected: i32,
    pub counted: i32,
}

/// How a SKU is kept at one location: its bin and its reorder point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkuLocationSettings {
    pub location_code: String,
    pub bin: String,
    pub min_available: Option<i32>,
    pub reorder_quantity: Option<i32>,
    pub last_count: Option<LastCount>,
}

/// Everything the SKU page shows: availability now and by date per
/// location, bins and reorder points, the latest movements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkuDetail {
    pub availability: SkuAvailability,
    pub settings: Vec<SkuLocationSettings>,
    pub movements: Vec<Movement>,
    /// The server's date, from which availability by date counts.
    pub today: Date,
}

/// A row of SKU and quantity as typed into a form (both may be blank).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SkuQuantityInput {
    #[serde(default)]
    pub sku: String,
    #[serde(default)]
    pub quantity: String,
}

/// A list of transfers as the URL describes it (newest first).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TransferQuery {
    pub status: Option<TransferStatus>,
    pub location: String,
    pub page: u32,
}

/// A low-stock list as the URL describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LowStockQuery {
    pub location: String,
    pub page: u32,
}

/// A location's edit form as it is posted: every `LocationForm` field as
/// typed, one checkbox per channel, and the code of the location being
/// changed (`original`, empty for a new one).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocationFields {
    #[serde(default)]
    pub original: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub working_days: String,
    #[serde(default)]
    pub cutoff_time: String,
    #[serde(default)]
    pub handling_days: String,
    #[serde(default)]
    pub channel_web: Option<String>,
    #[serde(default)]
    pub channel_b2b: Option<String>,
    #[serde(default)]
    pub channel_marketplace: Option<String>,
    #[serde(default)]
    pub channel_store: Option<String>,
    #[serde(default)]
    pub ships_to: String,
    #[serde(default)]
    pub priority: String,
    #[serde(default)]
    pub active: Option<String>,
}

impl LocationFields {
    /// The form as the location rules read it (channels comma-joined).
    pub fn to_form(&self) -> LocationForm {
        let channels: Vec<&str> = [
            (&self.channel_web, Channel::Web),
            (&self.channel_b2b, Channel::B2b),
            (&self.channel_marketplace, Channel::Marketplace),
            (&self.channel_store, Channel::Store),
        ]
        .into_iter()
        .filter(|(checked, _)| checked.is_some())
        .map(|(_, channel)| channel.as_str())
        .collect();
        LocationForm {
            code: self.code.clone(),
            name: self.name.clone(),
            kind: self.kind.clone(),
            country: self.country.clone(),
            city: self.city.clone(),
            address: self.address.clone(),
            postal_code: self.postal_code.clone(),
            time_zone: self.time_zone.clone(),
            working_days: self.working_days.clone(),
            cutoff_time: self.cutoff_time.clone(),
            handling_days: self.handling_days.clone(),
            channels: channels.join(","),
            ships_to: self.ships_to.clone(),
            priority: self.priority.clone(),
            active: self.active.clone(),
        }
    }
}
