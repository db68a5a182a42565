//! The pipeline in one pass, for kinds whose storing needs nothing made first
//! ([`Importer::ONE_PASS`]: customers): the import is opened at once and each batch is stored
//! as it is read — until a bad row shows up; from then on the rest of the file is only
//! validated, to list every bad row, and the import is dropped, so nothing is stored (unless
//! `--skip-invalid`, which stores the good rows as before). The file is read once.

use std::collections::BTreeSet;
use std::path::Path;

use tend_store::{ImportOutcome, Store};

use super::pipeline::{join, read_batches, resolved};
use super::{Importer, Options, bad_rows};

/// See the module's note: the same refusals, lines and summary as the two-pass pipeline.
pub(super) async fn one_pass<I: Importer>(
    store: &Store,
    file: &Path,
    opts: &Options,
) -> anyhow::Result<()> {
    let mut sink = Some(I::begin(store, I::Seen::default(), opts).await?);
    let mut out = ImportOutcome::default();
    let mut bad = Vec::new();
    let (mut batches, reading) = read_batches::<I>(file, opts, BTreeSet::new());
    while let Some((rows, faults)) = batches.recv().await {
        bad.extend(faults);
        let mut good = Vec::with_capacity(rows.len());
        for (line, row) in resolved::<I>(store, rows).await? {
            match row {
                Ok(r) => good.push(r),
                Err(e) => bad.extend(bad_rows(line, e)),
            }
        }
        if !bad.is_empty() && !opts.skip_invalid {
            // Nothing will be stored: roll back now, and only validate the rest.
            sink = None;
            continue;
        }
        if let Some(sink) = sink.as_mut() {
            let n = I::store(sink, good, opts).await?;
            out.inserted += n.inserted;
            out.already_present += n.already_present;
        }
    }
    reading
        .join()
        .map_err(|_| anyhow::anyhow!("nothing imported: the file's reader failed"))??;
    bad.sort_by_key(|b| b.line);
    for b in &bad {
        eprintln!("line {}: {}: {}", b.line, b.field, b.reason);
    }
    let bad_lines: BTreeSet<u64> = bad.iter().map(|b| b.line).collect();
    let Some(sink) = sink.filter(|_| bad_lines.is_empty() || opts.skip_invalid) else {
        anyhow::bail!(
            "nothing imported: {} bad row(s) (lines {}); fix them or pass --skip-invalid",
            bad_lines.len(),
            join(&bad_lines)
        );
    };
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
