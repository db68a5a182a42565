//! The operations report as answered (pages, API, CSV): the whole range's figures and each
//! period's, in total and per group. Definitions: docs/reports.md and each field's comment.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::figures::{Count, Share, Times};

/// The figures of one period (or of the whole range) for one group (or all of them). See
/// docs/reports.md for each definition.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportFigures))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Complaints received in the period, and their distinct customers.
    pub received: Count,
    /// Complaints first resolved in the period, and their distinct customers.
    pub resolved: Count,
    /// Complaints open at the period's end: received before it, neither first resolved nor
    /// closed by then (a count of complaints).
    pub open_at_end: i64,
    /// Complaints reopened in the period (a recorded reopen instant in it; one reopened twice
    /// counts once), and their distinct customers.
    pub reopened: Count,
    /// First response, in service minutes, of the complaints received in the period.
    pub first_response_service_minutes: Times,
    /// First response, in calendar seconds.
    pub first_response_calendar_seconds: Times,
    /// First resolution (the headline), in service minutes, of those received in the period.
    pub first_resolution_service_minutes: Times,
    pub first_resolution_calendar_seconds: Times,
    /// Final resolution (the latest, after reopens), in service minutes, of those received in
    /// the period that are resolved now (their latest resolution stands).
    pub final_resolution_service_minutes: Times,
    pub final_resolution_calendar_seconds: Times,
    /// First responses within the response standard, of those received in the period whose
    /// priority had a target.
    pub first_response_within_standard: Share,
}

/// One group's figures in a period: `key` is the channel code, the category, product or
/// assignee id, the tier, or empty (none set, or no grouping).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportCell))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub key: String,
    pub figures: Figures,
}

/// One period: its label, local days `[first_day, end_day)` and instants, its total and groups.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportPeriod))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    pub label: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub first_day: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub end_day: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub start: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub end: Timestamp,
    pub total: Figures,
    pub groups: Vec<Cell>,
}

/// The report: the company's zone, the whole range's figures and each period's.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OperationsReport {
    pub time_zone: String,
    pub range: Period,
    pub periods: Vec<Period>,
}
