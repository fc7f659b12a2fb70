//! The order's state machine and the plans of tasks that move it along.
//! Pure data and rules: the database layer checks every status change here
//! and stores the plans as tasks with dependencies.

use serde::{Deserialize, Serialize};

/// Where an order is. Stored and sent as snake_case text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Taken in from a channel, not yet checked.
    Captured,
    /// Failed validation; waits for staff to correct it.
    Invalid,
    Validated,
    /// Routing found no clear location: staff decide.
    CheckAnnounced,
    /// No location can deliver it.
    NotAnnounced,
    Routed,
    AwaitingApproval,
    Approved,
    /// An approval was declined; the process cancels the order next.
    Declined,
    /// Handed to the locations as fulfilment requests.
    Submitted,
    PartiallyShipped,
    Shipped,
    Completed,
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 14] = [
        OrderStatus::Captured,
        OrderStatus::Invalid,
        OrderStatus::Validated,
        OrderStatus::CheckAnnounced,
        OrderStatus::NotAnnounced,
        OrderStatus::Routed,
        OrderStatus::AwaitingApproval,
        OrderStatus::Approved,
        OrderStatus::Declined,
        OrderStatus::Submitted,
        OrderStatus::PartiallyShipped,
        OrderStatus::Shipped,
        OrderStatus::Completed,
        OrderStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Captured => "captured",
            OrderStatus::Invalid => "invalid",
            OrderStatus::Validated => "validated",
            OrderStatus::CheckAnnounced => "check_announced",
            OrderStatus::NotAnnounced => "not_announced",
            OrderStatus::Routed => "routed",
            OrderStatus::AwaitingApproval => "awaiting_approval",
            OrderStatus::Approved => "approved",
            OrderStatus::Declined => "declined",
            OrderStatus::Submitted => "submitted",
            OrderStatus::PartiallyShipped => "partially_shipped",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Completed => "completed",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<OrderStatus> {
        OrderStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// For staff: says what the status means for them, not the internal name.
    pub fn label(self) -> &'static str {
        match self {
            OrderStatus::Captured => "Received",
            OrderStatus::Invalid => "Validation failed",
            OrderStatus::Validated => "Validated",
            OrderStatus::CheckAnnounced => "Needs a location decision",
            OrderStatus::NotAnnounced => "Cannot be delivered",
            OrderStatus::Routed => "Routed",
            OrderStatus::AwaitingApproval => "Awaiting approval",
            OrderStatus::Approved => "Approved",
            OrderStatus::Declined => "Declined",
            OrderStatus::Submitted => "Sent to fulfilment",
            OrderStatus::PartiallyShipped => "Partly shipped",
            OrderStatus::Shipped => "Shipped",
            OrderStatus::Completed => "Completed",
            OrderStatus::Cancelled => "Cancelled",
        }
    }

    /// No way out: nothing can happen to the order any more. `Declined` is
    /// not terminal, because the process still moves it on to `Cancelled`
    /// (releasing its stock); only that one step is left to it.
    pub fn is_terminal(self) -> bool {
        Self::allowed_next(self).is_empty()
    }

    /// The statuses an order may move to from `self`: the whole state
    /// machine, in one table.
    pub fn allowed_next(self) -> &'static [OrderStatus] {
        use OrderStatus::*;
        match self {
            Captured => &[Validated, Invalid, Cancelled],
            // Staff corrected it: back to captured, so validation runs again,
            // or (a risk review cleared) on as validated.
            Invalid => &[Captured, Validated, Cancelled],
            // The asynchronous check (risk score) may still stop it.
            Validated => &[Routed, CheckAnnounced, NotAnnounced, Invalid, Cancelled],
            CheckAnnounced => &[Routed, NotAnnounced, Cancelled],
            // Validated again: routing is tried again (stock may have come
            // in); trying again may also find it deliverable but late.
            NotAnnounced => &[Validated, Routed, CheckAnnounced, Cancelled],
            // Validated again: staff route it again (stock moved, a
            // location closed) before the goods leave.
            Routed => &[AwaitingApproval, Approved, Validated, Cancelled],
            AwaitingApproval => &[Approved, Declined, Validated, Cancelled],
            // Validated again: an approval that requires routing again sends
            // the order back through routing.
            Approved => &[Validated, Submitted, Cancelled],
            Declined => &[Cancelled],
            Submitted => &[PartiallyShipped, Shipped, Completed, Validated, Cancelled],
            // Goods are out of the door: no cancelling the order as a whole.
            PartiallyShipped => &[Shipped, Completed],
            Shipped => &[Completed],
            Completed | Cancelled => &[],
        }
    }

    /// Lower case words for sentences ("awaiting approval").
    fn words(self) -> String {
        self.as_str().replace('_', " ")
    }
}

