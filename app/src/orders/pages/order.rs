//! One order on the desk: where it is, why, what happened, and what staff
//! can do about it.

use super::returns::{Documents, Payment, Returns};
use super::{DESK_PATH, OrderStatusBadge};
use crate::error::AppError;
use crate::fulfilment::model::request_path;
use crate::fulfilment::pages::format_when;
use crate::inventory::pages::components::long_date;
use crate::orders::api::{
    AdvanceOrderReturn, CancelOrder, CancelOrderLines, ChooseOrderLocation, CreateOrderReturn,
    DecideOrderApproval, HoldOrder, ResumeOrder, RouteOrderAgain, get_order_view,
};
use crate::orders::lifecycle::{OrderStatus, TaskKind};
use crate::orders::model::{OrderDetail, OrderView, PlanTask, RoutingView, TimelineEntry};
use crate::orders::routing::Verdict;
use crate::ui::form::{FormAlert, SubmitButton};
use crate::ui::money::format_money;
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The page's actions, created with the page so that the errors of posts
/// made without JavaScript come back to them.
#[derive(Clone, Copy)]
struct Actions {
    decide: ServerAction<DecideOrderApproval>,
    resume: ServerAction<ResumeOrder>,
    hold: ServerAction<HoldOrder>,
    cancel: ServerAction<CancelOrder>,
    cancel_lines: ServerAction<CancelOrderLines>,
    choose: ServerAction<ChooseOrderLocation>,
    create_return: ServerAction<CreateOrderReturn>,
    advance_return: ServerAction<AdvanceOrderReturn>,
    reroute: ServerAction<RouteOrderAgain>,
}

impl Actions {
    fn version(self) -> usize {
        self.decide.version().get()
            + self.resume.version().get()
            + self.hold.version().get()
            + self.cancel.version().get()
            + self.cancel_lines.version().get()
            + self.choose.version().get()
            + self.create_return.version().get()
            + self.advance_return.version().get()
            + self.reroute.version().get()
    }

