//! Pieces the inventory pages share: fields whose names are known only at
//! run time (several forms on one page), location pickers, the SKU and
//! quantity grid of receipts and transfers, notices, number formats.

use crate::error::AppError;
use crate::inventory::api::FORM_ROWS;
use crate::inventory::model::Location;
use leptos::prelude::*;
use time::{Date, OffsetDateTime};

/// The message for one field (named at run time) from an action's last error.
pub fn named_error(error: Signal<Option<AppError>>, field: String) -> Signal<Option<String>> {
    Signal::derive(move || error.get().and_then(|e| e.field_message(&field)))
}

/// A labelled input with its hint and error, for forms where `TextField`'s
/// static names do not fit (one form per location, rows of a grid).
#[component]
pub fn Input(
    #[prop(into)] label: String,
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    /// Keep the label for screen readers only (grids with column headers).
    #[prop(optional)]
    hidden_label: bool,
    #[prop(optional)] class: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let numeric = kind == "number";
    view! {
        <div class=format!("field {class}") class:invalid=move || error.get().is_some()>
            <label for=id.clone() class=hidden_label.then_some("visually-hidden")>{label}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                required=required
                min=numeric.then_some("0")
                inputmode=numeric.then_some("numeric")
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}

/// A select of locations (active ones; an inactive one only if selected).
/// `all` adds a first option with an empty value, e.g. "All locations".
#[component]
pub fn LocationSelect(
    #[prop(into)] label: String,
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    locations: Vec<Location>,
    #[prop(into)] selected: String,
    #[prop(optional)] all: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error.get().is_some().then(|| error_id.clone())
    };
    let options = locations
        .into_iter()
        .filter(|l| l.active || l.code == selected)
        .map(|l| {
            let is_selected = l.code == selected;
            view! {
                <option value=l.code.clone() selected=is_selected>{format!("{} · {}", l.code, l.name)}</option>
            }
        })
        .collect_view();
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            >
                {all.map(|all| view! { <option value="">{all}</option> })}
                {options}
            </select>
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}

/// A success message after a change (the change's redirect says what to show).
#[component]
pub fn Notice(#[prop(into)] message: String) -> impl IntoView {
    view! { <div class="alert success" role="status">{message}</div> }
}

/// The rows of SKU and quantity of a goods receipt or a transfer: ten rows,
/// blank ones are ignored; each row shows its own error. `first_sku`
/// prefills the first row.
#[component]
pub fn SkuRows(
    error: Signal<Option<AppError>>,
    #[prop(optional, into)] first_sku: String,
) -> impl IntoView {
    let rows_error = named_error(error, "rows".into());
    let rows = (1..=FORM_ROWS)
        .map(|n| {
            let i = n - 1;
            let sku = if n == 1 {
                first_sku.clone()
            } else {
                String::new()
            };
            view! {
                <tr>
                    <th scope="row" class="num row-head">{n}</th>
                    <td>
                        <Input
                            label=format!("Row {n} SKU")
                            id=format!("row-{n}-sku")
                            name=format!("rows[{i}][sku]")
                            value=sku
                            hidden_label=true
                            class="compact"
                            error=named_error(error, format!("sku-{n}"))
                        />
                    </td>
                    <td>
                        <Input
                            label=format!("Row {n} quantity")
                            id=format!("row-{n}-quantity")
                            name=format!("rows[{i}][quantity]")
                            kind="number"
                            hidden_label=true
                            class="compact"
                            error=named_error(error, format!("quantity-{n}"))
                        />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="sku-rows"
            aria-describedby=move || rows_error.get().is_some().then_some("rows-error")
        >
            <legend>"Items"</legend>
            <p class="field-hint">"One SKU per row; blank rows are ignored."</p>
            {move || rows_error.get().map(|message| view! { <p class="field-error" id="rows-error">{message}</p> })}
            <table class="table grid-table">
                <thead>
                    <tr>
                        <th scope="col" class="num">"Row"</th>
                        <th scope="col">"SKU"</th>
                        <th scope="col">"Quantity"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </fieldset>
    }
}

/// `+3`, `−3`, `0`: a change in stock.
pub fn signed(n: i32) -> String {
    match n {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{}", thousands(i64::from(n))),
        n => format!("−{}", thousands(i64::from(n).abs())),
    }
}

/// `12,345`.
pub fn thousands(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `4 Dec` (with the year when it is not this year's).
pub fn short_date(date: Date, today: Date) -> String {
    let month = MONTHS[usize::from(u8::from(date.month())) - 1];
    if date.year() == today.year() {
        format!("{} {month}", date.day())
    } else {
        format!("{} {month} {}", date.day(), date.year())
    }
}

/// `4 Dec 2026`.
pub fn long_date(date: Date) -> String {
    let month = MONTHS[usize::from(u8::from(date.month())) - 1];
    format!("{} {month} {}", date.day(), date.year())
}

/// `24 Nov 2026, 14:05` (UTC).
pub fn date_time(at: OffsetDateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        long_date(at.date()),
        at.hour(),
        at.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn numbers_read_like_numbers() {
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(-1200), "-1,200");
        assert_eq!(thousands(12), "12");
        assert_eq!(signed(3), "+3");
        assert_eq!(signed(-1500), "−1,500");
        assert_eq!(signed(0), "0");
    }

    #[test]
    fn dates_are_short_within_the_year() {
        let today = date!(2026 - 11 - 24);
        assert_eq!(short_date(date!(2026 - 12 - 04), today), "4 Dec");
        assert_eq!(short_date(date!(2027 - 01 - 15), today), "15 Jan 2027");
        assert_eq!(
            date_time(datetime!(2026-11-24 09:05 UTC)),
            "24 Nov 2026, 09:05"
        );
    }
}
