//! `tend import customers`: people from CSV, columns named to the customer's fields by `--map`.
//!
//! A customer whose `external_ref` is stored already is kept as it is: map a column to
//! `external_ref` and re-importing the file adds nothing.

use tend_domain::FieldErrors;
use tend_domain::customers::{Customer, CustomerDraft};
use tend_domain::kernel::reason::*;
use tend_store::{ComplaintImport, ImportOutcome, Store};

use super::row::{Record, invalid, yes};
use super::{Importer, Options};

pub(super) struct Customers;

impl Importer for Customers {
    const KIND: &'static str = "customers";
    /// The customer's own fields, as the API names them.
    const FIELDS: &'static [&'static str] = &[
        "name",
        "address",
        "phone",
        "email",
        "city",
        "region",
        "country",
        "education_level",
        "gender",
        "birth_year",
        "preferred_language",
        "preferred_channel",
        "consent_to_contact",
        "notes",
        "external_ref",
    ];
    /// Customers need nothing made first: the file is read once.
    const ONE_PASS: bool = true;
    type Row = Customer;
    type Resolved = Customer;
    type Seen = ();
    type Sink = ComplaintImport;

    /// Accepts any `--map`: presets do not apply, and a field the customer does not have is
    /// refused row by row by the draft (`line N: map: unknown field …`).
    fn check(_: &Options) -> anyhow::Result<()> {
        Ok(())
    }

    fn validate(record: &Record, opts: &Options) -> Result<Customer, FieldErrors> {
        let mut obj = serde_json::Map::new();
        for (column, field) in &opts.map {
            if let Some(v) = record.get(column) {
                let value = match field.as_str() {
                    "birth_year" => v
                        .parse::<i64>()
                        .map(Into::into)
                        .unwrap_or_else(|_| v.into()),
                    "consent_to_contact" => yes(v).into(),
                    _ => v.into(),
                };
                obj.insert(field.clone(), value);
            }
        }
        let draft: CustomerDraft = serde_json::from_value(obj.into())
            .map_err(|e| FieldErrors::single("map", DETAIL.with("detail", e)))?;
        draft.validate(opts.year).map_err(invalid)
    }

    /// A customer's preferred channel must be one of the stored channels (`no_channel`,
    /// named by field and line, before anything is stored — on both engines alike).
    async fn resolve(
        store: &Store,
        rows: Vec<Customer>,
    ) -> anyhow::Result<Vec<Result<Customer, FieldErrors>>> {
        let channels = store.channels().await?;
        let known = |c: &tend_domain::catalog::ChannelCode| {
            channels.iter().any(|x| x.code.as_str() == c.as_str())
        };
        Ok(rows
            .into_iter()
            .map(|c| match &c.preferred_channel {
                Some(ch) if !known(ch) => Err(FieldErrors::single(
                    "preferred_channel",
                    NO_CHANNEL.with("got", format!("{:?}", ch.as_str())),
                )),
                _ => Ok(c),
            })
            .collect())
    }

    async fn begin(store: &Store, _: (), _: &Options) -> anyhow::Result<ComplaintImport> {
        Ok(store.begin_complaint_import().await?)
    }

    async fn store(
        sink: &mut ComplaintImport,
        rows: Vec<Customer>,
        opts: &Options,
    ) -> anyhow::Result<ImportOutcome> {
        let inserted = sink.customers(&rows, opts.now).await?;
        Ok(ImportOutcome {
            inserted,
            already_present: rows.len() as u64 - inserted,
        })
    }

    async fn finish(
        sink: ComplaintImport,
        store: &Store,
        _: &Options,
    ) -> anyhow::Result<ImportOutcome> {
        sink.commit(store).await?;
        Ok(ImportOutcome::default())
    }
}