pub fn can_transition(from: OrderStatus, to: OrderStatus) -> bool {
    from.allowed_next().contains(&to)
}

/// A status change the state machine does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an order that is {} cannot become {}", .from.words(), .to.words())]
pub struct TransitionError {
    pub from: OrderStatus,
    pub to: OrderStatus,
}

pub fn transition(from: OrderStatus, to: OrderStatus) -> Result<OrderStatus, TransitionError> {
    if can_transition(from, to) {
        Ok(to)
    } else {
        Err(TransitionError { from, to })
    }
}

/// One kind of work in an order's plan. Stored as snake_case text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    Validate,
    /// Fraud/risk score.
    Score,
    Route,
    Approve,
    /// Tells the channel whether the order is accepted.
    Respond,
    /// Delivery notes and labels for a fulfilment request.
    Documents,
    /// Hands a fulfilment request to its location.
    Submit,
    /// The warehouse ships (an outside event).
    Ship,
    /// The payment is captured (an outside event).
    Capture,
    /// The invoice is issued (an outside event).
    Invoice,
    /// Tells the channel a request has shipped.
    Notify,
    Complete,
}

impl TaskKind {
    pub const ALL: [TaskKind; 12] = [
        TaskKind::Validate,
        TaskKind::Score,
        TaskKind::Route,
        TaskKind::Approve,
        TaskKind::Respond,
        TaskKind::Documents,
        TaskKind::Submit,
        TaskKind::Ship,
        TaskKind::Capture,
        TaskKind::Invoice,
        TaskKind::Notify,
        TaskKind::Complete,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Validate => "validate",
            TaskKind::Score => "score",
            TaskKind::Route => "route",
            TaskKind::Approve => "approve",
            TaskKind::Respond => "respond",
            TaskKind::Documents => "documents",
            TaskKind::Submit => "submit",
            TaskKind::Ship => "ship",
            TaskKind::Capture => "capture",
            TaskKind::Invoice => "invoice",
            TaskKind::Notify => "notify",
            TaskKind::Complete => "complete",
        }
    }

    pub fn parse(text: &str) -> Option<TaskKind> {
        TaskKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// A noun for staff, so it reads in "Shipping happens outside the workers".
    pub fn label(self) -> &'static str {
        match self {
            TaskKind::Validate => "Validation",
            TaskKind::Score => "Risk scoring",
            TaskKind::Route => "Routing",
            TaskKind::Approve => "Approval",
            TaskKind::Respond => "Response to the channel",
            TaskKind::Documents => "Documents",
            TaskKind::Submit => "Submission to the location",
            TaskKind::Ship => "Shipping",
            TaskKind::Capture => "Payment capture",
            TaskKind::Invoice => "Invoicing",
            TaskKind::Notify => "Shipping notice",
            TaskKind::Complete => "Completion",
        }
    }
}

/// One task of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedTask {
    pub kind: TaskKind,
    /// Indices into the plan of the tasks that must be done first.
    pub depends_on: Vec<usize>,
    /// Done by an outside event (e.g. Ship: the warehouse ships), never run
    /// by a worker.
    pub waits_for_event: bool,
}

