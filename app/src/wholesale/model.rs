//! Wholesale types shared by the server and the browser: companies and their
//! stores, price lists, campaigns, line sheets, size-run grids, pre-orders.

use crate::auth::model::CurrentUser;
use crate::fulfilment::model::Address;
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// Declares a string-backed enum with its stored name and its label.
macro_rules! stored_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

stored_enum! {
    /// When a company pays for what it ordered.
    PaymentTerms {
        Prepaid = "prepaid", "Prepaid";
        Net30 = "net_30", "30 days net";
        Net60 = "net_60", "60 days net";
        Net90 = "net_90", "90 days net";
    }
}

stored_enum! {
    /// draft → open → closed → confirmed.
    CampaignState {
        Draft = "draft", "Draft";
        Open = "open", "Open";
        Closed = "closed", "Closed";
        Confirmed = "confirmed", "Confirmed";
    }
}

impl CampaignState {
    /// Whether staff may still change the campaign's details, windows,
    /// offer and invitations (before it closes).
    pub fn takes_changes(self) -> bool {
        matches!(self, CampaignState::Draft | CampaignState::Open)
    }
}

stored_enum! {
    /// A pre-order: a draft until submitted; withdrawn by the buyer; confirmed by the brand.
    PreOrderState {
        Draft = "draft", "Draft";
        Submitted = "submitted", "Submitted";
        Withdrawn = "withdrawn", "Withdrawn";
        Confirmed = "confirmed", "Confirmed";
    }
}

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
    pub stores: Vec<Store>,
    pub payment_terms: PaymentTerms,
    /// Open invitations (company admins see them).
    pub invitations: Vec<Invitation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    pub email: String,
    pub name: String,
    pub role: String,
}

/// A shop of a company that goods are delivered to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub id: Uuid,
    pub name: String,
    pub address: Address,
}

/// A row of the staff's company list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct CompanySummary {
    pub id: Uuid,
    pub name: String,
    pub city: String,
    pub country: String,
    pub currency: String,
    pub price_list: Option<String>,
    pub sales_rep: Option<String>,
    pub users: i64,
}

/// Everything staff edit about a company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyDetail {
    pub id: Uuid,
    pub name: String,
    pub legal_name: String,
    pub vat_number: String,
    pub country: String,
    pub city: String,
    pub currency: String,
    pub billing_address: Address,
    pub payment_terms: PaymentTerms,
    pub credit_limit_minor: Option<i64>,
    pub price_list_id: Option<Uuid>,
    pub sales_rep_id: Option<Uuid>,
    pub stores: Vec<Store>,
    pub members: Vec<CurrentUser>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PriceListSummary {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub currency: String,
    pub prices: i64,
    pub companies: i64,
}

/// What a price list import did: applied in full, or nothing and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub applied: bool,
    pub rows: usize,
    pub problems: Vec<ImportProblem>,
}

/// One problem of an import: the row (1 is the header), the column, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub row: usize,
    pub column: String,
    pub problem: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DeliveryWindow {
    pub id: Uuid,
    pub name: String,
    pub ships_from: Date,
    pub ships_until: Date,
}

/// A campaign as listed (staff) or offered (portal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignSummary {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub season: String,
    pub opens_on: Date,
    pub closes_on: Date,
    pub state: CampaignState,
    pub styles: i64,
    pub invited: i64,
    pub pre_orders: i64,
}

/// A campaign with what staff set on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignDetail {
    pub summary: CampaignSummary,
    pub min_units_per_style: i32,
    pub min_order_minor: i64,
    pub windows: Vec<DeliveryWindow>,
    /// (company id, name, invited)
    pub companies: Vec<(Uuid, String, bool)>,
    pub offer: Vec<OfferedStyle>,
}

/// A style and colour a campaign offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferedStyle {
    pub product_id: Uuid,
    pub style_code: String,
    pub name: String,
    pub colour: String,
    pub carry_over: bool,
    pub target_units: i32,
}

/// The minimums of a campaign, in the company's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Minimums {
    pub units_per_style: i32,
    pub order_minor: i64,
}

