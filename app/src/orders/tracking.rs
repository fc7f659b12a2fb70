//! What a customer sees of an order's progress: four milestones (ordered,
//! confirmed, shipped, delivered) or its cancellation, each with when it
//! was reached. Derived from the order's status changes; pure.

use super::lifecycle::OrderStatus;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Milestone {
    Ordered,
    /// The stock is reserved and the order accepted.
    Confirmed,
    Shipped,
    Delivered,
    Cancelled,
}

impl Milestone {
    pub fn label(self) -> &'static str {
        match self {
            Milestone::Ordered => "Ordered",
            Milestone::Confirmed => "Confirmed",
            Milestone::Shipped => "Shipped",
            Milestone::Delivered => "Delivered",
            Milestone::Cancelled => "Cancelled",
        }
    }

    /// The milestone a status change reaches, if any.
    fn reached_by(status: OrderStatus) -> Option<Milestone> {
        match status {
            OrderStatus::Routed
            | OrderStatus::AwaitingApproval
            | OrderStatus::Approved
            | OrderStatus::Submitted => Some(Milestone::Confirmed),
            OrderStatus::PartiallyShipped | OrderStatus::Shipped => Some(Milestone::Shipped),
            OrderStatus::Completed => Some(Milestone::Delivered),
            OrderStatus::Cancelled => Some(Milestone::Cancelled),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingStep {
    pub milestone: Milestone,
    /// When it was first reached; `None`: not yet.
    #[serde(with = "time::serde::rfc3339::option")]
    pub at: Option<OffsetDateTime>,
}

/// The steps to show, from the order's status changes (oldest first).
pub fn tracking_steps(
    placed_at: OffsetDateTime,
    changes: &[(OrderStatus, OffsetDateTime)],
) -> Vec<TrackingStep> {
    let first = |milestone: Milestone| {
        changes
            .iter()
            .find(|(to, _)| Milestone::reached_by(*to) == Some(milestone))
            .map(|(_, at)| *at)
    };
    let mut steps = vec![TrackingStep {
        milestone: Milestone::Ordered,
        at: Some(placed_at),
    }];
    let cancelled = first(Milestone::Cancelled);
    for milestone in [
        Milestone::Confirmed,
        Milestone::Shipped,
        Milestone::Delivered,
    ] {
        let at = first(milestone);
        // A cancelled order shows what it reached, then its cancellation.
        if cancelled.is_some() && at.is_none() {
            break;
        }
        steps.push(TrackingStep { milestone, at });
    }
    if let Some(at) = cancelled {
        steps.push(TrackingStep {
            milestone: Milestone::Cancelled,
            at: Some(at),
        });
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_delivered_order_has_four_dated_steps() {
        let placed = datetime!(2026-11-20 10:00 UTC);
        let steps = tracking_steps(
            placed,
            &[
                (OrderStatus::Validated, datetime!(2026-11-20 10:00:01 UTC)),
                (OrderStatus::Routed, datetime!(2026-11-20 10:00:02 UTC)),
                (OrderStatus::Submitted, datetime!(2026-11-20 10:00:03 UTC)),
                (
                    OrderStatus::PartiallyShipped,
                    datetime!(2026-11-21 09:00 UTC),
                ),
                (OrderStatus::Shipped, datetime!(2026-11-22 09:00 UTC)),
                (OrderStatus::Completed, datetime!(2026-11-24 15:00 UTC)),
            ],
        );
        let shown: Vec<_> = steps.iter().map(|s| (s.milestone, s.at)).collect();
        assert_eq!(
            shown,
            [
                (Milestone::Ordered, Some(placed)),
                (
                    Milestone::Confirmed,
                    Some(datetime!(2026-11-20 10:00:02 UTC))
                ),
                (Milestone::Shipped, Some(datetime!(2026-11-21 09:00 UTC))),
                (Milestone::Delivered, Some(datetime!(2026-11-24 15:00 UTC))),
            ]
        );
    }

    #[test]
    fn an_open_order_shows_what_is_still_to_come() {
        let placed = datetime!(2026-11-20 10:00 UTC);
        let steps = tracking_steps(placed, &[(OrderStatus::Routed, placed)]);
        assert_eq!(steps.len(), 4);
        assert!(steps[2].at.is_none() && steps[3].at.is_none());
    }

    #[test]
    fn a_cancelled_order_ends_with_its_cancellation() {
        let placed = datetime!(2026-11-20 10:00 UTC);
        let cancelled = datetime!(2026-11-20 12:00 UTC);
        let steps = tracking_steps(
            placed,
            &[
                (OrderStatus::Routed, placed),
                (OrderStatus::Cancelled, cancelled),
            ],
        );
        let milestones: Vec<_> = steps.iter().map(|s| s.milestone).collect();
        assert_eq!(
            milestones,
            [
                Milestone::Ordered,
                Milestone::Confirmed,
                Milestone::Cancelled
            ]
        );
        assert_eq!(steps[2].at, Some(cancelled));
    }
}
