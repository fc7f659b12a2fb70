//! A private PostgreSQL cluster for when no `DATABASE_URL` is given: created
//! with `initdb` under the data folder on first start, started with
//! `pg_ctl`, reachable only through a Unix socket, stopped on exit.
//!
//! PostgreSQL refuses to run as root; when we are root, its commands run as
//! the unprivileged `postgres` system user, which owns the cluster.

use sqlx::postgres::PgConnectOptions;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use tokio::process::Command;

const PORT: u16 = 5432;
const SYSTEM_USER: &str = "postgres";
/// Unix socket paths are limited to 107 bytes; keep well below.
const MAX_SOCKET_DIR_LEN: usize = 90;

#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error(
        "PostgreSQL is not installed: no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin.\n\
         Install it (Debian/Ubuntu: `apt-get install -y postgresql`), or set DATABASE_URL \
         to an existing database."
    )]
    NotInstalled,
    #[error(
        "running as root, but there is no `{SYSTEM_USER}` system user to run PostgreSQL as \
         (PostgreSQL refuses to run as root). Installing the postgresql package creates it, \
         or set DATABASE_URL."
    )]
    NoSystemUser,
    #[error("{what} failed: {detail}")]
    Command { what: String, detail: String },
    #[error("could not prepare {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub struct EmbeddedPostgres {
    bin_dir: PathBuf,
    cluster: PathBuf,
    socket_dir: PathBuf,
    run_as: Option<&'static str>,
    /// Whether this process started the server (then it also stops it).
    started_here: bool,
}

impl EmbeddedPostgres {
    /// Creates the cluster if needed and starts it (or joins one that an
    /// earlier run left running).
    pub async fn start(data_dir: &Path) -> Result<Self, EmbeddedError> {
        let bin_dir = find_binaries().ok_or(EmbeddedError::NotInstalled)?;
        let run_as = if is_root() { Some(SYSTEM_USER) } else { None };
        if run_as.is_some() && !system_user_exists().await {
            return Err(EmbeddedError::NoSystemUser);
        }
        let data_dir = absolute(data_dir)?;
        let cluster = cluster_dir(&data_dir, run_as).await?;
        let socket_dir = socket_dir(&cluster)?;
        let mut pg = EmbeddedPostgres {
            bin_dir,
            cluster,
            socket_dir,
            run_as,
            started_here: false,
        };
        pg.prepare_dirs().await?;
        if !pg.cluster.join("PG_VERSION").exists() {
            tracing::info!(cluster = %pg.cluster.display(), "creating a PostgreSQL cluster");
            pg.run(
                "initdb",
                &[
                    "-D",
                    &pg.path(&pg.cluster),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                ],
            )
            .await?;
            let conf = pg.cluster.join("postgresql.conf");
            let mut text = std::fs::read_to_string(&conf).map_err(|e| io(&conf, e))?;
            text.push_str("\ninclude_if_exists = 'atelier.conf'\n");
            std::fs::write(&conf, text).map_err(|e| io(&conf, e))?;
        }
        // Written on every start: the socket folder may have moved.
        let settings = pg.cluster.join("atelier.conf");
        std::fs::write(
            &settings,
            format!(
                "listen_addresses = ''\nport = {PORT}\nunix_socket_directories = '{}'\n",
                pg.socket_dir.display().to_string().replace('\'', "''")
            ),
        )
        .map_err(|e| io(&settings, e))?;
        pg.chown(&settings).await?;

        if pg
            .run_quiet("pg_ctl", &["-D", &pg.path(&pg.cluster), "status"])
            .await
        {
            tracing::info!("joining the PostgreSQL server an earlier run left running");
        } else {
            let log = pg.cluster.join("server.log");
            pg.run(
                "pg_ctl",
                &[
                    "-D",
                    &pg.path(&pg.cluster),
                    "-l",
                    &pg.path(&log),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
            )
            .await?;
            pg.started_here = true;
            tracing::info!(socket = %pg.socket_dir.display(), "PostgreSQL started");
        }
        Ok(pg)
    }

    pub fn connect_options(&self, database: &str) -> PgConnectOptions {
        PgConnectOptions::new()
            .socket(&self.socket_dir)
            .port(PORT)
            .username("postgres")
            .database(database)
    }

    /// Stops the server if this process started it.
    pub async fn stop(&self) {
        if !self.started_here {
            return;
        }
        match self
            .run(
                "pg_ctl",
                &["-D", &self.path(&self.cluster), "-m", "fast", "-w", "stop"],
            )
            .await
        {
            Ok(()) => tracing::info!("PostgreSQL stopped"),
            Err(error) => tracing::warn!(%error, "could not stop PostgreSQL"),
        }
    }

    fn path(&self, path: &Path) -> String {
        path.display().to_string()
    }

    async fn prepare_dirs(&self) -> Result<(), EmbeddedError> {
        for dir in [&self.cluster, &self.socket_dir] {
            if !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
                set_mode(dir, 0o700)?;
                self.chown(dir).await?;
            }
        }
        Ok(())
    }

