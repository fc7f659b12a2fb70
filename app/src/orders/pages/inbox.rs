//! The order desk's task inboxes: approvals to give, location decisions to
//! make, stopped orders to correct.

use super::DESK_PATH;
use super::order::ApprovalButtons;
use crate::fulfilment::pages::format_when;
use crate::orders::api::{DecideOrderApproval, get_order_inboxes, order_path};
use crate::orders::model::InboxItem;
use crate::ui::form::FormAlert;
use crate::ui::money::format_money;
use crate::ui::status::{ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;

const INBOX_PATH: &str = "/admin/orders/inbox";

#[component]
pub fn InboxPage() -> impl IntoView {
    let decide = ServerAction::<DecideOrderApproval>::new();
    let inboxes = Resource::new(move || decide.version().get(), |_| get_order_inboxes());
    let error = Signal::derive(move || decide.value().get().and_then(Result::err));
    view! {
        <Title text="Task inbox · Orders"/>
        <nav class="breadcrumbs" aria-label="Breadcrumb"><a href=DESK_PATH>"Orders"</a> " / Task inbox"</nav>
        <header class="page-header">
            <div>
                <h1>"Task inbox"</h1>
                <p class="muted">"Orders that wait for a person: approvals, location decisions, stopped orders."</p>
            </div>
        </header>
        <FormAlert error/>
        <Suspense fallback=|| view! { <Loading label="Loading the inbox…"/> }>
            {move || Suspend::new(async move {
                match inboxes.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(inboxes) => view! {
                        <Inbox id="approvals" title="Approvals" empty="No order waits for an approval." items=inboxes.approvals decide/>
                        <Inbox id="routing" title="Location decisions" empty="Every order has a location." items=inboxes.routing decide/>
                        <Inbox id="stopped" title="Stopped orders" empty="No order is stopped." items=inboxes.stopped decide/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Inbox(
    id: &'static str,
    title: &'static str,
    empty: &'static str,
    items: Vec<InboxItem>,
    decide: ServerAction<DecideOrderApproval>,
) -> impl IntoView {
    let heading = format!("{id}-heading");
    view! {
        <section class="card" aria-labelledby=heading.clone() id=id>
            <h2 id=heading.clone()>{title} " " <span class="count">{items.len()}</span></h2>
            {if items.is_empty() {
                view! { <p class="muted">{empty}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">"Order"</th><th scope="col">"Customer"</th><th scope="col">"Since"</th>
                                    <th scope="col" class="num">"Total"</th><th scope="col">"What is asked"</th><th scope="col">"Action"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {items.into_iter().map(|item| view! {
                                    <tr>
                                        <td><a href=order_path(&item.number)>{item.number.clone()}</a><br/><span class="muted small">{item.channel.clone()}</span></td>
                                        <td>{item.customer.clone()}</td>
                                        <td>{format_when(item.since)}</td>
                                        <td class="num">{format_money(item.total_minor, &item.currency)}</td>
                                        <td>{item.subject.clone()}</td>
                                        <td>{match item.reason.clone() {
                                            Some(reason) => view! {
                                                <ApprovalButtons number=item.number.clone() reason action=decide back=format!("{INBOX_PATH}#{id}")/>
                                            }.into_any(),
                                            None => view! { <a class="button" href=order_path(&item.number)>"Open"</a> }.into_any(),
                                        }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
