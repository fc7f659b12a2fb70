//! Pages and components of the accounts area.

pub mod account;
#[cfg(feature = "ssr")]
pub mod forbidden;
pub mod register;
pub mod sign_in;

use super::api::{ChangePassword, SignOut, get_current_user};
use super::model::CurrentUser;
use super::rules::{Decision, Requirement, decide, sign_in_url};
use crate::error::AppError;
use crate::ui::status::{ForbiddenNotice, Loading};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// The signed-in person and the actions that change who that is. Each
/// surface's layout provides it: layouts render inside `<Routes>`, which is
/// where the errors of no-JavaScript form posts (carried back in the URL)
/// become visible to new actions.
#[derive(Clone, Copy)]
pub struct AuthContext {
    /// The person, tagged with the `epoch` it was read in.
    user: Resource<(u64, Result<Option<CurrentUser>, AppError>)>,
    /// Counts sign-outs: a user read in an earlier epoch is out of date.
    /// (Signing in and registering load the next page whole.)
    epoch: Memo<u64>,
    pub sign_out: ServerAction<SignOut>,
    pub change_password: ServerAction<ChangePassword>,
}

impl AuthContext {
    pub fn provide() -> Self {
        let sign_out = ServerAction::<SignOut>::new();
        let change_password = ServerAction::<ChangePassword>::new();
        let epoch = Memo::new(move |_| sign_out.version().get() as u64);
        let user = Resource::new(
            move || epoch.get(),
            |epoch| async move { (epoch, get_current_user().await) },
        );
        let context = AuthContext {
            user,
            epoch,
            sign_out,
            change_password,
        };
        provide_context(context);
        context
    }

    pub fn get() -> Self {
        expect_context()
    }

    /// Waits for the signed-in person (anyone on error).
    pub async fn user(&self) -> Option<CurrentUser> {
        self.user.await.1.ok().flatten()
    }

    /// The signed-in person as known for the current state, or `None` while
    /// that is still loading, e.g. right after signing in: deciding access
    /// on the previous answer would send a person just signed in back to
    /// the sign-in page.
    pub fn user_now(&self) -> Option<Option<CurrentUser>> {
        let epoch = self.epoch.get();
        self.user
            .get()
            .and_then(|(read_in, user)| (read_in == epoch).then(|| user.ok().flatten()))
    }
}

/// Renders its children only for people who meet `requirement`; sends
/// anonymous visitors to sign in. The route guard already enforces this on
/// the server; this covers navigation inside the browser. It waits for the
/// signed-in person (a `Suspense`): use it once per page, around a surface's
/// or a top-level page's content.
#[component]
pub fn RequireAccess(requirement: Requirement, children: ChildrenFn) -> impl IntoView {
    let loading = super::texts::auth_texts(crate::i18n::use_locale()).loading;
    view! {
        <Suspense fallback=move || view! { <Loading label=loading/> }>
            {AccessGate(AccessGateProps { requirement, children })}
        </Suspense>
    }
}

/// The decision of [`RequireAccess`] without waiting: for checks inside a
/// `RequireAccess` that has already loaded the person (e.g. an admin area
/// inside the back office). A second `Suspense` there would create the
/// page's resources two levels deep, where the server numbers them unlike
/// the browser, and the page would not hydrate.
#[component]
pub fn AccessGate(requirement: Requirement, children: ChildrenFn) -> impl IntoView {
    let auth = AuthContext::get();
    let children = StoredValue::new(children);
    move || match auth
        .user_now()
        .map(|user| decide(user.as_ref(), requirement))
    {
        // Still loading (e.g. right after signing in): decide once known.
        None => ().into_any(),
        Some(Decision::Allow) => children.with_value(|children| children()).into_any(),
        Some(Decision::SignIn) => {
            let location = use_location();
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            view! { <Redirect path=sign_in_url(&here)/> }.into_any()
        }
        Some(Decision::Forbidden) => view! { <ForbiddenNotice/> }.into_any(),
    }
}

/// A sign-out button: a real form post, so it works without JavaScript and
/// cannot be triggered by a cross-site link.
#[component]
pub fn SignOutButton(#[prop(default = "button link")] class: &'static str) -> impl IntoView {
    let auth = AuthContext::get();
    let label = super::texts::auth_texts(crate::i18n::use_locale()).sign_out;
    view! {
        <ActionForm action=auth.sign_out attr:class="inline-form">
            <button type="submit" class=class>{label}</button>
        </ActionForm>
    }
}
