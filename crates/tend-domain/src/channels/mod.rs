//! Channels' service: business hours, response standards per priority, and the watcher's plan.

pub mod response_standard;
pub mod service_hours;
pub mod sla;
