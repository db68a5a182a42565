//! `/api/v1/segments`: a known customer set with hand-computed membership, medians and
//! distributions ("Spanish customers under 35 buying, who prefer the web" — transactions have
//! no channel, so "online" is the customer's preferred channel `web`), purchases and
//! behaviour criteria, the segment's profile, validation, permissions, versions and archiving.

mod crud;
mod goals;
mod people;
mod reports;
mod scenario;
