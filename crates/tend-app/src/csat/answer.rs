//! Taking a CSAT answer from its private link: checked (signature, one answer, 336 h from
//! sending, rating 1–5, a reason from the business's list), stored once, written on the complaint's timeline
//! attributed to the assignee at resolution and, when dissatisfied (1–3), the follow-up step
//! opened again and the assignee alerted by mail.

use tend_domain::complaints::{ComplaintRecord, FollowUpAnswer, FollowUpOutcome, Status};
use tend_domain::csat::CsatReasons;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::{
    CSAT_ANSWERED, CSAT_EXPIRED, CSAT_REASON, NOT_RESOLVED_YET, RATING, TOO_LONG,
};
use tend_domain::{DomainError, FieldErrors};
use tend_store::{Actor, Complaint, CsatAnswer, CsatRequest, Entry, StoreError, StoreResult};

use super::EXPIRES_HOURS;
use crate::AppState;
use crate::complaints::after_change;
use crate::i18n::Language;
use crate::mail::deliver::{Event, enqueue_mail};
use crate::mail::{OutgoingMail, Template};

/// The longest open "why", in characters.
pub const WHY_MAX: usize = 2000;

/// What the customer sent: a rating 1–5, and (only kept for 1–3) a reason code from the
/// business's list (`Store::csat_reasons`) and an open "why".
#[derive(Debug, Clone, Default)]
pub struct CsatForm {
    pub rating: i64,
    pub reason: Option<String>,
    pub why: Option<String>,
}

/// Whether a rating is dissatisfied: 1–3 on the 1–5 scale.
pub fn dissatisfied(rating: i64) -> bool {
    (1..=3).contains(&rating)
}

fn checked(form: CsatForm, reasons: &CsatReasons) -> Result<CsatAnswer, StoreError> {
    let mut e = FieldErrors::default();
    if !(1..=5).contains(&form.rating) {
        e.add("rating", RATING.with("got", form.rating));
    }
    let keep = dissatisfied(form.rating);
    let reason = form.reason.filter(|r| keep && !r.trim().is_empty());
    if let Some(r) = &reason
        && !reasons.contains(r)
    {
        e.add("reason", CSAT_REASON.with("got", r.as_str()));
    }
    let why = form
        .why
        .map(|w| w.trim().to_owned())
        .filter(|w| keep && !w.is_empty());
    if let Some(w) = &why
        && w.chars().count() > WHY_MAX
    {
        e.add(
            "why",
            TOO_LONG.with("max", WHY_MAX).with("got", w.chars().count()),
        );
    }
    if !e.is_empty() {
        return Err(StoreError::Domain(DomainError::Invalid(e)));
    }
    Ok(CsatAnswer {
        rating: form.rating,
        scale: 5,
        reason,
        why,
    })
}

/// Takes the answer sent through `token`. Errors: `NotFound` for a forged or unknown token,
/// `Conflict` on `token` (`csat_answered`) for a second answer, `Invalid` on `token`
/// (`csat_expired`) after 336 h from sending, or on `rating`/`reason`/`why`. Returns the
/// complaint as changed.
pub async fn answer(s: &AppState, token: &str, form: CsatForm) -> StoreResult<Complaint> {
    let req = s
        .store
        .csat_request_for_token(token)
        .await?
        .ok_or(StoreError::NotFound("satisfaction question"))?;
    if s.store.mail_sent_at(&mail_key(&req)).await?.is_none() {
        return Err(StoreError::NotFound("satisfaction question"));
    }
    record(s, &req, form).await
}

/// Takes the answer given on the complaint's status page (its private link): the same
/// instrument as the mailed link, one answer per resolution whichever way it comes. The
/// request about the current resolution is made now if its mail has not gone yet (the mail
/// then does not go: see `Csat`). Errors as [`answer`]'s; `Invalid` on `rating`
/// (`not_resolved_yet`) unless the complaint stands resolved.
pub async fn answer_on_status_page(
    s: &AppState,
    complaint: ComplaintId,
    form: CsatForm,
) -> StoreResult<Complaint> {
    let c = s.store.complaint(complaint).await?;
    let r = &c.record;
    let resolved = r
        .resolution
        .resolved_at
        .filter(|_| r.status == Status::Resolved);
    let Some(resolved) = resolved else {
        return Err(StoreError::field("rating", NOT_RESOLVED_YET));
    };
    let now = s.clock.now();
    let id = s
        .store
        .csat_request(complaint, resolved, r.assignee_id, now)
        .await?;
    let req = s
        .store
        .csat_request_by_id(id)
        .await?
        .ok_or(StoreError::NotFound("satisfaction question"))?;
    record(s, &req, form).await
}

