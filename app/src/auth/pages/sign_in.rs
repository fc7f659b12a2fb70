use crate::auth::api::SignIn;
use crate::auth::texts::auth_texts;
use crate::i18n::{Locale, use_locale};
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::island::island_context;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let locale = use_locale();
    let t = auth_texts(locale);
    let next = use_query_map().read_untracked().get("next");
    let register_href = match &next {
        Some(next) => locale.href(&format!("/register?next={}", urlencoding::encode(next))),
        None => locale.href("/register"),
    };
    view! {
        <Title text=t.sign_in/>
        <section class="auth-card">
            <h1>{t.sign_in}</h1>
            <p class="lead">{t.sign_in_lead}</p>
            <SignInForm locale next=next.unwrap_or_default()/>
            <p class="auth-switch">{t.new_here} <a href=register_href>{t.create_an_account}</a></p>
        </section>
    }
}

/// An island, so a wrong password shows without reloading the page; the
/// server sends the person on to `next` (or their surface's home).
#[island]
fn SignInForm(locale: Locale, next: String) -> impl IntoView {
    island_context(locale);
    let t = auth_texts(locale);
    let sign_in = ServerAction::<SignIn>::new();
    let error = action_error(sign_in);
    let pending = sign_in.pending();
    view! {
        <ActionForm action=sign_in attr:class="form" attr:novalidate=true>
            <FormAlert error/>
            <input type="hidden" name="next" value=next/>
            <TextField
                label=t.email
                name="email"
                kind="email"
                autocomplete="username"
                required=true
                error=field_error(error, "email")
            />
            <TextField
                label=t.password
                name="password"
                kind="password"
                autocomplete="current-password"
                required=true
                error=field_error(error, "password")
            />
            <SubmitButton label=t.sign_in busy_label=t.signing_in pending class="button primary wide"/>
        </ActionForm>
    }
}
