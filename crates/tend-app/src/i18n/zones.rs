//! Whose zone an instant is shown in, for pages and mail alike: a member of staff reads in
//! their own zone, else the company's, else UTC (`tend_domain::staff::zone::reader_zone`); a
//! customer in their country's zone, else their complaint's channel's. Due times are computed in
//! the channel's zone elsewhere; these only say how to show them.

use jiff::tz::TimeZone;
use tend_domain::catalog::ChannelCode;
use tend_domain::customers::Customer;
use tend_domain::customers::zone::main_zone;
use tend_domain::staff::Employee;
use tend_domain::staff::zone::reader_zone;
use tend_store::{Store, StoreResult};

/// The zone `e` reads instants in, `company` being the company's zone name (see
/// [`Store::company_time_zone`]).
pub fn employee_zone(e: &Employee, company: Option<&str>) -> TimeZone {
    reader_zone(e.time_zone.as_deref(), company)
}

/// The zone a customer reads instants in: their country's main zone
/// (`tend_domain::customers::zone::main_zone`), else the zone of `channel`'s service hours.
pub async fn customer_zone(
    store: &Store,
    customer: &Customer,
    channel: &ChannelCode,
) -> StoreResult<TimeZone> {
    let main = customer.country.as_ref().and_then(main_zone);
    match main.and_then(|name| TimeZone::get(name).ok()) {
        Some(tz) => Ok(tz),
        None => Ok(store.channel_settings(channel).await?.0.time_zone().clone()),
    }
}
