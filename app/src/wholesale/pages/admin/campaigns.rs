//! Campaigns: the list, a form for a new one, and one page per campaign
//! with its details, delivery windows, offer, invited companies and the
//! buttons that move it through draft → open → closed → confirmed.

use crate::error::AppError;
use crate::inventory::pages::filters::iso_date;
use crate::ui::form::{FormAlert, ReturnTo, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::{EmptyState, ErrorNotice, Loading, NotFound};
use crate::wholesale::api::staff::{
    AddCampaignStyles, AddCampaignWindow, MoveCampaign, RemoveCampaignStyle, RemoveCampaignWindow,
    SaveCampaign, SetCampaignInvitations, UpdateCampaignStyle, campaign_path, desk_path,
    get_campaign, get_campaigns, get_categories,
};
use crate::wholesale::model::{CampaignDetail, CampaignMove, CampaignState, CategoryOption};
use crate::wholesale::pages::{Column::*, ListTable};
use crate::wholesale::rules::campaign_may_move;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

const PATH: &str = "/admin/wholesale/campaigns";

/// The badge of a campaign state.
#[component]
pub fn CampaignStateBadge(state: CampaignState) -> impl IntoView {
    let class = match state {
        CampaignState::Draft => "badge muted",
        CampaignState::Open => "badge ok",
        CampaignState::Closed => "badge warn",
        CampaignState::Confirmed => "badge status-completed",
    };
    view! { <span class=class>{state.label()}</span> }
}

/// The button that moves a campaign to `to`, and what it says.
fn move_label(to: CampaignState, from: CampaignState) -> &'static str {
    match (from, to) {
        (_, CampaignState::Open) if from == CampaignState::Closed => "Reopen",
        (_, CampaignState::Open) => "Open to buyers",
        (_, CampaignState::Closed) => "Close",
        (_, CampaignState::Confirmed) => "Confirm pre-orders",
        _ => "Move",
    }
}

