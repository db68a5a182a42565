//! The surveys' settings a manager sets (each with its default until set): how many days an
//! invitation's link takes answers, and the cooldown — the days within which a customer
//! asked by any survey (an invitation, or a satisfaction request after a resolution) is not
//! asked again by the relationship (NPS) schedule.

use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::{RANGE, Reason};

/// The surveys' settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveySettings {
    /// Days from an invitation to its link's expiry, [`SurveySettings::LINK_DAYS`] inclusive.
    pub link_days: u16,
    /// Days a customer is not asked again, [`SurveySettings::COOLDOWN_DAYS`] inclusive.
    pub cooldown_days: u16,
}

impl Default for SurveySettings {
    /// 30 days for a link, 90 days of cooldown.
    fn default() -> Self {
        SurveySettings {
            link_days: 30,
            cooldown_days: 90,
        }
    }
}

impl SurveySettings {
    /// The range of `link_days`.
    pub const LINK_DAYS: (u16, u16) = (1, 3650);
    /// The range of `cooldown_days` (0: no cooldown).
    pub const COOLDOWN_DAYS: (u16, u16) = (0, 3650);

    /// Checks both; each refusal (`range`) names its field (`invitation_link_days`,
    /// `cooldown_days`).
    pub fn new(link_days: i64, cooldown_days: i64) -> Result<Self, DomainError> {
        let within = |v: i64, (min, max): (u16, u16)| -> Result<u16, Reason> {
            u16::try_from(v)
                .ok()
                .filter(|d| (min..=max).contains(d))
                .ok_or_else(|| RANGE.with("min", min).with("max", max))
        };
        let mut errors = FieldErrors::new();
        let link = within(link_days, Self::LINK_DAYS)
            .map_err(|r| errors.add("invitation_link_days", r))
            .unwrap_or(0);
        let cool = within(cooldown_days, Self::COOLDOWN_DAYS)
            .map_err(|r| errors.add("cooldown_days", r))
            .unwrap_or(0);
        errors.finish(|| SurveySettings {
            link_days: link,
            cooldown_days: cool,
        })
    }

    /// How long a link takes answers.
    pub fn link_valid(self) -> jiff::SignedDuration {
        jiff::SignedDuration::from_hours(i64::from(self.link_days) * 24)
    }

    /// The cooldown.
    pub fn cooldown(self) -> jiff::SignedDuration {
        jiff::SignedDuration::from_hours(i64::from(self.cooldown_days) * 24)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_day_count_is_checked_within_its_range() {
        let s = SurveySettings::new(1, 0).unwrap();
        assert_eq!((s.link_days, s.cooldown_days), (1, 0));
        assert!(SurveySettings::new(3650, 3650).is_ok());
        let Err(DomainError::Invalid(e)) = SurveySettings::new(0, 3651) else {
            panic!("both out of range")
        };
        let fields: Vec<&str> = e.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["cooldown_days", "invitation_link_days"]);
        let Err(DomainError::Invalid(e)) = SurveySettings::new(30, -1) else {
            panic!("a negative cooldown")
        };
        assert_eq!(
            e.iter().next().unwrap().1.to_string(),
            "must be from 0 to 3650"
        );
        assert_eq!(SurveySettings::default().link_valid().as_hours(), 720);
        assert_eq!(SurveySettings::default().cooldown().as_hours(), 2160);
    }
}
