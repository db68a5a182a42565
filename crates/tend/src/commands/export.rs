//! `tend export complaints`: every complaint that counts (not merged into another, not deleted),
//! oldest first, as CSV or JSON lines on stdout; `--removed` adds the merged and deleted ones
//! with their fate (for an admin's audit). `tend export survey-answers --survey ID`: a survey's
//! raw answers (`survey_answers.rs`).

use std::io::Write;

use clap::{Args, ValueEnum};
use tend_store::{Complaint, Fate, Store};

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Exported {
    Complaints,
    /// A survey's raw answers, one row per question answered (needs `--survey`).
    SurveyAnswers,
}

#[derive(Args)]
pub struct ExportArgs {
    what: Exported,
    #[arg(long, default_value = "csv")]
    format: Format,
    /// Also export merged and deleted complaints, with the columns `merged_into` and `deleted_at`.
    #[arg(long)]
    removed: bool,
    /// The survey whose answers `survey-answers` exports.
    #[arg(long)]
    survey: Option<i64>,
}

const PAGE: u32 = 1000;

pub async fn run(store: &Store, args: ExportArgs) -> anyhow::Result<()> {
    if let Exported::SurveyAnswers = args.what {
        let Some(survey) = args.survey else {
            anyhow::bail!("survey-answers needs --survey <ID>");
        };
        let json = matches!(args.format, Format::Json);
        return super::survey_answers::run(store, survey, json).await;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut csv = matches!(args.format, Format::Csv)
        .then(|| csv::Writer::from_writer(Vec::with_capacity(64 * 1024)));
    let mut after = None;
    let mut header = true;
    loop {
        let page = store
            .all_complaints_after(after, PAGE, args.removed)
            .await?;
        for c in &page {
            let mut fields = fields(c);
            if args.removed {
                fields.extend(fate(store, c).await?);
            }
            match csv.as_mut() {
                None => {
                    let obj: serde_json::Map<String, serde_json::Value> = fields
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v.map_or(serde_json::Value::Null, Into::into)))
                        .collect();
                    serde_json::to_writer(&mut out, &obj)?;
                    out.write_all(b"\n")?;
                }
                Some(w) => {
                    if header {
                        w.write_record(fields.iter().map(|(k, _)| *k))?;
                        header = false;
                    }
                    w.write_record(fields.iter().map(|(_, v)| v.as_deref().unwrap_or("")))?;
                }
            }
        }
        if let Some(w) = csv.take() {
            out.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?)?;
            csv = Some(csv::Writer::from_writer(Vec::with_capacity(64 * 1024)));
        }
        match page.last() {
            Some(last) if page.len() == PAGE as usize => after = Some(last.id),
            _ => break,
        }
    }
    out.flush()?;
    Ok(())
}

/// The export's columns: id and reference, then every field of the record.
fn fields(c: &Complaint) -> Vec<(&'static str, Option<String>)> {
    let mut f = vec![
        ("id", Some(c.id.to_string())),
        ("reference", Some(c.reference.clone())),
    ];
    f.extend(c.record.snapshot());
    f.push(("source", Some(c.record.source.clone())));
    f.push(("created_at", Some(c.created_at.to_string())));
    f.push(("updated_at", Some(c.updated_at.to_string())));
    f
}

/// The columns `--removed` adds: the id a complaint was merged into, when it was deleted.
async fn fate(store: &Store, c: &Complaint) -> anyhow::Result<[(&'static str, Option<String>); 2]> {
    let (merged, deleted) = match store.complaint_fate(c.id).await? {
        Fate::Live => (None, None),
        Fate::Merged(into) => (Some(into.to_string()), None),
        Fate::Deleted { at, .. } => (None, Some(at.to_string())),
    };
    Ok([("merged_into", merged), ("deleted_at", deleted)])
}
