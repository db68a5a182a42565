//! Whose clock a reader reads: an employee's own time zone, else the company's, else UTC — the
//! one rule every staff page and staff mail resolves its reader's zone by — and the validation
//! of a time zone typed on a form (an IANA name jiff's time zone database knows).

use jiff::tz::TimeZone;

use crate::kernel::reason::{Reason, ZONE_REQUIRED, ZONE_UNKNOWN};

/// A time zone name as typed, checked: the trimmed IANA name (`Europe/Istanbul`), canonical as
/// the database spells it. Errors: `ZONE_REQUIRED` when blank, `ZONE_UNKNOWN` (with `got`)
/// when the database has no such zone (`Mars/Olympus`).
pub fn parse_zone_name(raw: &str) -> Result<String, Reason> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(ZONE_REQUIRED.into());
    }
    let zone = TimeZone::get(name).map_err(|_| ZONE_UNKNOWN.with("got", name))?;
    Ok(zone.iana_name().unwrap_or(name).to_owned())
}

/// An employee's own zone as a form gives it: blank means "the company's" (`None`), anything
/// else must be a known zone ([`parse_zone_name`]).
pub fn parse_own_zone(raw: &str) -> Result<Option<String>, Reason> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse_zone_name(raw).map(Some)
    }
}

/// The zone a member of staff reads instants in: `own` (the employee's setting) if it names a
/// known zone, else `company` (the company's setting), else UTC. Names the database no longer
/// knows are skipped rather than refused, so a page always renders.
pub fn reader_zone(own: Option<&str>, company: Option<&str>) -> TimeZone {
    [own, company]
        .into_iter()
        .flatten()
        .find_map(|name| TimeZone::get(name).ok())
        .unwrap_or(TimeZone::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_zone_then_the_companys_then_utc() {
        let name = |tz: TimeZone| tz.iana_name().unwrap_or("?").to_owned();
        let mx = Some("America/Mexico_City");
        let ist = Some("Europe/Istanbul");
        assert_eq!(name(reader_zone(mx, ist)), "America/Mexico_City");
        assert_eq!(name(reader_zone(None, ist)), "Europe/Istanbul");
        assert_eq!(
            name(reader_zone(Some("Mars/Olympus"), ist)),
            "Europe/Istanbul"
        );
        assert_eq!(name(reader_zone(None, None)), "UTC");
    }

    #[test]
    fn typed_zones_are_checked() {
        assert_eq!(
            parse_zone_name(" Europe/Istanbul ").unwrap(),
            "Europe/Istanbul"
        );
        assert_eq!(parse_zone_name("").unwrap_err().code(), "zone_required");
        let mars = parse_zone_name("Mars/Olympus").unwrap_err();
        assert_eq!(mars.code(), "zone_unknown");
        assert_eq!(mars.arg("got"), Some("Mars/Olympus"));
        assert_eq!(parse_own_zone("  ").unwrap(), None);
        assert!(parse_own_zone("Mars/Olympus").is_err());
    }
}
