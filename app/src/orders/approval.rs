//! Approval of orders. Each sales channel configures approval reasons; the
//! ones whose condition holds for an order become its approval steps.
//! Steps of the same rank are asked in parallel, ranks one after another in
//! ascending order, and a single decline declines the order.

use serde::{Deserialize, Serialize};

/// When a reason applies to an order. Stored as JSON on the reason, e.g.
/// `{"kind":"total_above","minor":50000}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    Always,
    /// Strictly above: an order of exactly the amount does not need it.
    TotalAbove {
        minor: i64,
    },
    /// Compared without regard to case or surrounding spaces, because the
    /// condition is typed by staff and the method comes from a channel.
    PaymentMethod {
        method: String,
    },
    FirstOrder,
    /// The company's open orders with this one exceed its credit limit
    /// (never for an order without a company or a company without a limit).
    OverCreditLimit,
}

impl Condition {
    pub fn holds(&self, facts: &OrderFacts) -> bool {
        match self {
            Condition::Always => true,
            Condition::TotalAbove { minor } => facts.total_minor > *minor,
            Condition::PaymentMethod { method } => method
                .trim()
                .eq_ignore_ascii_case(facts.payment_method.trim()),
            Condition::FirstOrder => facts.first_order,
            Condition::OverCreditLimit => facts
                .credit
                .is_some_and(|c| c.open_minor.saturating_add(facts.total_minor) > c.limit_minor),
        }
    }

    /// For staff, e.g. "order total above €500.00".
    pub fn describe(&self) -> String {
        match self {
            Condition::Always => "always".to_owned(),
            Condition::TotalAbove { minor } => format!("order total above {}", euros(*minor)),
            Condition::PaymentMethod { method } => {
                let method = method.trim().replace('_', " ");
                // "payment by in store" would read badly; every other method
                // is a noun that follows "by".
                if method.eq_ignore_ascii_case("in store") {
                    "payment in store".to_owned()
                } else {
                    format!("payment by {method}")
                }
            }
            Condition::FirstOrder => "first order of the customer".to_owned(),
            Condition::OverCreditLimit => "open orders above the company's credit limit".to_owned(),
        }
    }
}

/// Minor units as euros with two decimals; the sign goes before the symbol.
fn euros(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    // unsigned_abs: i64::MIN has no positive i64.
    let abs = minor.unsigned_abs();
    format!("{sign}€{}.{:02}", abs / 100, abs % 100)
}

/// Who answers an approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approver {
    /// A person in the approvals inbox.
    Staff,
    /// Another system, asked through the outbox and answering through the API.
    External,
}

impl Approver {
    pub const ALL: [Approver; 2] = [Approver::Staff, Approver::External];

    pub fn as_str(self) -> &'static str {
        match self {
            Approver::Staff => "staff",
            Approver::External => "external",
        }
    }

    pub fn parse(text: &str) -> Option<Approver> {
        Approver::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// One configured reason to approve orders of a channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalReason {
    pub code: String,
    pub name: String,
    /// Same rank: asked together; a higher rank is asked only after every
    /// lower rank approved.
    pub rank: i32,
    pub condition: Condition,
    pub approver: Approver,
    /// Once approved, the order goes through routing again (e.g. an approval
    /// that may change where it ships from).
    pub reroute_after: bool,
}

/// What the conditions look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFacts {
    pub total_minor: i64,
    pub payment_method: String,
    pub first_order: bool,
    /// The company's credit, when it has a limit.
    pub credit: Option<Credit>,
}

/// A company's credit limit and the value of its orders not yet paid
/// (open, not counting the order being approved).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit {
    pub limit_minor: i64,
    pub open_minor: i64,
}

/// The reasons that apply to an order (condition holds), sorted by rank then code.
pub fn applicable<'a>(
    reasons: &'a [ApprovalReason],
    facts: &OrderFacts,
) -> Vec<&'a ApprovalReason> {
    let mut applying: Vec<&ApprovalReason> = reasons
        .iter()
        .filter(|r| r.condition.holds(facts))
        .collect();
    applying.sort_by(|a, b| (a.rank, &a.code).cmp(&(b.rank, &b.code)));
    applying
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Pending,
    Approved,
    Declined,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Pending, Decision::Approved, Decision::Declined];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Pending => "pending",
            Decision::Approved => "approved",
            Decision::Declined => "declined",
        }
    }

    pub fn parse(text: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.as_str() == text)
    }
}

/// One approval an order needs, with its answer so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalStep {
    pub code: String,
    pub rank: i32,
    pub decision: Decision,
}

