//! Returns (RMA) and cancellations, as pure rules: the states a return goes
//! through, what may be returned, and what is refunded.
//!
//! A return: requested → approved (the customer gets a label) → received
//! at a location → inspected (each line restocked or written off) →
//! refunded; a request can be rejected instead. A cancellation is recorded
//! as a return of kind `cancel`, closed at once: nothing comes back, the
//! payment for it is voided.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnStatus {
    Requested,
    Approved,
    Received,
    Inspected,
    Refunded,
    Rejected,
    /// A cancellation, done when recorded.
    Closed,
}

impl ReturnStatus {
    pub const ALL: [ReturnStatus; 7] = [
        ReturnStatus::Requested,
        ReturnStatus::Approved,
        ReturnStatus::Received,
        ReturnStatus::Inspected,
        ReturnStatus::Refunded,
        ReturnStatus::Rejected,
        ReturnStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReturnStatus::Requested => "requested",
            ReturnStatus::Approved => "approved",
            ReturnStatus::Received => "received",
            ReturnStatus::Inspected => "inspected",
            ReturnStatus::Refunded => "refunded",
            ReturnStatus::Rejected => "rejected",
            ReturnStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<ReturnStatus> {
        ReturnStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            ReturnStatus::Requested => "Requested",
            ReturnStatus::Approved => "Approved, label sent",
            ReturnStatus::Received => "Received",
            ReturnStatus::Inspected => "Inspected",
            ReturnStatus::Refunded => "Refunded",
            ReturnStatus::Rejected => "Rejected",
            ReturnStatus::Closed => "Closed",
        }
    }

    /// The next step of a return, and the status it leads to.
    pub fn next(self, step: ReturnStep) -> Option<ReturnStatus> {
        use ReturnStatus::*;
        match (self, step) {
            (Requested, ReturnStep::Approve) => Some(Approved),
            (Requested | Approved, ReturnStep::Reject) => Some(Rejected),
            (Approved, ReturnStep::Receive) => Some(Received),
            (Received, ReturnStep::Inspect) => Some(Inspected),
            (Inspected, ReturnStep::Refund) => Some(Refunded),
            _ => None,
        }
    }
}

/// What staff do to a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnStep {
    Approve,
    Reject,
    Receive,
    Inspect,
    Refund,
}

impl ReturnStep {
    pub fn parse(text: &str) -> Option<ReturnStep> {
        match text {
            "approve" => Some(ReturnStep::Approve),
            "reject" => Some(ReturnStep::Reject),
            "receive" => Some(ReturnStep::Receive),
            "inspect" => Some(ReturnStep::Inspect),
            "refund" => Some(ReturnStep::Refund),
            _ => None,
        }
    }
}

/// What becomes of a returned line at inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// Back into sellable stock at the receiving location.
    Restock,
    /// Damaged or unsellable: it never re-enters stock.
    WriteOff,
}

impl Disposition {
    pub fn as_str(self) -> &'static str {
        match self {
            Disposition::Restock => "restock",
            Disposition::WriteOff => "write_off",
        }
    }

    pub fn parse(text: &str) -> Option<Disposition> {
        match text {
            "restock" => Some(Disposition::Restock),
            "write_off" => Some(Disposition::WriteOff),
            _ => None,
        }
    }
}

/// A line of an order as far as returns go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnableLine {
    pub line_no: i32,
    pub sku: String,
    /// Units that left a location (shipped or delivered).
    pub shipped: i32,
    /// Units already in returns that were not rejected.
    pub returned: i32,
}

