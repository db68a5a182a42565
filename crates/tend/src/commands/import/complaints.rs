//! `tend import complaints`: complaints with their customers and history, from the CFPB
//! export or the support-tickets dataset (`--preset`), or any CSV through `--map`.
//!
//! The categories, products and channels the rows name are created as they are met.

mod presets;

use std::collections::HashMap;

use tend_domain::FieldErrors;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{Closing, ComplaintRecord, FollowUpAnswer, Solution, Status};
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::{CategoryId, CustomerId, ProductId};
use tend_domain::kernel::text::Name;
use tend_store::{Actor, ComplaintImport, ImportOutcome, Store};

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
    type Seen = Catalog;
    /// The import, and the catalog entries' ids by name.
    type Sink = (ComplaintImport, Catalog);

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

    /// The catalog entries are created in [`Importer::begin`], not looked up here: a refused
    /// file must not leave new ones behind.
    async fn resolve(
        _: &Store,
        rows: Vec<Complaint>,
    ) -> anyhow::Result<Vec<Result<Complaint, FieldErrors>>> {
        Ok(rows.into_iter().map(Ok).collect())
    }

    fn note(seen: &mut Catalog, row: &Complaint) {
        if !row.category.is_empty() && !seen.categories.contains_key(&row.category) {
            seen.categories.insert(row.category.clone(), None);
        }
        if let Some(p) = &row.product
            && !seen.products.contains_key(p)
        {
            seen.products.insert(p.clone(), ProductId(0));
        }
        if let Some(name) = &row.channel_name {
            seen.channels
                .entry(row.record.channel.to_string())
                .or_insert_with(|| (row.record.channel.clone(), name.clone()));
        }
    }

    /// Creates the catalog entries the good rows name (each its own write), then opens the
    /// import the complaints and their customers are stored in.
    async fn begin(store: &Store, seen: Catalog, opts: &Options) -> anyhow::Result<Self::Sink> {
        let catalog = seen.ensure(store, opts).await?;
        Ok((store.begin_complaint_import().await?, catalog))
    }

    async fn store(
        (import, catalog): &mut Self::Sink,
        rows: Vec<Complaint>,
        opts: &Options,
    ) -> anyhow::Result<ImportOutcome> {
        let items = rows
            .into_iter()
            .map(|row| {
                let mut record = row.record;
                if !row.category.is_empty() {
                    record.category_id = catalog.categories[&row.category];
                }
                record.product_id = row.product.map(|p| catalog.products[&p]);
                (Some(row.customer), record)
            })
            .collect();
        Ok(import
            .complaints(items, &Actor::system("import"), opts.now)
            .await?)
    }

    async fn finish(sink: Self::Sink, store: &Store, _: &Options) -> anyhow::Result<ImportOutcome> {
        sink.0.commit(store).await?;
        Ok(ImportOutcome::default())
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

/// The catalog entries the good rows name: category paths, products, and channels Tend may not
/// have yet (code → display name); after [`Catalog::ensure`], with their ids.
#[derive(Default)]
pub(super) struct Catalog {
    categories: HashMap<Vec<String>, Option<CategoryId>>,
    products: HashMap<String, ProductId>,
    channels: HashMap<String, (ChannelCode, String)>,
}

impl Catalog {
    /// Creates the categories, products and channels named, each its own write (idempotent).
    async fn ensure(mut self, store: &Store, opts: &Options) -> anyhow::Result<Catalog> {
        let now = opts.now;
        for (category, id) in self.categories.iter_mut() {
            let path: Vec<Name> = category
                .iter()
                .map(|p| Name::parse(p).expect("checked"))
                .collect();
            *id = store.ensure_category_path(&path, now).await?;
        }
        for (p, id) in self.products.iter_mut() {
            let name = Name::parse(p).map_err(|r| anyhow::anyhow!("product {p:?}: {r}"))?;
            *id = store.ensure_product(&name, now).await?;
        }
        for (code, name) in self.channels.values() {
            store
                .ensure_channel(
                    code,
                    &Name::parse(name).map_err(|r| anyhow::anyhow!("channel: {r}"))?,
                )
                .await?;
        }
        Ok(self)
    }
}
