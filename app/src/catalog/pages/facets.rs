//! A product list with its facets, shared by the category and search pages:
//! the filter sidebar, the sort control, the active filters as removable
//! chips, the result count, the grid and its pages.
//!
//! The sidebar is a plain GET form, so it works without JavaScript. After
//! hydration a ticked box or a chosen order applies at once (client-side
//! navigation to the filter's canonical URL), and the focus goes back to the
//! control that changed once the new list is shown. On narrow screens the
//! sidebar is a "Filters" disclosure above the grid (see the CSS).

use super::components::{Pagination, ProductGrid};
use crate::catalog::filters::{
    Facet, FacetOption, Facets, ListingFilter, SortOrder, euros, euros_up, parse_euros,
};
use crate::catalog::model::Listing;
use crate::catalog::texts::{filters_summary, listing_texts, remove_filter, style_word};
use crate::i18n::use_locale;
use crate::ui::status::EmptyState;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use std::cell::RefCell;

const FORM_ID: &str = "facet-form";

thread_local! {
    /// The id of the control to focus once the next list is shown (browser
    /// only: nothing on the server writes it).
    static FOCUS_NEXT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The filter asked for while the list still shows the one before: a
    /// second box ticked quickly adds to the first.
    static PENDING: RefCell<Option<ListingFilter>> = const { RefCell::new(None) };
}

/// The filter a change applies to: the one asked for last, else the shown one.
fn latest(shown: &ListingFilter) -> ListingFilter {
    PENDING
        .with(|p| p.borrow().clone())
        .unwrap_or_else(|| shown.clone())
}

/// The filter in a page's query string.
pub fn filter_from_query(query: &ParamsMap) -> ListingFilter {
    ListingFilter::from_lookup(|key| query.get_all(key).unwrap_or_default())
}

/// Where a list lives.
#[derive(Debug, Clone)]
pub struct ListingPlace {
    /// The list's URL without filters: `/c/knitwear`, `/search?q=coat`.
    pub base: String,
    /// The form's action: `/c/knitwear`, `/search`.
    pub action: String,
    /// The search query, kept by the form.
    pub query: Option<String>,
}

impl ListingPlace {
    fn is_search(&self) -> bool {
        self.query.is_some()
    }
}

