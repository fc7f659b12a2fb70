//! Account operations on the server: sign in (throttled), register, sign
//! out, change password. Each returns where the browser should go next.

use super::db::{self, CreateUserError, NewUser};
use super::model::{CurrentUser, Role};
use super::password;
use super::rules::{
    ACCOUNT_THROTTLE, ADDRESS_THROTTLE, Email, check_new_password, check_password_confirmation,
    landing_path, parse_name,
};
use super::session::AuthSession;
use crate::error::{AppError, FieldError, FieldErrors};
use sqlx::PgPool;
use time::OffsetDateTime;

pub struct SignInForm {
    pub email: String,
    pub password: String,
    pub next: Option<String>,
}

pub async fn sign_in(
    pool: &PgPool,
    session: &mut AuthSession,
    client_ip: Option<&str>,
    form: SignInForm,
) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    let email = errors.check(Email::parse(&form.email));
    if form.password.is_empty() {
        errors.push(FieldError::new(
            "password",
            "required",
            "Please enter your password.",
        ));
    }
    errors.finish()?;
    let email = email.ok_or(AppError::Internal)?;

    let now = OffsetDateTime::now_utc();
    let window = ACCOUNT_THROTTLE.window.max(ADDRESS_THROTTLE.window);
    let (by_email, by_ip) = db::recent_failures(pool, &email, client_ip, now - window).await?;
    let wait = [
        ACCOUNT_THROTTLE.retry_after(&by_email, now),
        ADDRESS_THROTTLE.retry_after(&by_ip, now),
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(wait) = wait {
        tracing::warn!(email = email.as_str(), ?client_ip, "sign-in throttled");
        return Err(AppError::TooManyRequests {
            retry_after_secs: wait.whole_seconds().max(1) as u64,
        });
    }

    let account = db::find_by_email(pool, &email).await?;
    let stored_hash = account.as_ref().map(|a| a.password_hash.clone());
    let password_ok = password::verify(form.password, stored_hash).await;
    db::record_login_attempt(pool, &email, client_ip, password_ok).await?;
    let account = match account {
        Some(account) if password_ok => account,
        _ => return Err(AppError::InvalidCredentials),
    };

    session
        .login(&account)
        .await
        .map_err(AppError::internal("storing the session"))?;
    db::record_sign_in(pool, account.user.id).await?;
    Ok(landing_path(&account.user, form.next.as_deref()))
}

pub struct RegisterForm {
    pub name: String,
    pub email: String,
    pub password: String,
    pub password_confirm: String,
    pub next: Option<String>,
}

/// Creates a consumer account and signs it in.
pub async fn register(
    pool: &PgPool,
    session: &mut AuthSession,
    form: RegisterForm,
) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    let name = errors.check(parse_name(&form.name));
    let email = errors.check(Email::parse(&form.email));
    errors.check(check_new_password("password", &form.password, &form.email));
    errors.check(check_password_confirmation(
        &form.password,
        &form.password_confirm,
    ));
    errors.finish()?;
    let (name, email) = name.zip(email).ok_or(AppError::Internal)?;

    let hash = password::hash(form.password)
        .await
        .map_err(AppError::internal("hashing a password"))?;
    let new_user = NewUser {
        email: &email,
        name: &name,
        password_hash: &hash,
        role: Role::Consumer,
        company_id: None,
    };
    match db::create_user(pool, new_user).await {
        Ok(_) => {}
        Err(CreateUserError::EmailTaken) => {
            return Err(AppError::field(
                "email",
                "taken",
                "An account with this email already exists. Sign in instead?",
            ));
        }
        Err(CreateUserError::Database(error)) => return Err(error.into()),
    }
    let account = db::find_by_email(pool, &email)
        .await?
        .ok_or(AppError::Internal)?;
    session
        .login(&account)
        .await
        .map_err(AppError::internal("storing the session"))?;
    Ok(landing_path(&account.user, form.next.as_deref()))
}

pub async fn sign_out(session: &mut AuthSession) -> Result<(), AppError> {
    session
        .logout()
        .await
        .map(drop)
        .map_err(AppError::internal("ending the session"))
}

pub struct ChangePasswordForm {
    pub current_password: String,
    pub new_password: String,
    pub new_password_confirm: String,
}

/// Changes the caller's password. Every other session of theirs ends (their
/// stored session hash no longer matches); this one stays signed in.
pub async fn change_password(
    pool: &PgPool,
    session: &mut AuthSession,
    user: &CurrentUser,
    form: ChangePasswordForm,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    errors.check(check_new_password(
        "new_password",
        &form.new_password,
        &user.email,
    ));
    if form.new_password != form.new_password_confirm {
        errors.push(FieldError::new(
            "new_password_confirm",
            "mismatch",
            "The two new passwords do not match.",
        ));
    }
    let account = db::find_by_id(pool, user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if !password::verify(form.current_password, Some(account.password_hash.clone())).await {
        errors.push(FieldError::new(
            "current_password",
            "incorrect",
            "Your current password is not correct.",
        ));
    }
    errors.finish()?;

    let hash = password::hash(form.new_password)
        .await
        .map_err(AppError::internal("hashing a password"))?;
    db::set_password_hash(pool, user.id, &hash).await?;
    let account = db::find_by_id(pool, user.id)
        .await?
        .ok_or(AppError::Internal)?;
    session
        .login(&account)
        .await
        .map_err(AppError::internal("storing the session"))
}
