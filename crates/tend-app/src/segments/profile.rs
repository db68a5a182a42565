//! The profile of a set of customers — every customer, or a segment's members — from the
//! store's counts (`tend_domain::customers::profile` for the arithmetic and the definitions).
//! `GET /api/v1/customers/profile`, `GET /api/v1/segments/{id}/profile` and the segment's page
//! all answer with this. The store reads every count in one query, a segment's members computed
//! once (`Store::profile_counts`).

use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use tend_domain::customers::profile::{
    Age, ComplaintRate, Distribution, Mode, PROFILE_DEFINITIONS, Profile, Satisfaction, median,
};
use tend_store::{Members, Store, StoreResult};

/// The profile at `now`: ages in `now`'s UTC year, complaints and satisfaction answers of the
/// 365 days up to `now`; `members` narrows every count to a segment.
pub async fn profile(
    store: &Store,
    now: Timestamp,
    members: Option<&Members>,
) -> StoreResult<Profile> {
    let year = i64::from(now.to_zoned(TimeZone::UTC).year());
    let year_ago = now - SignedDuration::from_hours(365 * 24);
    let counts = store.profile_counts(year_ago, now, members).await?;
    let births = &counts.birth_years;
    let ages: Vec<(i64, i64)> = births.iter().map(|(b, k)| (year - b, *k)).collect();
    let with_age: i64 = births.iter().map(|c| c.1).sum();
    let (customers, complaints) = (counts.customers, counts.complaints);
    let (satisfied, answers) = (counts.satisfied, counts.answers);
    let dist = |f: &str| Distribution::of(counts.field(f));
    Ok(Profile {
        customers,
        age: Age {
            median: median(&ages),
            n: with_age,
            missing: customers - with_age,
        },
        country: Mode::of(&dist("country")),
        region: Mode::of(&dist("region")),
        city: Mode::of(&dist("city")),
        gender: dist("gender"),
        education_level: dist("education_level"),
        preferred_language: dist("preferred_language"),
        preferred_channel: dist("preferred_channel"),
        complaint_rate: ComplaintRate {
            per_customer_per_year: (customers > 0).then(|| complaints as f64 / customers as f64),
            complaints,
            customers,
        },
        satisfaction: Satisfaction::of(satisfied, answers),
        definitions: PROFILE_DEFINITIONS,
    })
}
