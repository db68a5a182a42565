//! The resolution method's rules: the happy path, every refusal, and laws over random walks.

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use tend_domain::DomainError;
use tend_domain::complaints::lifecycle::{Action, apply};
use tend_domain::complaints::timeline::diff;
use tend_domain::complaints::{
    ComplaintDraft, ComplaintRecord, FollowUpOutcome, ResponsibleParty, SolutionMode, Status,
};
use tend_domain::kernel::ids::{CustomerId, EmployeeId};

fn t0() -> Timestamp {
    "2026-03-06T15:30:00Z".parse().unwrap()
}

fn received() -> ComplaintRecord {
    let draft = ComplaintDraft {
        customer_id: Some(CustomerId(1)),
        channel: Some("phone".into()),
        description: Some("The blender arrived with a cracked jar.".into()),
        received_at: Some(t0()),
        ..Default::default()
    };
    ComplaintRecord::received(draft.validate(t0()).unwrap(), "api")
}

fn understand() -> Action {
    Action::Understand {
        facts: "Jar cracked on arrival; box undamaged.".into(),
    }
}
fn cause() -> Action {
    Action::IdentifyCause {
        root_cause: "Faulty batch from the vendor".into(),
        responsible_party: ResponsibleParty::Vendor,
    }
}
fn agree() -> Action {
    Action::AgreeSolution {
        agreed_solution: "Send a new jar".into(),
        solution_mode: SolutionMode::Promised,
        promised_by: Some(t0() + SignedDuration::from_hours(48)),
        customer_proposal: Some("A new jar".into()),
    }
}
fn resolve() -> Action {
    Action::Resolve {
        corrective_action: None,
        compensation: None,
        prevention_suggestion: None,
        follow_up_at: None,
    }
}

fn refusal(r: Result<(), DomainError>) -> (&'static str, String) {
    match r.unwrap_err() {
        DomainError::Transition { field, reason, .. } => (field, reason.to_string()),
        DomainError::Invalid(e) => {
            let (f, r) = e.iter().next().unwrap();
            (Box::leak(f.to_owned().into_boxed_str()), r.to_string())
        }
    }
}

#[test]
fn walks_the_whole_method() {
    let mut c = received();
    let now = t0() + SignedDuration::from_mins(1);
    for action in [understand(), cause(), agree(), resolve()] {
        apply(&mut c, action, now).unwrap();
    }
    assert_eq!(c.status, Status::Resolved);
    assert_eq!(c.resolution.resolved_at, Some(now));
    assert_eq!(c.understanding.first_response_at, Some(now));
    apply(
        &mut c,
        Action::FollowUp {
            outcome: FollowUpOutcome::Satisfied,
            note: None,
            satisfaction_rating: Some(5),
        },
        now,
    )
    .unwrap();
    apply(&mut c, Action::Close { reason: None }, now).unwrap();
    assert_eq!(c.status, Status::Closed);
    assert_eq!(c.follow_up.satisfaction_rating, Some(5));
}

#[test]
fn no_resolve_without_an_agreed_solution() {
    let mut c = received();
    apply(&mut c, understand(), t0()).unwrap();
    let before = c.clone();
    let (field, reason) = refusal(apply(&mut c, resolve(), t0()));
    assert_eq!(field, "agreed_solution");
    assert!(reason.contains("agreed solution"), "{reason}");
    assert_eq!(c, before, "a refused step leaves the record untouched");
}

