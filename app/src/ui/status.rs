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
    let locale = crate::i18n::use_locale();
    let t = crate::ui::texts::frame_texts(locale);
    let heading = match locale {
        crate::i18n::Locale::En => format!("{what} not found"),
        _ => t.not_found.to_owned(),
    };
    view! {
        <Title text=t.not_found/>
        <section class="status-page">
            <p class="status-code">"404"</p>
            <h1>{heading}</h1>
            <p>{t.not_found_hint}</p>
            <a class="button" href=locale.href("/")>{t.go_to_shop}</a>
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
