//! `tend user`, `tend token` and `tend demo`: people, credentials and the demo company.

use std::path::Path;

use clap::Subcommand;
use jiff::Timestamp;
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::Role;
use tend_store::{Actor, Store};

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add an employee; prints a one-time password.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, manager, agent, viewer or vendor (may only push its assigned figures).
        #[arg(long, default_value = "agent")]
        role: String,
        #[arg(long)]
        team: Option<String>,
        /// Support tier 0–3.
        #[arg(long, default_value_t = 1)]
        tier: i64,
    },
    /// List employees.
    List,
    /// Deactivate an employee: no sign-in, and their sessions and tokens stop working at once
    /// on every server sharing the database.
    Deactivate {
        #[arg(long)]
        email: String,
    },
    /// Reactivate a deactivated employee (their revoked tokens stay revoked).
    Activate {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Issue an API token for an employee; it is printed once and stored only as a hash.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        label: Option<String>,
    },
    /// Revoke an employee's tokens (only those with `--label`, if given), at once on every
    /// server sharing the database.
    Revoke {
        #[arg(long)]
        email: String,
        #[arg(long)]
        label: Option<String>,
    },
}

fn arg<T>(field: &str, r: Result<T, impl std::fmt::Display>) -> anyhow::Result<T> {
    r.map_err(|reason| anyhow::anyhow!("--{field}: {reason}"))
}

/// The employee `--email` names, or an error naming the option.
async fn by_email(store: &Store, email: &str) -> anyhow::Result<tend_domain::staff::Employee> {
    let email = arg("email", Email::parse(email))?;
    store
        .employee_by_email(&email)
        .await
        .map_err(|_| anyhow::anyhow!("--email: no employee with {email}"))
}

pub async fn user(store: &Store, cmd: UserCommand) -> anyhow::Result<()> {
    match cmd {
        UserCommand::Add {
            email,
            name,
            role,
            team,
            tier,
        } => {
            let email = arg("email", Email::parse(&email))?;
            let name = arg("name", Name::parse(&name))?;
            let role = arg("role", Role::parse(&role))?;
            let team = team.map(|t| arg("team", Name::parse(&t))).transpose()?;
            let tier = arg("tier", Tier::new(tier))?;
            let (password, hash) = tend_store::new_password();
            let e = store
                .create_employee(
                    &email,
                    &name,
                    role,
                    team.as_ref(),
                    tier,
                    &hash,
                    Timestamp::now(),
                )
                .await?;
            println!(
                "added {} <{}> as {} (id {})",
                e.name,
                e.email,
                e.role.as_str(),
                e.id
            );
            println!("one-time password: {password}");
            println!("API token: tend token create --email {}", e.email);
        }
        UserCommand::List => {
            for e in store.employees().await? {
                println!(
                    "{}\t{}\t{}\t{}\ttier {}",
                    e.id,
                    e.email,
                    e.name,
                    e.role.as_str(),
                    e.tier.get()
                );
            }
        }
        UserCommand::Deactivate { email } => {
            let e = by_email(store, &email).await?;
            store
                .set_employee_active(e.id, false, Timestamp::now(), &Actor::system("cli"))
                .await?;
            println!("deactivated {} <{}>", e.name, e.email);
        }
        UserCommand::Activate { email } => {
            let e = by_email(store, &email).await?;
            store
                .set_employee_active(e.id, true, Timestamp::now(), &Actor::system("cli"))
                .await?;
            println!("activated {} <{}>", e.name, e.email);
        }
    }
    Ok(())
}

pub async fn token(store: &Store, cmd: TokenCommand) -> anyhow::Result<()> {
    match cmd {
        TokenCommand::Create { email, label } => {
            let e = by_email(store, &email).await?;
            let token = store
                .create_token(
                    e.id,
                    label.as_deref(),
                    Timestamp::now(),
                    &Actor::system("cli"),
                )
                .await?;
            println!("{token}");
            eprintln!(
                "Token for {} ({}). It is shown only now; store it safely.",
                e.name,
                e.role.as_str()
            );
        }
        TokenCommand::Revoke { email, label } => {
            let e = by_email(store, &email).await?;
            let n = store
                .revoke_tokens(
                    e.id,
                    label.as_deref(),
                    Timestamp::now(),
                    &Actor::system("cli"),
                )
                .await?;
            println!("revoked {n} token(s) of {} <{}>", e.name, e.email);
        }
    }
    Ok(())
}

/// `tend demo --file`: a few employees, then a support-tickets CSV with its categories,
/// products and channels.
pub async fn demo(store: &Store, file: &Path) -> anyhow::Result<()> {
    let now = Timestamp::now();
    let people = [
        ("owner@demo.tend", "Olivia Owner", Role::Admin, 3),
        ("manager@demo.tend", "Marco Manager", Role::Manager, 2),
        ("agent@demo.tend", "Ayşe Agent", Role::Agent, 1),
        ("viewer@demo.tend", "Victor Viewer", Role::Viewer, 1),
    ];
    for (email, name, role, tier) in people {
        let email = Email::parse(email).expect("demo e-mail");
        if store.employee_by_email(&email).await.is_ok() {
            continue;
        }
        let (password, hash) = tend_store::new_password();
        let name = Name::parse(name).expect("demo name");
        store
            .create_employee(
                &email,
                &name,
                role,
                None,
                Tier::new(tier).expect("tier"),
                &hash,
                now,
            )
            .await?;
        println!("{:<8} {email:<20} password {password}", role.as_str());
    }
    let args = crate::commands::import::ImportArgs::preset_file(
        file,
        crate::commands::import::Preset::SupportTickets,
    );
    crate::commands::import::run(store, args).await
}