#[test]
fn promised_needs_a_date_after_receipt() {
    let mut c = received();
    apply(&mut c, understand(), t0()).unwrap();
    apply(&mut c, cause(), t0()).unwrap();
    let mk = |promised_by| Action::AgreeSolution {
        agreed_solution: "Refund".into(),
        solution_mode: SolutionMode::Promised,
        promised_by,
        customer_proposal: None,
    };
    assert_eq!(refusal(apply(&mut c, mk(None), t0())).0, "promised_by");
    assert_eq!(
        refusal(apply(
            &mut c,
            mk(Some(t0() - SignedDuration::from_hours(1))),
            t0()
        ))
        .0,
        "promised_by"
    );
    let spot = Action::AgreeSolution {
        agreed_solution: "Refund".into(),
        solution_mode: SolutionMode::OnTheSpot,
        promised_by: Some(t0()),
        customer_proposal: None,
    };
    assert_eq!(refusal(apply(&mut c, spot, t0())).0, "promised_by");
    assert_eq!(c.status, Status::CauseIdentified);
}

#[test]
fn follow_up_waits_for_resolution_and_unsatisfied_close_needs_a_reason() {
    let mut c = received();
    let fu = || Action::FollowUp {
        outcome: FollowUpOutcome::NotSatisfied,
        note: None,
        satisfaction_rating: None,
    };
    assert_eq!(refusal(apply(&mut c, fu(), t0())).0, "outcome");
    for a in [understand(), cause(), agree(), resolve(), fu()] {
        apply(&mut c, a, t0()).unwrap();
    }
    assert_eq!(
        refusal(apply(&mut c, Action::Close { reason: None }, t0())).0,
        "reason"
    );
    apply(
        &mut c,
        Action::Close {
            reason: Some("Customer wants a different model; not in stock".into()),
        },
        t0(),
    )
    .unwrap();
    assert_eq!(
        refusal(apply(&mut c, understand(), t0())).1,
        "the complaint is closed: reopen it first"
    );
    apply(
        &mut c,
        Action::Reopen {
            reason: "Stock arrived".into(),
        },
        t0(),
    )
    .unwrap();
    assert_eq!(c.status, Status::Understood);
    assert_eq!(c.closing, None);
}

#[test]
fn escalation_moves_up_a_tier_at_any_step() {
    let mut c = received();
    let esc = |tier| Action::Escalate {
        reason: "Threatens to go to the press".into(),
        to: EmployeeId(9),
        tier,
    };
    apply(&mut c, esc(None), t0()).unwrap();
    assert_eq!(c.tier.get(), 2);
    assert!(c.escalated());
    assert_eq!(refusal(apply(&mut c, esc(Some(1)), t0())).0, "tier");
    apply(&mut c, esc(Some(3)), t0()).unwrap();
    apply(&mut c, esc(None), t0()).unwrap();
    assert_eq!(c.tier.get(), 3);
}

#[test]
fn compensation_is_validated_field_by_field() {
    let mut c = received();
    for a in [understand(), cause(), agree()] {
        apply(&mut c, a, t0()).unwrap();
    }
    let bad: Action = serde_json::from_value(serde_json::json!({
        "action": "resolve", "compensation": {"kind": "refund", "amount": "10.001", "currency": "EUR"}
    }))
    .unwrap();
    assert_eq!(refusal(apply(&mut c, bad, t0())).0, "compensation.amount");
    let good: Action = serde_json::from_value(serde_json::json!({
        "action": "resolve", "compensation": {"kind": "refund", "amount": "10.00", "currency": "EUR"}
    }))
    .unwrap();
    apply(&mut c, good, t0()).unwrap();
    assert_eq!(
        c.resolution
            .compensation
            .unwrap()
            .money
            .unwrap()
            .to_string(),
        "10.00 EUR"
    );
}

