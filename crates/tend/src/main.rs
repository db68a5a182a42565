//! The `tend` binary: one command line for serving, migrating, users, tokens, imports,
//! exports, the demo and backups. Every command takes the same database settings.

mod commands;

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use commands::{admin, channels, demo, export, import, serve, work};
use tend_store::{Store, StoreOptions};

/// The database Tend uses when none is given: an embedded SQLite file.
pub const DEFAULT_DATABASE: &str = "sqlite://./tend-data/tend.db";

#[derive(Parser)]
#[command(
    name = "tend",
    version,
    about = "Tend: a self-hosted customer service plan system"
)]
struct Cli {
    /// `sqlite://PATH` (embedded, the default) or `postgres://USER@HOST/DB`.
    #[arg(long, global = true, env = "TEND_DATABASE_URL", default_value = DEFAULT_DATABASE, hide_env_values = true)]
    database: String,
    /// Log format.
    #[arg(long, global = true, env = "TEND_LOG_FORMAT", default_value = "pretty")]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Pretty,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (migrates the database first).
    Serve {
        /// Address and port to listen on.
        #[arg(long, env = "TEND_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Mark the web pages' cookies `Secure`: set it when Tend is reached over HTTPS.
        #[arg(long, env = "TEND_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Do not run a background worker in this process (run `tend worker` elsewhere).
        #[arg(long)]
        no_worker: bool,
        #[command(flatten)]
        work: work::WorkOptions,
    },
    /// Run background workers only: response-standard alerts, follow-ups, retention contacts
    /// and outgoing mail. Several, on several machines, may share one PostgreSQL database.
    Worker {
        /// Workers in this process.
        #[arg(long, default_value_t = 1)]
        concurrency: u32,
        #[command(flatten)]
        work: work::WorkOptions,
    },
    /// Bring the database schema up to date.
    Migrate,
    /// Manage employees (users).
    User {
        #[command(subcommand)]
        command: admin::UserCommand,
    },
    /// A channel's service hours and response standards.
    Channel {
        #[command(subcommand)]
        command: channels::ChannelCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: admin::TokenCommand,
    },
    /// Import customers or complaints from CSV. All or nothing unless --skip-invalid.
    Import(import::ImportArgs),
    /// Export complaints as CSV or JSON lines to standard output.
    Export(export::ExportArgs),
    /// Build the embedded demo company in an empty database (or import a support-tickets CSV
    /// with --file).
    Demo(demo::DemoArgs),
    /// Copy a SQLite database to FILE while Tend runs.
    Backup { file: PathBuf },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_env("TEND_LOG")
        .unwrap_or_else(|_| "info,sqlx=warn".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match cli.log_format {
        LogFormat::Pretty => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
    let opts = StoreOptions::new(&cli.database);
    match cli.command {
        Command::Serve {
            listen,
            secure_cookies,
            no_worker,
            work,
        } => serve::run(&opts, listen, secure_cookies, work, !no_worker).await,
        Command::Worker { concurrency, work } => {
            work::run(open(&opts).await?, work, concurrency).await
        }
        Command::Migrate => {
            open(&opts).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::User { command } => admin::user(&open(&opts).await?, command).await,
        Command::Channel { command } => channels::run(&open(&opts).await?, command).await,
        Command::Token { command } => admin::token(&open(&opts).await?, command).await,
        Command::Import(args) => import::run(&open(&opts).await?, args).await,
        Command::Export(args) => export::run(&open(&opts).await?, args).await,
        Command::Demo(args) => demo::run(&open(&opts).await?, args).await,
        Command::Backup { file } => {
            open(&opts).await?.backup(&file).await?;
            println!("backed up to {}", file.display());
            Ok(())
        }
    }
}

/// Opens (and migrates) the store, with an error that says which database failed.
pub async fn open(opts: &StoreOptions) -> anyhow::Result<Store> {
    Store::open(opts)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database: {e}"))
}
