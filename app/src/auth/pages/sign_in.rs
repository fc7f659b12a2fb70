use super::AuthContext;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let auth = AuthContext::get();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let register_href = move || match query.read().get("next") {
        Some(next) => format!("/register?next={}", urlencoding::encode(&next)),
        None => "/register".to_owned(),
    };
    let error = action_error(auth.sign_in);
    let pending = auth.sign_in.pending();
    view! {
        <Title text="Sign in"/>
        <section class="auth-card">
            <h1>"Sign in"</h1>
            <p class="lead">"Customers, retail buyers and staff all sign in here."</p>
            <ActionForm action=auth.sign_in attr:class="form" attr:novalidate=true>
                <FormAlert error/>
                <input type="hidden" name="next" value=next/>
                <TextField
                    label="Email"
                    name="email"
                    kind="email"
                    autocomplete="username"
                    required=true
                    error=field_error(error, "email")
                />
                <TextField
                    label="Password"
                    name="password"
                    kind="password"
                    autocomplete="current-password"
                    required=true
                    error=field_error(error, "password")
                />
                <SubmitButton label="Sign in" busy_label="Signing in…" pending class="button primary wide"/>
            </ActionForm>
            <p class="auth-switch">"New to Atelier? " <a href=register_href>"Create an account"</a></p>
        </section>
    }
}