#[test]
fn actions_refuse_unknown_fields() {
    let r = serde_json::from_str::<Action>(r#"{"action":"understand","facts":"x","mood":"angry"}"#);
    assert!(r.unwrap_err().to_string().contains("mood"));
}

#[test]
fn timeline_diff_names_each_changed_field() {
    let mut c = received();
    let before = c.snapshot();
    apply(&mut c, understand(), t0()).unwrap();
    let changes = diff(&before, &c.snapshot());
    let fields: Vec<_> = changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, ["status", "facts", "first_response_at"]);
    assert_eq!(changes[0].old.as_deref(), Some("received"));
    assert_eq!(changes[0].new.as_deref(), Some("understood"));
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(understand()),
        Just(cause()),
        Just(agree()),
        Just(resolve()),
        prop::sample::select(vec![
            FollowUpOutcome::Satisfied,
            FollowUpOutcome::NotSatisfied,
            FollowUpOutcome::NoAnswer
        ])
        .prop_map(|outcome| Action::FollowUp {
            outcome,
            note: None,
            satisfaction_rating: None
        }),
        prop::option::of(Just("done".to_owned())).prop_map(|reason| Action::Close { reason }),
        Just(Action::Reopen {
            reason: "again".into()
        }),
        prop::option::of(0i64..5).prop_map(|tier| Action::Escalate {
            reason: "why".into(),
            to: EmployeeId(1),
            tier
        }),
    ]
}

proptest! {
    /// Whatever is tried in whatever order, the record never breaks the method's invariants,
    /// and a refused step changes nothing.
    #[test]
    fn random_walks_keep_the_invariants(actions in prop::collection::vec(any_action(), 0..40)) {
        let mut c = received();
        let mut now = t0();
        for a in actions {
            now += SignedDuration::from_mins(7);
            let before = c.clone();
            if apply(&mut c, a, now).is_err() {
                prop_assert_eq!(&c, &before);
            }
            let s = c.status;
            if s >= Status::Understood && s != Status::Closed { prop_assert!(c.understanding.facts.is_some()); }
            if s >= Status::CauseIdentified && s != Status::Closed { prop_assert!(c.cause.is_some()); }
            if s == Status::Resolved { prop_assert!(c.solution.is_some() && c.resolution.resolved_at.is_some()); }
            if c.solution.as_ref().and_then(|x| x.mode()) == Some(SolutionMode::Promised) { prop_assert!(c.solution.as_ref().and_then(|x| x.promised_by()).is_some()); }
            if c.follow_up.answer.is_some() { prop_assert!(c.resolution.resolved_at.is_some()); }
            prop_assert_eq!(s == Status::Closed, c.closing.is_some());
            prop_assert!(c.tier.get() <= 3);
        }
    }
}

#[test]
fn waiting_on_the_customer_pauses_the_clock_in_service_minutes() {
    use tend_domain::channels::service_hours::ServiceHoursSpec;
    let office: ServiceHoursSpec = serde_json::from_value(serde_json::json!({
        "time_zone": "Europe/Madrid", "week": {"fri": [["09:00", "17:00"]], "mon": [["09:00", "17:00"]]}
    }))
    .unwrap();
    let office = office.validate().unwrap();
    let mut c = received();
    let wait = Action::WaitForCustomer {
        reason: "Photo of the jar, please".into(),
    };
    tend_domain::complaints::lifecycle::apply_with(&mut c, wait.clone(), t0(), &office).unwrap();
    assert_eq!(
        c.understanding.first_response_at,
        Some(t0()),
        "asking the customer is a response"
    );
    assert_eq!(
        refusal(tend_domain::complaints::lifecycle::apply_with(
            &mut c,
            wait,
            t0(),
            &office
        ))
        .0,
        "action"
    );
    // Friday 16:30 Madrid to Monday 10:00 Madrid: 30 + 60 service minutes.
    let monday: Timestamp = "2026-03-09T09:00:00Z".parse().unwrap();
    let reply = Action::CustomerReplied {
        note: Some("Photo sent".into()),
    };
    tend_domain::complaints::lifecycle::apply_with(&mut c, reply.clone(), monday, &office).unwrap();
    assert_eq!((c.paused_minutes, c.waiting.is_none()), (90, true));
    assert_eq!(
        refusal(tend_domain::complaints::lifecycle::apply_with(
            &mut c, reply, monday, &office
        ))
        .0,
        "action"
    );
}
