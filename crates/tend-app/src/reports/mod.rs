//! Reports' use cases: the operations report ([`operations`]) — received, resolved and open at
//! each period's end, first-response and resolution times (service and calendar, median and
//! 90th percentile) and the share within the response standard — computed live from the rows
//! and the durations stored at each event (docs/reports.md), and its CSV ([`csv_rows`]).

pub mod job;
mod operations;
mod plan;
mod query;
mod rolled;
mod segment;
mod table;
pub mod tally;

pub use operations::{
    OperationsFilter, company_zone, operations, operations_live, operations_rolled, today,
};
pub use query::ReportQuery;
pub use table::{CSV_HEADER, csv_rows};
pub use tend_domain::reports::report::{Cell, Figures, OperationsReport, Period};