impl PlannedTask {
    fn run_after(kind: TaskKind, depends_on: &[usize]) -> PlannedTask {
        PlannedTask {
            kind,
            depends_on: depends_on.to_vec(),
            waits_for_event: false,
        }
    }

    fn event_after(kind: TaskKind, depends_on: &[usize]) -> PlannedTask {
        PlannedTask {
            kind,
            depends_on: depends_on.to_vec(),
            waits_for_event: true,
        }
    }
}

/// The order-level plan: validate → score → route → approve → respond.
pub fn order_plan() -> Vec<PlannedTask> {
    vec![
        PlannedTask::run_after(TaskKind::Validate, &[]),
        PlannedTask::run_after(TaskKind::Score, &[0]),
        PlannedTask::run_after(TaskKind::Route, &[1]),
        PlannedTask::run_after(TaskKind::Approve, &[2]),
        PlannedTask::run_after(TaskKind::Respond, &[3]),
    ]
}

/// Routing again after an approval that asks for it: route → approve (the
/// approvals given stand) → respond.
pub fn reroute_plan() -> Vec<PlannedTask> {
    vec![
        PlannedTask::run_after(TaskKind::Route, &[]),
        PlannedTask::run_after(TaskKind::Approve, &[0]),
        PlannedTask::run_after(TaskKind::Respond, &[1]),
    ]
}

/// The plan of one fulfilment request: documents → submit → ship (an
/// event: the location ships) → capture the shipped goods' payment and,
/// side by side, notify the channel.
pub fn fulfilment_plan() -> Vec<PlannedTask> {
    vec![
        PlannedTask::run_after(TaskKind::Documents, &[]),
        PlannedTask::run_after(TaskKind::Submit, &[0]),
        PlannedTask::event_after(TaskKind::Ship, &[1]),
        PlannedTask::run_after(TaskKind::Capture, &[2]),
        PlannedTask::run_after(TaskKind::Notify, &[2]),
    ]
}

/// Checks a plan is a DAG with valid indices (used by tests and debug
/// asserts). A task may name each dependency once only, because the
/// database counts a task's pending dependencies down one finish at a time.
pub fn is_acyclic(plan: &[PlannedTask]) -> bool {
    let mut waiting_on: Vec<usize> = Vec::with_capacity(plan.len());
    for (index, task) in plan.iter().enumerate() {
        let mut seen = std::collections::BTreeSet::new();
        for &dep in &task.depends_on {
            if dep >= plan.len() || dep == index || !seen.insert(dep) {
                return false;
            }
        }
        waiting_on.push(task.depends_on.len());
    }
    // Kahn: repeatedly finish tasks with nothing left to wait for; a cycle
    // leaves some task waiting for ever.
    let mut ready: Vec<usize> = (0..plan.len()).filter(|&i| waiting_on[i] == 0).collect();
    let mut finished = 0;
    while let Some(done) = ready.pop() {
        finished += 1;
        for (index, task) in plan.iter().enumerate() {
            if task.depends_on.contains(&done) {
                waiting_on[index] -= 1;
                if waiting_on[index] == 0 {
                    ready.push(index);
                }
            }
        }
    }
    finished == plan.len()
}

