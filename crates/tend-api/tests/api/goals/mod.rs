//! `/api/v1/goals`: every catalogue measure over two periods with hand-computed actuals
//! (`measures`, over the records of `scenario`), a closed period frozen once and kept when late
//! data arrives, versions on change, refusals naming the field, role checks and append-only
//! tables (`refusals`); every segment-scoped measure the same way, members only (`segment`).

mod measures;
mod per_customer;
mod refusals;
mod scenario;
mod segment;