/// What a buyer sees of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortalCampaign {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub season: String,
    pub opens_on: Date,
    pub closes_on: Date,
    pub state: CampaignState,
    pub minimums: Minimums,
    pub windows: Vec<DeliveryWindow>,
    /// The company's pre-order in it, if started.
    pub pre_order: Option<PreOrderBrief>,
    /// The company's price list currency: of the minimum order value and the pre-order.
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreOrderBrief {
    pub id: Uuid,
    pub number: String,
    pub state: PreOrderState,
    pub units: i64,
    pub value_minor: i64,
}

/// The line sheet: every style of a campaign at the company's prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineSheet {
    pub campaign: PortalCampaign,
    pub currency: String,
    /// One page of the styles that pass the filter.
    pub styles: crate::listing::Page<LineSheetStyle>,
    pub categories: Vec<String>,
    pub colours: Vec<String>,
}

/// Styles per page of a line sheet: a buyer reads them card by card.
pub const LINE_SHEET_PAGE: u32 = 24;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineSheetStyle {
    pub product_id: Uuid,
    pub style_code: String,
    pub name: String,
    pub category: String,
    pub image: Option<String>,
    pub colours: Vec<StyleColour>,
    /// Units of this style in the company's pre-order.
    pub ordered_units: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StyleColour {
    pub colour: String,
    pub hex: String,
    pub carry_over: bool,
    /// `None`: the company's price list has no price for it (not orderable).
    pub price: Option<Price>,
}

/// A wholesale price with its suggested retail price, in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    pub wholesale_minor: i64,
    pub retail_minor: i64,
}

/// A style's size-run grid: rows are colours, columns sizes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StyleGrid {
    pub campaign: PortalCampaign,
    pub currency: String,
    pub product_id: Uuid,
    pub style_code: String,
    pub name: String,
    pub description: String,
    pub category: String,
    pub image: Option<String>,
    pub sizes: Vec<String>,
    pub rows: Vec<GridRow>,
    pub stores: Vec<Store>,
    pub store_id: Option<Uuid>,
    pub window_id: Option<Uuid>,
    /// The buyer may change it (campaign open, pre-order not confirmed).
    pub editable: bool,
    /// The pre-order's version the grid was read at (0: no pre-order yet).
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridRow {
    pub colour: String,
    pub hex: String,
    pub price: Option<Price>,
    /// One per size of the grid, in the same order.
    pub cells: Vec<GridCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridCell {
    /// `None`: the size is not made in this colour.
    pub variant_id: Option<Uuid>,
    pub sku: String,
    pub quantity: i32,
}

/// A pre-order with its lines, totals and what stops it from being submitted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreOrderView {
    pub id: Uuid,
    pub number: String,
    pub company: String,
    pub campaign: PortalCampaign,
    pub currency: String,
    pub state: PreOrderState,
    pub version: i32,
    pub submitted_at: Option<String>,
    pub styles: Vec<PreOrderStyle>,
    pub units: i64,
    pub value_minor: i64,
    pub shortfalls: Vec<crate::wholesale::rules::Shortfall>,
    pub events: Vec<PreOrderEvent>,
    /// The orders it became, once confirmed.
    pub orders: Vec<String>,
    pub editable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreOrderStyle {
    pub product_id: Uuid,
    pub style_code: String,
    pub name: String,
    pub store: String,
    pub window: String,
    pub lines: Vec<PreOrderLine>,
    pub units: i64,
    pub value_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PreOrderLine {
    pub sku: String,
    pub colour: String,
    pub size: String,
    pub quantity: i32,
    pub unit_price_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PreOrderEvent {
    pub at: String,
    pub kind: String,
    pub detail: String,
    pub actor: Option<String>,
    pub on_behalf: bool,
}

/// A row of the company's pre-order history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreOrderRow {
    pub id: Uuid,
    pub number: String,
    pub campaign: String,
    pub season: String,
    pub state: PreOrderState,
    pub units: i64,
    pub value_minor: i64,
    pub currency: String,
    pub updated_at: String,
}

/// The sales desk of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignDesk {
    pub campaign: CampaignSummary,
    pub companies: Vec<DeskCompany>,
    /// Invited companies without a pre-order yet.
    pub not_ordered: Vec<String>,
    pub styles: Vec<DeskStyle>,
    pub sizes: Vec<(String, i64)>,
    pub units: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeskCompany {
    pub company_id: Uuid,
    pub company: String,
    pub pre_order_id: Uuid,
    pub number: String,
    pub state: PreOrderState,
    pub units: i64,
    pub value_minor: i64,
    pub currency: String,
}

/// Units of a style and colour against its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DeskStyle {
    pub style_code: String,
    pub name: String,
    pub colour: String,
    pub units: i64,
    pub target_units: i64,
}

/// Demand of confirmed pre-orders: units per SKU per delivery window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DemandRow {
    pub sku: String,
    pub style_code: String,
    pub name: String,
    pub colour: String,
    pub size: String,
    pub window: String,
    pub ships_from: Date,
    pub units: i64,
}

