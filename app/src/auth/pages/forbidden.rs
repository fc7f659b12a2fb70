//! The 403 page the route guard answers with. A standalone document (no
//! hydration): the guard stops the request before the app renders.

use crate::auth::api::SignOut;
use crate::auth::model::CurrentUser;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
fn ForbiddenPage(user: Option<CurrentUser>) -> impl IntoView {
    let home = user.as_ref().map_or("/", |u| u.role.home_path());
    view! {
        <main class="status-page standalone" id="main">
            <a class="brand" href="/">"Atelier"</a>
            <p class="status-code">"403"</p>
            <h1>"You do not have access to this page"</h1>
            {user.map(|user| view! {
                <p>
                    "You are signed in as " <strong>{user.name}</strong> " (" {user.role.label()} "). "
                    "This area belongs to other roles."
                </p>
            })}
            <div class="actions">
                <a class="button primary" href=home>"Go to your start page"</a>
                <form method="post" action=SignOut::url() class="inline-form">
                    <button type="submit" class="button">"Sign in as someone else"</button>
                </form>
            </div>
        </main>
    }
}

#[cfg(feature = "ssr")]
pub fn render_document(user: Option<&CurrentUser>) -> String {
    let user = user.cloned();
    let body = Owner::new().with(|| view! { <ForbiddenPage user/> }.to_html());
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>No access · Atelier</title>\
         <link rel=\"stylesheet\" href=\"{}\"></head><body>{body}</body></html>",
        crate::STYLESHEET
    )
}
