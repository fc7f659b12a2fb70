use crate::auth::api::Register;
use crate::auth::texts::auth_texts;
use crate::i18n::{Locale, use_locale};
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::island::island_context;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let locale = use_locale();
    let t = auth_texts(locale);
    // Only customers register: one who does so in Italian lands on the
    // Italian account page.
    let next = use_query_map()
        .read_untracked()
        .get("next")
        .unwrap_or_else(|| match locale {
            Locale::En => String::new(),
            Locale::It => locale.href("/account"),
        });
    view! {
        <Title text=t.create_an_account/>
        <section class="auth-card">
            <h1>{t.create_an_account}</h1>
            <p class="lead">{t.register_lead}</p>
            <RegisterForm locale next/>
            <p class="auth-switch">{t.have_account} <a href=locale.href("/sign-in")>{t.sign_in}</a></p>
        </section>
    }
}

/// An island, so what is wrong shows next to each field without reloading
/// the page (and what was typed stays).
#[island]
fn RegisterForm(locale: Locale, next: String) -> impl IntoView {
    island_context(locale);
    let t = auth_texts(locale);
    let register = ServerAction::<Register>::new();
    let error = action_error(register);
    let pending = register.pending();
    view! {
        <ActionForm action=register attr:class="form" attr:novalidate=true>
            <FormAlert error/>
            <input type="hidden" name="next" value=next/>
            <TextField label=t.full_name name="name" autocomplete="name" required=true error=field_error(error, "name")/>
            <TextField
                label=t.email
                name="email"
                kind="email"
                autocomplete="email"
                required=true
                error=field_error(error, "email")
            />
            <TextField
                label=t.password
                name="password"
                kind="password"
                autocomplete="new-password"
                hint=t.password_hint
                required=true
                error=field_error(error, "password")
            />
            <TextField
                label=t.repeat_password
                name="password_confirm"
                kind="password"
                autocomplete="new-password"
                required=true
                error=field_error(error, "password_confirm")
            />
            <SubmitButton label=t.create_account busy_label=t.creating_account pending class="button primary wide"/>
        </ActionForm>
    }
}
