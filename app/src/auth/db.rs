//! Accounts in PostgreSQL: users, companies, sign-in attempts.

use super::model::{CompanyRef, CurrentUser, Role};
use super::rules::Email;
use sqlx::{PgExecutor, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

/// A user as stored, with the password hash. Never sent to a browser.
#[derive(Clone)]
pub struct Account {
    pub user: CurrentUser,
    pub password_hash: String,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("user", &self.user)
            .field("password_hash", &"<redacted>")
            .finish()
    }
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: Uuid,
    email: String,
    name: String,
    role: String,
    password_hash: String,
    company_id: Option<Uuid>,
    company_name: Option<String>,
}

impl From<AccountRow> for Account {
    fn from(row: AccountRow) -> Self {
        let company = row
            .company_id
            .zip(row.company_name)
            .map(|(id, name)| CompanyRef { id, name });
        Account {
            user: CurrentUser {
                id: row.id,
                email: row.email,
                name: row.name,
                // The column's CHECK constraint admits only known roles.
                role: Role::parse(&row.role).unwrap_or(Role::Consumer),
                company,
            },
            password_hash: row.password_hash,
        }
    }
}

const SELECT_ACCOUNT: &str = "
    SELECT u.id, u.email::text AS email, u.name, u.role, u.password_hash,
           u.company_id, c.name AS company_name
    FROM users u LEFT JOIN companies c ON c.id = u.company_id";

pub async fn find_by_email(
    db: impl PgExecutor<'_>,
    email: &Email,
) -> sqlx::Result<Option<Account>> {
    sqlx::query_as::<_, AccountRow>(&format!("{SELECT_ACCOUNT} WHERE u.email = $1"))
        .bind(email.as_str())
        .fetch_optional(db)
        .await
        .map(|row| row.map(Account::from))
}

pub async fn find_by_id(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<Account>> {
    sqlx::query_as::<_, AccountRow>(&format!("{SELECT_ACCOUNT} WHERE u.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .map(|row| row.map(Account::from))
}

pub struct NewUser<'a> {
    pub email: &'a Email,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub company_id: Option<Uuid>,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

pub async fn create_user(
    db: impl PgExecutor<'_>,
    new: NewUser<'_>,
) -> Result<Uuid, CreateUserError> {
    sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, role, company_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(new.email.as_str())
    .bind(new.name)
    .bind(new.password_hash)
    .bind(new.role.as_str())
    .bind(new.company_id)
    .fetch_one(db)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.constraint() == Some("users_email_key") => {
            CreateUserError::EmailTaken
        }
        _ => CreateUserError::Database(e),
    })
}

pub async fn set_password_hash(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    hash: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1")
        .bind(user_id)
        .bind(hash)
        .execute(db)
        .await
        .map(drop)
}

pub async fn record_sign_in(db: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET last_sign_in_at = now() WHERE id = $1")
        .bind(user_id)
        .execute(db)
        .await
        .map(drop)
}

pub async fn record_login_attempt(
    db: impl PgExecutor<'_>,
    email: &Email,
    client_ip: Option<&str>,
    succeeded: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO login_attempts (email, client_ip, succeeded) VALUES ($1, $2::inet, $3)",
    )
    .bind(email.as_str())
    .bind(client_ip)
    .bind(succeeded)
    .execute(db)
    .await
    .map(drop)
}

/// Failed attempts since `since`: for this email (only those after its last
/// successful sign-in), and from this client address.
pub async fn recent_failures(
    db: &PgPool,
    email: &Email,
    client_ip: Option<&str>,
    since: OffsetDateTime,
) -> sqlx::Result<(Vec<OffsetDateTime>, Vec<OffsetDateTime>)> {
    let by_email = sqlx::query_scalar(
        "SELECT attempted_at FROM login_attempts a
         WHERE email = $1 AND attempted_at > $2 AND NOT succeeded
           AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts
                                        WHERE email = $1 AND succeeded), '-infinity')
         ORDER BY attempted_at DESC LIMIT 100",
    )
    .bind(email.as_str())
    .bind(since)
    .fetch_all(db)
    .await?;
    let by_ip = match client_ip {
        Some(ip) => {
            sqlx::query_scalar(
                "SELECT attempted_at FROM login_attempts
                 WHERE client_ip = $1::inet AND attempted_at > $2 AND NOT succeeded
                 ORDER BY attempted_at DESC LIMIT 100",
            )
            .bind(ip)
            .bind(since)
            .fetch_all(db)
            .await?
        }
        None => Vec::new(),
    };
    Ok((by_email, by_ip))
}

/// The people of one company, for its portal page.
pub async fn company_users(
    db: impl PgExecutor<'_>,
    company_id: Uuid,
) -> sqlx::Result<Vec<CurrentUser>> {
    sqlx::query_as::<_, AccountRow>(&format!(
        "{SELECT_ACCOUNT} WHERE u.company_id = $1 ORDER BY u.role DESC, u.name"
    ))
    .bind(company_id)
    .fetch_all(db)
    .await
    .map(|rows| rows.into_iter().map(|r| Account::from(r).user).collect())
}