/// What confirming a closed campaign did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfirmOutcome {
    /// Submitted pre-orders now confirmed.
    pub confirmed: usize,
    /// Numbers of the orders they became.
    pub orders: Vec<String>,
}

/// One price of a price list, as staff read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PriceListPrice {
    pub style_code: String,
    pub name: String,
    /// Empty: every colour.
    pub colour: String,
    /// Empty: every size.
    pub size: String,
    pub wholesale_minor: i64,
    pub retail_minor: i64,
}

/// A price list with all its prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceListDetail {
    pub summary: PriceListSummary,
    pub prices: Vec<PriceListPrice>,
}

/// A staff member who may look after a company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct SalesRep {
    pub id: Uuid,
    pub name: String,
    pub role: String,
}

/// What the company form offers to choose from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyChoices {
    pub price_lists: Vec<PriceListSummary>,
    pub sales_reps: Vec<SalesRep>,
}

/// A product category, to add a campaign's styles by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct CategoryOption {
    pub slug: String,
    pub name: String,
}

/// What a campaign state change did; `confirmed` when it was confirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignMove {
    pub state: CampaignState,
    pub confirmed: Option<ConfirmOutcome>,
}

/// The demand page: the campaigns to choose from, the chosen one, its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemandView {
    pub campaigns: Vec<CampaignSummary>,
    pub campaign: Option<String>,
    pub rows: Vec<DemandRow>,
}

/// What the join page shows of an invitation before the invitee sets a password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvitationPreview {
    pub company: String,
    pub name: String,
    pub email: String,
    pub role: String,
}

/// The line sheet's filters (a plain GET form): category, colour, and
/// "new" or "carry_over" styles; empty means any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSheetFilter {
    pub category: String,
    pub colour: String,
    pub novelty: String,
}

impl LineSheetFilter {
    /// Whether a style passes the filter: some colour of it matches both the
    /// colour and the novelty asked for.
    pub fn keeps(&self, style: &LineSheetStyle) -> bool {
        (self.category.is_empty() || style.category == self.category)
            && style.colours.iter().any(|c| {
                (self.colour.is_empty() || c.colour == self.colour)
                    && match self.novelty.as_str() {
                        "new" => !c.carry_over,
                        "carry_over" => c.carry_over,
                        _ => true,
                    }
            })
    }
}

#[cfg(test)]
mod wholesale_filter_tests {
    use super::*;

    fn style(category: &str, colours: &[(&str, bool)]) -> LineSheetStyle {
        LineSheetStyle {
            product_id: Uuid::nil(),
            style_code: "KN-1".into(),
            name: "Crew neck".into(),
            category: category.into(),
            image: None,
            colours: colours
                .iter()
                .map(|(colour, carry_over)| StyleColour {
                    colour: (*colour).into(),
                    hex: "#000000".into(),
                    carry_over: *carry_over,
                    price: None,
                })
                .collect(),
            ordered_units: 0,
        }
    }

    #[test]
    fn the_line_sheet_filter_needs_one_colour_matching_everything() {
        let knit = style("Knitwear", &[("Navy", true), ("Ecru", false)]);
        let filter = |category: &str, colour: &str, novelty: &str| LineSheetFilter {
            category: category.into(),
            colour: colour.into(),
            novelty: novelty.into(),
        };
        assert!(LineSheetFilter::default().keeps(&knit));
        assert!(filter("Knitwear", "", "new").keeps(&knit));
        assert!(!filter("Coats", "", "").keeps(&knit));
        assert!(filter("", "Navy", "carry_over").keeps(&knit));
        assert!(
            !filter("", "Navy", "new").keeps(&knit),
            "Navy is carried over"
        );
    }
}