    fn error(self) -> Signal<Option<AppError>> {
        Signal::derive(move || {
            [
                self.decide.value().get().and_then(Result::err),
                self.resume.value().get().and_then(Result::err),
                self.hold.value().get().and_then(Result::err),
                self.cancel.value().get().and_then(Result::err),
                self.cancel_lines.value().get().and_then(Result::err),
                self.choose.value().get().and_then(Result::err),
                self.create_return.value().get().and_then(Result::err),
                self.advance_return.value().get().and_then(Result::err),
                self.reroute.value().get().and_then(Result::err),
            ]
            .into_iter()
            .flatten()
            .next()
        })
    }
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let actions = Actions {
        decide: ServerAction::new(),
        resume: ServerAction::new(),
        hold: ServerAction::new(),
        cancel: ServerAction::new(),
        cancel_lines: ServerAction::new(),
        choose: ServerAction::new(),
        create_return: ServerAction::new(),
        advance_return: ServerAction::new(),
        reroute: ServerAction::new(),
    };
    let view = Resource::new(
        move || {
            (
                params.read().get("number").unwrap_or_default(),
                actions.version(),
            )
        },
        |(number, _)| get_order_view(number),
    );
    view! {
        <Suspense fallback=|| view! { <Loading label="Loading the order…"/> }>
            {move || Suspend::new(async move {
                match view.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Order"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(view) => view! { <Order view actions/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Order(view: OrderView, actions: Actions) -> impl IntoView {
    let OrderView {
        order,
        timeline,
        plan,
        routing,
        locations,
        documents,
    } = view;
    let status = OrderStatus::parse(&order.status);
    let number = order.number.clone();
    let cancel_number = order.number.clone();
    let resume_number = order.number.clone();
    let choose_number = order.number.clone();
    let stopped = order.status == "invalid" || plan.iter().any(|t| t.state == "failed");
    let needs_location = matches!(
        status,
        Some(OrderStatus::CheckAnnounced | OrderStatus::NotAnnounced)
    );
    let open = status.is_some_and(|s| !s.is_terminal());
    // Routed and nothing picked yet (the server checks again).
    let reroutable = matches!(
        status,
        Some(
            OrderStatus::Routed
                | OrderStatus::AwaitingApproval
                | OrderStatus::Approved
                | OrderStatus::Submitted
        )
    ) && order
        .fulfilment_requests
        .iter()
        .all(|p| matches!(p.status.as_str(), "planned" | "submitted" | "cancelled"));
    let reroute_number = order.number.clone();
    view! {
        <Title text=format!("{} · Orders", order.number)/>
        <nav class="breadcrumbs" aria-label="Breadcrumb"><a href=DESK_PATH>"Orders"</a> " / " {order.number.clone()}</nav>
        <header class="page-header">
            <div>
                <h1>{order.number.clone()} " " <OrderStatusBadge status=order.status.clone()/>
                    {order.on_hold.then(|| view! { " " <span class="badge status-held">"On hold"</span> })}
                </h1>
                <p class="muted">
                    {format!("{} · placed {} · {} · {}", order.channel, format_when(order.placed_at), order.email, format_money(order.total_minor, &order.currency))}
                    {(!order.external_reference.is_empty()).then(|| format!(" · their reference {}", order.external_reference))}
                </p>
            </div>
        </header>
        <FormAlert error=actions.error()/>
        {order.on_hold.then(|| view! { <div class="alert warning" role="status">"On hold: " {order.hold_reason.clone()}</div> })}
        {(!order.validation_errors.is_empty()).then(|| view! {
            <section class="alert error" aria-labelledby="problems-heading">
                <h2 id="problems-heading">"Stopped: correct these, then resume"</h2>
                <ul>{order.validation_errors.iter().map(|p| view! { <li>{p.message.clone()}</li> }).collect_view()}</ul>
            </section>
        })}
        <section class="card order-actions" aria-label="Actions" hidden=!(open || stopped)>
            {stopped.then(|| view! {
                <ActionForm action=actions.resume attr:class="inline-form">
                    <input type="hidden" name="number" value=resume_number.clone()/>
                    <SubmitButton label="Resume" busy_label="Resuming…" pending=actions.resume.pending()/>
                </ActionForm>
            })}
            {needs_location.then(|| view! {
                <ActionForm action=actions.choose attr:class="inline-form">
                    <input type="hidden" name="number" value=choose_number.clone()/>
                    <label for="choose-location">"Ship from"</label>
                    <select id="choose-location" name="location" required=true>
                        {locations.iter().map(|(code, name)| view! { <option value=code.clone()>{format!("{code} · {name}")}</option> }).collect_view()}
                    </select>
                    <SubmitButton label="Use this location" busy_label="Routing…" pending=actions.choose.pending()/>
                </ActionForm>
            })}
            {open.then(|| if order.on_hold {
                view! {
                    <ActionForm action=actions.hold attr:class="inline-form">
                        <input type="hidden" name="number" value=number.clone()/>
                        <input type="hidden" name="hold" value="0"/>
                        <SubmitButton label="Release hold" busy_label="Releasing…" pending=actions.hold.pending() class="button"/>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <ActionForm action=actions.hold attr:class="inline-form">
                        <input type="hidden" name="number" value=number.clone()/>
                        <input type="hidden" name="hold" value="1"/>
                        <label for="hold-reason">"Hold because"</label>
                        <input id="hold-reason" name="reason" required=true placeholder="e.g. customer called"/>
                        <SubmitButton label="Hold" busy_label="Holding…" pending=actions.hold.pending() class="button"/>
                    </ActionForm>
                }.into_any()
            })}
            {reroutable.then(|| view! {
                <ActionForm action=actions.reroute attr:class="inline-form">
                    <input type="hidden" name="number" value=reroute_number.clone()/>
                    <label for="reroute-reason">"Route again because"</label>
                    <input id="reroute-reason" name="reason" required=true placeholder="e.g. stock arrived at the store"/>
                    <SubmitButton label="Route again" busy_label="Routing…" pending=actions.reroute.pending() class="button"/>
                </ActionForm>
            })}
            {open.then(|| view! {
                <ActionForm action=actions.cancel attr:class="inline-form">
                    <input type="hidden" name="number" value=cancel_number.clone()/>
                    <label for="cancel-reason">"Cancel because"</label>
                    <input id="cancel-reason" name="reason" required=true placeholder="e.g. customer's request"/>
                    <SubmitButton label="Cancel order" busy_label="Cancelling…" pending=actions.cancel.pending() class="button danger"/>
                </ActionForm>
            })}
        </section>
        <Approvals order=order.clone() actions/>
        <Lines order=order.clone() action=actions.cancel_lines open/>
        <Parts order=order.clone()/>
        <Documents order_number=order.number.clone() documents/>
        <Payment payment=order.payment.clone() currency=order.currency.clone()/>
        <Returns order=order.clone() create=actions.create_return advance=actions.advance_return/>
        <Messages messages=order.messages.clone()/>
        {routing.map(|routing| view! { <Routing routing/> })}
        <Plan plan/>
        <Timeline timeline/>
    }
}

#[component]
fn Approvals(order: OrderDetail, actions: Actions) -> impl IntoView {
    if order.approvals.is_empty() {
        return ().into_any();
    }
    let round = order.approvals.iter().map(|a| a.round).max().unwrap_or(1);
    let current_rank = order
        .approvals
        .iter()
        .filter(|a| a.round == round && a.decision == "pending")
        .map(|a| a.rank)
        .min();
    let awaiting = order.status == "awaiting_approval";
    view! {
        <section class="card" aria-labelledby="approvals-heading">
            <h2 id="approvals-heading">"Approvals"</h2>
            <table class="table">
                <thead><tr><th scope="col">"Reason"</th><th scope="col">"Step"</th><th scope="col">"Approver"</th><th scope="col">"Decision"</th><th scope="col">"Comment"</th></tr></thead>
                <tbody>
                    {order.approvals.iter().map(|a| {
                        let decidable = awaiting && a.round == round && a.decision == "pending"
                            && a.approver == "staff" && Some(a.rank) == current_rank;
                        let number = order.number.clone();
                        view! {
                            <tr>
                                <td>{a.name.clone()}</td>
                                <td>{format!("round {}, rank {}", a.round, a.rank)}</td>
                                <td>{if a.approver == "staff" { "Staff" } else { "External system" }}</td>
                                <td>
                                    {if decidable {
                                        view! { <ApprovalButtons number reason=a.reason.clone() action=actions.decide back=String::new()/> }.into_any()
                                    } else {
                                        view! { <span class=format!("badge approval-{}", a.decision)>{a.decision.clone()}</span> }.into_any()
                                    }}
                                </td>
                                <td>{a.comment.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

/// Approve or decline one reason (with an optional comment).
#[component]
pub fn ApprovalButtons(
    number: String,
    reason: String,
    action: ServerAction<DecideOrderApproval>,
    back: String,
) -> impl IntoView {
    let comment_id = format!("comment-{number}-{reason}");
    view! {
        <ActionForm action attr:class="inline-form approval-form">
            <input type="hidden" name="number" value=number.clone()/>
            <input type="hidden" name="reason" value=reason/>
            <input type="hidden" name="back" value=back/>
            <label class="visually-hidden" for=comment_id.clone()>{format!("Comment on {number}")}</label>
            <input id=comment_id name="comment" placeholder="Comment (optional)"/>
            <button type="submit" name="decision" value="approved" class="button primary" disabled=action.pending()>"Approve"</button>
            <button type="submit" name="decision" value="declined" class="button danger" disabled=action.pending()>"Decline"</button>
        </ActionForm>
    }
}

/// The lines; while the order is open, lines can be ticked and cancelled.
#[component]
fn Lines(order: OrderDetail, action: ServerAction<CancelOrderLines>, open: bool) -> impl IntoView {
    let number = order.number.clone();
    view! {
        <section class="card" aria-labelledby="lines-heading">
            <h2 id="lines-heading">"Lines"</h2>
            <ActionForm action attr:aria-label="Cancel lines">
                <input type="hidden" name="number" value=number/>
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                {open.then(|| view! { <th scope="col"><span class="visually-hidden">"Cancel"</span></th> })}
                                <th scope="col" class="num">"#"</th><th scope="col">"SKU"</th><th scope="col">"Item"</th>
                                <th scope="col" class="num">"Qty"</th><th scope="col" class="num">"Cancelled"</th>
                                <th scope="col" class="num">"Price"</th><th scope="col">"Planned ship date"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {order.lines.iter().cloned().map(|l| {
                                let cancellable = open && l.cancelled_quantity < l.quantity;
                                view! {
                                    <tr>
                                        {open.then(|| view! {
                                            <td>{cancellable.then(|| view! {
                                                <input type="checkbox" name="lines[]" value=l.line_no.to_string()
                                                    aria-label=format!("Cancel line {}", l.line_no)/>
                                            })}</td>
                                        })}
                                        <td class="num">{l.line_no}</td>
                                        <td><a href=format!("/admin/inventory/sku/{}", l.sku)>{l.sku.clone()}</a></td>
                                        <td>{l.description}</td>
                                        <td class="num">{l.quantity}</td>
                                        <td class="num">{l.cancelled_quantity}</td>
                                        <td class="num">{format_money(l.unit_price_minor, &order.currency)}</td>
                                        <td>{l.planned_ship_date.map(long_date).unwrap_or_else(|| "—".into())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {open.then(|| view! {
                    <div class="inline-form">
                        <label for="cancel-lines-reason">"Cancel the ticked lines because"</label>
                        <input id="cancel-lines-reason" name="reason" placeholder="e.g. out of stock for too long"/>
                        <SubmitButton label="Cancel lines" busy_label="Cancelling…" pending=action.pending() class="button"/>
                    </div>
                })}
            </ActionForm>
            <p class="muted">{format!("Ships to {}, {} {}, {}", order.ship_to.name, order.ship_to.postal_code, order.ship_to.city, order.ship_to.country)}</p>
        </section>
    }
}

#[component]
fn Parts(order: OrderDetail) -> impl IntoView {
    if order.fulfilment_requests.is_empty() {
        return view! {
            <section class="card"><h2>"Fulfilment"</h2><p class="muted">"Not routed to a location yet."</p></section>
        }
        .into_any();
    }
    view! {
        <section class="card" aria-labelledby="parts-heading">
            <h2 id="parts-heading">{format!("Fulfilment: {} part{}", order.fulfilment_requests.len(), if order.fulfilment_requests.len() == 1 { "" } else { "s" })}</h2>
            <div class="parts">
                {order.fulfilment_requests.iter().map(|p| {
                    let shipment = order.shipments.iter().find(|s| s.fulfilment_request == p.number).cloned();
                    view! {
                        <article class="part">
                            <h3><a href=request_path(&p.number)>{p.number.clone()}</a> " · " {p.location.clone()}
                                " " <span class=format!("badge fr-status status-{}", p.status)>{p.status.clone()}</span></h3>
                            <p class="muted">{p.location_name.clone()} {p.planned_ship_date.map(|d| format!(" · ships {}", long_date(d)))}</p>
                            <ul>
                                {p.lines.iter().map(|l| view! {
                                    <li>{format!("Line {}: {} × {}", l.line_no, l.quantity, l.sku)}
                                        {(!l.reserved).then(|| view! { " " <span class="badge">"from incoming supply"</span> })}</li>
                                }).collect_view()}
                            </ul>
                            {shipment.map(|s| view! {
                                <p>{format!("Shipped {} with {}", format_when(s.shipped_at), s.carrier)}
                                   {(!s.tracking_number.is_empty()).then(|| format!(", tracking {}", s.tracking_number))}
                                   {s.delivered_at.map(|d| format!("; delivered {}", format_when(d)))}
                                   {s.signed_by.map(|n| format!(", signed by {n}"))}</p>
                            })}
                        </article>
                    }
                }).collect_view()}
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn Routing(routing: RoutingView) -> impl IntoView {
    let verdict = |v: &Verdict| match v {
        Verdict::Chosen => ("Chosen", "chosen"),
        Verdict::NotNeeded => ("Not needed", "not-needed"),
        Verdict::Rejected => ("Rejected", "rejected"),
    };
    view! {
        <section class="card" aria-labelledby="routing-heading">
            <h2 id="routing-heading">"Routing decision"</h2>
            <p class="muted">{format!("{} · {} · ship by {} at the latest", format_when(routing.decided_at), routing.outcome.replace('_', " "), long_date(routing.decision.deadline))}</p>
            <table class="table">
                <thead><tr><th scope="col">"Location"</th><th scope="col">"Verdict"</th><th scope="col">"Why"</th></tr></thead>
                <tbody>
                    {routing.decision.reasons.iter().map(|r| {
                        let (label, class) = verdict(&r.verdict);
                        view! {
                            <tr>
                                <td>{r.location_code.clone()}</td>
                                <td><span class=format!("badge verdict-{class}")>{label}</span></td>
                                <td>{r.reason.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// The plan as chains of tasks: the order's own, then one per fulfilment
/// request (each starts when the order's response is out).
#[component]
fn Plan(plan: Vec<PlanTask>) -> impl IntoView {
    if plan.is_empty() {
        return ().into_any();
    }
    let mut groups: Vec<(Option<String>, Vec<PlanTask>)> = Vec::new();
    for task in plan {
        match groups
            .iter_mut()
            .find(|(request, _)| *request == task.request)
        {
            Some((_, tasks)) => tasks.push(task),
            None => groups.push((task.request.clone(), vec![task])),
        }
    }
    view! {
        <section class="card" aria-labelledby="plan-heading">
            <h2 id="plan-heading">"Plan"</h2>
            {groups.into_iter().map(|(request, tasks)| view! {
                <div class="plan-group">
                    <h3 class="small">{request.map_or("Order".to_owned(), |r| format!("Fulfilment {r}"))}</h3>
                    <ol class="plan" aria-label="Tasks in order">
                        {tasks.into_iter().map(|t| {
                            let label = TaskKind::parse(&t.kind).map_or(t.kind.clone(), |k| k.label().to_owned());
                            let detail = match (t.state.as_str(), &t.last_error) {
                                ("failed", Some(e)) => format!("failed: {e}"),
                                ("waiting", _) if !t.waiting_for.is_empty() => format!("waiting for {}", t.waiting_for),
                                (state, Some(e)) if t.attempts > 0 => format!("{state}, {} attempt(s), last error: {e}", t.attempts),
                                (state, _) => state.to_owned(),
                            };
                            view! {
                                <li class=format!("task task-{}", t.state) title=format!("Task {} after {:?}", t.id, t.depends_on)>
                                    <span class="task-name">{label}</span>
                                    <span class="task-state">{detail}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </div>
            }).collect_view()}
        </section>
    }
    .into_any()
}

#[component]
fn Timeline(timeline: Vec<TimelineEntry>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <ol class="timeline">
                {timeline.into_iter().rev().map(|e| {
                    let who = e.actor.clone().unwrap_or_else(|| match e.actor_kind.as_str() {
                        "api" => "API".to_owned(),
                        "system" => "Order process".to_owned(),
                        other => other.to_owned(),
                    });
                    let change = match (&e.from_status, &e.to_status) {
                        (Some(from), Some(to)) => format!("{} → {}", label_of(from), label_of(to)),
                        _ => String::new(),
                    };
                    view! {
                        <li>
                            <time>{format_when(e.at)}</time>
                            <span class="muted">{format!(" · {who}")}</span>
                            {(!change.is_empty()).then(|| view! { " " <strong>{change}</strong> })}
                            <p>{e.message}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn label_of(status: &str) -> String {
    OrderStatus::parse(status).map_or_else(|| status.to_owned(), |s| s.label().to_owned())
}

/// What the customer was told, as the mail outbox holds it.
#[component]
fn Messages(messages: Vec<crate::orders::model::CustomerMessage>) -> impl IntoView {
    (!messages.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="messages-heading">
                <h2 id="messages-heading">"Messages to the customer"</h2>
                {messages.into_iter().map(|m| view! {
                    <details class="details">
                        <summary>
                            {m.subject} " · " {m.to_email} " · "
                            {crate::fulfilment::pages::format_when(m.created_at)}
                            {if m.sent_at.is_some() { " · sent" } else { " · waiting for a mail sender" }}
                        </summary>
                        <pre class="message-body">{m.body}</pre>
                    </details>
                }).collect_view()}
            </section>
        }
    })
}
