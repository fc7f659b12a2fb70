//! The database: an existing one (`DATABASE_URL`) or a private embedded
//! cluster, migrated at start-up.

pub mod embedded;

use crate::config::Config;
use embedded::{EmbeddedError, EmbeddedPostgres};
use sqlx::migrate::{MigrateDatabase, Migrator};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, PgPool};
use std::str::FromStr;
use std::time::Duration;

/// The schema, from `server/migrations`. Migrations take an advisory lock,
/// so several servers starting at once migrate only once.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The URL of database `name` on the same server as `base` (keeping its
/// user, host and parameters): for benchmarks and tests.
pub fn sibling_url(base: &str, name: &str) -> String {
    let (without_query, query) = base.split_once('?').unwrap_or((base, ""));
    let scheme_end = without_query.find("://").map_or(0, |i| i + 3);
    let server = match without_query[scheme_end..].find('/') {
        Some(slash) => &without_query[..scheme_end + slash],
        None => without_query,
    };
    if query.is_empty() {
        format!("{server}/{name}")
    } else {
        format!("{server}/{name}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::sibling_url;

    #[test]
    fn a_sibling_database_keeps_the_server_and_parameters() {
        assert_eq!(
            sibling_url("postgres://u@h:5432/postgres", "b"),
            "postgres://u@h:5432/b"
        );
        assert_eq!(
            sibling_url("postgres://u@h:5432", "b"),
            "postgres://u@h:5432/b"
        );
        assert_eq!(
            sibling_url("postgres://u@h/x?sslmode=disable", "b"),
            "postgres://u@h/b?sslmode=disable"
        );
    }
}

const DATABASE_NAME: &str = "atelier";

#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error(transparent)]
    Embedded(#[from] EmbeddedError),
    #[error("DATABASE_URL is not a valid PostgreSQL URL: {0}")]
    BadUrl(sqlx::Error),
    #[error("could not connect to the database: {0}")]
    Connect(sqlx::Error),
    #[error("could not migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

pub struct Database {
    pub pool: PgPool,
    embedded: Option<EmbeddedPostgres>,
}

impl Database {
    pub async fn open(config: &Config) -> Result<Database, DatabaseError> {
        let (options, embedded) = match &config.database_url {
            Some(url) => {
                let options = PgConnectOptions::from_str(url).map_err(DatabaseError::BadUrl)?;
                if !sqlx::Postgres::database_exists(url)
                    .await
                    .map_err(DatabaseError::Connect)?
                {
                    tracing::info!("creating the database named in DATABASE_URL");
                    sqlx::Postgres::create_database(url)
                        .await
                        .map_err(DatabaseError::Connect)?;
                }
                (options, None)
            }
            None => {
                let pg = EmbeddedPostgres::start(&config.data_dir).await?;
                create_database_if_missing(&pg).await?;
                (pg.connect_options(DATABASE_NAME), Some(pg))
            }
        };
        let options = options
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(500));
        let pool = PgPoolOptions::new()
            .max_connections(config.db_pool_size)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await
            .map_err(DatabaseError::Connect)?;
        MIGRATOR.run(&pool).await?;
        Ok(Database { pool, embedded })
    }

    /// Closes the pool and stops the embedded cluster, if we started it.
    pub async fn close(self) {
        self.pool.close().await;
        if let Some(pg) = self.embedded {
            pg.stop().await;
        }
    }
}

async fn create_database_if_missing(pg: &EmbeddedPostgres) -> Result<(), DatabaseError> {
    let mut admin = pg
        .connect_options("postgres")
        .connect()
        .await
        .map_err(DatabaseError::Connect)?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(DATABASE_NAME)
            .fetch_one(&mut admin)
            .await
            .map_err(DatabaseError::Connect)?;
    if !exists {
        sqlx::query(&format!("CREATE DATABASE {DATABASE_NAME}"))
            .execute(&mut admin)
            .await
            .map_err(DatabaseError::Connect)?;
    }
    Ok(())
}
