//! Complaints' due times: each channel's service hours and response standards are loaded once
//! per call and applied to every complaint of that channel.

use std::collections::HashMap;

use tend_domain::channels::response_standard::{Due, ResponseStandards};
use tend_domain::channels::service_hours::ServiceHours;
use tend_store::{Complaint, StoreResult};

use crate::AppState;

/// A complaint's first-response and resolution due times; `None` where its channel sets no
/// target for its priority (or its hours never open).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DueTimes {
    pub first_response: Option<Due>,
    pub resolution: Option<Due>,
}

/// The due times of each of `complaints`, in order, as of the state's clock.
pub async fn due_times(s: &AppState, complaints: &[Complaint]) -> StoreResult<Vec<DueTimes>> {
    let now = s.clock.now();
    let mut settings: HashMap<String, (ServiceHours, ResponseStandards)> = HashMap::new();
    let mut out = Vec::with_capacity(complaints.len());
    for c in complaints {
        let r = &c.record;
        let code = r.channel.as_str();
        if !settings.contains_key(code) {
            settings.insert(code.to_owned(), s.store.channel_settings(&r.channel).await?);
        }
        let (hours, standards) = &settings[code];
        let mut due = DueTimes::default();
        let waiting = r.waiting.as_ref().map(|w| w.since);
        match standards.due(hours, r.priority, r.received_at, r.paused_minutes) {
            Ok((first, resolution)) => {
                due.first_response = first
                    .map(|d| Due::at(hours, d, r.understanding.first_response_at, waiting, now));
                due.resolution =
                    resolution.map(|d| Due::at(hours, d, r.resolution.resolved_at, waiting, now));
            }
            Err(e) => {
                tracing::warn!(complaint = c.id.0, error = %e, "no due time: the channel's hours never open")
            }
        }
        out.push(due);
    }
    Ok(out)
}

/// One complaint's due times.
pub async fn due_time(s: &AppState, c: &Complaint) -> StoreResult<DueTimes> {
    Ok(due_times(s, std::slice::from_ref(c))
        .await?
        .pop()
        .expect("one complaint, one due"))
}