/// The mail log's key of the question about `req`.
fn mail_key(req: &CsatRequest) -> String {
    Event::Csat(req.complaint_id, req.resolved_at.as_microsecond()).key()
}

/// Stores the answer to `req` (see [`answer`]): refused once answered, or 336 h after its
/// mail went (an unmailed question, answered on the status page, does not expire while the
/// complaint stands resolved). A rating of 4–5 is also the follow-up's outcome (satisfied)
/// when none was recorded; 1–3 opens the follow-up again.
async fn record(s: &AppState, req: &CsatRequest, form: CsatForm) -> StoreResult<Complaint> {
    let store = &s.store;
    if req.answered_at.is_some() {
        return Err(StoreError::Conflict {
            field: "token",
            reason: CSAT_ANSWERED.into(),
        });
    }
    let now = s.clock.now();
    if let Some(sent) = store.mail_sent_at(&mail_key(req)).await?
        && now > sent + jiff::SignedDuration::from_hours(EXPIRES_HOURS)
    {
        return Err(StoreError::field(
            "token",
            CSAT_EXPIRED.with("hours", EXPIRES_HOURS),
        ));
    }
    let answer = checked(form, &store.csat_reasons().await?)?;
    let summary = summary(&answer);
    let rating = u8::try_from(answer.rating).ok();
    let reopen = dissatisfied(answer.rating);
    let actor = Actor {
        id: req.assignee_id,
        label: "customer (CSAT)".to_owned(),
    };
    let before = std::sync::Mutex::new(None::<ComplaintRecord>);
    let change = Box::new(|r: &mut ComplaintRecord| -> Result<(), DomainError> {
        *before.lock().expect("before lock") = Some(r.clone());
        r.follow_up.satisfaction_rating = rating;
        if reopen {
            // The follow-up step is open again, and due now.
            r.follow_up.answer = None;
            r.follow_up.scheduled_at = Some(tend_domain::kernel::clock::micros(now));
        } else if r.status == Status::Resolved && r.follow_up.answer.is_none() {
            // Satisfied: the method's follow-up has its answer, from the same instrument.
            r.follow_up.answer = Some(FollowUpAnswer {
                outcome: FollowUpOutcome::Satisfied,
                note: Some(format!("CSAT {summary}")),
                at: tend_domain::kernel::clock::micros(now),
            });
        }
        Ok(())
    });
    let entries = vec![
        Entry::Change("csat_answer", change),
        Entry::Step(format!("CSAT {summary}")),
    ];
    // The answer's row is the single use: a second (or a racing) answer is refused, and the
    // answer and the complaint's change are stored together or not at all.
    let changed = store
        .record_csat_answer(req.id, &answer, req.complaint_id, &actor, now, entries)
        .await?;
    let before = before.lock().expect("before lock").take();
    if let Some(before) = before {
        after_change(s, &before, &changed, now).await?;
    }
    if reopen {
        alert(s, req.id, req.assignee_id, &changed, &summary).await?;
    }
    Ok(changed)
}

/// `"2/5"`, then the reason code and the open answer when given.
fn summary(a: &CsatAnswer) -> String {
    let mut out = format!("{}/{}", a.rating, a.scale);
    for part in [&a.reason, &a.why].into_iter().flatten() {
        out.push_str(" — ");
        out.push_str(part);
    }
    out
}

async fn alert(
    s: &AppState,
    request: i64,
    assignee: Option<tend_domain::kernel::ids::EmployeeId>,
    c: &Complaint,
    summary: &str,
) -> StoreResult<()> {
    let Some(to) = assignee else {
        return Ok(());
    };
    let staff = s.store.employees().await?;
    let Some(e) = staff.iter().find(|e| e.id == to && e.active) else {
        return Ok(());
    };
    let ComplaintId(id) = c.id;
    let mail = OutgoingMail {
        to: e.email.clone(),
        to_name: Some(e.name.clone()),
        language: Language::from_tag(&e.language),
        template: Template::CsatAlert {
            name: e.name.clone(),
            reference: c.reference.clone(),
            summary: summary.to_owned(),
            link: format!("{}/complaints/{id}", s.public_url()),
        },
        // Staff mail: no consent to withdraw.
        withdraw_link: None,
    };
    let now = s.clock.now();
    enqueue_mail(
        &s.store,
        &Event::CsatAlert(request),
        &c.record.channel,
        mail,
        now,
    )
    .await?;
    Ok(())
}