/// Where an order's approvals stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evaluation {
    /// Nothing applies or every step approved.
    Approved,
    /// The first decline (lowest rank, then code) decides.
    Declined { code: String },
    /// Waiting for the steps of the current rank that are still pending
    /// (later ranks are not asked yet). `open` is sorted by code.
    Waiting { open: Vec<String>, rank: i32 },
}

pub fn evaluate(steps: &[ApprovalStep]) -> Evaluation {
    // A decline anywhere ends it, even while others of its rank are open:
    // asking the rest would be wasted on an order that cannot go ahead.
    let first_decline = steps
        .iter()
        .filter(|s| s.decision == Decision::Declined)
        .min_by(|a, b| (a.rank, &a.code).cmp(&(b.rank, &b.code)));
    if let Some(declined) = first_decline {
        return Evaluation::Declined {
            code: declined.code.clone(),
        };
    }
    let pending = || steps.iter().filter(|s| s.decision == Decision::Pending);
    let Some(rank) = pending().map(|s| s.rank).min() else {
        return Evaluation::Approved;
    };
    let mut open: Vec<String> = pending()
        .filter(|s| s.rank == rank)
        .map(|s| s.code.clone())
        .collect();
    open.sort();
    Evaluation::Waiting { open, rank }
}

/// Why a decision cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApprovalError {
    #[error("this order has no approval \"{code}\"")]
    UnknownReason { code: String },
    #[error("approval \"{code}\" was already {}", .decision.as_str())]
    AlreadyDecided { code: String, decision: Decision },
    #[error("approval {} must be decided first", quoted_list(.waiting_for))]
    NotYourTurn { waiting_for: Vec<String> },
    #[error("the order was already declined (approval \"{code}\")")]
    OrderDeclined { code: String },
}

