//! The rules of fulfilment, without a database: which step may follow
//! which, what the pack, ship and delivery forms accept, the pick order,
//! and what a request's progress means for its order.

use super::model::{CARRIERS, FulfilmentLine, FulfilmentStatus, OWN_DELIVERY};
use crate::error::{AppError, FieldError, FieldErrors};
use std::collections::BTreeMap;

/// What a worker does to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    StartPicking,
    Pack,
    Ship,
    Deliver,
    Cancel,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::StartPicking,
        Step::Pack,
        Step::Ship,
        Step::Deliver,
        Step::Cancel,
    ];

    /// The status a request has after this step.
    pub fn target(self) -> FulfilmentStatus {
        match self {
            Step::StartPicking => FulfilmentStatus::Picking,
            Step::Pack => FulfilmentStatus::Packed,
            Step::Ship => FulfilmentStatus::Shipped,
            Step::Deliver => FulfilmentStatus::Delivered,
            Step::Cancel => FulfilmentStatus::Cancelled,
        }
    }

    /// The statuses this step may start from.
    pub fn allowed_from(self) -> &'static [FulfilmentStatus] {
        use FulfilmentStatus::*;
        match self {
            Step::StartPicking => &[Submitted],
            Step::Pack => &[Picking],
            Step::Ship => &[Packed],
            Step::Deliver => &[Shipped],
            // Once goods have left, only a return can undo it.
            Step::Cancel => &[Submitted, Picking, Packed],
        }
    }

    /// Status names for the guarded `UPDATE … WHERE status = ANY(…)`.
    pub fn allowed_from_names(self) -> Vec<String> {
        self.allowed_from()
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect()
    }
}

/// Whether `step` may run on a request in `status`.
pub fn can(step: Step, status: FulfilmentStatus) -> bool {
    step.allowed_from().contains(&status)
}

/// Whether a request may move straight from one status to another.
pub fn can_move(from: FulfilmentStatus, to: FulfilmentStatus) -> bool {
    Step::ALL
        .into_iter()
        .any(|step| step.target() == to && can(step, from))
}

/// The steps a worker can take on a request in `status`, in the order the
/// page offers them.
pub fn steps_from(status: FulfilmentStatus) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|step| can(*step, status))
        .collect()
}

/// Why `step` cannot run on a request that is `current`, last changed by
/// `by`: a second click, another worker, or a step taken out of order.
pub fn refusal(step: Step, current: FulfilmentStatus, by: Option<&str>) -> String {
    use FulfilmentStatus::*;
    let by = by.map(|name| format!(" by {name}")).unwrap_or_default();
    let done = match current {
        Planned => "not yet handed to the warehouse",
        Submitted => "submitted",
        Picking => "taken for picking",
        Packed => "packed",
        Shipped => "shipped",
        Delivered => "marked delivered",
        Cancelled => "cancelled",
    };
    if current == Cancelled {
        return format!("This request was cancelled{by}; nothing more can be done with it.");
    }
    if step == Step::Cancel {
        // Only shipped or delivered requests refuse a cancellation.
        return format!(
            "This request was already {done}{by}, so it can no longer be cancelled. Start a return instead."
        );
    }
    let reached = current.step_index() >= step.target().step_index();
    if reached {
        return format!("This request was already {done}{by}.");
    }
    match step {
        Step::Pack => "Start picking this request before packing it.".to_owned(),
        Step::Ship => "Pack this request before shipping it.".to_owned(),
        Step::Deliver => "This request has not been shipped yet.".to_owned(),
        Step::StartPicking | Step::Cancel => {
            format!("This request is {}.", current.label().to_lowercase())
        }
    }
}

/// The statuses from which an external location (a drop-ship supplier, a
/// 3PL) may report a request shipped. It picks and packs on its own, so
/// the request goes straight to shipped from submitted, or from wherever
/// the back office left it.
pub const REPORTED_SHIP_FROM: [FulfilmentStatus; 3] = [
    FulfilmentStatus::Submitted,
    FulfilmentStatus::Picking,
    FulfilmentStatus::Packed,
];

/// Why an external location's shipment report is refused on a request that
/// is `current`, last changed by `by` (e.g. it was already shipped).
pub fn reported_shipment_refusal(current: FulfilmentStatus, by: Option<&str>) -> String {
    if current == FulfilmentStatus::Planned {
        return "This request has not been sent to its location yet.".to_owned();
    }
    refusal(Step::Ship, current, by)
}

/// A line as the pack form checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackLine {
    pub line_no: i32,
    pub sku: String,
    pub ordered: i32,
}