/// The sidebar, toolbar, chips, grid and pages of a list that has products
/// before filtering (the pages show their own empty state otherwise).
#[component]
pub fn ListingView(
    listing: Listing,
    place: ListingPlace,
    /// The result count, e.g. "12 styles" (announced to screen readers).
    status: String,
) -> impl IntoView {
    let Listing {
        page,
        facets,
        filter,
        ..
    } = listing;
    let navigate = use_navigate();
    let shown = filter.clone();
    let base = place.base.clone();
    // Shows `next` (client-side) and then focuses the control `focus`.
    let apply = Callback::new(move |(next, focus): (ListingFilter, String)| {
        let href = next.href(&base);
        if href != latest(&shown).href(&base) {
            FOCUS_NEXT.with(|f| *f.borrow_mut() = Some(focus));
            PENDING.with(|p| *p.borrow_mut() = Some(next));
            navigate(
                &href,
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });
    Effect::new(move |_| {
        PENDING.with(|p| p.borrow_mut().take());
        if let Some(id) = FOCUS_NEXT.with(|f| f.borrow_mut().take()) {
            focus_element(&id);
        }
    });
    let empty = page.products.is_empty();
    let clear_href = filter.cleared().href(&place.base);
    let t = listing_texts(use_locale());
    view! {
        <div class="listing-layout">
            <FacetSidebar facets filter=filter.clone() place=place.clone() apply/>
            <div class="listing-main">
                <div class="listing-toolbar">
                    <p class="result-count" role="status">{status}</p>
                    <SortControl filter=filter.clone() search=place.is_search() apply/>
                </div>
                <ActiveFilters filter=filter.clone() base=place.base.clone()/>
                {if empty {
                    view! {
                        <EmptyState title=t.no_match>
                            <p>{t.no_match_hint}</p>
                            <a class="button" href=clear_href>{t.clear_all_filters}</a>
                        </EmptyState>
                    }.into_any()
                } else {
                    view! {
                        // The cards' names are h3: a heading in between keeps the outline whole.
                        <h2 class="visually-hidden">{t.products}</h2>
                        <ProductGrid products=page.products.clone()/>
                        <Pagination page filter base=place.base/>
                    }.into_any()
                }}
            </div>
        </div>
    }
}

#[cfg(feature = "hydrate")]
fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

#[cfg(not(feature = "hydrate"))]
fn focus_element(_id: &str) {}

/// An id for a facet value's checkbox: `facet-size-m`, `facet-colour-powder-blue`.
fn option_id(key: &str, value: &str) -> String {
    let mut id = format!("facet-{key}-");
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id
}

#[component]
fn FacetSidebar(
    facets: Facets,
    filter: ListingFilter,
    place: ListingPlace,
    apply: Callback<(ListingFilter, String)>,
) -> impl IntoView {
    let locale = use_locale();
    let t = listing_texts(locale);
    let summary = filters_summary(locale, filter.chips().len());
    let min_text = filter
        .price_min
        .map(|p| euros(p).to_string())
        .unwrap_or_default();
    let max_text = filter
        .price_max
        .map(|p| euros(p).to_string())
        .unwrap_or_default();
    // What is typed, for a box ticked before "Apply".
    let price_min = RwSignal::new(min_text.clone());
    let price_max = RwSignal::new(max_text.clone());
    // Shown again after a change made in the sidebar (a narrow screen's
    // disclosure stays open); closed when the page is loaded.
    let open = FOCUS_NEXT.with(|f| {
        f.borrow()
            .as_deref()
            .is_some_and(|id| id.starts_with("facet-") || id.starts_with("price-"))
    });
    // Every change here keeps what is typed in the price boxes.
    let apply = Callback::new(move |(next, focus): (ListingFilter, String)| {
        let next = next.with_prices(
            parse_euros(&price_min.get_untracked()),
            parse_euros(&price_max.get_untracked()),
        );
        apply.run((next, focus));
    });
    let on_submit = {
        let filter = filter.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            apply.run((latest(&filter), "facet-apply".to_owned()));
        }
    };
    let groups = [
        (Facet::Size, "size", t.size),
        (Facet::Colour, "colour", t.colour),
        (Facet::Material, "material", t.material),
    ]
    .into_iter()
    .filter(|(facet, _, _)| !facets.options(*facet).is_empty())
    .map(|(facet, key, legend)| {
        let options = facets.options(facet).to_vec();
        view! {
            <FacetGroup facet key legend options filter=filter.clone() apply/>
        }
    })
    .collect_view();
    let placeholder_min = facets
        .price_min
        .map(|p| euros(p).to_string())
        .unwrap_or_default();
    let placeholder_max = facets
        .price_max
        .map(|p| euros_up(p).to_string())
        .unwrap_or_default();
    let stock_disabled = facets.in_stock == 0 && !filter.in_stock_only;
    let stock_filter = filter.clone();
    view! {
        <details class="facets" open=open>
            <summary class="facets-summary">{summary}</summary>
            <form
                id=FORM_ID
                class="facet-form"
                method="get"
                action=place.action.clone()
                aria-label=t.filter_products
                on:submit=on_submit
            >
                {place.query.clone().map(|q| view! { <input type="hidden" name="q" value=q/> })}
                {groups}
                <fieldset class="facet">
                    <legend>{t.price}</legend>
                    <div class="price-range">
                        <PriceBound name="min" label=t.price_min placeholder=placeholder_min value=min_text typed=price_min/>
                        <PriceBound name="max" label=t.price_max placeholder=placeholder_max value=max_text typed=price_max/>
                    </div>
                </fieldset>
                <fieldset class="facet">
                    <legend>{t.availability}</legend>
                    <div class="facet-option">
                        <input
                            id="facet-stock"
                            type="checkbox"
                            name="stock"
                            value="1"
                            checked=filter.in_stock_only
                            disabled=stock_disabled
                            on:change=move |_| {
                                let next = latest(&stock_filter).toggled(Facet::Stock, "");
                                apply.run((next, "facet-stock".to_owned()))
                            }
                        />
                        <label for="facet-stock">
                            {t.in_stock_only}
                            <Count count=facets.in_stock/>
                        </label>
                    </div>
                </fieldset>
                <button id="facet-apply" type="submit" class="button primary small">{t.apply}</button>
            </form>
        </details>
    }
}

#[component]
fn FacetGroup(
    facet: Facet,
    key: &'static str,
    legend: &'static str,
    options: Vec<FacetOption>,
    filter: ListingFilter,
    apply: Callback<(ListingFilter, String)>,
) -> impl IntoView {
    let items = options
        .into_iter()
        .map(|option| {
            let id = option_id(key, &option.value);
            let selected = filter.values(facet).contains(&option.value);
            let shown = filter.clone();
            let value = option.value.clone();
            let focus = id.clone();
            view! {
                <li class="facet-option">
                    <input
                        id=id.clone()
                        type="checkbox"
                        name=key
                        value=option.value.clone()
                        checked=selected
                        disabled={option.count == 0 && !selected}
                        on:change=move |_| apply.run((latest(&shown).toggled(facet, &value), focus.clone()))
                    />
                    <label for=id>
                        {option.hex.map(|hex| view! {
                            <span class="swatch" style=format!("--swatch: {hex}") aria-hidden="true"></span>
                        })}
                        {option.value}
                        <Count count=option.count/>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet">
            <legend>{legend}</legend>
            <ul class=format!("facet-options facet-{key}")>{items}</ul>
        </fieldset>
    }
}

#[component]
fn Count(count: i64) -> impl IntoView {
    let locale = use_locale();
    view! {
        <span class="facet-count">
            {count}
            <span class="visually-hidden">{style_word(locale, count)}</span>
        </span>
    }
}

/// The order of the list: a select of the sidebar's form (a "Sort" button
/// applies it without JavaScript; with it, choosing applies at once).
#[component]
fn SortControl(
    filter: ListingFilter,
    search: bool,
    apply: Callback<(ListingFilter, String)>,
) -> impl IntoView {
    let locale = use_locale();
    let t = listing_texts(locale);
    let enhanced = RwSignal::new(false);
    Effect::new(move |_| enhanced.set(true));
    let options = SortOrder::ALL
        .into_iter()
        .map(|sort| {
            view! {
                <option value=sort.param() selected={sort == filter.sort}>{sort.label(locale, search)}</option>
            }
        })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(sort) = SortOrder::parse(&event_target_value(&ev)) {
            apply.run((latest(&filter).with_sort(sort), "sort".to_owned()));
        }
    };
    view! {
        <div class="sort-control">
            <label for="sort">{t.sort_by}</label>
            <select id="sort" name="sort" form=FORM_ID on:change=on_change>{options}</select>
            <button type="submit" form=FORM_ID class="button small" hidden=move || enhanced.get()>
                {t.sort}
            </button>
        </div>
    }
}

/// The active filters, each a link that removes it, and "Clear all".
#[component]
fn ActiveFilters(filter: ListingFilter, base: String) -> impl IntoView {
    let locale = use_locale();
    let t = listing_texts(locale);
    let chips = filter.chips_in(locale);
    (!chips.is_empty()).then(|| {
        let clear = filter.cleared().href(&base);
        let items = chips
            .into_iter()
            .map(|chip| {
                let label = remove_filter(locale, &chip.label);
                view! {
                    <li>
                        <a class="chip" href=chip.without.href(&base) aria-label=label>
                            {chip.label}
                            <span aria-hidden="true">" ×"</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="active-filters">
                <h2 class="visually-hidden">{t.active_filters}</h2>
                <ul class="chips">{items}</ul>
                <a class="clear-filters" href=clear>{t.clear_all}</a>
            </div>
        }
    })
}

/// One end of the price range, in whole euros; `typed` follows the input.
#[component]
fn PriceBound(
    name: &'static str,
    label: &'static str,
    placeholder: String,
    value: String,
    typed: RwSignal<String>,
) -> impl IntoView {
    let id = format!("price-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type="number"
                inputmode="numeric"
                min="0"
                step="1"
                placeholder=placeholder
                value=value
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
        </div>
    }
}
