//! One SKU: availability per location now and by date, its bins and
//! reorder points, cycle counts, and its latest movements.

use super::components::{Input, Notice, date_time, named_error, short_date, signed, thousands};
use crate::error::AppError;
use crate::inventory::api::{
    CountStock, SaveBin, SaveReorderPoint, get_sku_detail, location_field,
};
use crate::inventory::model::{
    AtpPoint, LocationAvailability, Movement, SkuDetail, SkuLocationSettings,
};
use crate::ui::chart::{Bar, BarChart};
use crate::ui::form::{SubmitButton, action_error};
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use crate::ui::table::url_with;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use time::Date;

/// The actions of the page's forms (one of each kind per location).
#[derive(Clone, Copy)]
struct Actions {
    count: ServerAction<CountStock>,
    reorder: ServerAction<SaveReorderPoint>,
    bin: ServerAction<SaveBin>,
}

#[component]
pub fn SkuPage() -> impl IntoView {
    let params = use_params_map();
    let actions = Actions {
        count: ServerAction::new(),
        reorder: ServerAction::new(),
        bin: ServerAction::new(),
    };
    let sku = move || params.read().get("sku").unwrap_or_default();
    let detail = Resource::new(
        move || {
            (
                sku(),
                actions.count.version().get(),
                actions.reorder.version().get(),
                actions.bin.version().get(),
            )
        },
        |(sku, ..)| get_sku_detail(sku),
    );
    view! {
        <Title text=move || format!("{} · Stock", sku())/>
        <Transition fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="SKU"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(detail) => view! { <SkuView detail actions/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// What the last change's redirect says happened.
fn notice(get: impl Fn(&str) -> Option<String>) -> Option<String> {
    if let (Some(at), Some(expected), Some(counted)) = (
        get("counted_at"),
        get("expected").and_then(|e| e.parse::<i32>().ok()),
        get("counted").and_then(|c| c.parse::<i32>().ok()),
    ) {
        let difference = counted - expected;
        return Some(if difference == 0 {
            format!("Count recorded at {at}: {counted} counted, as expected. Nothing to adjust.")
        } else {
            format!(
                "Count recorded at {at}: {counted} counted, {expected} expected. On hand adjusted by {}.",
                signed(difference)
            )
        });
    }
    let at = get("at").unwrap_or_default();
    match get("saved").as_deref() {
        Some("reorder") => Some(format!("Reorder point saved for {at}.")),
        Some("bin") => Some(format!("Bin saved for {at}.")),
        _ => None,
    }
}

/// "12 available now; 32 by 4 Dec".
pub fn availability_sentence(atp: &[AtpPoint], today: Date) -> String {
    let now = atp.first().map_or(0, |p| p.quantity);
    let mut text = format!("{} available now", thousands(now.into()));
    match atp.last() {
        Some(last) if atp.len() > 1 => {
            text.push_str(&format!(
                "; {} by {}",
                thousands(last.quantity.into()),
                short_date(last.date, today)
            ));
        }
        _ => text.push_str("; no more expected"),
    }
    text.push('.');
    text
}

fn timeline_text(atp: &[AtpPoint], today: Date) -> String {
    atp.iter()
        .map(|p| {
            if p.date <= today {
                format!("{} now", thousands(p.quantity.into()))
            } else {
                format!(
                    "{} from {}",
                    thousands(p.quantity.into()),
                    short_date(p.date, today)
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
fn SkuView(detail: SkuDetail, actions: Actions) -> impl IntoView {
    let query = use_query_map();
    let today = detail.today;
    let a = detail.availability;
    let sku = a.sku.clone();
    let sentence = availability_sentence(&a.atp, today);
    let bars: Vec<Bar> = a
        .atp
        .iter()
        .map(|p| Bar {
            label: if p.date <= today {
                "Today".to_owned()
            } else {
                short_date(p.date, today)
            },
            value: p.quantity.into(),
            display: thousands(p.quantity.into()),
        })
        .collect();
    let settings = detail.settings;
    let setting_of = move |code: &str| settings.iter().find(|s| s.location_code == code).cloned();
    let rows: Vec<(LocationAvailability, Option<SkuLocationSettings>)> = a
        .locations
        .iter()
        .map(|l| (l.clone(), setting_of(&l.code)))
        .collect();
    let movements_href = url_with("/admin/inventory/movements", &[("q", sku.clone())]);
    let receive_href = url_with("/admin/inventory/receive", &[("sku", sku.clone())]);
    let notice = move || query.with(|q| notice(|k| q.get(k)));
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
                <li><a href="/admin/inventory/stock">"Stock"</a></li>
                <li><a href=crate::inventory::api::sku_path(&sku) aria-current="page">{sku.clone()}</a></li>
            </ol>
        </nav>
        <header class="page-header">
            <div>
                <h1>{a.product.clone()}</h1>
                <p class="muted">"SKU " <strong>{sku.clone()}</strong> " · " {a.colour.clone()} " · size " {a.size.clone()}</p>
            </div>
            <div class="actions">
                <a class="button" href=receive_href>"Receive goods"</a>
                <a class="button" href=movements_href.clone()>"All movements"</a>
            </div>
        </header>
        {move || notice().map(|message| view! { <Notice message/> })}
        <section class="card wide" aria-labelledby="availability-heading">
            <h2 id="availability-heading">"Availability"</h2>
            <p class="lead availability-sentence">{sentence}</p>
            {(bars.len() > 1).then(|| view! {
                <div class="atp-chart">
                    <BarChart title="Available to promise by date (all locations)" bars/>
                </div>
            })}
        </section>
        <section class="inventory-section" aria-labelledby="locations-heading">
            <h2 id="locations-heading">"Availability by location"</h2>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Stock of this SKU per location"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Location"</th>
                            <th scope="col" class="num">"On hand"</th>
                            <th scope="col" class="num">"Reserved"</th>
                            <th scope="col" class="num">"Available"</th>
                            <th scope="col">"Bin"</th>
                            <th scope="col">"Incoming"</th>
                            <th scope="col" class="num">"Promised"</th>
                            <th scope="col">"Available to promise"</th>
                            <th scope="col">"Reorder point"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.iter().map(|(l, s)| {
                            let incoming = if l.incoming.is_empty() {
                                "—".to_owned()
                            } else {
                                l.incoming
                                    .iter()
                                    .map(|s| format!("{} on {}", thousands(s.quantity.into()), short_date(s.date, today)))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            };
                            let reorder = match s.as_ref().and_then(|s| s.min_available.zip(s.reorder_quantity)) {
                                Some((min, qty)) => format!("below {min}: order {qty}"),
                                None => "—".to_owned(),
                            };
                            view! {
                                <tr>
                                    <th scope="row" class="row-head"><abbr title=l.name.clone()>{l.code.clone()}</abbr></th>
                                    <td class="num">{thousands(l.on_hand.into())}</td>
                                    <td class="num">{thousands(l.reserved.into())}</td>
                                    <td class="num">{thousands(l.available.into())}</td>
                                    <td>{s.as_ref().map(|s| s.bin.clone()).filter(|b| !b.is_empty()).unwrap_or_else(|| "—".into())}</td>
                                    <td class="wrap">{incoming}</td>
                                    <td class="num">{thousands(l.promised.into())}</td>
                                    <td class="wrap">{timeline_text(&l.atp, today)}</td>
                                    <td>{reorder}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="inventory-section" aria-labelledby="manage-heading">
            <h2 id="manage-heading">"Counts, reorder points and bins"</h2>
            <GeneralErrors actions/>
            <div class="location-cards">
                {rows.into_iter().map(|(l, s)| view! {
                    <LocationCard sku=sku.clone() location=l settings=s actions today/>
                }).collect_view()}
            </div>
        </section>
        <section class="inventory-section" aria-labelledby="movements-heading">
            <h2 id="movements-heading">"Latest movements"</h2>
            <SkuMovements movements=detail.movements/>
            <p><a href=movements_href>"All movements of this SKU"</a></p>
        </section>
    }
}

/// Errors of the page's forms that belong to no field (e.g. a location
/// that no longer exists).
#[component]
fn GeneralErrors(actions: Actions) -> impl IntoView {
    let errors = [
        action_error(actions.count),
        action_error(actions.reorder),
        action_error(actions.bin),
    ];
    move || {
        errors
            .iter()
            .filter_map(|e| e.get())
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| view! { <div class="alert error" role="alert">{e.to_string()}</div> })
            .collect_view()
    }
}

#[component]
fn LocationCard(
    sku: String,
    location: LocationAvailability,
    settings: Option<SkuLocationSettings>,
    actions: Actions,
    today: Date,
) -> impl IntoView {
    let code = location.code.clone();
    let heading_id = format!("manage-{code}");
    let labelled_by = heading_id.clone();
    let count_error = action_error(actions.count);
    let reorder_error = action_error(actions.reorder);
    let bin_error = action_error(actions.bin);
    let field = |error, name: &str| named_error(error, location_field(&code, name));
    let id = |name: &str| format!("{name}-{code}");
    let (counted_error, min_error, quantity_error, bin_field_error) = (
        field(count_error, "counted"),
        field(reorder_error, "min_available"),
        field(reorder_error, "reorder_quantity"),
        field(bin_error, "bin"),
    );
    let (counted_id, min_id, quantity_id, bin_id) =
        (id("counted"), id("min"), id("reorder"), id("bin"));
    let (sku_1, sku_2, sku_3) = (sku.clone(), sku.clone(), sku);
    let (code_1, code_2, code_3) = (code.clone(), code.clone(), code.clone());
    let min = settings
        .as_ref()
        .and_then(|s| s.min_available)
        .map(|n| n.to_string())
        .unwrap_or_default();
    let quantity = settings
        .as_ref()
        .and_then(|s| s.reorder_quantity)
        .map(|n| n.to_string())
        .unwrap_or_default();
    let bin = settings.as_ref().map(|s| s.bin.clone()).unwrap_or_default();
    let last_count = settings.as_ref().and_then(|s| s.last_count.clone());
    let count_hint = format!(
        "On hand now: {}, of which {} reserved.",
        thousands(location.on_hand.into()),
        thousands(location.reserved.into())
    );
    view! {
        <section class="card location-card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{code} " · " {location.name.clone()}</h3>
            <ActionForm action=actions.count attr:class="form compact-form" attr:novalidate=true>
                <input type="hidden" name="sku" value=sku_1/>
                <input type="hidden" name="location" value=code_1/>
                <Input
                    label="Counted quantity"
                    id=counted_id
                    name="counted"
                    kind="number"
                    error=counted_error
                />
                <p class="field-hint">{count_hint}</p>
                {last_count.map(|c| view! {
                    <p class="field-hint">
                        {format!("Last counted {}: {} (expected {}).", short_date(c.at.date(), today), c.counted, c.expected)}
                    </p>
                })}
                <SubmitButton label="Record count" busy_label="Recording…" pending=actions.count.pending() class="button primary"/>
            </ActionForm>
            <ActionForm action=actions.reorder attr:class="form compact-form" attr:novalidate=true>
                <input type="hidden" name="sku" value=sku_2/>
                <input type="hidden" name="location" value=code_2/>
                <div class="field-pair">
                    <Input
                        label="Minimum available"
                        id=min_id
                        name="min_available"
                        kind="number"
                        value=min
                        error=min_error
                    />
                    <Input
                        label="Reorder quantity"
                        id=quantity_id
                        name="reorder_quantity"
                        kind="number"
                        value=quantity
                        error=quantity_error
                    />
                </div>
                <SubmitButton label="Save reorder point" busy_label="Saving…" pending=actions.reorder.pending() class="button"/>
            </ActionForm>
            <ActionForm action=actions.bin attr:class="form compact-form" attr:novalidate=true>
                <input type="hidden" name="sku" value=sku_3/>
                <input type="hidden" name="location" value=code_3/>
                <Input
                    label="Bin"
                    id=bin_id
                    name="bin"
                    value=bin
                    hint="Where it is kept, e.g. A-12-03."
                    error=bin_field_error
                />
                <SubmitButton label="Save bin" busy_label="Saving…" pending=actions.bin.pending() class="button"/>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn SkuMovements(movements: Vec<Movement>) -> impl IntoView {
    if movements.is_empty() {
        return view! { <p class="muted">"No movements yet."</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Latest movements of this SKU, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"When"</th>
                        <th scope="col">"Location"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col" class="num">"On hand"</th>
                        <th scope="col" class="num">"Reserved"</th>
                        <th scope="col">"Reference"</th>
                        <th scope="col">"Reason"</th>
                        <th scope="col">"By"</th>
                    </tr>
                </thead>
                <tbody>
                    {movements.into_iter().map(|m| view! {
                        <tr>
                            <td>{date_time(m.at)}</td>
                            <td>{m.location_code}</td>
                            <td>{m.kind.label()}</td>
                            <td class="num">{signed(m.on_hand_delta)}</td>
                            <td class="num">{signed(m.reserved_delta)}</td>
                            <td>{m.reference}</td>
                            <td class="wrap">{m.reason}</td>
                            <td>{m.actor}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_sentence_says_now_and_by_when() {
        let today = date!(2026 - 11 - 24);
        let atp = [
            AtpPoint {
                date: today,
                quantity: 12,
            },
            AtpPoint {
                date: date!(2026 - 12 - 01),
                quantity: 20,
            },
            AtpPoint {
                date: date!(2026 - 12 - 04),
                quantity: 32,
            },
        ];
        assert_eq!(
            availability_sentence(&atp, today),
            "12 available now; 32 by 4 Dec."
        );
        assert_eq!(
            availability_sentence(&atp[..1], today),
            "12 available now; no more expected."
        );
        assert_eq!(timeline_text(&atp[..2], today), "12 now · 20 from 1 Dec");
    }

    #[test]
    fn notices_describe_counts_and_saves() {
        let q = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            notice(q(&[
                ("counted_at", "WH-MIL"),
                ("expected", "10"),
                ("counted", "7")
            ]))
            .as_deref(),
            Some("Count recorded at WH-MIL: 7 counted, 10 expected. On hand adjusted by −3.")
        );
        assert_eq!(
            notice(q(&[("saved", "bin"), ("at", "ST-MIL")])).as_deref(),
            Some("Bin saved for ST-MIL.")
        );
        assert_eq!(notice(q(&[])), None);
    }
}
