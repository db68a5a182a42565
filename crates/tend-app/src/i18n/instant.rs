//! The one formatter of instants for pages and mail: (instant, zone, language) → the date and
//! time as the reader's locale writes it, with the zone named, so a time is never ambiguous.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::Language;

/// The strftime pattern of a date and time in `lang`: `Nov 30, 2026 09:15` (en),
/// `30/11/2026 09:15` (es), `30.11.2026 09:15` (tr). The zone is added by [`datetime`].
fn datetime_pattern(lang: Language) -> &'static str {
    match lang {
        Language::En => "%b %-d, %Y %H:%M",
        Language::Es => "%d/%m/%Y %H:%M",
        Language::Tr => "%d.%m.%Y %H:%M",
    }
}

/// The strftime pattern of a date alone in `lang`.
fn date_pattern(lang: Language) -> &'static str {
    match lang {
        Language::En => "%b %-d, %Y",
        Language::Es => "%d/%m/%Y",
        Language::Tr => "%d.%m.%Y",
    }
}

/// The zone's name at that instant: its abbreviation when the time zone database has a
/// lettered one (`CET`, `CEST`, `GMT`, `BST`, `UTC`), else the UTC offset (`UTC+03:00` for
/// Europe/Istanbul, whose database abbreviation is only `+03`). The abbreviation changes with
/// daylight saving time, so the hour repeated when clocks go back is told apart.
pub fn zone_name(t: &Timestamp, tz: &TimeZone) -> String {
    let z = t.to_zoned(tz.clone());
    let abbreviation = z.strftime("%Z").to_string();
    if !abbreviation.is_empty() && abbreviation.chars().all(|c| c.is_ascii_alphabetic()) {
        abbreviation
    } else {
        format!("UTC{}", z.strftime("%:z"))
    }
}

/// An instant as a date and time in `tz`, the `lang` way, followed by the zone's name
/// ([`zone_name`]): `Mar 29, 2026 03:30 CEST`, `29/03/2026 03:30 CEST`,
/// `29.03.2026 10:00 UTC+03:00`.
pub fn datetime(t: &Timestamp, tz: &TimeZone, lang: Language) -> String {
    let local = t.to_zoned(tz.clone()).strftime(datetime_pattern(lang));
    format!("{local} {}", zone_name(t, tz))
}

/// An instant's calendar date in `tz`, the `lang` way (no zone: a date names no hour).
pub fn date(t: &Timestamp, tz: &TimeZone, lang: Language) -> String {
    t.to_zoned(tz.clone())
        .strftime(date_pattern(lang))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn madrid() -> TimeZone {
        TimeZone::get("Europe/Madrid").unwrap()
    }

    #[test]
    fn madrid_changes_to_summer_time_on_the_last_sunday_of_march() {
        // 2026-03-29 01:00 UTC: clocks in Madrid jump from 02:00 CET to 03:00 CEST.
        let before = at("2026-03-29T00:59:00Z");
        let after = at("2026-03-29T01:00:00Z");
        assert_eq!(
            datetime(&before, &madrid(), Language::Es),
            "29/03/2026 01:59 CET"
        );
        assert_eq!(
            datetime(&after, &madrid(), Language::Es),
            "29/03/2026 03:00 CEST"
        );
        assert_eq!(
            datetime(&after, &madrid(), Language::En),
            "Mar 29, 2026 03:00 CEST"
        );
    }

    #[test]
    fn the_repeated_hour_in_october_is_told_apart_by_the_zone() {
        // 2026-10-25: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice.
        let first = datetime(&at("2026-10-25T00:30:00Z"), &madrid(), Language::Tr);
        let second = datetime(&at("2026-10-25T01:30:00Z"), &madrid(), Language::Tr);
        assert_eq!(first, "25.10.2026 02:30 CEST");
        assert_eq!(second, "25.10.2026 02:30 CET");
    }

    #[test]
    fn a_zone_without_letters_is_named_by_its_offset() {
        let istanbul = TimeZone::get("Europe/Istanbul").unwrap();
        let t = at("2026-11-30T07:00:00Z");
        assert_eq!(
            datetime(&t, &istanbul, Language::Tr),
            "30.11.2026 10:00 UTC+03:00"
        );
        assert_eq!(
            datetime(&t, &TimeZone::UTC, Language::En),
            "Nov 30, 2026 07:00 UTC"
        );
    }

    #[test]
    fn a_date_is_the_local_calendar_day() {
        // 23:30 UTC on the 30th is already the 1st in Madrid.
        let t = at("2026-11-30T23:30:00Z");
        assert_eq!(date(&t, &madrid(), Language::Es), "01/12/2026");
        assert_eq!(date(&t, &TimeZone::UTC, Language::En), "Nov 30, 2026");
    }
}