impl ReturnableLine {
    pub fn left(&self) -> i32 {
        (self.shipped - self.returned).max(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestedLine {
    pub line_no: i32,
    pub quantity: i32,
    pub reason: String,
}

/// The return form: one row per line (line number, quantity, reason), in
/// parallel lists as a form posts them. Rows with no quantity are skipped.
pub fn parse_return_form(
    lines: &[String],
    quantities: &[String],
    reasons: &[String],
) -> Result<Vec<RequestedLine>, Vec<FieldError>> {
    let mut wanted = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let quantity = quantities.get(index).map_or("", |q| q.trim());
        if quantity.is_empty() || quantity == "0" {
            continue;
        }
        let Ok(line_no) = line.trim().parse::<i32>() else {
            problems.push(FieldError::new(
                "lines",
                "unknown",
                "Choose lines of this order.",
            ));
            continue;
        };
        match quantity.parse::<i32>() {
            Ok(quantity) if quantity > 0 => wanted.push(RequestedLine {
                line_no,
                quantity,
                reason: reasons.get(index).map_or("", |r| r.trim()).to_owned(),
            }),
            _ => problems.push(FieldError::new(
                "quantity",
                "invalid",
                format!("Line {line_no}: the quantity must be a whole number above 0."),
            )),
        }
    }
    if problems.is_empty() && wanted.is_empty() {
        problems.push(FieldError::new(
            "quantity",
            "required",
            "Enter how many units of which lines come back.",
        ));
    }
    if problems.is_empty() {
        Ok(wanted)
    } else {
        Err(problems)
    }
}

/// Checks a return against what the order shipped and what is already
/// being returned: every line known, no more than is left, each line once.
pub fn check_return(
    returnable: &[ReturnableLine],
    requested: &[RequestedLine],
) -> Result<(), Vec<FieldError>> {
    let mut problems = Vec::new();
    for (index, wanted) in requested.iter().enumerate() {
        if requested[..index]
            .iter()
            .any(|r| r.line_no == wanted.line_no)
        {
            problems.push(FieldError::new(
                "lines",
                "duplicate",
                format!("Line {} is named twice.", wanted.line_no),
            ));
            continue;
        }
        match returnable.iter().find(|l| l.line_no == wanted.line_no) {
            None => problems.push(FieldError::new(
                "lines",
                "unknown",
                format!("The order has no line {}.", wanted.line_no),
            )),
            Some(line) if line.left() == 0 => problems.push(FieldError::new(
                "quantity",
                "nothing_to_return",
                format!(
                    "Line {} ({}) has nothing left to return: {}.",
                    line.line_no,
                    line.sku,
                    if line.shipped == 0 {
                        "it has not shipped"
                    } else {
                        "it is already being returned"
                    }
                ),
            )),
            Some(line) if wanted.quantity > line.left() => problems.push(FieldError::new(
                "quantity",
                "too_many",
                format!(
                    "Line {} ({}): at most {} can be returned.",
                    line.line_no,
                    line.sku,
                    line.left()
                ),
            )),
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// What a set of lines is worth: (quantity, unit price) pairs.
pub fn value_minor(lines: &[(i32, i64)]) -> i64 {
    lines.iter().map(|(q, price)| i64::from(*q) * price).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(line_no: i32, shipped: i32, returned: i32) -> ReturnableLine {
        ReturnableLine {
            line_no,
            sku: format!("SKU-{line_no}"),
            shipped,
            returned,
        }
    }

    fn want(line_no: i32, quantity: i32) -> RequestedLine {
        RequestedLine {
            line_no,
            quantity,
            reason: "too small".into(),
        }
    }

    #[test]
    fn a_return_goes_through_its_steps_in_order() {
        use ReturnStatus::*;
        let mut status = Requested;
        for (step, expected) in [
            (ReturnStep::Approve, Approved),
            (ReturnStep::Receive, Received),
            (ReturnStep::Inspect, Inspected),
            (ReturnStep::Refund, Refunded),
        ] {
            status = status.next(step).unwrap();
            assert_eq!(status, expected);
        }
        assert_eq!(Requested.next(ReturnStep::Refund), None);
        assert_eq!(Requested.next(ReturnStep::Receive), None);
        assert_eq!(Received.next(ReturnStep::Reject), None);
        assert_eq!(Approved.next(ReturnStep::Reject), Some(Rejected));
        for done in [Refunded, Rejected, Closed] {
            for step in [
                ReturnStep::Approve,
                ReturnStep::Reject,
                ReturnStep::Receive,
                ReturnStep::Inspect,
                ReturnStep::Refund,
            ] {
                assert_eq!(done.next(step), None);
            }
        }
    }

    #[test]
    fn only_what_shipped_and_is_not_returned_yet_can_come_back() {
        let lines = [line(1, 2, 0), line(2, 0, 0), line(3, 3, 3)];
        assert!(check_return(&lines, &[want(1, 2)]).is_ok());
        let problems = check_return(
            &lines,
            &[want(1, 3), want(2, 1), want(3, 1), want(9, 1), want(1, 1)],
        )
        .unwrap_err();
        let codes: Vec<&str> = problems.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "too_many",
                "nothing_to_return",
                "nothing_to_return",
                "unknown",
                "duplicate"
            ]
        );
        assert!(problems[1].message.contains("not shipped"));
        assert!(problems[2].message.contains("already being returned"));
    }

    #[test]
    fn the_form_keeps_rows_with_a_quantity() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let parsed = parse_return_form(
            &s(&["1", "2", "3"]),
            &s(&["", "2", "0"]),
            &s(&["", "too big", ""]),
        )
        .unwrap();
        assert_eq!(
            parsed,
            [RequestedLine {
                line_no: 2,
                quantity: 2,
                reason: "too big".into()
            }]
        );
        assert!(parse_return_form(&s(&["1"]), &s(&["-1"]), &[]).is_err());
        assert!(parse_return_form(&s(&["1"]), &s(&["x"]), &[]).is_err());
        let none = parse_return_form(&s(&["1"]), &s(&[""]), &[]).unwrap_err();
        assert_eq!(none[0].code, "required");
    }

    #[test]
    fn value_is_quantity_times_price() {
        assert_eq!(value_minor(&[(2, 1_500), (1, 999)]), 3_999);
        assert_eq!(value_minor(&[]), 0);
    }
}
