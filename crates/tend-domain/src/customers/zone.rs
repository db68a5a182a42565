//! A customer's time zone from their country: the country's main IANA zone when the country
//! keeps one clock (Spain → Europe/Madrid, Türkiye → Europe/Istanbul…); none for countries with
//! several zones (US, MX, BR, CA, AU, RU…), whose customers see the channel's zone instead.

use crate::kernel::text::CountryCode;

/// ISO 3166-1 alpha-2 code → the IANA zone nearly all of the country lives in. Spain's Canary
/// Islands (Atlantic/Canary) and Portugal's Azores (Atlantic/Azores) are the exceptions taken:
/// the mainland zone is the one most customers read.
const MAIN_ZONE: &[(&str, &str)] = &[
    ("AR", "America/Argentina/Buenos_Aires"),
    ("AT", "Europe/Vienna"),
    ("BE", "Europe/Brussels"),
    ("BG", "Europe/Sofia"),
    ("CH", "Europe/Zurich"),
    ("CL", "America/Santiago"),
    ("CO", "America/Bogota"),
    ("CY", "Asia/Nicosia"),
    ("CZ", "Europe/Prague"),
    ("DE", "Europe/Berlin"),
    ("DK", "Europe/Copenhagen"),
    ("EE", "Europe/Tallinn"),
    ("ES", "Europe/Madrid"),
    ("FI", "Europe/Helsinki"),
    ("FR", "Europe/Paris"),
    ("GB", "Europe/London"),
    ("GR", "Europe/Athens"),
    ("HR", "Europe/Zagreb"),
    ("HU", "Europe/Budapest"),
    ("IE", "Europe/Dublin"),
    ("IT", "Europe/Rome"),
    ("JP", "Asia/Tokyo"),
    ("LT", "Europe/Vilnius"),
    ("LU", "Europe/Luxembourg"),
    ("LV", "Europe/Riga"),
    ("MT", "Europe/Malta"),
    ("NL", "Europe/Amsterdam"),
    ("NO", "Europe/Oslo"),
    ("PE", "America/Lima"),
    ("PL", "Europe/Warsaw"),
    ("PT", "Europe/Lisbon"),
    ("RO", "Europe/Bucharest"),
    ("SE", "Europe/Stockholm"),
    ("SI", "Europe/Ljubljana"),
    ("SK", "Europe/Bratislava"),
    ("TR", "Europe/Istanbul"),
    ("UY", "America/Montevideo"),
];

/// The IANA name of `country`'s main zone, or `None` when the country has several zones or is
/// not in the table (the caller then uses the channel's service-hours zone).
pub fn main_zone(country: &CountryCode) -> Option<&'static str> {
    MAIN_ZONE
        .iter()
        .find(|(code, _)| *code == country.as_str())
        .map(|(_, zone)| *zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(code: &str) -> Option<&'static str> {
        main_zone(&CountryCode::parse(code).unwrap())
    }

    #[test]
    fn one_clock_countries_have_their_zone_and_others_none() {
        assert_eq!(zone("es"), Some("Europe/Madrid"));
        assert_eq!(zone("TR"), Some("Europe/Istanbul"));
        assert_eq!(zone("GB"), Some("Europe/London"));
        for several in ["US", "MX", "BR", "CA", "AU", "RU"] {
            assert_eq!(zone(several), None, "{several}");
        }
    }

    #[test]
    fn the_table_is_sorted_and_every_zone_exists() {
        assert!(MAIN_ZONE.windows(2).all(|w| w[0].0 < w[1].0));
        for (_, name) in MAIN_ZONE {
            assert!(jiff::tz::TimeZone::get(name).is_ok(), "{name}");
        }
    }
}
