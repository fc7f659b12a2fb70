//! What every island of the storefront sets up first.

use crate::i18n::Locale;
use leptos::prelude::*;

/// Gives an island what the page around it gives server components, so it
/// renders alike on the server and in the browser: the page's language and,
/// after a plain form post that failed (sent before the page was
/// interactive), that post's error, which the address carries back.
pub fn island_context(locale: Locale) {
    provide_context(locale);
    #[cfg(feature = "hydrate")]
    provide_posted_error();
}

/// In the browser there is no router to read `__path` and `__err` from the
/// address (as it does on the server); the island's actions find them here.
#[cfg(feature = "hydrate")]
fn provide_posted_error() {
    let Ok(search) = window().location().search() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    if let (Some(path), Some(err)) = (params.get("__path"), params.get("__err")) {
        provide_context(leptos::server::ServerActionError::new(&path, &err));
    }
}
