//! `/api/v1/goals`: every catalogue measure over two periods with hand-computed actuals
//! (`measures`, over the records of `scenario`), a closed period frozen once and kept when late
//! data arrives, versions on change, refusals naming the field, role checks and append-only
//! tables (`refusals`).

mod measures;
mod per_customer;
mod refusals;
mod scenario;
