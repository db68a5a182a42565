//! Reports: the definitions behind every figure of the operations report — percentiles as
//! PostgreSQL's `percentile_cont` ([`percentile`]), periods between local midnights of the
//! company's zone ([`period`]), a complaint's durations in service and calendar time
//! ([`durations`]) and the report's figures with their n ([`figures`]). Pure: no I/O.

pub mod durations;
pub mod figures;
pub mod percentile;
pub mod period;
pub mod query;
pub mod report;
pub mod tally;
mod tally_codec;

pub use durations::{Measured, measure};
pub use figures::{Count, Share, Times};
pub use percentile::percentile_cont;
pub use period::{Bucket, Grain, buckets, day_number, day_of_number};
pub use query::{Group, Range, range};
pub use tally::{BadTally, Tally};