/// What was packed of a line, and what was not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackedLine {
    pub line_no: i32,
    pub packed: i32,
    pub short: i32,
}

/// The pack form's field for a line.
pub fn packed_field(line_no: i32) -> String {
    format!("packed[{line_no}]")
}

/// Checks the pack form: for every line a whole number of packed units
/// from 0 to the ordered quantity (`typed` is keyed by line number), and at
/// least one unit in all. Fewer than ordered is a short pick.
pub fn check_pack(
    lines: &[PackLine],
    typed: &BTreeMap<String, String>,
) -> Result<Vec<PackedLine>, AppError> {
    let mut errors = FieldErrors::new();
    let mut packed = Vec::with_capacity(lines.len());
    for line in lines {
        let field = packed_field(line.line_no);
        let text = typed
            .get(&line.line_no.to_string())
            .map(|t| t.trim())
            .unwrap_or("");
        let checked = if text.is_empty() {
            Err(FieldError::new(
                &field,
                "required",
                format!("Enter how many units of {} you packed.", line.sku),
            ))
        } else {
            text.parse::<i32>()
                .ok()
                .filter(|n| (0..=line.ordered).contains(n))
                .ok_or_else(|| {
                    FieldError::new(
                        &field,
                        "invalid",
                        format!(
                            "Enter a whole number from 0 to {} for {}.",
                            line.ordered, line.sku
                        ),
                    )
                })
        };
        if let Some(units) = errors.check(checked) {
            packed.push(PackedLine {
                line_no: line.line_no,
                packed: units,
                short: line.ordered - units,
            });
        }
    }
    errors.finish()?;
    if packed.iter().all(|p| p.packed == 0) {
        return Err(AppError::field(
            "packed",
            "nothing_packed",
            "Nothing was packed. If none of the goods can be found, cancel the request instead.",
        ));
    }
    Ok(packed)
}

/// A checked ship form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentInput {
    pub carrier: String,
    /// Empty only for own deliveries.
    pub tracking_number: String,
    pub parcels: i32,
}

/// Checks the ship form: a known carrier, a tracking number (4–40
/// letters, digits or dashes; optional for own deliveries) and 1–99 parcels.
pub fn check_shipment(
    carrier: &str,
    tracking_number: &str,
    parcels: &str,
) -> Result<ShipmentInput, AppError> {
    let mut errors = FieldErrors::new();
    let carrier = errors.check(
        CARRIERS
            .into_iter()
            .find(|c| *c == carrier.trim())
            .ok_or_else(|| {
                FieldError::new("carrier", "unknown", "Choose a carrier from the list.")
            }),
    );
    let tracking = tracking_number.trim().to_uppercase();
    let own_delivery = carrier == Some(OWN_DELIVERY);
    let tracking_ok = if tracking.is_empty() && !own_delivery {
        Err(FieldError::new(
            "tracking_number",
            "required",
            "Enter the carrier's tracking number.",
        ))
    } else if !tracking.is_empty()
        && !((4..=40).contains(&tracking.chars().count())
            && tracking
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        Err(FieldError::new(
            "tracking_number",
            "invalid",
            "A tracking number has 4 to 40 letters, digits or dashes.",
        ))
    } else {
        Ok(())
    };
    errors.check(tracking_ok);
    let parcels = errors.check(
        parcels
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=99).contains(n))
            .ok_or_else(|| {
                FieldError::new(
                    "parcels",
                    "invalid",
                    "Enter the number of parcels, from 1 to 99.",
                )
            }),
    );
    errors.finish()?;
    match (carrier, parcels) {
        (Some(carrier), Some(parcels)) => Ok(ShipmentInput {
            carrier: carrier.to_owned(),
            tracking_number: tracking,
            parcels,
        }),
        // `finish` has already returned every failed check.
        _ => Err(AppError::Internal),
    }
}

/// Checks a proof of delivery: only own deliveries are confirmed here
/// (carriers report theirs with the tracking number); the signer's name
/// has 2–100 characters. Returns the name as it will be kept.
pub fn check_delivery(carrier: &str, signed_by: &str) -> Result<String, AppError> {
    if carrier != OWN_DELIVERY {
        return Err(AppError::Conflict(format!(
            "Only own deliveries are confirmed here; {carrier} reports delivery through its tracking."
        )));
    }
    signer(signed_by)
}

/// Checks a delivery reported by the external location that shipped
/// (through the API): a carrier's delivery may come without a signer; an
/// own delivery names who signed, as in [`check_delivery`]. A signer given
/// is kept by the same rules.
pub fn check_reported_delivery(
    carrier: &str,
    signed_by: Option<&str>,
) -> Result<Option<String>, AppError> {
    match signed_by.map(str::trim).filter(|name| !name.is_empty()) {
        None if carrier != OWN_DELIVERY => Ok(None),
        given => signer(given.unwrap_or_default()).map(Some),
    }
}