fn quoted_list(codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a decision may be recorded on `code` now: it must exist, be
/// Pending, and belong to the current rank (a later rank cannot decide
/// before earlier ranks approved).
pub fn may_decide(steps: &[ApprovalStep], code: &str) -> Result<(), ApprovalError> {
    let mut same_code = steps.iter().filter(|s| s.code == code).peekable();
    let Some(first) = same_code.peek().copied() else {
        return Err(ApprovalError::UnknownReason {
            code: code.to_owned(),
        });
    };
    // Codes are unique per round; should one repeat, its pending copy counts.
    let step = same_code
        .find(|s| s.decision == Decision::Pending)
        .unwrap_or(first);
    if step.decision != Decision::Pending {
        return Err(ApprovalError::AlreadyDecided {
            code: step.code.clone(),
            decision: step.decision,
        });
    }
    match evaluate(steps) {
        Evaluation::Declined { code } => Err(ApprovalError::OrderDeclined { code }),
        Evaluation::Waiting { open, rank } if rank != step.rank => {
            Err(ApprovalError::NotYourTurn { waiting_for: open })
        }
        // The step is pending, so `Approved` cannot happen here; `Waiting`
        // at its rank is the one case that may decide.
        Evaluation::Waiting { .. } | Evaluation::Approved => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn step(code: &str, rank: i32, decision: Decision) -> ApprovalStep {
        ApprovalStep {
            code: code.to_owned(),
            rank,
            decision,
        }
    }

    fn reason(code: &str, rank: i32, condition: Condition) -> ApprovalReason {
        ApprovalReason {
            code: code.to_owned(),
            name: code.to_uppercase(),
            rank,
            condition,
            approver: Approver::Staff,
            reroute_after: false,
        }
    }

    fn facts(total_minor: i64, payment_method: &str, first_order: bool) -> OrderFacts {
        OrderFacts {
            total_minor,
            payment_method: payment_method.to_owned(),
            first_order,
            credit: None,
        }
    }

    use Decision::{Approved, Declined, Pending};

    #[test]
    fn credit_limit_counts_open_orders_and_this_one() {
        let mut f = facts(30_000, "invoice", false);
        assert!(!Condition::OverCreditLimit.holds(&f), "no limit set: never");
        f.credit = Some(Credit {
            limit_minor: 100_000,
            open_minor: 70_000,
        });
        assert!(
            !Condition::OverCreditLimit.holds(&f),
            "exactly at the limit is within it"
        );
        f.credit = Some(Credit {
            limit_minor: 100_000,
            open_minor: 70_001,
        });
        assert!(Condition::OverCreditLimit.holds(&f));
    }

    #[test]
    fn nothing_to_approve_is_approved() {
        assert_eq!(evaluate(&[]), Evaluation::Approved);
    }

    #[test]
    fn the_same_rank_waits_in_parallel() {
        let steps = [step("fraud", 1, Pending), step("credit", 1, Pending)];
        assert_eq!(
            evaluate(&steps),
            Evaluation::Waiting {
                open: vec!["credit".into(), "fraud".into()],
                rank: 1
            }
        );
        assert_eq!(may_decide(&steps, "fraud"), Ok(()));
        assert_eq!(may_decide(&steps, "credit"), Ok(()));
    }

    #[test]
    fn ranks_run_in_sequence() {
        let mut steps = vec![
            step("manager", 2, Pending),
            step("fraud", 1, Pending),
            step("credit", 1, Approved),
        ];
        assert_eq!(
            evaluate(&steps),
            Evaluation::Waiting {
                open: vec!["fraud".into()],
                rank: 1
            }
        );
        steps[1].decision = Approved;
        assert_eq!(
            evaluate(&steps),
            Evaluation::Waiting {
                open: vec!["manager".into()],
                rank: 2
            }
        );
        steps[0].decision = Approved;
        assert_eq!(evaluate(&steps), Evaluation::Approved);
    }

    #[test]
    fn ranks_need_not_be_consecutive() {
        let steps = [step("late", 10, Pending), step("early", -3, Approved)];
        assert_eq!(
            evaluate(&steps),
            Evaluation::Waiting {
                open: vec!["late".into()],
                rank: 10
            }
        );
    }

    #[test]
    fn one_decline_declines_even_with_its_rank_still_open() {
        let steps = [
            step("fraud", 1, Pending),
            step("credit", 1, Declined),
            step("manager", 2, Pending),
        ];
        assert_eq!(
            evaluate(&steps),
            Evaluation::Declined {
                code: "credit".into()
            }
        );
    }

    #[test]
    fn the_first_decline_by_rank_then_code_is_reported() {
        let steps = [
            step("zeta", 2, Declined),
            step("beta", 1, Declined),
            step("alpha", 1, Declined),
        ];
        assert_eq!(
            evaluate(&steps),
            Evaluation::Declined {
                code: "alpha".into()
            }
        );
    }

    #[test]
    fn all_approved_is_approved() {
        let steps = [
            step("a", 1, Approved),
            step("b", 1, Approved),
            step("c", 2, Approved),
        ];
        assert_eq!(evaluate(&steps), Evaluation::Approved);
    }

    #[test]
    fn may_decide_refuses_later_ranks_decided_steps_and_unknown_codes() {
        let steps = [
            step("credit", 1, Approved),
            step("fraud", 1, Pending),
            step("manager", 2, Pending),
        ];
        assert_eq!(may_decide(&steps, "fraud"), Ok(()));
        assert_eq!(
            may_decide(&steps, "manager"),
            Err(ApprovalError::NotYourTurn {
                waiting_for: vec!["fraud".into()]
            })
        );
        assert_eq!(
            may_decide(&steps, "credit"),
            Err(ApprovalError::AlreadyDecided {
                code: "credit".into(),
                decision: Approved
            })
        );
        assert_eq!(
            may_decide(&steps, "nope"),
            Err(ApprovalError::UnknownReason {
                code: "nope".into()
            })
        );
    }

    #[test]
    fn may_decide_refuses_once_declined() {
        let steps = [step("credit", 1, Declined), step("fraud", 1, Pending)];
        assert_eq!(
            may_decide(&steps, "fraud"),
            Err(ApprovalError::OrderDeclined {
                code: "credit".into()
            })
        );
        assert_eq!(
            may_decide(&steps, "credit"),
            Err(ApprovalError::AlreadyDecided {
                code: "credit".into(),
                decision: Declined
            })
        );
    }

    #[test]
    fn error_messages_read_well() {
        let not_yet = ApprovalError::NotYourTurn {
            waiting_for: vec!["credit".into(), "fraud".into()],
        };
        assert_eq!(
            not_yet.to_string(),
            "approval \"credit\", \"fraud\" must be decided first"
        );
        let decided = ApprovalError::AlreadyDecided {
            code: "credit".into(),
            decision: Declined,
        };
        assert_eq!(
            decided.to_string(),
            "approval \"credit\" was already declined"
        );
    }

    #[test]
    fn applicable_filters_by_condition_and_sorts_by_rank_then_code() {
        let reasons = [
            reason("manager", 2, Condition::TotalAbove { minor: 50_000 }),
            reason("welcome", 1, Condition::FirstOrder),
            reason(
                "credit",
                1,
                Condition::PaymentMethod {
                    method: "invoice".into(),
                },
            ),
            reason("audit", 3, Condition::Always),
        ];
        let codes = |f: &OrderFacts| -> Vec<&str> {
            applicable(&reasons, f)
                .iter()
                .map(|r| r.code.as_str())
                .collect()
        };
        assert_eq!(codes(&facts(10_000, "card", false)), ["audit"]);
        assert_eq!(
            codes(&facts(50_001, "Invoice", true)),
            ["credit", "welcome", "manager", "audit"]
        );
        // Exactly the threshold is not above it.
        assert_eq!(codes(&facts(50_000, "card", false)), ["audit"]);
    }

    #[test]
    fn conditions_describe_themselves() {
        assert_eq!(
            Condition::TotalAbove { minor: 50_000 }.describe(),
            "order total above €500.00"
        );
        assert_eq!(
            Condition::TotalAbove { minor: 1_005 }.describe(),
            "order total above €10.05"
        );
        assert_eq!(
            Condition::TotalAbove { minor: -150 }.describe(),
            "order total above -€1.50"
        );
        assert_eq!(
            Condition::TotalAbove { minor: i64::MIN }.describe(),
            "order total above -€92233720368547758.08"
        );
        assert_eq!(
            Condition::PaymentMethod {
                method: "invoice".into()
            }
            .describe(),
            "payment by invoice"
        );
        assert_eq!(
            Condition::PaymentMethod {
                method: "in_store".into()
            }
            .describe(),
            "payment in store"
        );
        assert_eq!(
            Condition::FirstOrder.describe(),
            "first order of the customer"
        );
        assert_eq!(Condition::Always.describe(), "always");
    }

    #[test]
    fn conditions_are_stored_as_tagged_json() {
        let cases = [
            (Condition::Always, r#"{"kind":"always"}"#),
            (
                Condition::TotalAbove { minor: 50_000 },
                r#"{"kind":"total_above","minor":50000}"#,
            ),
            (
                Condition::PaymentMethod {
                    method: "invoice".into(),
                },
                r#"{"kind":"payment_method","method":"invoice"}"#,
            ),
            (Condition::FirstOrder, r#"{"kind":"first_order"}"#),
        ];
        for (condition, json) in cases {
            assert_eq!(serde_json::to_string(&condition).unwrap(), json);
            assert_eq!(serde_json::from_str::<Condition>(json).unwrap(), condition);
        }
        assert!(serde_json::from_str::<Condition>(r#"{"kind":"moon_phase"}"#).is_err());
    }

    #[test]
    fn decisions_and_approvers_round_trip() {
        for d in Decision::ALL {
            assert_eq!(Decision::parse(d.as_str()), Some(d));
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", d.as_str())
            );
        }
        for a in Approver::ALL {
            assert_eq!(Approver::parse(a.as_str()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.as_str())
            );
        }
        assert_eq!(Decision::parse("Approved"), None);
        assert_eq!(Approver::parse(""), None);
    }

    fn any_steps() -> impl Strategy<Value = Vec<ApprovalStep>> {
        prop::collection::vec(
            (
                0usize..6,
                0i32..4,
                prop::sample::select(Decision::ALL.to_vec()),
            ),
            0..8,
        )
        .prop_map(|raw| {
            // Codes unique within a round, as the database keeps them.
            let mut seen = std::collections::BTreeSet::new();
            raw.into_iter()
                .filter(|(code, _, _)| seen.insert(*code))
                .map(|(code, rank, decision)| step(&format!("r{code}"), rank, decision))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn evaluation_is_consistent(steps in any_steps()) {
            let any_declined = steps.iter().any(|s| s.decision == Declined);
            let all_approved = steps.iter().all(|s| s.decision == Approved);
            match evaluate(&steps) {
                Evaluation::Approved => prop_assert!(all_approved),
                Evaluation::Declined { code } => {
                    prop_assert!(steps.iter().any(|s| s.code == code && s.decision == Declined));
                }
                Evaluation::Waiting { open, rank } => {
                    prop_assert!(!any_declined);
                    prop_assert!(!open.is_empty());
                    for code in &open {
                        let s = steps.iter().find(|s| &s.code == code).unwrap();
                        prop_assert_eq!(s.rank, rank);
                        prop_assert_eq!(s.decision, Pending);
                    }
                    // Every lower rank is fully approved.
                    prop_assert!(steps.iter().filter(|s| s.rank < rank).all(|s| s.decision == Approved));
                }
            }
            prop_assert_eq!(evaluate(&steps) == Evaluation::Approved, all_approved);
        }

        #[test]
        fn may_decide_allows_exactly_the_open_steps(steps in any_steps()) {
            let open = match evaluate(&steps) {
                Evaluation::Waiting { open, .. } => open,
                _ => Vec::new(),
            };
            for s in &steps {
                prop_assert_eq!(may_decide(&steps, &s.code).is_ok(), open.contains(&s.code));
            }
        }
    }
}
