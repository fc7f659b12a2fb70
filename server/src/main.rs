use leptos::config::get_configuration;
use server::config::Config;
use server::database::Database;
use server::http::{AppState, router};
use server::{demo, telemetry};
use std::net::SocketAddr;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => return fail(&error),
    };
    // Under cargo-leptos the site settings come from the environment; a bare
    // `server` binary reads them from the workspace's Cargo.toml.
    let leptos = match get_configuration(None).or_else(|_| get_configuration(Some("Cargo.toml"))) {
        Ok(conf) => conf.leptos_options,
        Err(error) => return fail(&error),
    };
    let database = match Database::open(&config).await {
        Ok(database) => database,
        Err(error) => return fail(&error),
    };
    let served = serve(&config, leptos, &database).await;
    database.close().await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(error.as_ref()),
    }
}

async fn serve(
    config: &Config,
    leptos: leptos::config::LeptosOptions,
    database: &Database,
) -> Result<(), Box<dyn std::error::Error>> {
    let pool = database.pool.clone();
    if config.demo_data {
        demo::load(&pool).await?;
    }
    let _workers = server::jobs::spawn(pool.clone());
    let addr = leptos.site_addr;
    let app = router(
        AppState {
            leptos_options: leptos,
            pool,
        },
        config.secure_cookies,
    );
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("\n  Atelier is running at http://{addr}\n");
    if config.demo_data {
        println!("{}", demo::LOGINS_TEXT);
    }
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("stopped taking requests");
    Ok(())
}

/// Ctrl-C or SIGTERM: finish the requests in flight, then stop.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("\nAtelier could not start: {error}\n");
    ExitCode::FAILURE
}
