//! `tend import complaints`: complaints with their customers and history, from the CFPB
//! export or the support-tickets dataset (`--preset`), or any CSV through `--map`.
//!
//! The categories, products and channels the rows name are created as they are met.

mod presets;

use std::collections::{HashMap, HashSet};

use tend_domain::FieldErrors;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{Closing, ComplaintRecord, FollowUpAnswer, Solution, Status};
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::{CategoryId, CustomerId, ProductId};
use tend_domain::kernel::text::Name;
use tend_store::{Actor, ImportOutcome, Store};

use super::row::{Record, invalid};
use super::{Importer, Options, Preset, known_fields};
use presets::History;

pub(super) struct Complaints;

/// A valid complaint, its customer, and the catalog entries it names by name.
pub(super) struct Complaint {
    customer: Customer,
    record: ComplaintRecord,
    /// Category path, top first; every part a valid name.
    category: Vec<String>,
    product: Option<String>,
    /// Display name for a channel Tend may not have yet.
    channel_name: Option<String>,
}

impl Importer for Complaints {
    const KIND: &'static str = "complaints";
    const FIELDS: &'static [&'static str] = presets::FIELDS;
    type Row = Complaint;
    type Resolved = Complaint;

    /// Needs `--preset` or `--map`; a preset reads its own columns, so `--map` is checked
    /// only without one.
    fn check(opts: &Options) -> anyhow::Result<()> {
        if opts.preset.is_some() {
            return Ok(());
        }
        if opts.map.is_empty() {
            anyhow::bail!(
                "--preset cfpb, --preset support-tickets or --map COLUMN=FIELD is needed"
            );
        }
        known_fields(&opts.map, Self::FIELDS)
    }

    /// Customer errors are under `customer.` (`customer.email`).
    fn validate(record: &Record, opts: &Options) -> Result<Complaint, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut m = match opts.preset {
            Some(Preset::Cfpb) => presets::cfpb(record, &mut e),
            Some(Preset::SupportTickets) => presets::support_tickets(record, &mut e),
            None => presets::mapped(record, &opts.map, &mut e),
        };
        m.complaint.customer_id = Some(CustomerId(0));
        if let Some(c) = m.complaint.channel.as_deref() {
            m.complaint.channel = Some(
                ChannelCode::parse(c)
                    .map(String::from)
                    .unwrap_or_else(|_| c.to_owned()),
            );
        }
        let customer = m
            .customer
            .validate(opts.year)
            .map_err(|d| e.extend(invalid(d).nest("customer")))
            .ok();
        let intake = m
            .complaint
            .validate(opts.now)
            .map_err(|d| e.extend(invalid(d)))
            .ok();
        for part in &m.category {
            if let Err(r) = Name::parse(part) {
                e.add("category", r);
            }
        }
        let (Some(customer), Some(intake), true) = (customer, intake, e.is_empty()) else {
            return Err(e);
        };
        let source = match opts.preset {
            Some(Preset::Cfpb) => "import:cfpb",
            Some(Preset::SupportTickets) => "import:support-tickets",
            None => "import:csv",
        };
        let mut record = ComplaintRecord::received(intake, source);
        apply_history(&mut record, &m.history);
        Ok(Complaint {
            customer,
            record,
            category: m.category,
            product: m.product,
            channel_name: m.channel_name,
        })
    }

    /// The catalog entries are created in [`Importer::store`], not looked up here: a refused
    /// file must not leave new ones behind.
    async fn resolve(
        _: &Store,
        rows: Vec<Complaint>,
    ) -> anyhow::Result<Vec<Result<Complaint, FieldErrors>>> {
        Ok(rows.into_iter().map(Ok).collect())
    }

    /// Creates the catalog entries the rows name first (each its own write), then stores the
    /// complaints and their customers in one transaction.
    async fn store(
        store: &Store,
        rows: Vec<Complaint>,
        opts: &Options,
    ) -> anyhow::Result<ImportOutcome> {
        let items = resolve_catalog(store, rows, opts).await?;
        Ok(store
            .import(items, &Actor::system("import"), opts.now)
            .await?)
    }
}

/// Carries the source's own progress over, keeping the record's invariants. A source says only
/// how far a complaint got, so the steps it skipped stay empty: an imported complaint may be
/// resolved with no cause and no facts but the description, its solution is the source's
/// resolution text (or "Resolved before import") with no delivery (`Solution::delivery` is
/// `None`: the source does not say on the spot or promised, and no mode is guessed), a rating
/// may come without an answer to the follow-up (a middling rating is no outcome), and an
/// answer's time is the resolution's.
fn apply_history(r: &mut ComplaintRecord, h: &History) {
    let status = h.status.unwrap_or(Status::Received);
    r.understanding.first_response_at = h.first_response_at;
    if status >= Status::Understood {
        r.understanding.facts = Some(r.description.clone());
    }
    r.status = status;
    if status >= Status::Resolved {
        let done = h.resolved_at.unwrap_or(r.received_at).max(r.received_at);
        r.solution = Some(Solution {
            customer_proposal: None,
            agreed: h
                .agreed_solution
                .clone()
                .unwrap_or_else(|| "Resolved before import".into()),
            delivery: None,
        });
        r.resolution.resolved_at = Some(done);
        r.follow_up.satisfaction_rating = h.satisfaction_rating;
        r.follow_up.answer = h.follow_up_outcome.map(|outcome| FollowUpAnswer {
            outcome,
            note: None,
            at: done,
        });
        if status == Status::Closed {
            r.closing = Some(Closing {
                at: done,
                reason: h.close_reason.clone(),
            });
        }
    }
}

/// Creates the categories, products and channels the rows name, and points the rows at them.
async fn resolve_catalog(
    store: &Store,
    rows: Vec<Complaint>,
    opts: &Options,
) -> anyhow::Result<Vec<(Option<Customer>, ComplaintRecord)>> {
    let now = opts.now;
    let mut categories: HashMap<Vec<String>, Option<CategoryId>> = HashMap::new();
    let mut products: HashMap<String, ProductId> = HashMap::new();
    let mut channels: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let Complaint {
            customer,
            mut record,
            category,
            product,
            channel_name,
        } = row;
        if !category.is_empty() {
            if !categories.contains_key(&category) {
                let path: Vec<Name> = category
                    .iter()
                    .map(|p| Name::parse(p).expect("checked"))
                    .collect();
                let id = store.ensure_category_path(&path, now).await?;
                categories.insert(category.clone(), id);
            }
            record.category_id = categories[&category];
        }
        if let Some(p) = &product {
            if !products.contains_key(p) {
                let name = Name::parse(p).map_err(|r| anyhow::anyhow!("product {p:?}: {r}"))?;
                products.insert(p.clone(), store.ensure_product(&name, now).await?);
            }
            record.product_id = Some(products[p]);
        }
        if let Some(name) = &channel_name
            && channels.insert(record.channel.to_string())
        {
            store
                .ensure_channel(
                    &record.channel,
                    &Name::parse(name).map_err(|r| anyhow::anyhow!("channel: {r}"))?,
                )
                .await?;
        }
        out.push((Some(customer), record));
    }
    Ok(out)
}
