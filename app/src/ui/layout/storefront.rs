use crate::auth::model::Audience;
use crate::auth::pages::{AuthContext, SignOutButton};
use crate::cart::pages::CartLink;
use crate::catalog::api::get_storefront_nav;
use crate::catalog::pages::search_box::SearchBox;
use crate::i18n::{Locale, use_locale};
use crate::ui::texts::frame_texts;
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

/// The storefront around a routed page.
#[component]
pub fn StorefrontLayout() -> impl IntoView {
    view! { <StorefrontFrame><Outlet/></StorefrontFrame> }
}

/// The storefront's header and footer around any content (also used for the
/// not-found page, which has no route). It decides the page's language from
/// the address and gives it to everything inside.
#[component]
pub fn StorefrontFrame(children: Children) -> impl IntoView {
    let locale = Locale::of_path(&use_location().pathname.get_untracked());
    provide_context(locale);
    AuthContext::provide();
    let t = frame_texts(locale);
    let nav = Resource::new(move || locale, get_storefront_nav);
    let categories = move || {
        Suspend::new(async move {
            nav.await.ok().map(|nav| {
                nav.categories
                    .into_iter()
                    .map(|c| view! { <li><a href=locale.href(&format!("/c/{}", c.slug))>{c.name}</a></li> })
                    .collect_view()
            })
        })
    };
    view! {
        <Html attr:lang=locale.code()/>
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href=locale.href("/") aria-label=t.home_label>"Atelier"</a>
                <SearchBox/>
                <nav class="header-actions" aria-label=t.account_nav>
                    <LanguageSwitch/>
                    <PersonalHeader/>
                </nav>
            </div>
            <nav class="category-nav" aria-label=t.categories_nav>
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
                    <p>{t.tagline}</p>
                </section>
                <section aria-labelledby="footer-shop">
                    <h2 id="footer-shop">{t.shop}</h2>
                    <ul>
                        <Suspense fallback=|| ()>{categories}</Suspense>
                    </ul>
                </section>
                <section aria-labelledby="footer-help">
                    <h2 id="footer-help">{t.help}</h2>
                    <ul>
                        <li>{t.free_shipping}</li>
                        <li>{t.returns}</li>
                        <li><a href="mailto:care@atelier.example">"care@atelier.example"</a></li>
                    </ul>
                </section>
                <section aria-labelledby="footer-trade">
                    <h2 id="footer-trade">{t.trade}</h2>
                    <ul>
                        <li><a href="/b2b" rel="external">{t.wholesale}</a></li>
                        <li><a href="/admin" rel="external">{t.staff}</a></li>
                    </ul>
                </section>
            </div>
            <p class="container fine-print">{t.fine_print}</p>
        </footer>
    }
}

/// The header's part that depends on the visitor: who is signed in, and
/// the bag. The page cache serves a catalog page kept for everyone with this
/// part of the visitor's own (rendered at [`PERSONAL_HEADER_PATH`]) in
/// place of the anonymous one: everything between [`PERSONAL_OPEN`] and
/// [`PERSONAL_CLOSE`].
#[component]
fn PersonalHeader() -> impl IntoView {
    view! { <atelier-personal><AccountMenu/><CartLink/></atelier-personal> }
}

pub const PERSONAL_OPEN: &str = "<atelier-personal>";
pub const PERSONAL_CLOSE: &str = "</atelier-personal>";
/// Where the visitor's part of the header is rendered alone (in Italian
/// under `/it`).
pub const PERSONAL_HEADER_PATH: &str = "/_personal";

/// The visitor's part of the header, alone on a page (see [`PersonalHeader`]).
#[component]
pub fn PersonalHeaderPage() -> impl IntoView {
    let locale = Locale::of_path(&use_location().pathname.get_untracked());
    provide_context(locale);
    AuthContext::provide();
    view! {
        <leptos_meta::Meta name="robots" content="noindex"/>
        <PersonalHeader/>
    }
}

/// Links to this page in the other languages. Plain links: the choice is
/// the address, so it stays for every page opened from there.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    let t = frame_texts(locale);
    let links = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        let here = Locale::strip(&path).to_owned();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{}", search.trim_start_matches('?'))
        };
        Locale::ALL
            .into_iter()
            .filter(|l| *l != locale)
            .map(|other| {
                view! {
                    <a class="language-link" href=format!("{}{query}", other.href(&here)) hreflang=other.code() lang=other.code() rel="alternate">
                        {other.name()}
                    </a>
                }
            })
            .collect_view()
    };
    view! { <span class="language-switch" role="group" aria-label=t.language>{links}</span> }
}

/// Sign-in and register links, or the signed-in person's menu. A native
/// disclosure (`details`), so it opens without JavaScript too.
#[component]
fn AccountMenu() -> impl IntoView {
    let auth = AuthContext::get();
    let locale = use_locale();
    let t = frame_texts(locale);
    view! {
        <Transition fallback=move || view! { <a href=locale.href("/sign-in")>{t.sign_in}</a> }>
            {move || Suspend::new(async move {
                match auth.user().await {
                    None => view! {
                        <a href=locale.href("/sign-in") class="account-link">{t.sign_in}</a>
                        <a href=locale.href("/register") class="account-link secondary">{t.register}</a>
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
                                    <a href=locale.href("/account")>{t.your_account}</a>
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
