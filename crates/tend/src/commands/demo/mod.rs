//! `tend demo`: a believable small company built in an empty database, embedded in the binary
//! and deterministic from a seed, dated relative to today — staff with tiers, channels with
//! service hours and response standards, a catalogue, a few hundred customers across six
//! countries with their purchases, and a year of complaints in English, Spanish and Turkish at
//! every step of the method. `--file X.csv` imports a support-tickets CSV instead, as before.

mod company;
mod customers;
mod story;
mod texts;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::StdRng;
use tend_app::AppState;
use tend_domain::kernel::clock::{Clock, ManualClock, SystemClock};
use tend_store::Store;

/// The demo's options.
#[derive(clap::Args)]
pub struct DemoArgs {
    /// Import this support-tickets CSV (the public dataset's columns) instead of building the
    /// embedded company.
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// The seed of the embedded company: the same seed and day give the same company.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// How many customers.
    #[arg(long, default_value_t = 300)]
    pub customers: usize,
    /// How many complaints, received over the past year.
    #[arg(long, default_value_t = 320)]
    pub complaints: usize,
}

pub async fn run(store: &Store, args: DemoArgs) -> anyhow::Result<()> {
    if let Some(file) = args.file {
        // As before: four employees (kept if there), then the import, which skips what it
        // stored already — running it twice changes nothing.
        return crate::commands::admin::demo(store, &file).await;
    }
    refuse_unless_empty(store).await?;
    let today = SystemClock.now();
    let clock = Arc::new(ManualClock::new(today));
    let state = AppState::new(store.clone(), clock.clone() as Arc<dyn Clock>);
    let mut rng = StdRng::seed_from_u64(args.seed);
    let staff = company::staff(store, today).await?;
    company::channels(store).await?;
    let (categories, items) = company::catalogue(store, today).await?;
    let places = texts::places();
    let people =
        customers::customers(&state, &mut rng, &places, &items, args.customers, today).await?;
    let world = story::World {
        state: &state,
        clock: &clock,
        people: &people,
        items: &items,
        categories: &categories,
        staff: &staff,
        today,
    };
    let ids = story::complaints(&world, &mut rng, args.complaints).await?;
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut escalated, mut waiting) = (0, 0);
    for id in &ids {
        let r = store.complaint(*id).await?.record;
        *by_status.entry(r.status.as_str()).or_default() += 1;
        escalated += usize::from(r.escalation.is_some());
        waiting += usize::from(r.waiting.is_some());
    }
    println!(
        "demo company: {} employees, {} products, {} customers, {} complaints over the past year",
        staff.len(),
        items.len(),
        people.len(),
        ids.len()
    );
    let statuses: Vec<String> = by_status.iter().map(|(s, n)| format!("{s} {n}")).collect();
    println!(
        "  {}; {escalated} escalated, {waiting} waiting on the customer",
        statuses.join(", ")
    );
    println!("next: tend serve, then sign in with one of the passwords above");
    Ok(())
}

/// The demo fills only an empty database: it names what is there already otherwise.
async fn refuse_unless_empty(store: &Store) -> anyhow::Result<()> {
    let employees = store.employees().await?.len();
    let customers = store.list_customers(None, None, 1).await?.items.len();
    let complaints = store
        .list_complaints(&tend_store::ComplaintFilter {
            limit: 1,
            ..Default::default()
        })
        .await?
        .items
        .len();
    if employees + customers + complaints > 0 {
        let mut has = Vec::new();
        for (n, what) in [
            (employees, "employees"),
            (customers, "customers"),
            (complaints, "complaints"),
        ] {
            if n > 0 {
                has.push(what);
            }
        }
        anyhow::bail!(
            "this database already has {}; tend demo builds its company only in an empty \
             database (give another --database, or a new file)",
            has.join(" and ")
        );
    }
    Ok(())
}
