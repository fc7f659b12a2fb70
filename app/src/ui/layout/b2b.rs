use crate::auth::pages::{AuthContext, RequireAccess, SignOutButton};
use crate::auth::rules::Requirement;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};

/// The B2B portal: the buyer's company, the portal's sections, the buyer.
#[component]
pub fn B2bLayout() -> impl IntoView {
    let auth = AuthContext::provide();
    let who = move || {
        Suspend::new(async move {
            auth.user().await.map(|user| {
                let company = user.company.map(|c| c.name).unwrap_or_default();
                view! {
                    <span class="company-name">{company}</span>
                    <span class="muted">{user.name} " · " {user.role.label()}</span>
                }
            })
        })
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="portal-header">
            <div class="container header-row">
                <a class="brand" href="/b2b">"Atelier " <span class="brand-sub">"Wholesale"</span></a>
                <div class="portal-who"><Suspense fallback=|| ()>{who}</Suspense></div>
                <SignOutButton class="button small"/>
            </div>
            <nav class="portal-nav" aria-label="Portal">
                <ul class="container">
                    <li><A href="/b2b" exact=true>"Campaigns"</A></li>
                    <li><A href="/b2b/orders">"Pre-orders"</A></li>
                    <li><A href="/b2b/company">"Company"</A></li>
                    <li><a href="/" rel="external">"Storefront"</a></li>
                </ul>
            </nav>
        </header>
        <main id="main" class="container page">
            <RequireAccess requirement=Requirement::Retailer>
                <Outlet/>
            </RequireAccess>
        </main>
    }
}
