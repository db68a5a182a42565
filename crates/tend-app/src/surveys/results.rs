//! A survey's results, live: per question its n, its distribution, and for ratings the mean
//! and median, for NPS the score with its 95 % interval; complete and partial responses apart.
//! Definitions: `tend_domain::surveys::{Histogram, Nps}`.

use serde::Serialize;
use tend_domain::surveys::{Histogram, Kind, KindName, Nps, Survey, SurveyId, round1};
use tend_store::{StoreResult, SurveyTallies, TallyFilter};

use crate::AppState;

/// One value of a distribution: `value` is the number (rating, NPS), `yes`/`no`, a choice's
/// position from 0, or `other`; `count` how many answers gave it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    pub value: String,
    pub count: u64,
}

/// One question's results. `n`: how many complete responses answered it (for a multiple
/// choice, a response counts once however many options it chose). `mean` and `median` (ratings
/// and NPS) to two decimals; `nps` for NPS questions: promoters 9–10, passives 7–8, detractors
/// 0–6, `score` = % promoters − % detractors to one decimal, `interval` the 95 % normal
/// interval to one decimal, `null` below 30 answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub number: usize,
    pub kind: KindName,
    pub n: u64,
    pub distribution: Vec<Bucket>,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub nps: Option<NpsResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpsResult {
    pub n: u64,
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    pub score: Option<f64>,
    pub interval: Option<[f64; 2]>,
}

/// A survey's results: complete responses (whose answers are counted) and partial ones, apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyResults {
    pub complete: u64,
    pub partial: u64,
    pub questions: Vec<QuestionResult>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The results of `survey` from its counts `t`.
pub fn compute(survey: &Survey, t: &SurveyTallies) -> SurveyResults {
    let questions = (1..)
        .zip(&survey.questions)
        .map(|(number, q)| {
            let mut h = Histogram::default();
            for (_, v, c) in t.numbers.iter().filter(|(n, _, _)| *n == number) {
                h.add(*v, *c);
            }
            let bucket = |value: String, count: u64| Bucket { value, count };
            let of = |v: i64| h.0.get(&v).copied().unwrap_or(0);
            let numbered = |r: std::ops::RangeInclusive<i64>| -> Vec<Bucket> {
                r.map(|v| bucket(v.to_string(), of(v))).collect()
            };
            let (mut n, mut mean, mut median, mut nps) = (h.n(), None, None, None);
            let distribution = match &q.kind {
                Kind::Open => {
                    n = t
                        .texts
                        .iter()
                        .filter(|(q, _)| *q == number)
                        .map(|(_, c)| c)
                        .sum();
                    Vec::new()
                }
                Kind::Rating { scale } => {
                    (mean, median) = (h.mean().map(round2), h.median());
                    numbered(1..=i64::from(*scale))
                }
                Kind::Nps => {
                    (mean, median) = (h.mean().map(round2), h.median());
                    let s = Nps::of(&h);
                    nps = Some(NpsResult {
                        n: s.n,
                        promoters: s.promoters,
                        passives: s.passives,
                        detractors: s.detractors,
                        score: s.score.map(round1),
                        interval: s.interval.map(|(lo, hi)| [round1(lo), round1(hi)]),
                    });
                    numbered(0..=10)
                }
                Kind::YesNo => vec![bucket("yes".into(), of(1)), bucket("no".into(), of(0))],
                Kind::SingleChoice { options } => numbered(0..=*options as i64 - 1),
                Kind::MultipleChoice { options, other } => {
                    let mut counts = vec![0u64; *options];
                    n = 0;
                    for (_, list, c) in t.choices.iter().filter(|(q, _, _)| *q == number) {
                        n += c;
                        for i in list.split(',').filter_map(|i| i.parse::<usize>().ok()) {
                            if let Some(slot) = counts.get_mut(i) {
                                *slot += c;
                            }
                        }
                    }
                    let mut d: Vec<Bucket> = (0..)
                        .zip(counts)
                        .map(|(i, c): (usize, u64)| bucket(i.to_string(), c))
                        .collect();
                    if *other {
                        let o = t
                            .others
                            .iter()
                            .filter(|(q, _)| *q == number)
                            .map(|(_, c)| c)
                            .sum();
                        d.push(bucket("other".into(), o));
                    }
                    d
                }
            };
            QuestionResult {
                number,
                kind: q.draft.kind,
                n,
                distribution,
                mean,
                median,
                nps,
            }
        })
        .collect();
    SurveyResults {
        complete: t.complete,
        partial: t.partial,
        questions,
    }
}

/// The results of survey `id` for the responses `filter` selects.
pub async fn results(
    s: &AppState,
    id: SurveyId,
    filter: &TallyFilter,
) -> StoreResult<SurveyResults> {
    let survey = s.store.survey(id).await?;
    let tallies = s.store.survey_tallies(id, filter).await?;
    Ok(compute(&survey.survey, &tallies))
}
