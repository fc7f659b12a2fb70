//! Which figures matter in which back-office area.

use super::model::{Figures, Kpi};
use crate::auth::model::AdminArea;
use crate::ui::money::format_money;

fn kpi(label: &str, value: impl ToString) -> Kpi {
    Kpi {
        label: label.to_owned(),
        value: value.to_string(),
    }
}

pub fn kpis_for(area: AdminArea, f: &Figures) -> Vec<Kpi> {
    let revenue = || {
        kpi(
            "Revenue, last 30 days",
            format_money(f.revenue_30d_minor, "EUR"),
        )
    };
    let available = f.units_on_hand - f.units_reserved;
    match area {
        AdminArea::Dashboard => vec![
            revenue(),
            kpi("Open orders", f.open_orders),
            kpi("Units available", available),
            kpi("Active products", f.active_products),
            kpi("Customers", f.consumers),
            kpi("Retailers", f.companies),
        ],
        AdminArea::Products | AdminArea::Content => vec![
            kpi("Active products", f.active_products),
            kpi("SKUs", f.skus),
            kpi("Categories", f.categories),
        ],
        AdminArea::Pricing => vec![kpi("Priced products", f.active_products), revenue()],
        AdminArea::Orders => vec![
            kpi("Orders", f.orders),
            kpi("Open orders", f.open_orders),
            revenue(),
        ],
        AdminArea::Inventory => vec![
            kpi("Units on hand", f.units_on_hand),
            kpi("Units reserved", f.units_reserved),
            kpi("Units available", available),
            kpi("Locations", f.locations),
        ],
        AdminArea::Procurement => vec![kpi("Suppliers", f.suppliers), kpi("SKUs", f.skus)],
        AdminArea::Customers => vec![
            kpi("Customers", f.consumers),
            kpi("Retailers", f.companies),
            kpi("Retail buyers", f.buyers),
        ],
        AdminArea::Wholesale => vec![
            kpi("Retailers", f.companies),
            kpi("Retail buyers", f.buyers),
        ],
        AdminArea::Settings => vec![kpi("Locations", f.locations)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_has_figures_and_available_is_on_hand_minus_reserved() {
        let figures = Figures {
            units_on_hand: 120,
            units_reserved: 20,
            revenue_30d_minor: 1_234_500,
            ..Figures::default()
        };
        for area in AdminArea::ALL {
            assert!(!kpis_for(area, &figures).is_empty(), "{area:?}");
        }
        let inventory = kpis_for(AdminArea::Inventory, &figures);
        assert!(
            inventory
                .iter()
                .any(|k| k.label == "Units available" && k.value == "100")
        );
        let dashboard = kpis_for(AdminArea::Dashboard, &figures);
        assert_eq!(dashboard[0].value, "€12,345.00");
    }
}
