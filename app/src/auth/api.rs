//! Server functions of the accounts area: thin wrappers that read the
//! request and call the account operations. Their errors get an HTTP status
//! from [`crate::server::error_status`].

use super::model::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::{accounts, session},
    crate::server::{client_ip, pool},
};

/// The signed-in person, if any.
#[server(output = crate::codec::Json)]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    session::current().await
}

#[server(output = crate::codec::Json)]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    let mut auth = session::auth_session().await?;
    let form = accounts::SignInForm {
        email,
        password,
        next,
    };
    let pool = pool()?;
    let target = accounts::sign_in(&pool, &mut auth, client_ip().as_deref(), form).await?;
    adopt_guest_cart(&pool, &auth).await?;
    leptos_axum::redirect(&target);
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn register(
    name: String,
    email: String,
    password: String,
    password_confirm: String,
    next: Option<String>,
) -> Result<(), AppError> {
    let mut auth = session::auth_session().await?;
    let form = accounts::RegisterForm {
        name,
        email,
        password,
        password_confirm,
        next,
    };
    let pool = pool()?;
    let target = accounts::register(&pool, &mut auth, form).await?;
    adopt_guest_cart(&pool, &auth).await?;
    leptos_axum::redirect(&target);
    Ok(())
}

/// What a guest put in the bag stays there after signing in.
#[cfg(feature = "ssr")]
async fn adopt_guest_cart(
    pool: &sqlx::PgPool,
    auth: &session::AuthSession,
) -> Result<(), AppError> {
    match &auth.user {
        Some(account) => crate::cart::api::adopt_guest_cart(pool, account.user.id).await,
        None => Ok(()),
    }
}

#[server(output = crate::codec::Json)]
pub async fn sign_out() -> Result<(), AppError> {
    let mut auth = session::auth_session().await?;
    accounts::sign_out(&mut auth).await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    let user = session::require(super::rules::Requirement::SignedIn).await?;
    let mut auth = session::auth_session().await?;
    let form = accounts::ChangePasswordForm {
        current_password,
        new_password,
        new_password_confirm,
    };
    accounts::change_password(&pool()?, &mut auth, &user, form).await?;
    leptos_axum::redirect("/account?password=changed");
    Ok(())
}
