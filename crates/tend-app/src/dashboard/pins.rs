//! The figures the owner pins to the home page: pinning and unpinning (audited by the store in
//! the same transaction), and each pinned figure's monthly series over the twelve months up to
//! the current one (stored values summed over their dimensions; a ratio's parts summed before
//! dividing, so months are exact).

use jiff::ToSpan;
use jiff::civil::Date;
use tend_domain::figures::{Figure, Per, Point, roll_up};
use tend_domain::goals::Window;
use tend_store::{Actor, Pin, StoreResult};

use crate::AppState;

/// Months of each pinned figure's series.
pub const MONTHS: i32 = 12;

/// A pinned figure with its monthly points, oldest first (months with no value left out).
#[derive(Debug, Clone)]
pub struct PinnedFigure {
    pub pin: Pin,
    pub figure: Figure,
    pub points: Vec<Point>,
    /// The first day of the series and the day after its last.
    pub from: Date,
    pub to: Date,
}

impl PinnedFigure {
    /// The latest month's point, if any.
    pub fn last(&self) -> Option<&Point> {
        self.points.last()
    }
}

/// Every pinned figure with its series up to `month` (the current one).
pub async fn pinned(s: &AppState, month: &Window) -> StoreResult<Vec<PinnedFigure>> {
    let to = month.end_day;
    let from = month.first_day.saturating_sub((MONTHS - 1).months());
    let mut out = Vec::new();
    for pin in s.store.dashboard_pins().await? {
        let figure = s.store.figure(pin.figure_id).await?;
        let raw = s.store.figure_points(&figure, from, to, None).await?;
        out.push(PinnedFigure {
            points: roll_up(&raw, Per::Month),
            pin,
            figure,
            from,
            to,
        });
    }
    Ok(out)
}

/// Pins figure `id` to the home page, done by `by`; whether it was pinned now.
pub async fn pin(s: &AppState, id: i64, by: &Actor) -> StoreResult<bool> {
    s.store.pin_figure(id, s.clock.now(), by).await
}

/// Unpins figure `id`; whether it was pinned.
pub async fn unpin(s: &AppState, id: i64, by: &Actor) -> StoreResult<bool> {
    s.store.unpin_figure(id, s.clock.now(), by).await
}
