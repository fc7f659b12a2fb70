//! Loading, empty, not-found and forbidden states, the same on every surface.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Loading(#[prop(default = "Loading…")] label: &'static str) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <span>{label}</span>
        </div>
    }
}

/// An empty list, with what the person can do about it.
#[component]
pub fn EmptyState(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="empty-state">
            <h2>{title}</h2>
            {children()}
        </div>
    }
}

#[component]
pub fn NotFound(#[prop(default = "Page")] what: &'static str) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::set_page_status(http::StatusCode::NOT_FOUND);
    view! {
        <Title text="Not found"/>
        <section class="status-page">
            <p class="status-code">"404"</p>
            <h1>{what} " not found"</h1>
            <p>"The address may be mistyped, or the page has moved."</p>
            <a class="button" href="/">"Go to the shop"</a>
        </section>
    }
}

/// Shown when a signed-in person opens a page their role may not see.
#[component]
pub fn ForbiddenNotice() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::set_page_status(http::StatusCode::FORBIDDEN);
    view! {
        <Title text="No access"/>
        <section class="status-page">
            <p class="status-code">"403"</p>
            <h1>"You do not have access to this page"</h1>
            <p>"Your account's role does not include this area. Sign in with another account, or ask an administrator."</p>
        </section>
    }
}

/// A server error shown in place of a page's content.
#[component]
pub fn ErrorNotice(error: crate::error::AppError) -> impl IntoView {
    view! {
        <div class="alert error" role="alert">
            {error.to_string()}
        </div>
    }
}
