//! The evidence beside the ranking that is not scored the same way as complaints: the voices'
//! and the linked figures' definitions, and a linked figure's view (its value over the period
//! and the previous one, with n).

use serde::Serialize;

/// The voices' definition.
pub const VOICES_DEFINITION: &str = "answers: open answers of survey responses completed in the \
period that carry a survey code linked to the category (each answer once); findings: \
focus-group findings on the category from sessions that started in the period; voices = \
answers + the findings' participants who raised them (a finding counts at least 1).";
/// The linked figures' definition.
pub const FIGURES_DEFINITION: &str = "A figure linked to the category, summed over the values \
whose period starts in the ranking's period (every dimension): sum of numerators / sum of \
denominators (x 100 for percent) for a ratio figure, else the sum of numerators; n is the sum \
of denominators for a ratio, else the number of values. worse: the value moved against the \
figure's direction since the previous period.";
/// The cost's definition.
pub const COST_DEFINITION: &str = "Compensation of the category's complaints received in the \
period that have been resolved, plus the amounts of purchases marked returned, dated in the \
period, made by one of the category's complainants of the period and of the product that \
complainant complained of in this category (each purchase counted once per category). Minor \
units, one currency assumed.";
/// The customers-lost definition.
pub const LOST_DEFINITION: &str = "Among the category's complainants of the period whose \
complaint was resolved, the first resolution of their earliest-resolved such complaint starts a \
window of lost_days days; once the window has ended, a complainant is lost when no purchase not \
returned falls in it (after the resolution, up to and including its end). lost_base counts the \
complainants whose window has ended.";

/// A linked figure's value over the period and the previous one.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct LinkedFigureView {
    pub figure_id: i64,
    pub code: String,
    pub name: String,
    pub unit: String,
    pub value: Option<f64>,
    pub n: i64,
    pub previous_value: Option<f64>,
    pub previous_n: i64,
    pub worse: Option<bool>,
}

impl From<&tend_app::problems::LinkedFigure> for LinkedFigureView {
    fn from(f: &tend_app::problems::LinkedFigure) -> Self {
        LinkedFigureView {
            figure_id: f.figure.id,
            code: f.figure.code.clone(),
            name: f.figure.name.clone(),
            unit: f.figure.unit.as_str().to_owned(),
            value: f.now.value,
            n: f.now.n,
            previous_value: f.before.value,
            previous_n: f.before.n,
            worse: f.worse,
        }
    }
}
