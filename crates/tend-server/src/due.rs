//! Complaint views with their due times: each channel's service hours and response standards
//! are loaded once per request and applied to every complaint of that channel.

use std::collections::HashMap;

use tend_domain::response_standard::{Due, ResponseStandards};
use tend_domain::service_hours::ServiceHours;
use tend_store::Complaint;

use crate::AppState;
use crate::error::ApiResult;
use crate::views::ComplaintView;

/// Views of `complaints`, each with its first-response and resolution due times.
pub async fn views(s: &AppState, complaints: &[Complaint]) -> ApiResult<Vec<ComplaintView>> {
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
        let mut view = ComplaintView::from(c);
        match standards.due(hours, r.priority, r.received_at, r.paused_minutes) {
            Ok((first, resolution)) => {
                view.first_response =
                    first.map(|d| Due::at(hours, d, r.first_response_at, r.waiting_since, now));
                view.resolution =
                    resolution.map(|d| Due::at(hours, d, r.resolved_at, r.waiting_since, now));
            }
            Err(e) => {
                tracing::warn!(complaint = c.id.0, error = %e, "no due time: the channel's hours never open")
            }
        }
        out.push(view);
    }
    Ok(out)
}

/// One complaint's view with its due times.
pub async fn view(s: &AppState, c: &Complaint) -> ApiResult<ComplaintView> {
    Ok(views(s, std::slice::from_ref(c))
        .await?
        .pop()
        .expect("one view"))
}
