//! Pages: the portal (`/b2b`) and the staff's wholesale desk (`/admin/wholesale`).

pub mod admin;
pub mod portal;

use leptos::prelude::*;

/// A column heading of a [`ListTable`].
#[derive(Debug, Clone, Copy)]
pub enum Column {
    Text(&'static str),
    /// Amounts and counts, right-aligned like their cells.
    Numeric(&'static str),
    /// Read out but not shown: the column of a row's link or button.
    Hidden(&'static str),
}

/// The plain tables of the desk and the portal: a caption for screen
/// readers, one row of column headings, and `children` as the body's rows.
#[component]
pub fn ListTable(
    caption: &'static str,
    columns: &'static [Column],
    children: Children,
) -> impl IntoView {
    let headings = columns
        .iter()
        .map(|column| match *column {
            Column::Text(label) => view! { <th scope="col">{label}</th> }.into_any(),
            Column::Numeric(label) => view! { <th scope="col" class="num">{label}</th> }.into_any(),
            Column::Hidden(label) => view! {
                <th scope="col"><span class="visually-hidden">{label}</span></th>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
