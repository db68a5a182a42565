//! The home page's figures, gathered once per request from the capabilities that own them:
//! every goal's standing (`goals::standings`), satisfaction this month (the goals catalogue's
//! CSAT and NPS measures over the company's calendar month, so the definitions are the same
//! ones), the top three problems (`problems::ranking` over its default period), the
//! quotient's rounds, and the figures the owner pins. Periods are the company's calendar
//! months, between local midnights of its time zone. `agent.rs`: an agent's home.

pub mod agent;
mod pins;

pub use pins::{PinnedFigure, pin, pinned, unpin};

use tend_domain::goals::period::{self, Window};
use tend_domain::goals::{Direction, Goal, Length, Measure};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::text::Line;
use tend_domain::problems::DEFAULT_LOST_DAYS;
use tend_store::{Measured, StoreResult};

use crate::AppState;
use crate::goals::Standing;
use crate::problems::Ranking;
use crate::quotient::Round;

/// How many problems the home page shows (the top of the ranking).
pub const TOP: usize = 3;

/// What the managers' home shows.
#[derive(Debug, Clone)]
pub struct Home {
    pub goals: Vec<Standing>,
    /// The company's calendar month holding today, over which CSAT and NPS are measured.
    pub month: Window,
    pub csat: Measured,
    pub nps: Measured,
    /// The ranking over the problems API's default period; the page shows its top three.
    pub problems: Ranking,
    /// Every quotient round, oldest first (the last one is shown, the others are its trend).
    pub quotient: Vec<Round>,
    pub pins: Vec<PinnedFigure>,
}

/// A goal-less measure of the catalogue over the whole business: what a goal on `measure`
/// with no scope would count (the target and owner play no part in measuring).
pub fn whole_business(measure: Measure) -> Goal {
    Goal {
        name: Line::parse(measure.code()).expect("a measure's code is a valid name"),
        measure,
        target_hundredths: 0,
        direction: Direction::AtLeast,
        length: Length::Month,
        rolling: false,
        days: None,
        minutes: None,
        figure_id: None,
        channel: None,
        category_id: None,
        product_id: None,
        segment_id: None,
        owner_id: EmployeeId(0),
        focus_category_id: None,
    }
}

/// The company's calendar month holding now.
pub async fn this_month(s: &AppState) -> StoreResult<Window> {
    let tz = crate::goals::time_zone(s).await?;
    Ok(period::current(Length::Month, false, s.clock.now(), &tz))
}

/// Everything the managers' home shows, as of now.
pub async fn home(s: &AppState) -> StoreResult<Home> {
    let now = s.clock.now();
    let month = this_month(s).await?;
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let (from, to) = crate::problems::default_period(today);
    let (csat, nps) = (whole_business(Measure::Csat), whole_business(Measure::Nps));
    // The sections read apart, so they run side by side on the read pool.
    let (csat, nps, goals, problems, quotient, pins) = tokio::try_join!(
        s.store.measure(&csat, &month, now),
        s.store.measure(&nps, &month, now),
        crate::goals::standings(s),
        crate::problems::ranking(s, from, to, DEFAULT_LOST_DAYS),
        crate::quotient::rounds(s),
        pinned(s, &month),
    )?;
    Ok(Home {
        goals,
        csat,
        nps,
        problems,
        quotient,
        pins,
        month,
    })
}
