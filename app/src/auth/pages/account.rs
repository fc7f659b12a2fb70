use super::{AuthContext, RequireAccess, SignOutButton};
use crate::auth::model::{Audience, CurrentUser};
use crate::auth::rules::{PASSWORD_HINT, Requirement};
use crate::orders::pages::my_orders::MyOrders;
use crate::ui::form::{FormAlert, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::Loading;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountPage() -> impl IntoView {
    let auth = AuthContext::get();
    view! {
        <Title text="Your account"/>
        <RequireAccess requirement=Requirement::SignedIn>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    auth.user().await.map(|user| view! { <AccountOverview user/> })
                })}
            </Suspense>
        </RequireAccess>
    }
}

#[component]
fn AccountOverview(user: CurrentUser) -> impl IntoView {
    let surface_link = match user.role.audience() {
        Audience::Staff => Some(("/admin", "Open the back office")),
        Audience::Retailer => Some(("/b2b", "Open the B2B portal")),
        Audience::Consumer => None,
    };
    let is_consumer = user.role.audience() == Audience::Consumer;
    view! {
        <div class="page-header">
            <h1>{format!("Hello, {}", user.first_name())}</h1>
            <SignOutButton class="button"/>
        </div>
        <div class="account-grid">
            <section class="card" aria-labelledby="profile-heading">
                <h2 id="profile-heading">"Profile"</h2>
                <dl class="facts">
                    <dt>"Name"</dt>
                    <dd>{user.name.clone()}</dd>
                    <dt>"Email"</dt>
                    <dd>{user.email.clone()}</dd>
                    <dt>"Account"</dt>
                    <dd>{user.role.label()}</dd>
                    {user.company.clone().map(|company| view! {
                        <dt>"Company"</dt>
                        <dd>{company.name}</dd>
                    })}
                </dl>
                {surface_link.map(|(href, label)| view! {
                    <a class="button primary" href=href rel="external">{label}</a>
                })}
            </section>
            <section class="card" aria-labelledby="password-heading">
                <h2 id="password-heading">"Change password"</h2>
                <ChangePasswordForm/>
            </section>
            {is_consumer.then(|| view! {
                <section class="card wide" aria-labelledby="orders-heading">
                    <h2 id="orders-heading">"Your orders"</h2>
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
    let query = use_query_map();
    let changed = move || query.read().get("password").as_deref() == Some("changed");
    let error = action_error(auth.change_password);
    let pending = auth.change_password.pending();
    view! {
        <Show when=changed>
            <div class="alert success" role="status">
                "Your password was changed. Other devices have been signed out."
            </div>
        </Show>
        <ActionForm action=auth.change_password attr:class="form" attr:novalidate=true>
            <FormAlert error/>
            <TextField
                label="Current password"
                name="current_password"
                kind="password"
                autocomplete="current-password"
                required=true
                error=field_error(error, "current_password")
            />
            <TextField
                label="New password"
                name="new_password"
                kind="password"
                autocomplete="new-password"
                hint=PASSWORD_HINT
                required=true
                error=field_error(error, "new_password")
            />
            <TextField
                label="Repeat new password"
                name="new_password_confirm"
                kind="password"
                autocomplete="new-password"
                required=true
                error=field_error(error, "new_password_confirm")
            />
            <SubmitButton label="Change password" busy_label="Saving…" pending class="button primary"/>
        </ActionForm>
    }
}
