use super::AuthContext;
use crate::auth::rules::PASSWORD_HINT;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let auth = AuthContext::get();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let error = action_error(auth.register);
    let pending = auth.register.pending();
    view! {
        <Title text="Create an account"/>
        <section class="auth-card">
            <h1>"Create an account"</h1>
            <p class="lead">"Track your orders, save addresses and check out faster."</p>
            <ActionForm action=auth.register attr:class="form" attr:novalidate=true>
                <FormAlert error/>
                <input type="hidden" name="next" value=next/>
                <TextField label="Full name" name="name" autocomplete="name" required=true error=field_error(error, "name")/>
                <TextField
                    label="Email"
                    name="email"
                    kind="email"
                    autocomplete="email"
                    required=true
                    error=field_error(error, "email")
                />
                <TextField
                    label="Password"
                    name="password"
                    kind="password"
                    autocomplete="new-password"
                    hint=PASSWORD_HINT
                    required=true
                    error=field_error(error, "password")
                />
                <TextField
                    label="Repeat password"
                    name="password_confirm"
                    kind="password"
                    autocomplete="new-password"
                    required=true
                    error=field_error(error, "password_confirm")
                />
                <SubmitButton label="Create account" busy_label="Creating account…" pending class="button primary wide"/>
            </ActionForm>
            <p class="auth-switch">"Already have an account? " <a href="/sign-in">"Sign in"</a></p>
        </section>
    }
}
