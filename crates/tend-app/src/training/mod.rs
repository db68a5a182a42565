//! Training and recognition's use cases: recording a session with its attendance, each
//! employee's training record, the coverage of the mandatory introduction (who has not yet
//! attended it), and recognising an employee — by a manager, or from a customer's praise or a
//! satisfied follow-up, linked to the complaint.

use std::collections::BTreeSet;

use tend_domain::complaints::FollowUpOutcome;
use tend_domain::kernel::ids::{ComplaintId, EmployeeId};
use tend_domain::kernel::reason::*;
use tend_domain::staff::Employee;
use tend_domain::training::{Coverage, MANDATORY, RecognitionDraft, SessionDraft, coverage};
use tend_store::{StoreError, StoreResult, StoredRecognition, StoredSession};

use crate::AppState;

/// Validates and stores a session recorded by `by`; returns it.
pub async fn record_session(
    s: &AppState,
    draft: &SessionDraft,
    by: EmployeeId,
) -> StoreResult<StoredSession> {
    let session = draft.validate()?;
    let id = s
        .store
        .create_training_session(&session, by, s.clock.now())
        .await?;
    let all = s.store.training_sessions().await?;
    Ok(all
        .into_iter()
        .find(|x| x.id == id)
        .expect("the session was just stored"))
}

/// The coverage of the mandatory introduction over the active staff (see
/// `tend_domain::training::coverage`), with the staff it counts, by name.
pub async fn introduction_coverage(s: &AppState) -> StoreResult<(Coverage, Vec<Employee>)> {
    let staff = crate::policy::staff(s).await?;
    let attended: BTreeSet<i64> = s
        .store
        .training_sessions()
        .await?
        .iter()
        .filter(|x| x.kind == MANDATORY)
        .flat_map(|x| x.attendees.iter().filter(|a| a.2).map(|a| a.0.0))
        .collect();
    let ids: Vec<i64> = staff.iter().map(|e| e.id.0).collect();
    Ok((coverage(&ids, &attended), staff))
}

/// `employee`'s training record: each session they were invited to (latest first) and whether
/// they attended.
pub async fn record_of(
    s: &AppState,
    employee: EmployeeId,
) -> StoreResult<Vec<(StoredSession, bool)>> {
    Ok(s.store
        .training_sessions()
        .await?
        .into_iter()
        .filter_map(|x| {
            let attended = x.attendees.iter().find(|a| a.0 == employee)?.2;
            Some((x, attended))
        })
        .collect())
}

/// Validates and stores a recognition given by `by` (the caller has checked they are a
/// manager). A recognition from a customer names its complaint, which must exist; one from a
/// follow-up needs that follow-up to have found the customer satisfied.
pub async fn recognise(
    s: &AppState,
    draft: &RecognitionDraft,
    by: EmployeeId,
) -> StoreResult<StoredRecognition> {
    let r = draft.validate()?;
    if let Some(id) = r.complaint_id {
        let c = match s.store.complaint(ComplaintId(id)).await {
            Err(StoreError::NotFound(_)) => {
                let reason = RECOGNITION_NO_COMPLAINT.with("id", id);
                return Err(StoreError::field("complaint_id", reason));
            }
            other => other?,
        };
        let satisfied = c
            .record
            .follow_up
            .answer
            .as_ref()
            .is_some_and(|a| a.outcome == FollowUpOutcome::Satisfied);
        if r.source == "follow_up" && !satisfied {
            return Err(StoreError::field("complaint_id", RECOGNITION_NOT_SATISFIED));
        }
    }
    let id = s.store.create_recognition(&r, by, s.clock.now()).await?;
    let all = s
        .store
        .recognitions(Some(EmployeeId(r.employee_id)))
        .await?;
    Ok(all
        .into_iter()
        .find(|x| x.id == id)
        .expect("the recognition was just stored"))
}