#[cfg(test)]
mod tests {
    use super::OrderStatus::*;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_status_round_trips() {
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(status.as_str()), Some(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{}\"", status.as_str())
            );
            assert!(!status.label().is_empty());
        }
        assert_eq!(OrderStatus::parse("Shipped"), None);
        assert_eq!(OrderStatus::parse(""), None);
    }

    #[test]
    fn staff_labels() {
        assert_eq!(CheckAnnounced.label(), "Needs a location decision");
        assert_eq!(NotAnnounced.label(), "Cannot be delivered");
        assert_eq!(Invalid.label(), "Validation failed");
    }

    #[test]
    fn terminal_statuses_have_no_way_out() {
        let terminal: Vec<OrderStatus> = OrderStatus::ALL
            .into_iter()
            .filter(|s| s.is_terminal())
            .collect();
        assert_eq!(terminal, [Completed, Cancelled]);
        for from in terminal {
            for to in OrderStatus::ALL {
                assert!(!can_transition(from, to), "{from:?} → {to:?}");
            }
        }
        // Declined only ends in cancelled.
        assert_eq!(Declined.allowed_next(), &[Cancelled]);
    }

    #[test]
    fn allowed_and_refused_transitions() {
        let allowed = [
            (Captured, Validated),
            (Captured, Invalid),
            (Captured, Cancelled),
            (Invalid, Captured),
            (Invalid, Validated),
            (Invalid, Cancelled),
            (Validated, Routed),
            (Validated, CheckAnnounced),
            (Validated, NotAnnounced),
            (Validated, Invalid),
            (Validated, Cancelled),
            (CheckAnnounced, Routed),
            (CheckAnnounced, NotAnnounced),
            (CheckAnnounced, Cancelled),
            (NotAnnounced, Validated),
            (NotAnnounced, Routed),
            (NotAnnounced, CheckAnnounced),
            (NotAnnounced, Cancelled),
            (Routed, AwaitingApproval),
            (Routed, Approved),
            (Routed, Validated),
            (Routed, Cancelled),
            (AwaitingApproval, Approved),
            (AwaitingApproval, Declined),
            (AwaitingApproval, Validated),
            (AwaitingApproval, Cancelled),
            (Approved, Validated),
            (Approved, Submitted),
            (Approved, Cancelled),
            (Declined, Cancelled),
            (Submitted, PartiallyShipped),
            (Submitted, Shipped),
            (Submitted, Completed),
            (Submitted, Validated),
            (Submitted, Cancelled),
            (PartiallyShipped, Shipped),
            (PartiallyShipped, Completed),
            (Shipped, Completed),
        ];
        // The table above is the whole machine: every other pair is refused.
        for from in OrderStatus::ALL {
            for to in OrderStatus::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(can_transition(from, to), expected, "{from:?} → {to:?}");
                assert_eq!(transition(from, to).is_ok(), expected);
            }
        }
        // A few refusals that matter, spelled out.
        for (from, to) in [
            (Shipped, Approved),
            (PartiallyShipped, Cancelled),
            (Shipped, Cancelled),
            (Captured, Routed),
            (Routed, Submitted),
            (AwaitingApproval, Submitted),
            (Declined, Approved),
            (Completed, Cancelled),
            (Cancelled, Captured),
            (Validated, Validated),
        ] {
            assert!(!can_transition(from, to), "{from:?} → {to:?}");
        }
    }

    #[test]
    fn transition_errors_read_well() {
        assert_eq!(transition(Routed, Approved), Ok(Approved));
        let error = transition(Shipped, Approved).unwrap_err();
        assert_eq!(
            error.to_string(),
            "an order that is shipped cannot become approved"
        );
        let error = transition(AwaitingApproval, Submitted).unwrap_err();
        assert_eq!(
            error.to_string(),
            "an order that is awaiting approval cannot become submitted"
        );
    }

    #[test]
    fn every_task_kind_round_trips() {
        for kind in TaskKind::ALL {
            assert_eq!(TaskKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.as_str())
            );
            assert!(!kind.label().is_empty());
        }
        assert_eq!(TaskKind::parse("shipping"), None);
    }

    fn kinds(plan: &[PlannedTask]) -> Vec<TaskKind> {
        plan.iter().map(|t| t.kind).collect()
    }

    #[test]
    fn the_order_plan_is_a_chain() {
        let plan = order_plan();
        assert!(is_acyclic(&plan));
        assert!(plan[0].depends_on.is_empty());
        assert_eq!(
            kinds(&plan),
            [
                TaskKind::Validate,
                TaskKind::Score,
                TaskKind::Route,
                TaskKind::Approve,
                TaskKind::Respond
            ]
        );
        for (i, task) in plan.iter().enumerate().skip(1) {
            assert_eq!(task.depends_on, [i - 1]);
        }
        assert!(plan.iter().all(|t| !t.waits_for_event));
    }

    #[test]
    fn routing_again_skips_validation() {
        let plan = reroute_plan();
        assert!(is_acyclic(&plan));
        assert_eq!(
            kinds(&plan),
            [TaskKind::Route, TaskKind::Approve, TaskKind::Respond]
        );
    }

    #[test]
    fn the_fulfilment_plan_waits_for_outside_events() {
        let plan = fulfilment_plan();
        assert!(is_acyclic(&plan));
        assert!(plan[0].depends_on.is_empty());
        assert_eq!(
            kinds(&plan),
            [
                TaskKind::Documents,
                TaskKind::Submit,
                TaskKind::Ship,
                TaskKind::Capture,
                TaskKind::Notify
            ]
        );
        let waiting: Vec<TaskKind> = plan
            .iter()
            .filter(|t| t.waits_for_event)
            .map(|t| t.kind)
            .collect();
        assert_eq!(waiting, [TaskKind::Ship]);
        let task = |kind| plan.iter().find(|t| t.kind == kind).unwrap();
        let index = |kind| plan.iter().position(|t| t.kind == kind).unwrap();
        assert_eq!(task(TaskKind::Notify).depends_on, [index(TaskKind::Ship)]);
        assert_eq!(task(TaskKind::Capture).depends_on, [index(TaskKind::Ship)]);
    }

    #[test]
    fn malformed_plans_are_refused() {
        let task = |depends_on: &[usize]| PlannedTask::run_after(TaskKind::Validate, depends_on);
        assert!(is_acyclic(&[]));
        assert!(!is_acyclic(&[task(&[0])]), "depends on itself");
        assert!(!is_acyclic(&[task(&[]), task(&[5])]), "index out of range");
        assert!(
            !is_acyclic(&[task(&[]), task(&[0, 0])]),
            "the same dependency twice"
        );
        assert!(!is_acyclic(&[task(&[]), task(&[2]), task(&[1])]), "a cycle");
        assert!(
            is_acyclic(&[task(&[2]), task(&[0]), task(&[])]),
            "order of indices does not matter"
        );
    }

    proptest! {
        #[test]
        fn random_walks_stay_in_the_machine(start in 0usize..14, choices in prop::collection::vec(any::<prop::sample::Index>(), 0..40)) {
            let mut status = OrderStatus::ALL[start];
            for choice in choices {
                let next = status.allowed_next();
                if status.is_terminal() {
                    prop_assert!(next.is_empty());
                    break;
                }
                let to = next[choice.index(next.len())];
                prop_assert!(OrderStatus::ALL.contains(&to));
                prop_assert_eq!(transition(status, to), Ok(to));
                status = to;
            }
            // Once terminal, every attempt to leave is refused.
            if status.is_terminal() {
                for to in OrderStatus::ALL {
                    prop_assert!(transition(status, to).is_err());
                }
            }
        }

        #[test]
        fn plans_with_backward_edges_only_are_acyclic(deps in prop::collection::vec(prop::collection::btree_set(0usize..20, 0..4), 1..20)) {
            // Depending only on earlier tasks can never make a cycle.
            let plan: Vec<PlannedTask> = deps
                .iter()
                .enumerate()
                .map(|(i, d)| PlannedTask::run_after(TaskKind::Route, &d.iter().copied().filter(|&x| x < i).collect::<Vec<_>>()))
                .collect();
            prop_assert!(is_acyclic(&plan));
            // Adding an edge from the first task to the last closes a cycle.
            if plan.len() > 1 {
                let mut cyclic = plan.clone();
                let last = cyclic.len() - 1;
                let mut reachable_from_last = vec![false; cyclic.len()];
                reachable_from_last[last] = true;
                // Only a cycle if the last task (transitively) depends on the first.
                for i in (0..=last).rev() {
                    if reachable_from_last[i] {
                        for &d in &cyclic[i].depends_on {
                            reachable_from_last[d] = true;
                        }
                    }
                }
                cyclic[0].depends_on.push(last);
                prop_assert_eq!(is_acyclic(&cyclic), !reachable_from_last[0]);
            }
        }
    }
}