    async fn chown(&self, path: &Path) -> Result<(), EmbeddedError> {
        match self.run_as {
            Some(user) => run_command(
                Command::new("chown")
                    .arg(format!("{user}:{user}"))
                    .arg(path),
                "chown",
            )
            .await
            .map(drop),
            None => Ok(()),
        }
    }

    fn command(&self, program: &str) -> Command {
        let program = self.bin_dir.join(program);
        let mut command = match self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(program);
                c
            }
            None => Command::new(program),
        };
        // Its own process group: Ctrl-C in the terminal reaches us, and we
        // stop the database after the last request is answered.
        command.process_group(0).current_dir("/");
        command
    }

    async fn run(&self, program: &str, args: &[&str]) -> Result<(), EmbeddedError> {
        run_command(self.command(program).args(args), program)
            .await
            .map(drop)
    }

    async fn run_quiet(&self, program: &str, args: &[&str]) -> bool {
        self.command(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .await
            .is_ok_and(|s| s.success())
    }
}

async fn run_command(command: &mut Command, what: &str) -> Result<String, EmbeddedError> {
    let output =
        command
            .stdin(Stdio::null())
            .output()
            .await
            .map_err(|e| EmbeddedError::Command {
                what: what.to_owned(),
                detail: e.to_string(),
            })?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(EmbeddedError::Command {
            what: what.to_owned(),
            detail: format!(
                "{}{}",
                String::from_utf8_lossy(&output.stderr),
                String::from_utf8_lossy(&output.stdout)
            )
            .trim()
            .to_owned(),
        })
    }
}

/// The folder with `initdb` and `pg_ctl`: on PATH, else the newest
/// `/usr/lib/postgresql/<version>/bin`.
pub fn find_binaries() -> Option<PathBuf> {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    if let Some(dir) = on_path.into_iter().find(|d| has_both(d)) {
        return Some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            Some((version, entry.path().join("bin")))
        })
        .filter(|(_, bin)| has_both(bin))
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    // The effective user id, read from /proc (no libc call needed).
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|euid| euid == "0"))
        })
        .unwrap_or(false)
}

async fn system_user_exists() -> bool {
    Command::new("id")
        .arg("-u")
        .arg(SYSTEM_USER)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .await
        .is_ok_and(|s| s.success())
}

/// `<data>/postgres`, unless the `postgres` user cannot reach the data
/// folder (e.g. a project under `/root`): then a folder under
/// `/var/lib/atelier` named after the project's path.
async fn cluster_dir(data_dir: &Path, run_as: Option<&str>) -> Result<PathBuf, EmbeddedError> {
    std::fs::create_dir_all(data_dir).map_err(|e| io(data_dir, e))?;
    let preferred = data_dir.join("postgres");
    let Some(user) = run_as else {
        return Ok(preferred);
    };
    let reachable = Command::new("runuser")
        .args(["-u", user, "--", "test", "-x"])
        .arg(data_dir)
        .status()
        .await
        .is_ok_and(|s| s.success());
    if reachable {
        return Ok(preferred);
    }
    let name: String = data_dir
        .display()
        .to_string()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let fallback = Path::new("/var/lib/atelier").join(name.trim_matches('-'));
    tracing::warn!(
        data_dir = %data_dir.display(),
        cluster = %fallback.display(),
        "the postgres user cannot reach the data folder; keeping the database elsewhere"
    );
    std::fs::create_dir_all(fallback.parent().unwrap_or(Path::new("/")))
        .map_err(|e| io(&fallback, e))?;
    Ok(fallback)
}

/// The socket lives in the cluster folder, or in `/tmp` when that path is
/// too long for a Unix socket.
fn socket_dir(cluster: &Path) -> Result<PathBuf, EmbeddedError> {
    if cluster.as_os_str().len() <= MAX_SOCKET_DIR_LEN {
        return Ok(cluster.to_path_buf());
    }
    let digest = cluster
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf29ce484222325u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
        });
    Ok(PathBuf::from(format!("/tmp/atelier-pg-{digest:016x}")))
}

fn absolute(path: &Path) -> Result<PathBuf, EmbeddedError> {
    std::path::absolute(path).map_err(|e| io(path, e))
}

fn set_mode(path: &Path, mode: u32) -> Result<(), EmbeddedError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| io(path, e))
}

fn io(path: &Path, source: std::io::Error) -> EmbeddedError {
    EmbeddedError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_cluster_paths_hold_their_own_socket() {
        let short = Path::new("/srv/atelier/data/postgres");
        assert_eq!(socket_dir(short).unwrap(), short);
    }

    #[test]
    fn long_cluster_paths_use_a_stable_folder_in_tmp() {
        let long = PathBuf::from(format!("/srv/{}/postgres", "x".repeat(120)));
        let a = socket_dir(&long).unwrap();
        assert!(a.to_string_lossy().starts_with("/tmp/atelier-pg-"));
        assert_eq!(a, socket_dir(&long).unwrap());
        assert!(a.as_os_str().len() < MAX_SOCKET_DIR_LEN);
    }
}
