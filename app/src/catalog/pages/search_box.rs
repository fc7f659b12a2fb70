//! The header's search box. A plain GET form to `/search` (works without
//! JavaScript); after hydration it suggests products while you type,
//! debounced, and a newer keystroke cancels the older request.

use crate::catalog::api::suggest_products;
use crate::catalog::model::{Suggestion, normalise_query};
use crate::catalog::texts::listing_texts;
use crate::i18n::Locale;
use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Pause after the last keystroke before asking the server.
pub const DEBOUNCE_MS: u32 = 150;

#[derive(Clone, Copy, PartialEq)]
enum Suggestions {
    Closed,
    Open,
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let initial = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    view! { <SearchForm locale initial/> }
}

/// The form: an island, for the suggestions.
#[island]
fn SearchForm(locale: Locale, initial: String) -> impl IntoView {
    let t = listing_texts(locale);
    let results = RwSignal::new(Vec::<Suggestion>::new());
    let state = RwSignal::new(Suggestions::Closed);
    let active = RwSignal::new(None::<usize>);
    let in_flight = StoredValue::new(None::<AbortHandle>);

    let ask = move |text: String| {
        if let Some(previous) = in_flight.get_value() {
            previous.abort();
        }
        if normalise_query(&text).chars().count() < 2 {
            state.set(Suggestions::Closed);
            return;
        }
        let (handle, registration) = AbortHandle::new_pair();
        in_flight.set_value(Some(handle));
        let work = async move {
            #[cfg(feature = "hydrate")]
            gloo_timers::future::TimeoutFuture::new(DEBOUNCE_MS).await;
            suggest_products(text, locale).await
        };
        leptos::task::spawn_local(async move {
            if let Ok(Ok(list)) = Abortable::new(work, registration).await {
                active.set(None);
                results.set(list);
                state.set(Suggestions::Open);
            }
        });
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = results.with_untracked(Vec::len);
        if state.get_untracked() == Suggestions::Closed || count == 0 {
            return;
        }
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                if let Some(i) = active.get_untracked() {
                    ev.prevent_default();
                    let slug = results.with_untracked(|r| r[i].slug.clone());
                    state.set(Suggestions::Closed);
                    let _ = window()
                        .location()
                        .set_href(&locale.href(&format!("/p/{slug}")));
                }
            }
            "Escape" => state.set(Suggestions::Closed),
            _ => {}
        }
    };

    let expanded = move || state.get() == Suggestions::Open;
    view! {
        <form class="search" role="search" action=locale.href("/search") method="get">
            <label for="site-search" class="visually-hidden">{t.search_products}</label>
            <input
                id="site-search"
                name="q"
                type="search"
                placeholder=t.search_placeholder
                autocomplete="off"
                value=initial
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-suggestions"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().map(|i| format!("suggestion-{i}"))
                on:input=move |ev| ask(event_target_value(&ev))
                on:keydown=on_keydown
                on:blur=move |_| state.set(Suggestions::Closed)
            />
            <button type="submit" class="search-button">
                <span class="visually-hidden">{t.search_button}</span>
                <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                    <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2"/>
                    <path d="M20 20l-4-4" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
                </svg>
            </button>
            <ul
                id="search-suggestions"
                class="suggestions"
                role="listbox"
                aria-label=t.suggestions
                hidden=move || !expanded()
                // Keep the focus in the box while a suggestion is clicked.
                on:mousedown=|ev| ev.prevent_default()
            >
                {move || {
                    let list = results.get();
                    if list.is_empty() {
                        return view! { <li class="suggestion-empty" role="option" aria-disabled="true">{t.no_suggestions}</li> }.into_any();
                    }
                    list.into_iter().enumerate().map(|(i, s)| view! {
                        <li
                            role="option"
                            id=format!("suggestion-{i}")
                            aria-selected=move || (active.get() == Some(i)).to_string()
                            class="suggestion"
                        >
                            <a href=locale.href(&format!("/p/{}", s.slug)) on:click=move |_| state.set(Suggestions::Closed)>
                                {s.image_url.map(|src| view! { <img src=src alt="" width="40" height="50"/> })}
                                <span class="suggestion-name">{s.name}</span>
                                <span class="suggestion-meta">{s.category} " · " {locale.money(s.price_minor, &s.currency)}</span>
                            </a>
                        </li>
                    }).collect_view().into_any()
                }}
            </ul>
        </form>
    }
}