#[component]
pub fn CampaignsPage() -> impl IntoView {
    let campaigns = Resource::new(|| (), |_| get_campaigns());
    view! {
        <Title text="Campaigns · Wholesale"/>
        <header class="page-header">
            <div>
                <h1>"Campaigns"</h1>
                <p class="muted">"Seasonal offers to retailers: what they can pre-order, when, and how it is going."</p>
            </div>
            <a class="button primary" href="/admin/wholesale/campaigns/new">"New campaign"</a>
        </header>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match campaigns.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No campaigns yet">
                            <p>"Create a campaign, add its delivery windows and styles, invite companies, then open it."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(list) => view! {
                        <ListTable caption="Campaigns, latest first" columns=&[
                            Text("Code"), Text("Name"), Text("Season"), Text("Open"), Text("State"),
                            Numeric("Styles"), Numeric("Invited"), Numeric("Pre-orders"), Hidden("Sales desk"),
                        ]>
                            {list.into_iter().map(|c| view! {
                                <tr>
                                    <td><a href=campaign_path(&c.code)>{c.code.clone()}</a></td>
                                    <td class="wrap">{c.name}</td>
                                    <td>{c.season}</td>
                                    <td>{format!("{} – {}", iso_date(c.opens_on), iso_date(c.closes_on))}</td>
                                    <td><CampaignStateBadge state=c.state/></td>
                                    <td class="num">{c.styles}</td>
                                    <td class="num">{c.invited}</td>
                                    <td class="num">{c.pre_orders}</td>
                                    <td><a href=desk_path(&c.code)>"Sales desk"</a></td>
                                </tr>
                            }).collect_view()}
                        </ListTable>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn NewCampaignPage() -> impl IntoView {
    let save = ServerAction::<SaveCampaign>::new();
    view! {
        <Title text="New campaign · Wholesale"/>
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href=PATH>"Campaigns"</a></li>
                <li><a href="/admin/wholesale/campaigns/new" aria-current="page">"New campaign"</a></li>
            </ol>
        </nav>
        <header class="page-header"><h1>"New campaign"</h1></header>
        <CampaignEditor campaign=None save/>
    }
}

#[component]
pub fn CampaignPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let save = ServerAction::<SaveCampaign>::new();
    let add_window = ServerAction::<AddCampaignWindow>::new();
    let remove_window = ServerAction::<RemoveCampaignWindow>::new();
    let add_styles = ServerAction::<AddCampaignStyles>::new();
    let update_style = ServerAction::<UpdateCampaignStyle>::new();
    let remove_style = ServerAction::<RemoveCampaignStyle>::new();
    let invite = ServerAction::<SetCampaignInvitations>::new();
    let moves = ServerAction::<MoveCampaign>::new();
    let campaign = Resource::new(
        move || {
            (
                code(),
                save.version().get()
                    + add_window.version().get()
                    + remove_window.version().get()
                    + add_styles.version().get()
                    + update_style.version().get()
                    + remove_style.version().get()
                    + invite.version().get()
                    + moves.version().get(),
            )
        },
        |(code, _)| get_campaign(code),
    );
    let categories = Resource::new(|| (), |_| get_categories());
    // Every change's error shows at the top of the page; the forms with
    // fields also show theirs next to the field.
    let errors = Signal::derive(move || {
        remove_window
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| update_style.value().get().and_then(Result::err))
            .or_else(|| remove_style.value().get().and_then(Result::err))
            .or_else(|| invite.value().get().and_then(Result::err))
            .or_else(|| moves.value().get().and_then(Result::err))
    });
    view! {
        <Title text=move || format!("{} · Campaigns", code())/>
        <FormAlert error=errors/>
        {move || moves.value().get().and_then(Result::ok).map(|m| view! { <MoveOutcome outcome=m/> })}
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match (campaign.await, categories.await) {
                    (Err(AppError::NotFound(_)), _) => view! { <NotFound what="Campaign"/> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorNotice error/> }.into_any(),
                    (Ok(c), Ok(categories)) => {
                        let code = c.summary.code.clone();
                        let page = campaign_path(&code);
                        let state = c.summary.state;
                        view! {
                            <nav aria-label="Breadcrumb" class="breadcrumbs">
                                <ol>
                                    <li><a href=PATH>"Campaigns"</a></li>
                                    <li><a href=page.clone() aria-current="page">{code.clone()}</a></li>
                                </ol>
                            </nav>
                            <header class="page-header">
                                <div>
                                    <h1>{c.summary.name.clone()} " " <CampaignStateBadge state/></h1>
                                    <p class="muted">{format!("{} · {} · open {} – {}", code, c.summary.season, iso_date(c.summary.opens_on), iso_date(c.summary.closes_on))}</p>
                                </div>
                                <a class="button" href=desk_path(&code)>"Sales desk"</a>
                            </header>
                            <StateButtons code=code.clone() state moves/>
                            {if state.takes_changes() {
                                view! {
                                    <section class="card" aria-labelledby="details-title">
                                        <h2 id="details-title">"Details"</h2>
                                        <CampaignEditor campaign=Some(c.clone()) save/>
                                    </section>
                                }.into_any()
                            } else {
                                view! {
                                    <p class="muted">{format!("Minimums: {} units per style; order value {}.", c.min_units_per_style, crate::ui::money::decimal(c.min_order_minor))}</p>
                                }.into_any()
                            }}
                            <Windows campaign=c.clone() add=add_window remove=remove_window/>
                            <Offer campaign=c.clone() categories add=add_styles update=update_style remove=remove_style/>
                            <Invitations campaign=c invite/>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn MoveOutcome(outcome: CampaignMove) -> impl IntoView {
    let text = match &outcome.confirmed {
        Some(done) => format!(
            "Campaign confirmed: {} pre-orders confirmed, {} orders created{}.",
            done.confirmed,
            done.orders.len(),
            if done.orders.is_empty() {
                String::new()
            } else {
                format!(" ({})", done.orders.join(", "))
            }
        ),
        None => format!(
            "The campaign is now {}.",
            outcome.state.label().to_lowercase()
        ),
    };
    view! { <p class="alert success" role="status">{text}</p> }
}

/// The moves the rules allow from the campaign's state, one button each.
#[component]
fn StateButtons(
    code: String,
    state: CampaignState,
    moves: ServerAction<MoveCampaign>,
) -> impl IntoView {
    let page = campaign_path(&code);
    let buttons = CampaignState::ALL
        .iter()
        .copied()
        .filter(|to| campaign_may_move(state, *to))
        .map(|to| {
            let (code, page) = (code.clone(), page.clone());
            view! {
                <ActionForm action=moves attr:class="inline-form">
                    <input type="hidden" name="code" value=code/>
                    <input type="hidden" name="to" value=to.as_str()/>
                    <ReturnTo path=page/>
                    <button type="submit" class="button primary" disabled=moves.pending()>{move_label(to, state)}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! { <div class="actions campaign-moves" aria-label="Campaign state">{buttons}</div> }
}

/// The campaign's details; empty for a new one (the code stays once made).
#[component]
fn CampaignEditor(
    campaign: Option<CampaignDetail>,
    save: ServerAction<SaveCampaign>,
) -> impl IntoView {
    let error = action_error(save);
    let saved = move || save.value().get().is_some_and(|r| r.is_ok());
    let original = campaign
        .as_ref()
        .map(|c| c.summary.code.clone())
        .unwrap_or_default();
    let is_new = original.is_empty();
    let (code, name, season, opens, closes, min_units, min_order) = match &campaign {
        Some(c) => (
            c.summary.code.clone(),
            c.summary.name.clone(),
            c.summary.season.clone(),
            iso_date(c.summary.opens_on),
            iso_date(c.summary.closes_on),
            c.min_units_per_style.to_string(),
            crate::ui::money::decimal(c.min_order_minor),
        ),
        None => Default::default(),
    };
    view! {
        <ActionForm action=save attr:class="form wide-form" attr:novalidate=true>
            <FormAlert error/>
            {move || (!is_new && saved()).then(|| view! { <p class="alert success" role="status">"Details saved."</p> })}
            <input type="hidden" name="original" value=original/>
            <div class="form-row">
                {if is_new {
                    view! { <TextField label="Code" name="code" required=true hint="2–20 capitals, digits and dashes, like FW27." error=field_error(error, "code")/> }.into_any()
                } else {
                    view! { <input type="hidden" name="code" value=code/> }.into_any()
                }}
                <TextField label="Name" name="name" value=name required=true error=field_error(error, "name")/>
                <TextField label="Season" name="season" value=season required=true hint="Like FW27." error=field_error(error, "season")/>
            </div>
            <div class="form-row">
                <TextField label="Opens on" name="opens_on" kind="date" value=opens required=true error=field_error(error, "opens_on")/>
                <TextField label="Closes on" name="closes_on" kind="date" value=closes required=true error=field_error(error, "closes_on")/>
                <TextField label="Minimum units per style" name="min_units_per_style" kind="number" value=min_units error=field_error(error, "min_units_per_style")/>
                <TextField label="Minimum order value" name="min_order" value=min_order hint="In the company's currency, like 1500." error=field_error(error, "min_order")/>
            </div>
            <div class="actions">
                <SubmitButton label=if is_new { "Create campaign" } else { "Save details" } pending=save.pending() busy_label="Saving…"/>
            </div>
        </ActionForm>
    }
}

#[component]
fn Windows(
    campaign: CampaignDetail,
    add: ServerAction<AddCampaignWindow>,
    remove: ServerAction<RemoveCampaignWindow>,
) -> impl IntoView {
    let error = action_error(add);
    let code = campaign.summary.code.clone();
    let page = campaign_path(&code);
    let editable = campaign.summary.state.takes_changes();
    let rows = campaign
        .windows
        .into_iter()
        .map(|w| {
            let (code, page) = (code.clone(), page.clone());
            view! {
                <tr>
                    <td>{w.name.clone()}</td>
                    <td>{iso_date(w.ships_from)}</td>
                    <td>{iso_date(w.ships_until)}</td>
                    <td>
                        {editable.then(|| view! {
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="code" value=code/>
                                <input type="hidden" name="window_id" value=w.id.to_string()/>
                                <ReturnTo path=page/>
                                <button type="submit" class="button small" aria-label=format!("Remove the window {}", w.name)>"Remove"</button>
                            </ActionForm>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="windows-title">
            <h2 id="windows-title">"Delivery windows"</h2>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Delivery windows"</caption>
                    <thead><tr><th scope="col">"Window"</th><th scope="col">"Ships from"</th><th scope="col">"Ships until"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {editable.then(|| view! {
                <ActionForm action=add attr:class="form wide-form" attr:novalidate=true attr:aria-label="Add a delivery window">
                    <FormAlert error/>
                    <input type="hidden" name="code" value=code.clone()/>
                    <ReturnTo path=page.clone()/>
                    <div class="form-row">
                        <TextField label="Window name" name="name" required=true hint="Like Drop 1." error=field_error(error, "name")/>
                        <TextField label="Ships from" name="ships_from" kind="date" required=true error=field_error(error, "ships_from")/>
                        <TextField label="Ships until" name="ships_until" kind="date" required=true error=field_error(error, "ships_until")/>
                    </div>
                    <SubmitButton label="Add window" busy_label="Adding…" pending=add.pending() class="button"/>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Offer(
    campaign: CampaignDetail,
    categories: Vec<CategoryOption>,
    add: ServerAction<AddCampaignStyles>,
    update: ServerAction<UpdateCampaignStyle>,
    remove: ServerAction<RemoveCampaignStyle>,
) -> impl IntoView {
    let error = action_error(add);
    let codes_error = field_error(error, "style_codes");
    let added = move || add.value().get().and_then(Result::ok);
    let state = campaign.summary.state;
    let code = campaign.summary.code.clone();
    let page = campaign_path(&code);
    let can_add = state.takes_changes();
    let can_target = state != CampaignState::Confirmed;
    let rows = campaign
        .offer
        .into_iter()
        .map(|s| {
            let (code, page) = (code.clone(), page.clone());
            let label = format!("{} {}", s.style_code, s.colour);
            let target_id = format!("target-{}-{}", s.product_id, s.colour.replace(' ', "-"));
            view! {
                <tr>
                    <td>{s.style_code.clone()}</td>
                    <td class="wrap">{s.name.clone()}</td>
                    <td>{s.colour.clone()}</td>
                    <td>
                        {if can_target {
                            let (code, page) = (code.clone(), page.clone());
                            let (colour, label) = (s.colour.clone(), label.clone());
                            view! {
                                <ActionForm action=update attr:class="inline-form">
                                    <input type="hidden" name="code" value=code/>
                                    <input type="hidden" name="product_id" value=s.product_id.to_string()/>
                                    <input type="hidden" name="colour" value=colour/>
                                    <ReturnTo path=page/>
                                    <label for=target_id.clone() class="visually-hidden">{format!("Target units of {label}")}</label>
                                    <input id=target_id type="number" min="0" name="target_units" value=s.target_units.to_string() class="qty-input"/>
                                    <label class="checkbox">
                                        <input type="checkbox" name="carry_over" value="on" checked=s.carry_over/>
                                        "Carry-over"
                                    </label>
                                    <button type="submit" class="button small" aria-label=format!("Save {label}")>"Save"</button>
                                </ActionForm>
                            }.into_any()
                        } else {
                            view! { <span>{format!("{} units{}", s.target_units, if s.carry_over { " · carry-over" } else { "" })}</span> }.into_any()
                        }}
                    </td>
                    <td>
                        {(state == CampaignState::Draft).then(|| view! {
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="code" value=code.clone()/>
                                <input type="hidden" name="product_id" value=s.product_id.to_string()/>
                                <input type="hidden" name="colour" value=s.colour.clone()/>
                                <ReturnTo path=page.clone()/>
                                <button type="submit" class="button small" aria-label=format!("Remove {label}")>"Remove"</button>
                            </ActionForm>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="offer-title">
            <h2 id="offer-title">"Offer"</h2>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Styles and colours offered, with their targets"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Style"</th>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Colour"</th>
                            <th scope="col">"Target units"</th>
                            <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {can_add.then(|| view! {
                <ActionForm action=add attr:class="form wide-form" attr:novalidate=true attr:aria-label="Add styles">
                    <FormAlert error/>
                    {move || added().map(|n| view! { <p class="alert success" role="status">{format!("{n} style colours added.")}</p> })}
                    <input type="hidden" name="code" value=code.clone()/>
                    <ReturnTo path=page.clone()/>
                    <div class="form-row">
                        <div class="field" class:invalid=move || codes_error.get().is_some()>
                            <label for="field-style-codes">"Style codes"</label>
                            <textarea id="field-style-codes" name="style_codes" rows="2"
                                aria-describedby="field-style-codes-hint"></textarea>
                            <p class="field-hint" id="field-style-codes-hint">"Separated by commas or spaces; every colour of each style is added."</p>
                            {move || codes_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                        </div>
                        <div class="field">
                            <label for="field-category">"or every style of a category"</label>
                            <select id="field-category" name="category">
                                <option value="">"No category"</option>
                                {categories.into_iter().map(|c| view! { <option value=c.slug>{c.name}</option> }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <label class="checkbox"><input type="checkbox" name="carry_over" value="on"/>"Carry-over styles (from an earlier season)"</label>
                    <SubmitButton label="Add styles" busy_label="Adding…" pending=add.pending() class="button"/>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Invitations(
    campaign: CampaignDetail,
    invite: ServerAction<SetCampaignInvitations>,
) -> impl IntoView {
    let code = campaign.summary.code.clone();
    let editable = campaign.summary.state.takes_changes();
    let invited = campaign.companies.iter().filter(|c| c.2).count();
    if campaign.companies.is_empty() {
        return view! {
            <section class="card"><h2>"Invited companies"</h2><p class="muted">"No companies yet: add them under Companies."</p></section>
        }
        .into_any();
    }
    view! {
        <section class="card" aria-labelledby="invited-title">
            <h2 id="invited-title">{format!("Invited companies ({invited})")}</h2>
            <ActionForm action=invite attr:class="form">
                <input type="hidden" name="code" value=code.clone()/>
                <ReturnTo path=campaign_path(&code)/>
                <fieldset class="checkboxes invite-list" disabled=!editable>
                    <legend class="visually-hidden">"Companies invited to pre-order"</legend>
                    {campaign.companies.into_iter().map(|(id, name, invited)| {
                        let input_id = format!("invite-{id}");
                        let label_for = input_id.clone();
                        view! {
                            <label for=label_for class="checkbox">
                                <input type="checkbox" id=input_id name="companies[]" value=id.to_string() checked=invited/>
                                {name}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                {editable.then(|| view! { <SubmitButton label="Save invitations" busy_label="Saving…" pending=invite.pending() class="button"/> })}
            </ActionForm>
        </section>
    }
    .into_any()
}
