//! `/b2b/company`: the company, its people, ship-to stores and payment
//! terms; company admins invite colleagues. `/b2b/join/:token`: an invited
//! colleague sets their password.

use super::{CompanyField, ErrorList, acting_for};
use crate::auth::model::Role;
use crate::error::AppError;
use crate::ui::form::{FormAlert, ReturnTo, SubmitButton, TextField, action_error, field_error};
use crate::ui::status::{ErrorNotice, Loading, NotFound};
use crate::wholesale::api::portal::{
    AcceptInvitation, InviteColleague, get_invitation, my_company,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CompanyPage() -> impl IntoView {
    let company = acting_for();
    let invite = ServerAction::<InviteColleague>::new();
    let profile = Resource::new(move || invite.version().get(), move |_| my_company(company));
    let viewer = Resource::new(|| (), |_| crate::auth::api::get_current_user());
    view! {
        <Title text="Company · Wholesale"/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let may_invite = company.is_some()
                    || matches!(viewer.await, Ok(Some(ref u)) if u.role == Role::CompanyAdmin);
                match profile.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(profile) => {
                        let company_details = profile.company;
                        view! {
                            <header class="page-header"><h1>{company_details.name.clone()}</h1></header>
                            <div class="account-grid">
                                <section class="card" aria-labelledby="company-heading">
                                    <h2 id="company-heading">"Company details"</h2>
                                    <dl class="facts">
                                        <dt>"Legal name"</dt><dd>{company_details.legal_name}</dd>
                                        <dt>"VAT number"</dt><dd>{company_details.vat_number}</dd>
                                        <dt>"Location"</dt><dd>{company_details.city} ", " {company_details.country}</dd>
                                        <dt>"Currency"</dt><dd>{company_details.currency}</dd>
                                        <dt>"Payment terms"</dt><dd>{profile.payment_terms.label()}</dd>
                                    </dl>
                                </section>
                                <section class="card" aria-labelledby="stores-heading">
                                    <h2 id="stores-heading">"Ship-to stores"</h2>
                                    {if profile.stores.is_empty() {
                                        view! { <p class="muted">"No store yet: ask your sales representative to add the stores you want goods delivered to."</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="address-list">
                                                {profile.stores.into_iter().map(|s| view! {
                                                    <li class="address-card">
                                                        <strong>{s.name}</strong>
                                                        <address>
                                                            {s.address.name}<br/>{s.address.line1}<br/>
                                                            {format!("{} {} · {}", s.address.postal_code, s.address.city, s.address.country)}
                                                        </address>
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </section>
                                <section class="card wide" aria-labelledby="people-heading">
                                    <h2 id="people-heading">"People"</h2>
                                    <table class="table">
                                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Email"</th><th scope="col">"Role"</th></tr></thead>
                                        <tbody>
                                            {profile.members.into_iter().map(|m| view! {
                                                <tr>
                                                    <td>{m.name}</td>
                                                    <td>{m.email}</td>
                                                    <td>{if m.role == Role::CompanyAdmin { "Company admin" } else { "Buyer" }}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                    {(!profile.invitations.is_empty()).then(|| view! {
                                        <h3>"Invited, not joined yet"</h3>
                                        <ul class="plain-list">
                                            {profile.invitations.into_iter().map(|i| view! {
                                                <li>{format!("{} <{}> · {}", i.name, i.email, if i.role == "company_admin" { "Company admin" } else { "Buyer" })}</li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                    {may_invite.then(|| view! { <InviteForm invite company/> })}
                                </section>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn InviteForm(invite: ServerAction<InviteColleague>, company: Option<uuid::Uuid>) -> impl IntoView {
    let error = action_error(invite);
    let link = move || invite.value().get().and_then(Result::ok);
    view! {
        <details class="details">
            <summary>"Invite a colleague"</summary>
            <ActionForm action=invite attr:class="form" attr:novalidate=true>
                <FormAlert error/>
                <CompanyField company/>
                <ReturnTo path="/b2b/company"/>
                <TextField label="Name" name="name" autocomplete="off" required=true error=field_error(error, "name")/>
                <TextField label="Email" name="email" kind="email" autocomplete="off" required=true error=field_error(error, "email")/>
                <div class="field">
                    <label for="invite-role">"Role"</label>
                    <select id="invite-role" name="role">
                        <option value="buyer">"Buyer"</option>
                        <option value="company_admin">"Company admin"</option>
                    </select>
                </div>
                <SubmitButton label="Send invitation" busy_label="Inviting…" pending=invite.pending() class="button"/>
            </ActionForm>
            {move || link().map(|path| view! {
                <p class="alert success" role="status">"Invitation created. Send your colleague this link: " <code>{path}</code></p>
            })}
        </details>
    }
}

#[component]
pub fn JoinPage() -> impl IntoView {
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let invitation = Resource::new(move || token.get(), get_invitation);
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = action_error(accept);
    view! {
        <Title text="Join your company · Wholesale"/>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                match invitation.await {
                    Err(AppError::NotFound(_)) => view! { <NotFound what="Invitation"/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(invitation) => view! {
                        <section class="card narrow">
                            <h1>{format!("Join {} on Atelier Wholesale", invitation.company)}</h1>
                            <p>{format!("Hello {}, choose a password for {}.", invitation.name, invitation.email)}</p>
                            <ActionForm action=accept attr:class="form" attr:novalidate=true>
                                <ErrorList error/>
                                <input type="hidden" name="token" value=token.get_untracked()/>
                                <TextField label="Password" name="password" kind="password" autocomplete="new-password" hint=crate::auth::rules::PASSWORD_HINT required=true error=field_error(error, "password")/>
                                <TextField label="Repeat the password" name="password_confirm" kind="password" autocomplete="new-password" required=true error=field_error(error, "password_confirm")/>
                                <SubmitButton label="Create my account" busy_label="Creating…" pending=accept.pending()/>
                            </ActionForm>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
