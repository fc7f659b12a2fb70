use crate::auth::model::AdminArea;
use crate::auth::pages::{AuthContext, RequireAccess, SignOutButton};
use crate::auth::rules::Requirement;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};

/// The back office: a sidebar of the business areas the person may enter,
/// and who is signed in with which role.
#[component]
pub fn AdminLayout() -> impl IntoView {
    let auth = AuthContext::provide();
    let sidebar = move || {
        Suspend::new(async move {
            let role = auth.user().await.map(|u| u.role);
            AdminArea::ALL
                .into_iter()
                .filter(|area| role.is_some_and(|role| area.allows(role)))
                .map(|area| {
                    view! {
                        <li>
                            <A href=area.path() exact=area == AdminArea::Dashboard>{area.label()}</A>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let who = move || {
        Suspend::new(async move {
            auth.user().await.map(|user| {
                view! {
                    <span class="staff-name">{user.name}</span>
                    <span class="badge">{user.role.label()}</span>
                }
            })
        })
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <div class="admin-shell">
            <aside class="admin-sidebar">
                <a class="brand" href="/admin">"Atelier " <span class="brand-sub">"Back office"</span></a>
                <nav aria-label="Business areas">
                    <ul><Suspense fallback=|| ()>{sidebar}</Suspense></ul>
                </nav>
                <a class="sidebar-foot" href="/" rel="external">"View storefront ↗"</a>
            </aside>
            <div class="admin-main">
                <header class="admin-topbar">
                    <div class="admin-who"><Suspense fallback=|| ()>{who}</Suspense></div>
                    <SignOutButton class="button small"/>
                </header>
                <main id="main" class="admin-content">
                    <RequireAccess requirement=Requirement::Staff(AdminArea::Dashboard)>
                        <Outlet/>
                    </RequireAccess>
                </main>
            </div>
        </div>
    }
}