/// The name of who signed for the goods: 2–100 characters, spaces tidied.
fn signer(signed_by: &str) -> Result<String, AppError> {
    let name = crate::text::single_spaced(signed_by);
    if !(2..=100).contains(&name.chars().count()) {
        return Err(AppError::field(
            "signed_by",
            "invalid",
            "Enter the name of the person who signed for the goods (2 to 100 characters).",
        ));
    }
    Ok(name)
}

/// Checks the cancel form: the worker ticked the confirmation; the reason
/// (optional) has at most 500 characters. Returns the reason, tidied.
pub fn check_cancel(confirmed: bool, reason: &str) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    if !confirmed {
        errors.push(FieldError::new(
            "confirm",
            "required",
            "Tick the box to confirm that this request is cancelled.",
        ));
    }
    let reason = crate::text::single_spaced(reason);
    if reason.chars().count() > 500 {
        errors.push(FieldError::new(
            "reason",
            "too_long",
            "Keep the reason under 500 characters.",
        ));
    }
    errors.finish()?;
    Ok(reason)
}

/// Sorts lines into the order a picker walks: by bin, then SKU; lines
/// whose SKU has no bin come last.
pub fn sort_for_picking(lines: &mut [FulfilmentLine]) {
    lines.sort_by(|a, b| {
        (a.bin.is_empty(), &a.bin, &a.sku, a.line_no).cmp(&(
            b.bin.is_empty(),
            &b.bin,
            &b.sku,
            b.line_no,
        ))
    });
}

