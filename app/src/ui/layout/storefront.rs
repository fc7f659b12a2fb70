use crate::auth::model::Audience;
use crate::auth::pages::{AuthContext, SignOutButton};
use crate::cart::pages::{CartLink, CartState};
use crate::catalog::api::get_storefront_nav;
use crate::catalog::pages::search_box::SearchBox;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// The storefront around a routed page.
#[component]
pub fn StorefrontLayout() -> impl IntoView {
    view! { <StorefrontFrame><Outlet/></StorefrontFrame> }
}

/// The storefront's header and footer around any content (also used for the
/// not-found page, which has no route).
#[component]
pub fn StorefrontFrame(children: Children) -> impl IntoView {
    AuthContext::provide();
    CartState::provide();
    let nav = Resource::new(|| (), |_| get_storefront_nav());
    let categories = move || {
        Suspend::new(async move {
            nav.await.ok().map(|nav| {
                nav.categories
                    .into_iter()
                    .map(|c| view! { <li><a href=format!("/c/{}", c.slug)>{c.name}</a></li> })
                    .collect_view()
            })
        })
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/" aria-label="Atelier, home">"Atelier"</a>
                <SearchBox/>
                <nav class="header-actions" aria-label="Your account">
                    <AccountMenu/>
                    <CartLink/>
                </nav>
            </div>
            <nav class="category-nav" aria-label="Categories">
                <ul class="container">
                    <Suspense fallback=|| ()>{categories}</Suspense>
                </ul>
            </nav>
        </header>
        <main id="main" class="container page">{children()}</main>
        <footer class="site-footer">
            <div class="container footer-columns">
                <section>
                    <p class="brand">"Atelier"</p>
                    <p>"Contemporary clothing and objects, designed in Milan and made in small European workshops."</p>
                </section>
                <section aria-labelledby="footer-shop">
                    <h2 id="footer-shop">"Shop"</h2>
                    <ul>
                        <Suspense fallback=|| ()>{categories}</Suspense>
                    </ul>
                </section>
                <section aria-labelledby="footer-help">
                    <h2 id="footer-help">"Help"</h2>
                    <ul>
                        <li>"Free shipping in the EU over €150"</li>
                        <li>"30-day returns"</li>
                        <li><a href="mailto:care@atelier.example">"care@atelier.example"</a></li>
                    </ul>
                </section>
                <section aria-labelledby="footer-trade">
                    <h2 id="footer-trade">"Trade"</h2>
                    <ul>
                        <li><a href="/b2b" rel="external">"Wholesale portal"</a></li>
                        <li><a href="/admin" rel="external">"Staff sign-in"</a></li>
                    </ul>
                </section>
            </div>
            <p class="container fine-print">"© 2026 Atelier S.r.l. · Prices in EUR incl. VAT"</p>
        </footer>
    }
}

/// Sign-in and register links, or the signed-in person's menu. A native
/// disclosure (`details`), so it opens without JavaScript too.
#[component]
fn AccountMenu() -> impl IntoView {
    let auth = AuthContext::get();
    view! {
        <Transition fallback=|| view! { <a href="/sign-in">"Sign in"</a> }>
            {move || Suspend::new(async move {
                match auth.user().await {
                    None => view! {
                        <a href="/sign-in" class="account-link">"Sign in"</a>
                        <a href="/register" class="account-link secondary">"Register"</a>
                    }.into_any(),
                    Some(user) => {
                        let surface = match user.role.audience() {
                            Audience::Staff => Some(("/admin", "Back office")),
                            Audience::Retailer => Some(("/b2b", "B2B portal")),
                            Audience::Consumer => None,
                        };
                        view! {
                            <details class="menu">
                                <summary class="account-link">{user.first_name().to_owned()}</summary>
                                <div class="menu-panel">
                                    <p class="menu-caption">{user.email.clone()}</p>
                                    <a href="/account">"Your account"</a>
                                    {surface.map(|(href, label)| view! { <a href=href rel="external">{label}</a> })}
                                    <SignOutButton/>
                                </div>
                            </details>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
