//! A product list with its facets, shared by the category and search pages:
//! the filter sidebar, the sort control, the active filters as removable
//! chips, the result count, the grid and its pages.
//!
//! The sidebar is a plain GET form, so it works without JavaScript. With it
//! (the [`AutoApply`] island) a ticked box or a chosen order applies at once,
//! and the focus goes back to the control that changed once the new list is
//! shown. On narrow screens the sidebar is a "Filters" disclosure above the
//! grid (see the CSS).

use super::components::{Pagination, ProductGrid};
use crate::catalog::filters::{
    Facet, FacetOption, Facets, ListingFilter, SortOrder, euros, euros_up,
};
use crate::catalog::model::Listing;
use crate::catalog::texts::{filters_summary, listing_texts, remove_filter, style_word};
use crate::i18n::use_locale;
use crate::ui::status::EmptyState;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

const FORM_ID: &str = "facet-form";

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
    let empty = page.products.is_empty();
    let clear_href = filter.cleared().href(&place.base);
    let t = listing_texts(use_locale());
    view! {
        <AutoApply>
            <div class="listing-layout">
                <FacetSidebar facets filter=filter.clone() place=place.clone()/>
                <div class="listing-main">
                    <div class="listing-toolbar">
                        <p class="result-count" role="status">{status}</p>
                        <SortControl filter=filter.clone() search=place.is_search()/>
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
        </AutoApply>
    }
}

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
fn FacetSidebar(facets: Facets, filter: ListingFilter, place: ListingPlace) -> impl IntoView {
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
            <FacetGroup facet key legend options filter=filter.clone()/>
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
    view! {
        <details class="facets">
            <summary class="facets-summary">{summary}</summary>
            <form
                id=FORM_ID
                class="facet-form"
                method="get"
                action=place.action.clone()
                aria-label=t.filter_products
            >
                {place.query.clone().map(|q| view! { <input type="hidden" name="q" value=q/> })}
                {groups}
                <fieldset class="facet">
                    <legend>{t.price}</legend>
                    <div class="price-range">
                        <PriceBound name="min" label=t.price_min placeholder=placeholder_min value=min_text/>
                        <PriceBound name="max" label=t.price_max placeholder=placeholder_max value=max_text/>
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
) -> impl IntoView {
    let items = options
        .into_iter()
        .map(|option| {
            let id = option_id(key, &option.value);
            let selected = filter.values(facet).contains(&option.value);
            view! {
                <li class="facet-option">
                    <input
                        id=id.clone()
                        type="checkbox"
                        name=key
                        value=option.value.clone()
                        checked=selected
                        disabled={option.count == 0 && !selected}
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
fn SortControl(filter: ListingFilter, search: bool) -> impl IntoView {
    let locale = use_locale();
    let t = listing_texts(locale);
    let options = SortOrder::ALL
        .into_iter()
        .map(|sort| {
            view! {
                <option value=sort.param() selected={sort == filter.sort}>{sort.label(locale, search)}</option>
            }
        })
        .collect_view();
    view! {
        <div class="sort-control">
            <label for="sort">{t.sort_by}</label>
            <select id="sort" name="sort" form=FORM_ID>{options}</select>
            <button type="submit" form=FORM_ID class="button small needs-no-script">{t.sort}</button>
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

/// One end of the price range, in whole euros.
#[component]
fn PriceBound(
    name: &'static str,
    label: &'static str,
    placeholder: String,
    value: String,
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
            />
        </div>
    }
}

/// Applies the filter form as soon as a box is ticked or an order chosen
/// (the price boxes wait for "Apply"), and puts the focus back on that
/// control once the filtered list has loaded.
#[island]
fn AutoApply(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    auto_apply::restore_focus();
    #[cfg(feature = "hydrate")]
    let on_change = auto_apply::on_change;
    #[cfg(not(feature = "hydrate"))]
    let on_change = |_: leptos::ev::Event| {};
    view! { <div class="auto-apply" on:change=on_change>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod auto_apply {
    use super::FORM_ID;
    use crate::ui::form::form_of;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, HtmlInputElement};

    /// Where the control that applied the filter waits for the next page.
    const FOCUS_KEY: &str = "atelier:facet-focus";

    pub fn on_change(ev: leptos::ev::Event) {
        let Some(form) = form_of(&ev).filter(|form| form.id() == FORM_ID) else {
            return;
        };
        let Some(control) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if control.get_attribute("type").as_deref() == Some("number") {
            return;
        }
        if let Ok(Some(storage)) = window().session_storage() {
            let _ = storage.set_item(FOCUS_KEY, &control.id());
        }
        // Empty price boxes stay out of the address.
        if let Ok(inputs) = form.query_selector_all("input[type=number]") {
            for i in 0..inputs.length() {
                if let Some(input) = inputs
                    .get(i)
                    .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                    && input.value().is_empty()
                {
                    input.set_disabled(true);
                }
            }
        }
        let _ = form.request_submit();
    }

    pub fn restore_focus() {
        let Ok(Some(storage)) = window().session_storage() else {
            return;
        };
        let Ok(Some(id)) = storage.get_item(FOCUS_KEY) else {
            return;
        };
        let _ = storage.remove_item(FOCUS_KEY);
        // On a narrow screen the sidebar is a disclosure: open it again.
        if id.starts_with("facet-")
            && let Ok(Some(facets)) = document().query_selector("details.facets")
        {
            let _ = facets.set_attribute("open", "");
        }
        if let Some(control) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = control.focus();
        }
    }
}
