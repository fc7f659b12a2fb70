//! Configuration from environment variables (documented in the README).
//! The address to listen on comes from Leptos' own `LEPTOS_SITE_ADDR`.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `DATABASE_URL`: an existing PostgreSQL. Unset: a private cluster is
    /// started under `data_dir`.
    pub database_url: Option<String>,
    /// `ATELIER_DATA_DIR` (default `data`): where the private cluster lives.
    pub data_dir: PathBuf,
    /// `ATELIER_DEMO_DATA` (default `true`): load the demo catalog, people
    /// and stock into an empty database.
    pub demo_data: bool,
    /// `ATELIER_SECURE_COOKIES` (default `false`): mark the session cookie
    /// `Secure`; set it when the site is served over HTTPS.
    pub secure_cookies: bool,
    /// `ATELIER_DB_POOL_SIZE` (default 16): connections per server process.
    pub db_pool_size: u32,
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{name} has an invalid value {value:?}: {expected}")]
pub struct ConfigError {
    name: &'static str,
    value: String,
    expected: &'static str,
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let flag = |name: &'static str, default: bool| -> Result<bool, ConfigError> {
            match lookup(name).map(|v| v.trim().to_ascii_lowercase()) {
                None => Ok(default),
                Some(v) if ["1", "true", "yes", "on"].contains(&v.as_str()) => Ok(true),
                Some(v) if ["0", "false", "no", "off"].contains(&v.as_str()) => Ok(false),
                Some(value) => Err(ConfigError {
                    name,
                    value,
                    expected: "use true or false",
                }),
            }
        };
        let db_pool_size = match lookup("ATELIER_DB_POOL_SIZE") {
            None => 16,
            Some(value) => value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=500).contains(n))
                .ok_or(ConfigError {
                    name: "ATELIER_DB_POOL_SIZE",
                    value,
                    expected: "a whole number from 1 to 500",
                })?,
        };
        Ok(Config {
            database_url: lookup("DATABASE_URL"),
            data_dir: lookup("ATELIER_DATA_DIR")
                .map_or_else(|| PathBuf::from("data"), PathBuf::from),
            demo_data: flag("ATELIER_DEMO_DATA", true)?,
            secure_cookies: flag("ATELIER_SECURE_COOKIES", false)?,
            db_pool_size,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_run_the_embedded_database_with_demo_data() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, None);
        assert_eq!(c.data_dir, PathBuf::from("data"));
        assert!(c.demo_data);
        assert!(!c.secure_cookies);
        assert_eq!(c.db_pool_size, 16);
    }

    #[test]
    fn values_are_read_and_checked() {
        let c = config(&[
            ("DATABASE_URL", "postgres://x@h/db"),
            ("ATELIER_DEMO_DATA", "no"),
            ("ATELIER_SECURE_COOKIES", "TRUE"),
            ("ATELIER_DB_POOL_SIZE", "40"),
        ])
        .unwrap();
        assert_eq!(c.database_url.as_deref(), Some("postgres://x@h/db"));
        assert!(!c.demo_data);
        assert!(c.secure_cookies);
        assert_eq!(c.db_pool_size, 40);
        assert!(config(&[("ATELIER_DEMO_DATA", "maybe")]).is_err());
        assert!(config(&[("ATELIER_DB_POOL_SIZE", "0")]).is_err());
        assert!(config(&[("ATELIER_DB_POOL_SIZE", "many")]).is_err());
    }
}
