use super::AuthContext;
use crate::auth::texts::auth_texts;
use crate::i18n::use_locale;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let auth = AuthContext::get();
    let locale = use_locale();
    let t = auth_texts(locale);
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let register_href = move || match query.read().get("next") {
        Some(next) => locale.href(&format!("/register?next={}", urlencoding::encode(&next))),
        None => locale.href("/register"),
    };
    let error = action_error(auth.sign_in);
    let pending = auth.sign_in.pending();
    view! {
        <Title text=t.sign_in/>
        <section class="auth-card">
            <h1>{t.sign_in}</h1>
            <p class="lead">{t.sign_in_lead}</p>
            <ActionForm action=auth.sign_in attr:class="form" attr:novalidate=true>
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
            <p class="auth-switch">{t.new_here} <a href=register_href>{t.create_an_account}</a></p>
        </section>
    }
}
