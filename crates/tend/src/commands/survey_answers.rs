//! `tend export survey-answers --survey ID`: a survey's raw answers (complete and partial, one
//! row per question answered, the columns of `tend_app::surveys::export::HEADER`) streamed to
//! stdout page by page — as CSV, or as JSON lines with `--format json`.

use std::io::Write;

use tend_app::surveys::export::{HEADER, record};
use tend_domain::surveys::SurveyId;
use tend_store::Store;

const PAGE: i64 = 1000;

pub async fn run(store: &Store, id: i64, json: bool) -> anyhow::Result<()> {
    let id = SurveyId(id);
    let survey = store
        .survey(id)
        .await
        .map_err(|e| anyhow::anyhow!("survey {id}: {e}"))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if !json {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(HEADER)?;
        out.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?)?;
    }
    let mut after = None;
    loop {
        let page = store.survey_raw_answers_after(id, after, PAGE).await?;
        let full = page.len() == PAGE as usize;
        after = page.last().map(|r| (r.response_id, r.question));
        let mut w = csv::Writer::from_writer(Vec::with_capacity(64 * 1024));
        for r in page {
            let row = record(&survey.survey, r);
            if json {
                let obj: serde_json::Map<String, serde_json::Value> = HEADER
                    .iter()
                    .zip(row)
                    .map(|(k, v)| ((*k).to_owned(), v.into()))
                    .collect();
                serde_json::to_writer(&mut out, &obj)?;
                out.write_all(b"\n")?;
            } else {
                w.write_record(&row)?;
            }
        }
        out.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?)?;
        if !full {
            break;
        }
    }
    out.flush()?;
    Ok(())
}
