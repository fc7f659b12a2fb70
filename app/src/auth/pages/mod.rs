//! Pages and components of the accounts area.

pub mod account;
#[cfg(feature = "ssr")]
pub mod forbidden;
pub mod register;
pub mod sign_in;

use super::api::{ChangePassword, Register, SignIn, SignOut, get_current_user};
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
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
    pub sign_in: ServerAction<SignIn>,
    pub register: ServerAction<Register>,
    pub sign_out: ServerAction<SignOut>,
    pub change_password: ServerAction<ChangePassword>,
}

impl AuthContext {
    pub fn provide() -> Self {
        let sign_in = ServerAction::<SignIn>::new();
        let register = ServerAction::<Register>::new();
        let sign_out = ServerAction::<SignOut>::new();
        let change_password = ServerAction::<ChangePassword>::new();
        let user = Resource::new(
            move || {
                (
                    sign_in.version().get(),
                    register.version().get(),
                    sign_out.version().get(),
                )
            },
            |_| get_current_user(),
        );
        let context = AuthContext {
            user,
            sign_in,
            register,
            sign_out,
            change_password,
        };
        provide_context(context);
        context
    }

    pub fn get() -> Self {
        expect_context()
    }
}

/// Renders its children only for people who meet `requirement`; sends
/// anonymous visitors to sign in. The route guard already enforces this on
/// the server; this covers navigation inside the browser.
#[component]
pub fn RequireAccess(requirement: Requirement, children: ChildrenFn) -> impl IntoView {
    let auth = AuthContext::get();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let user = auth.user.await.ok().flatten();
                match decide(user.as_ref(), requirement) {
                    Decision::Allow => children.with_value(|children| children()).into_any(),
                    Decision::SignIn => {
                        let location = use_location();
                        let here = format!(
                            "{}{}",
                            location.pathname.get_untracked(),
                            location.search.get_untracked()
                        );
                        view! { <Redirect path=sign_in_url(&here)/> }.into_any()
                    }
                    Decision::Forbidden => view! { <ForbiddenNotice/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A sign-out button: a real form post, so it works without JavaScript and
/// cannot be triggered by a cross-site link.
#[component]
pub fn SignOutButton(#[prop(default = "button link")] class: &'static str) -> impl IntoView {
    let auth = AuthContext::get();
    view! {
        <ActionForm action=auth.sign_out attr:class="inline-form">
            <button type="submit" class=class>"Sign out"</button>
        </ActionForm>
    }
}
