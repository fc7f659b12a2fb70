//! What the storefront says about a SKU's stock. It counts only the
//! locations that serve the web channel, the same stock and incoming supply
//! the order process routes web orders from, so "In stock" on the page and
//! the reservation at checkout never disagree about where goods come from.

use serde::{Deserialize, Serialize};

/// At or below this many units, the page says "Only N left".
pub const LOW_STOCK: i32 = 3;

/// A SKU's stock for the web shop.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebStock {
    /// On hand less reserved, over the web channel's locations.
    pub available: i32,
    /// Expected supply not yet promised to other orders.
    pub incoming: i32,
    /// Days until the first of that supply can ship.
    pub ships_in_days: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Availability {
    InStock,
    OnlyLeft(i32),
    ShipsIn(i32),
    SoldOut,
}

impl WebStock {
    pub fn availability(&self) -> Availability {
        match (self.available, self.ships_in_days) {
            (n, _) if n > LOW_STOCK => Availability::InStock,
            (n, _) if n > 0 => Availability::OnlyLeft(n),
            (_, Some(days)) if self.incoming > 0 => Availability::ShipsIn(days.max(1)),
            _ => Availability::SoldOut,
        }
    }

    /// How many units one order can have: what is here plus what is coming.
    pub fn orderable(&self) -> i32 {
        self.available.max(0) + self.incoming.max(0)
    }
}

impl Availability {
    pub fn can_order(self) -> bool {
        self != Availability::SoldOut
    }

    /// A class for the badge's colour.
    pub fn tone(self) -> &'static str {
        match self {
            Availability::InStock => "ok",
            Availability::OnlyLeft(_) | Availability::ShipsIn(_) => "warn",
            Availability::SoldOut => "muted",
        }
    }
}

/// The problem of a cart line against the stock now, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineProblem {
    SoldOut,
    /// Fewer can be ordered than the cart has.
    OnlyLeft(i32),
    NoLongerSold,
}

pub fn line_problem(quantity: i32, stock: &WebStock, sellable: bool) -> Option<LineProblem> {
    if !sellable {
        return Some(LineProblem::NoLongerSold);
    }
    match stock.orderable() {
        0 => Some(LineProblem::SoldOut),
        n if n < quantity => Some(LineProblem::OnlyLeft(n)),
        _ => None,
    }
}

#[cfg(feature = "ssr")]
pub use db::web_stock;

#[cfg(feature = "ssr")]
mod db {
    use super::WebStock;
    use crate::inventory::db::stock;
    use crate::inventory::model::Supply;
    use crate::inventory::rules::atp_timeline;
    use sqlx::PgConnection;
    use std::collections::HashMap;
    use time::Date;
    use uuid::Uuid;

    /// The web stock of each SKU (missing: nothing anywhere).
    pub async fn web_stock(
        conn: &mut PgConnection,
        variants: &[Uuid],
        today: Date,
    ) -> sqlx::Result<HashMap<Uuid, WebStock>> {
        let web: Vec<Uuid> =
            sqlx::query_scalar("SELECT id FROM locations WHERE active AND 'web' = ANY(channels)")
                .fetch_all(&mut *conn)
                .await?;
        let rows: Vec<(Uuid, i64, i64)> = sqlx::query_as(
            "SELECT v.id,
                    coalesce((SELECT sum(greatest(b.on_hand - b.reserved, 0)) FROM stock_balances b
                              WHERE b.variant_id = v.id AND b.location_id = ANY($2)), 0)::bigint,
                    coalesce((SELECT sum(s.quantity) FROM supply_promises s
                              WHERE s.variant_id = v.id AND s.state = 'active'
                                AND s.location_id = ANY($2)), 0)::bigint
             FROM unnest($1::uuid[]) AS v(id)",
        )
        .bind(variants)
        .bind(&web)
        .fetch_all(&mut *conn)
        .await?;
        let mut supply: HashMap<Uuid, Vec<Supply>> = HashMap::new();
        for incoming in stock::incoming_of(&mut *conn, variants).await? {
            if web.contains(&incoming.location_id) {
                supply
                    .entry(incoming.variant_id)
                    .or_default()
                    .push(incoming.supply);
            }
        }
        Ok(rows
            .into_iter()
            .map(|(variant, available, promised)| {
                let clamp = |n: i64| n.clamp(0, i64::from(i32::MAX)) as i32;
                let timeline = atp_timeline(
                    0,
                    supply.get(&variant).map_or(&[][..], Vec::as_slice),
                    clamp(promised),
                    today,
                );
                let first = timeline.iter().find(|p| p.quantity > 0);
                let stock = WebStock {
                    available: clamp(available),
                    incoming: timeline.last().map_or(0, |p| p.quantity.max(0)),
                    ships_in_days: first.map(|p| (p.date - today).whole_days() as i32),
                };
                (variant, stock)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stock(available: i32, incoming: i32, days: Option<i32>) -> WebStock {
        WebStock {
            available,
            incoming,
            ships_in_days: days,
        }
    }

    #[test]
    fn availability_says_what_a_shopper_needs() {
        assert_eq!(stock(10, 0, None).availability(), Availability::InStock);
        assert_eq!(stock(3, 0, None).availability(), Availability::OnlyLeft(3));
        assert_eq!(
            stock(1, 5, Some(9)).availability(),
            Availability::OnlyLeft(1)
        );
        assert_eq!(
            stock(0, 5, Some(9)).availability(),
            Availability::ShipsIn(9)
        );
        assert_eq!(stock(0, 0, None).availability(), Availability::SoldOut);
        assert!(!Availability::SoldOut.can_order());
        assert!(Availability::ShipsIn(3).can_order());
    }

    #[test]
    fn cart_lines_are_checked_against_stock_and_supply() {
        assert_eq!(line_problem(2, &stock(5, 0, None), true), None);
        assert_eq!(line_problem(2, &stock(1, 1, Some(4)), true), None);
        assert_eq!(
            line_problem(3, &stock(1, 0, None), true),
            Some(LineProblem::OnlyLeft(1))
        );
        assert_eq!(
            line_problem(1, &stock(0, 0, None), true),
            Some(LineProblem::SoldOut)
        );
        assert_eq!(
            line_problem(1, &stock(9, 0, None), false),
            Some(LineProblem::NoLongerSold)
        );
    }
}
