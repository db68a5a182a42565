//! The `tend` binary: one command line for serving, migrating, users, tokens, imports,
//! exports, the demo and backups. Every command takes the same database settings.

mod commands;
mod memory;
mod settings;

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use commands::{admin, channels, demo, export, import, serve, work};
use settings::{LogFormat, Settings};
use tend_store::{Store, StoreOptions};

#[derive(Parser)]
#[command(
    name = "tend",
    version,
    about = "Tend: a self-hosted customer service plan system",
    after_help = "Every setting may also come from TEND_* variables or tend.toml: see docs/configuration.md."
)]
struct Cli {
    /// The configuration file (TOML). Default: `tend.toml` in the working directory, if any.
    #[arg(long, global = true, env = "TEND_CONFIG")]
    config: Option<PathBuf>,
    /// `sqlite://PATH` (embedded, the default `sqlite://./tend-data/tend.db`) or
    /// `postgres://USER@HOST/DB`.
    #[arg(long, global = true, env = "TEND_DATABASE_URL", hide_env_values = true)]
    database: Option<String>,
    /// SQLite only: each connection's page cache in KiB, 64–1048576 (default 2048).
    #[arg(long, global = true, env = "TEND_SQLITE_CACHE_KIB",
          value_parser = clap::value_parser!(u32).range(64..=1_048_576))]
    sqlite_cache_kib: Option<u32>,
    /// SQLite only: the soft limit on all of SQLite's memory in KiB, 0 (none) to 1048576
    /// (default 4096).
    #[arg(long, global = true, env = "TEND_SQLITE_HEAP_KIB",
          value_parser = clap::value_parser!(u32).range(0..=1_048_576))]
    sqlite_heap_kib: Option<u32>,
    /// Log filter, e.g. `info,sqlx=warn` (the default).
    #[arg(long, global = true, env = "TEND_LOG")]
    log: Option<String>,
    /// Log format (default pretty).
    #[arg(long, global = true, env = "TEND_LOG_FORMAT")]
    log_format: Option<LogFormat>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (migrates the database first).
    Serve {
        #[command(flatten)]
        server: serve::ServerArgs,
        /// Do not run a background worker in this process (run `tend worker` elsewhere).
        #[arg(long)]
        no_worker: bool,
        #[command(flatten)]
        work: work::WorkArgs,
    },
    /// Run background workers only: response-standard alerts, follow-ups, retention contacts
    /// and outgoing mail. Several, on several machines, may share one PostgreSQL database.
    Worker {
        #[command(flatten)]
        work: work::WorkArgs,
    },
    /// The effective configuration.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
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
    /// Export complaints, or a survey's answers (survey-answers --survey ID), as CSV or JSON
    /// lines to standard output.
    Export(export::ExportArgs),
    /// Build the embedded demo company in an empty database (or import a support-tickets CSV
    /// with --file).
    Demo(demo::DemoArgs),
    /// Copy a SQLite database to FILE while Tend runs.
    Backup { file: PathBuf },
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print every setting's effective value and where it came from (flag, environment, file
    /// or default), passwords and other secrets masked. Takes the same flags as `tend serve`.
    Show {
        #[command(flatten)]
        server: serve::ServerArgs,
        #[command(flatten)]
        work: work::WorkArgs,
    },
}

fn main() -> std::process::ExitCode {
    // Before any thread exists: at most two malloc arenas (see `memory`).
    memory::cap_malloc_arenas();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the tokio runtime");
    runtime.block_on(start())
}

async fn start() -> std::process::ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match Settings::load(&matches) {
        Ok(settings) => finish(run(cli, settings).await),
        Err(e) => finish(Err(e)),
    }
}

fn finish(result: anyhow::Result<()>) -> std::process::ExitCode {
    match result {
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

async fn run(cli: Cli, settings: Settings) -> anyhow::Result<()> {
    let log = &settings.log_filter;
    let filter = tend::log_filter(&log.value)
        .map_err(|e| anyhow::anyhow!("log.filter ({}): {e}", log.source))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match settings.log_format.value {
        LogFormat::Pretty => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
    let mut opts = StoreOptions::new(&settings.database.value);
    opts.sqlite_cache_kib = settings.sqlite_cache_kib.value;
    opts.sqlite_heap_kib = settings.sqlite_heap_kib.value;
    match cli.command {
        Command::Serve { no_worker, .. } => serve::run(&opts, &settings, !no_worker).await,
        Command::Worker { .. } => work::run(open(&opts).await?, &settings).await,
        Command::Config {
            command: ConfigCommand::Show { .. },
        } => {
            println!("{}", settings::render(&settings));
            Ok(())
        }
        Command::Migrate => {
            open(&opts).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::User { command } => admin::user(&open(&opts).await?, command).await,
        Command::Channel { command } => channels::run(&open(&opts).await?, command).await,
        Command::Token { command } => admin::token(&open(&opts).await?, command).await,
        Command::Import(mut args) => {
            args.retention_days = Some(settings.retention_days.value);
            import::run(&open(&opts).await?, args).await
        }
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
