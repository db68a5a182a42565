//! The import pipeline, the same for every kind: the first pass validates and resolves every
//! row, keeping only the bad ones (their lines and faults) and what storing needs first; the
//! second, if the file is accepted, reads it again and stores the good rows batch by batch in
//! one import, committed at the end.

use std::collections::BTreeSet;
use std::path::Path;

use tend_domain::FieldErrors;
use tend_store::{ImportOutcome, Store};

use super::one_pass::one_pass;
use super::{Bad, Importer, Options, bad_rows, reader};

/// The pipeline: check the command line; first pass: validate and resolve every row, list
/// the bad ones, refuse the file or go on; second pass: store the good rows batch by batch in
/// one import, and say what happened.
pub(super) async fn import<I: Importer>(
    store: &Store,
    file: &Path,
    opts: &Options,
) -> anyhow::Result<()> {
    I::check(opts)?;
    if I::ONE_PASS {
        return one_pass::<I>(store, file, opts).await;
    }
    let mut bad = Vec::new();
    let mut seen = I::Seen::default();
    let mut source = reader::Source::open(file, opts)?;
    let mut batch = Vec::new();
    loop {
        let next = source.next::<I>(opts, &mut bad);
        let done = next.is_none();
        if let Some((line, Some(row))) = next {
            batch.push((line, row));
        }
        if batch.len() >= I::BATCH || (done && !batch.is_empty()) {
            for (line, row) in resolved::<I>(store, std::mem::take(&mut batch)).await? {
                match row {
                    Ok(r) => I::note(&mut seen, &r),
                    Err(e) => bad.extend(bad_rows(line, e)),
                }
            }
        }
        if done {
            break;
        }
    }
    for b in &bad {
        eprintln!("line {}: {}: {}", b.line, b.field, b.reason);
    }
    let bad_lines: BTreeSet<u64> = bad.iter().map(|b| b.line).collect();
    drop(bad);
    if !bad_lines.is_empty() && !opts.skip_invalid {
        anyhow::bail!(
            "nothing imported: {} bad row(s) (lines {}); fix them or pass --skip-invalid",
            bad_lines.len(),
            join(&bad_lines)
        );
    }
    let mut sink = I::begin(store, seen, opts).await?;
    let mut out = ImportOutcome::default();
    let (mut batches, reading) = read_batches::<I>(file, opts, bad_lines.clone());
    while let Some((batch, _)) = batches.recv().await {
        let mut good = Vec::with_capacity(batch.len());
        for (line, row) in resolved::<I>(store, batch).await? {
            // The first pass found this row good: the database changed since.
            let row = row.map_err(|e| {
                let why = e
                    .iter()
                    .map(|(f, r)| format!("{f}: {r}"))
                    .collect::<Vec<_>>();
                anyhow::anyhow!(
                    "nothing imported: line {line} changed while importing: {}",
                    why.join("; ")
                )
            })?;
            good.push(row);
        }
        let n = I::store(&mut sink, good, opts).await?;
        out.inserted += n.inserted;
        out.already_present += n.already_present;
    }
    reading
        .join()
        .map_err(|_| anyhow::anyhow!("nothing imported: the file's reader failed"))??;
    let n = I::finish(sink, store, opts).await?;
    out.inserted += n.inserted;
    out.already_present += n.already_present;
    println!(
        "imported {} {} ({} already present); {} bad row(s) skipped",
        out.inserted,
        I::KIND,
        out.already_present,
        bad_lines.len()
    );
    Ok(())
}

/// Good rows with their lines, and the faults of the bad ones, as read from a batch of records.
pub(super) type Batch<I> = (Vec<(u64, <I as Importer>::Row)>, Vec<Bad>);

/// Reads the file on a thread of its own, so that parsing and validating the next batch
/// overlaps storing this one: batches of the valid rows (lines in `skip` left out), each with
/// its line, and the faults of the invalid ones; at most two batches ahead of the store, so
/// memory stays flat. The thread answers the file's read error, if any, when joined.
pub(super) fn read_batches<I: Importer>(
    file: &Path,
    opts: &Options,
    skip: BTreeSet<u64>,
) -> (
    tokio::sync::mpsc::Receiver<Batch<I>>,
    std::thread::JoinHandle<anyhow::Result<()>>,
) {
    let (send, batches) = tokio::sync::mpsc::channel(2);
    let (file, opts) = (file.to_owned(), opts.clone());
    let reading = std::thread::spawn(move || {
        let mut source = reader::Source::open(&file, &opts)?;
        let (mut rows, mut bad) = (Vec::with_capacity(I::BATCH.min(8192)), Vec::new());
        loop {
            let next = source.next::<I>(&opts, &mut bad);
            let done = next.is_none();
            if let Some((line, Some(row))) = next
                && !skip.contains(&line)
            {
                rows.push((line, row));
            }
            if (rows.len() >= I::BATCH || (done && !(rows.is_empty() && bad.is_empty())))
                && send
                    .blocking_send((std::mem::take(&mut rows), std::mem::take(&mut bad)))
                    .is_err()
            {
                // The store stopped (its error is the import's).
                return Ok(());
            }
            if done {
                return Ok(());
            }
        }
    });
    (batches, reading)
}

/// A batch of valid rows resolved, each with its line.
pub(super) async fn resolved<I: Importer>(
    store: &Store,
    batch: Vec<(u64, I::Row)>,
) -> anyhow::Result<Vec<(u64, Result<I::Resolved, FieldErrors>)>> {
    let (lines, rows): (Vec<u64>, Vec<I::Row>) = batch.into_iter().unzip();
    let resolved = I::resolve(store, rows).await?;
    assert_eq!(resolved.len(), lines.len(), "one result per row");
    Ok(lines.into_iter().zip(resolved).collect())
}

pub(super) fn join(lines: &BTreeSet<u64>) -> String {
    let shown: Vec<String> = lines.iter().take(20).map(u64::to_string).collect();
    if lines.len() > 20 {
        format!("{}, …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}
