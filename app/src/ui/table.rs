//! Pieces of every list page: links that keep the filters in the URL,
//! sortable column headers, page links, CSV export.

use crate::listing::SortDir;
use leptos::prelude::*;

/// `path?k=v&…` with the values percent-encoded; empty values are left out,
/// so URLs stay short and a link reproduces exactly the view.
pub fn url_with(path: &str, params: &[(&str, String)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", urlencoding::encode(v)))
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// A column header that sorts the list by its column (and reverses the
/// order when it already does). `href` makes the URL for a sort and direction.
#[component]
pub fn SortHeader(
    label: &'static str,
    column: &'static str,
    current: &'static str,
    dir: SortDir,
    href: Callback<(&'static str, SortDir), String>,
    #[prop(optional)] numeric: bool,
) -> impl IntoView {
    let active = column == current;
    let next_dir = if active { dir.flipped() } else { SortDir::Asc };
    let aria_sort = active.then_some(match dir {
        SortDir::Asc => "ascending",
        SortDir::Desc => "descending",
    });
    let arrow = match (active, dir) {
        (false, _) => "",
        (true, SortDir::Asc) => " ▲",
        (true, SortDir::Desc) => " ▼",
    };
    view! {
        <th scope="col" aria-sort=aria_sort class:num=numeric>
            <a href=href.run((column, next_dir)) class="sort-link">{label}{arrow}</a>
        </th>
    }
}

/// Links to the pages of a list: previous, a window of page numbers, next.
#[component]
pub fn PageLinks(current: u32, pages: u32, href: Callback<u32, String>) -> impl IntoView {
    let current = current.clamp(1, pages.max(1));
    let t = crate::ui::texts::frame_texts(crate::i18n::use_locale());
    let window: Vec<u32> = (1..=pages)
        .filter(|n| *n == 1 || *n == pages || n.abs_diff(current) <= 2)
        .collect();
    (pages > 1).then(|| {
        let mut previous = 0;
        let items = window
            .into_iter()
            .map(|n| {
                let gap = n > previous + 1;
                previous = n;
                view! {
                    {gap.then(|| view! { <li class="gap" aria-hidden="true">"…"</li> })}
                    <li><a href=href.run(n) aria-current=(n == current).then_some("page")>{n}</a></li>
                }
            })
            .collect_view();
        view! {
            <nav class="pagination" aria-label=t.pages>
                {(current > 1).then(|| view! { <a href=href.run(current - 1) rel="prev">{t.previous}</a> })}
                <ol>{items}</ol>
                {(current < pages).then(|| view! { <a href=href.run(current + 1) rel="next">{t.next}</a> })}
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_filters_and_drop_empty_ones() {
        let url = url_with(
            "/admin/inventory/stock",
            &[
                ("q", "merino & co".into()),
                ("location", String::new()),
                ("page", "2".into()),
            ],
        );
        assert_eq!(url, "/admin/inventory/stock?q=merino%20%26%20co&page=2");
        assert_eq!(url_with("/x", &[("q", String::new())]), "/x");
    }
}
