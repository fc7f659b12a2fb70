//! Who people are: roles, the back-office areas they own, the signed-in user.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Every role a person can have. A user has exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A shopper on the storefront.
    Consumer,
    /// A buyer at a retailer company (B2B portal).
    Buyer,
    /// A retailer's buyer who also manages the company's users.
    CompanyAdmin,
    // Staff roles (back office).
    Admin,
    Merchandiser,
    Content,
    Pricing,
    Warehouse,
    CustomerService,
    Finance,
}

/// Which surface a role belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Consumer,
    Retailer,
    Staff,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Consumer,
        Role::Buyer,
        Role::CompanyAdmin,
        Role::Admin,
        Role::Merchandiser,
        Role::Content,
        Role::Pricing,
        Role::Warehouse,
        Role::CustomerService,
        Role::Finance,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Consumer => "consumer",
            Role::Buyer => "buyer",
            Role::CompanyAdmin => "company_admin",
            Role::Admin => "admin",
            Role::Merchandiser => "merchandiser",
            Role::Content => "content",
            Role::Pricing => "pricing",
            Role::Warehouse => "warehouse",
            Role::CustomerService => "customer_service",
            Role::Finance => "finance",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Consumer => "Customer",
            Role::Buyer => "Buyer",
            Role::CompanyAdmin => "Company admin",
            Role::Admin => "Administrator",
            Role::Merchandiser => "Merchandiser",
            Role::Content => "Content editor",
            Role::Pricing => "Pricing manager",
            Role::Warehouse => "Warehouse",
            Role::CustomerService => "Customer service",
            Role::Finance => "Finance",
        }
    }

    pub fn audience(self) -> Audience {
        match self {
            Role::Consumer => Audience::Consumer,
            Role::Buyer | Role::CompanyAdmin => Audience::Retailer,
            _ => Audience::Staff,
        }
    }

    /// Where a person of this role lands after signing in.
    pub fn home_path(self) -> &'static str {
        match self.audience() {
            Audience::Consumer => "/account",
            Audience::Retailer => "/b2b",
            Audience::Staff => "/admin",
        }
    }
}

/// The business areas of the back office, each owned by some staff roles.
/// Administrators may enter every area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdminArea {
    Dashboard,
    Products,
    Content,
    Pricing,
    Orders,
    Inventory,
    Procurement,
    Customers,
    Wholesale,
    Settings,
}

impl AdminArea {
    pub const ALL: [AdminArea; 10] = [
        AdminArea::Dashboard,
        AdminArea::Products,
        AdminArea::Content,
        AdminArea::Pricing,
        AdminArea::Orders,
        AdminArea::Inventory,
        AdminArea::Procurement,
        AdminArea::Customers,
        AdminArea::Wholesale,
        AdminArea::Settings,
    ];

    /// The path segment after `/admin/` (empty for the dashboard).
    pub fn slug(self) -> &'static str {
        match self {
            AdminArea::Dashboard => "",
            AdminArea::Products => "products",
            AdminArea::Content => "content",
            AdminArea::Pricing => "pricing",
            AdminArea::Orders => "orders",
            AdminArea::Inventory => "inventory",
            AdminArea::Procurement => "procurement",
            AdminArea::Customers => "customers",
            AdminArea::Wholesale => "wholesale",
            AdminArea::Settings => "settings",
        }
    }

    pub fn from_slug(slug: &str) -> Option<AdminArea> {
        AdminArea::ALL.into_iter().find(|a| a.slug() == slug)
    }

    pub fn path(self) -> String {
        match self {
            AdminArea::Dashboard => "/admin".to_owned(),
            area => format!("/admin/{}", area.slug()),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AdminArea::Dashboard => "Dashboard",
            AdminArea::Products => "Products",
            AdminArea::Content => "Content & assets",
            AdminArea::Pricing => "Pricing & promotions",
            AdminArea::Orders => "Orders",
            AdminArea::Inventory => "Inventory",
            AdminArea::Procurement => "Procurement",
            AdminArea::Customers => "Customers",
            AdminArea::Wholesale => "Wholesale",
            AdminArea::Settings => "Settings",
        }
    }

    pub fn summary(self) -> &'static str {
        match self {
            AdminArea::Dashboard => "Sales, stock and fulfilment at a glance.",
            AdminArea::Products => {
                "Product lifecycle from concept to discontinued: styles, variants, SKUs."
            }
            AdminArea::Content => "Descriptions, translations, images and channel publication.",
            AdminArea::Pricing => "Price lists, promotions, coupons and tax.",
            AdminArea::Orders => {
                "Every channel's orders through one lifecycle, approvals and returns."
            }
            AdminArea::Inventory => "Locations, stock ledger, reservations, picking and receiving.",
            AdminArea::Procurement => "Suppliers, purchase orders and supplier invoices.",
            AdminArea::Customers => "Consumers and retailers: a 360° view across channels.",
            AdminArea::Wholesale => "B2B campaigns, retailer companies and pre-orders.",
            AdminArea::Settings => "Sales channels, staff accounts and system settings.",
        }
    }

    /// The staff roles that own this area (administrators are always allowed).
    pub fn owners(self) -> &'static [Role] {
        use Role::*;
        match self {
            AdminArea::Dashboard => &[
                Merchandiser,
                Content,
                Pricing,
                Warehouse,
                CustomerService,
                Finance,
            ],
            AdminArea::Products => &[Merchandiser, Content],
            AdminArea::Content => &[Content, Merchandiser],
            AdminArea::Pricing => &[Pricing, Finance],
            AdminArea::Orders => &[CustomerService, Finance, Warehouse],
            AdminArea::Inventory => &[Warehouse, Merchandiser],
            AdminArea::Procurement => &[Merchandiser, Finance, Warehouse],
            AdminArea::Customers => &[CustomerService, Finance],
            AdminArea::Wholesale => &[Merchandiser, CustomerService, Pricing],
            AdminArea::Settings => &[],
        }
    }

    pub fn allows(self, role: Role) -> bool {
        role == Role::Admin || self.owners().contains(&role)
    }
}

/// The retailer company a buyer belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyRef {
    pub id: Uuid,
    pub name: String,
}

/// The signed-in person, as pages and server functions see them.
/// Deliberately without the password hash: this type travels to the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub company: Option<CompanyRef>,
}

impl CurrentUser {
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_text() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn every_area_but_settings_has_an_owner_and_admin_enters_all() {
        for area in AdminArea::ALL {
            assert!(area.allows(Role::Admin));
            assert!(!area.allows(Role::Consumer));
            assert!(!area.allows(Role::Buyer));
            if area != AdminArea::Settings {
                assert!(!area.owners().is_empty(), "{area:?} has no owner");
            }
            assert_eq!(AdminArea::from_slug(area.slug()), Some(area));
        }
    }

    #[test]
    fn every_staff_role_reaches_the_dashboard() {
        for role in Role::ALL {
            assert_eq!(
                AdminArea::Dashboard.allows(role),
                role.audience() == Audience::Staff
            );
        }
    }
}
