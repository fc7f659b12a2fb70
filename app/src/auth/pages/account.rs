use super::{AuthContext, RequireAccess, SignOutButton};
use crate::auth::model::{Audience, CurrentUser};
use crate::auth::rules::Requirement;
use crate::auth::texts::{auth_texts, hello, role_label};
use crate::i18n::use_locale;
use crate::orders::pages::my_orders::MyOrders;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::Loading;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountPage() -> impl IntoView {
    let auth = AuthContext::get();
    let t = auth_texts(use_locale());
    view! {
        <Title text=t.your_account/>
        <RequireAccess requirement=Requirement::SignedIn>
            <Suspense fallback=move || view! { <Loading label=t.loading/> }>
                {move || Suspend::new(async move {
                    auth.user().await.map(|user| view! { <AccountOverview user/> })
                })}
            </Suspense>
        </RequireAccess>
    }
}

#[component]
fn AccountOverview(user: CurrentUser) -> impl IntoView {
    let locale = use_locale();
    let t = auth_texts(locale);
    let surface_link = match user.role.audience() {
        Audience::Staff => Some(("/admin", t.open_back_office)),
        Audience::Retailer => Some(("/b2b", t.open_portal)),
        Audience::Consumer => None,
    };
    let is_consumer = user.role.audience() == Audience::Consumer;
    view! {
        <div class="page-header">
            <h1>{hello(locale, user.first_name())}</h1>
            <SignOutButton class="button"/>
        </div>
        <div class="account-grid">
            <section class="card" aria-labelledby="profile-heading">
                <h2 id="profile-heading">{t.profile}</h2>
                <dl class="facts">
                    <dt>{t.name}</dt>
                    <dd>{user.name.clone()}</dd>
                    <dt>{t.email}</dt>
                    <dd>{user.email.clone()}</dd>
                    <dt>{t.account}</dt>
                    <dd>{role_label(locale, user.role)}</dd>
                    {user.company.clone().map(|company| view! {
                        <dt>{t.company}</dt>
                        <dd>{company.name}</dd>
                    })}
                </dl>
                {surface_link.map(|(href, label)| view! {
                    <a class="button primary" href=href rel="external">{label}</a>
                })}
            </section>
            <section class="card" aria-labelledby="password-heading">
                <h2 id="password-heading">{t.change_password}</h2>
                <ChangePasswordForm/>
            </section>
            {is_consumer.then(|| view! {
                <section class="card wide" aria-labelledby="orders-heading">
                    <h2 id="orders-heading">{t.your_orders}</h2>
                    <MyOrders/>
                </section>
                <crate::customers::pages::AddressBook/>
            })}
        </div>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let auth = AuthContext::get();
    let t = auth_texts(use_locale());
    let query = use_query_map();
    let changed = move || query.read().get("password").as_deref() == Some("changed");
    let error = action_error(auth.change_password);
    let pending = auth.change_password.pending();
    view! {
        <Show when=changed>
            <div class="alert success" role="status">
                {t.password_changed}
            </div>
        </Show>
        <ActionForm action=auth.change_password attr:class="form" attr:novalidate=true>
            <FormAlert error/>
            <TextField
                label=t.current_password
                name="current_password"
                kind="password"
                autocomplete="current-password"
                required=true
                error=field_error(error, "current_password")
            />
            <TextField
                label=t.new_password
                name="new_password"
                kind="password"
                autocomplete="new-password"
                hint=t.password_hint
                required=true
                error=field_error(error, "new_password")
            />
            <TextField
                label=t.repeat_new_password
                name="new_password_confirm"
                kind="password"
                autocomplete="new-password"
                required=true
                error=field_error(error, "new_password_confirm")
            />
            <SubmitButton label=t.change_password busy_label=t.saving pending class="button primary"/>
        </ActionForm>
    }
}