/// The order's status implied by its requests, if their progress says
/// anything: every live request delivered → `completed`; every live one
/// shipped or delivered → `shipped`; some of them → `partially_shipped`.
/// Cancelled requests do not count; `None` when nothing has shipped.
pub fn order_progress(statuses: &[FulfilmentStatus]) -> Option<&'static str> {
    use FulfilmentStatus::*;
    let live: Vec<FulfilmentStatus> = statuses
        .iter()
        .copied()
        .filter(|s| *s != Cancelled)
        .collect();
    let gone = live
        .iter()
        .filter(|s| matches!(s, Shipped | Delivered))
        .count();
    if gone == 0 {
        None
    } else if live.iter().all(|s| *s == Delivered) {
        Some("completed")
    } else if gone == live.len() {
        Some("shipped")
    } else {
        Some("partially_shipped")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FulfilmentStatus::*;
    use proptest::prelude::*;

    fn lines(ordered: &[i32]) -> Vec<PackLine> {
        ordered
            .iter()
            .enumerate()
            .map(|(i, q)| PackLine {
                line_no: i as i32 + 1,
                sku: format!("SKU-{}", i + 1),
                ordered: *q,
            })
            .collect()
    }

    fn typed(values: &[&str]) -> BTreeMap<String, String> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| ((i + 1).to_string(), (*v).to_owned()))
            .collect()
    }

    fn line(line_no: i32, bin: &str, sku: &str) -> FulfilmentLine {
        FulfilmentLine {
            line_no,
            sku: sku.into(),
            product: String::new(),
            colour: String::new(),
            size: String::new(),
            description: String::new(),
            bin: bin.into(),
            quantity: 1,
            packed_quantity: None,
        }
    }

    #[test]
    fn the_flow_goes_forward_one_step_at_a_time() {
        assert!(can_move(Submitted, Picking));
        assert!(can_move(Picking, Packed));
        assert!(can_move(Packed, Shipped));
        assert!(can_move(Shipped, Delivered));
        assert!(!can_move(Submitted, Packed));
        assert!(!can_move(Picking, Shipped));
        assert!(!can_move(Packed, Picking));
        assert!(!can_move(Delivered, Shipped));
        for status in FulfilmentStatus::ALL {
            assert!(!can_move(status, status), "{status:?} to itself");
        }
    }

    #[test]
    fn cancelling_is_possible_only_before_shipping() {
        for status in [Submitted, Picking, Packed] {
            assert!(can_move(status, Cancelled));
        }
        for status in [Shipped, Delivered, Cancelled] {
            assert!(!can_move(status, Cancelled));
            assert!(steps_from(status).len() <= 1);
        }
        assert_eq!(steps_from(Cancelled), vec![]);
        assert_eq!(steps_from(Delivered), vec![]);
        assert_eq!(steps_from(Packed), vec![Step::Ship, Step::Cancel]);
    }

    #[test]
    fn refusals_say_who_got_there_first() {
        assert_eq!(
            refusal(Step::Pack, Packed, Some("Walter Riva")),
            "This request was already packed by Walter Riva."
        );
        assert_eq!(
            refusal(Step::Ship, Shipped, None),
            "This request was already shipped."
        );
        assert_eq!(
            refusal(Step::Pack, Shipped, Some("Ann")),
            "This request was already shipped by Ann."
        );
        assert_eq!(
            refusal(Step::StartPicking, Picking, Some("Ann")),
            "This request was already taken for picking by Ann."
        );
        assert_eq!(
            refusal(Step::Ship, Picking, Some("Ann")),
            "Pack this request before shipping it."
        );
        assert!(refusal(Step::Cancel, Shipped, Some("Ann")).contains("can no longer be cancelled"));
        assert!(
            refusal(Step::Pack, Cancelled, Some("Ann"))
                .starts_with("This request was cancelled by Ann")
        );
    }

    #[test]
    fn a_full_pack_has_no_short_units() {
        let packed = check_pack(&lines(&[2, 1]), &typed(&["2", " 1 "])).unwrap();
        assert_eq!(
            packed,
            vec![
                PackedLine {
                    line_no: 1,
                    packed: 2,
                    short: 0
                },
                PackedLine {
                    line_no: 2,
                    packed: 1,
                    short: 0
                },
            ]
        );
    }

    #[test]
    fn fewer_units_than_ordered_are_short() {
        let packed = check_pack(&lines(&[3, 1]), &typed(&["2", "0"])).unwrap();
        assert_eq!(packed[0].short, 1);
        assert_eq!(packed[1].short, 1);
    }

    #[test]
    fn pack_form_refuses_bad_numbers_per_line() {
        let error = check_pack(&lines(&[2, 2, 2, 2]), &typed(&["3", "-1", "1.5", ""])).unwrap_err();
        for line_no in 1..=4 {
            assert!(
                error.field_message(&packed_field(line_no)).is_some(),
                "line {line_no}: {error:?}"
            );
        }
        let missing = check_pack(&lines(&[2]), &BTreeMap::new()).unwrap_err();
        assert!(missing.field_message("packed[1]").is_some());
    }

    #[test]
    fn packing_nothing_means_cancelling() {
        let error = check_pack(&lines(&[2, 1]), &typed(&["0", "0"])).unwrap_err();
        assert!(error.to_string().contains("cancel the request"));
    }

    #[test]
    fn shipments_need_a_carrier_tracking_and_parcels() {
        let ok = check_shipment("GLS", " gls123456 ", "1").unwrap();
        assert_eq!(ok.carrier, "GLS");
        assert_eq!(ok.tracking_number, "GLS123456");
        assert_eq!(ok.parcels, 1);

        let own = check_shipment(OWN_DELIVERY, "", "2").unwrap();
        assert_eq!(own.tracking_number, "");

        let error = check_shipment("Pony Express", "", "0").unwrap_err();
        assert!(error.field_message("carrier").is_some());
        assert!(error.field_message("parcels").is_some());

        let error = check_shipment("UPS", "", "1").unwrap_err();
        assert!(error.field_message("tracking_number").is_some());
        for bad in ["AB1", "ABC 123", "ABC_123", &"9".repeat(41)] {
            let error = check_shipment("UPS", bad, "1").unwrap_err();
            assert!(error.field_message("tracking_number").is_some(), "{bad}");
        }
        assert!(check_shipment("UPS", "1Z-999-AA1", "99").is_ok());
        assert!(check_shipment("UPS", "1Z999AA1", "100").is_err());
    }

    #[test]
    fn only_own_deliveries_are_signed_for_here() {
        assert_eq!(
            check_delivery(OWN_DELIVERY, "  Giulia   Rossi "),
            Ok("Giulia Rossi".to_owned())
        );
        assert!(matches!(
            check_delivery("GLS", "Giulia Rossi"),
            Err(AppError::Conflict(_))
        ));
        let error = check_delivery(OWN_DELIVERY, "G").unwrap_err();
        assert!(error.field_message("signed_by").is_some());
        assert!(check_delivery(OWN_DELIVERY, &"x".repeat(101)).is_err());
    }

    #[test]
    fn external_locations_report_carrier_deliveries_without_a_signer() {
        assert_eq!(check_reported_delivery("GLS", None), Ok(None));
        assert_eq!(check_reported_delivery("GLS", Some("  ")), Ok(None));
        assert_eq!(
            check_reported_delivery("GLS", Some(" Giulia  Rossi ")),
            Ok(Some("Giulia Rossi".to_owned()))
        );
        assert!(check_reported_delivery("GLS", Some("G")).is_err());
        let error = check_reported_delivery(OWN_DELIVERY, None).unwrap_err();
        assert!(error.field_message("signed_by").is_some());
    }

    #[test]
    fn external_locations_ship_straight_from_the_queue_but_only_once() {
        for status in REPORTED_SHIP_FROM {
            // Handed over, and not gone yet: goods never leave twice.
            assert!(status != Planned, "{status:?}");
            assert!(status.step_index() < Shipped.step_index(), "{status:?}");
        }
        assert_eq!(
            reported_shipment_refusal(Shipped, None),
            "This request was already shipped."
        );
        assert!(reported_shipment_refusal(Planned, None).contains("not been sent"));
        assert!(reported_shipment_refusal(Cancelled, None).contains("cancelled"));
    }

    #[test]
    fn cancelling_needs_a_confirmation() {
        let error = check_cancel(false, "").unwrap_err();
        assert!(error.field_message("confirm").is_some());
        assert_eq!(
            check_cancel(true, "  customer   called "),
            Ok("customer called".to_owned())
        );
        assert!(check_cancel(true, &"x".repeat(501)).is_err());
    }

    #[test]
    fn pickers_walk_the_bins_in_order_and_unbinned_goods_last() {
        let mut list = vec![
            line(1, "", "A-SKU"),
            line(2, "B-01-1", "Z-SKU"),
            line(3, "A-02-1", "M-SKU"),
            line(4, "B-01-1", "C-SKU"),
        ];
        sort_for_picking(&mut list);
        let order: Vec<i32> = list.iter().map(|l| l.line_no).collect();
        assert_eq!(order, vec![3, 4, 2, 1]);
    }

    #[test]
    fn the_order_follows_its_requests() {
        assert_eq!(order_progress(&[Submitted, Packed]), None);
        assert_eq!(
            order_progress(&[Shipped, Picking]),
            Some("partially_shipped")
        );
        assert_eq!(order_progress(&[Shipped, Delivered]), Some("shipped"));
        assert_eq!(order_progress(&[Shipped, Cancelled]), Some("shipped"));
        assert_eq!(order_progress(&[Delivered, Cancelled]), Some("completed"));
        assert_eq!(order_progress(&[Cancelled]), None);
        assert_eq!(order_progress(&[]), None);
    }

    proptest! {
        #[test]
        fn a_pack_accounts_for_every_ordered_unit(
            pairs in proptest::collection::vec((1i32..20, 0i32..25), 1..8),
        ) {
            let ordered: Vec<i32> = pairs.iter().map(|(o, _)| *o).collect();
            let values: Vec<String> = pairs.iter().map(|(_, p)| p.to_string()).collect();
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            let result = check_pack(&lines(&ordered), &typed(&values));
            let in_range = pairs.iter().all(|(o, p)| p <= o);
            let something = pairs.iter().any(|(_, p)| *p > 0);
            prop_assert_eq!(result.is_ok(), in_range && something);
            if let Ok(packed) = result {
                for (p, (o, typed)) in packed.iter().zip(&pairs) {
                    prop_assert_eq!(p.packed, *typed);
                    prop_assert_eq!(p.packed + p.short, *o);
                    prop_assert!(p.short >= 0);
                }
            }
        }

        #[test]
        fn the_pick_order_keeps_every_line_and_sorts_the_bins(
            bins in proptest::collection::vec(("[A-C]?", "[A-C]"), 0..12),
        ) {
            let mut list: Vec<FulfilmentLine> = bins
                .iter()
                .enumerate()
                .map(|(i, (bin, sku))| line(i as i32, bin, sku))
                .collect();
            sort_for_picking(&mut list);
            let mut seen: Vec<i32> = list.iter().map(|l| l.line_no).collect();
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..bins.len() as i32).collect::<Vec<_>>());
            for pair in list.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                prop_assert!(!(a.bin.is_empty() && !b.bin.is_empty()), "unbinned lines come last");
                if a.bin.is_empty() == b.bin.is_empty() {
                    prop_assert!((&a.bin, &a.sku) <= (&b.bin, &b.sku));
                }
            }
        }

        #[test]
        fn no_step_goes_backwards_in_the_flow(from in 0usize..6, to in 0usize..6) {
            let (from, to) = (FulfilmentStatus::ALL[from], FulfilmentStatus::ALL[to]);
            if can_move(from, to) && to != Cancelled {
                prop_assert_eq!(to.step_index(), from.step_index().map(|i| i + 1));
            }
        }
    }
}
