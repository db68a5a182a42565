//! A year of complaints, each walked through the resolution method by the real use cases at
//! the moment it happened (the clock is moved to each step's instant), so every invariant,
//! timeline entry and job is what real use would have left. Some stall at a step (late by
//! now), some wait on the customer, some are escalated; most older ones are closed.

use jiff::{SignedDuration, Timestamp};
use rand::Rng;
use rand::rngs::StdRng;
use serde_json::{Value, json};
use tend_app::AppState;
use tend_app::complaints::{Done, act, act_all, take};
use tend_domain::complaints::ComplaintDraft;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::complaints::lifecycle::Action;
use tend_domain::kernel::clock::ManualClock;
use tend_domain::kernel::ids::{CategoryId, ComplaintId};
use tend_store::Actor;

use super::company::{Item, Staff};
use super::customers::Person;
use super::texts::{Scenario, fill, scenarios};

/// What the walk needs from the rest of the demo.
pub struct World<'a> {
    pub state: &'a AppState,
    pub clock: &'a ManualClock,
    pub people: &'a [Person],
    pub items: &'a [Item],
    pub categories: &'a [(String, CategoryId)],
    pub staff: &'a [Staff],
    pub today: Timestamp,
}

/// The short texts a step needs besides the scenario's, per language:
/// `(waiting reason, escalation reason, close reason when unsatisfied, follow-up note)`.
fn phrases(language: &str) -> [&'static str; 4] {
    match language {
        "es" => [
            "Pedimos al cliente fotos y el número de pedido",
            "El cliente pide hablar con un responsable",
            "El cliente no quedó satisfecho; se ofreció todo lo posible",
            "Llamada de seguimiento",
        ],
        "tr" => [
            "Müşteriden fotoğraf ve sipariş numarası istendi",
            "Müşteri bir yöneticiyle görüşmek istiyor",
            "Müşteri memnun kalmadı; mümkün olan her şey önerildi",
            "Takip araması",
        ],
        _ => [
            "Asked the customer for photos and the order number",
            "The customer asks to speak to a manager",
            "The customer stayed unhappy; everything possible was offered",
            "Follow-up call",
        ],
    }
}

fn minutes(rng: &mut StdRng, from: i64, to: i64) -> SignedDuration {
    SignedDuration::from_mins(rng.gen_range(from..to))
}

/// `at` moved to a random hour between 08:00 and 21:00 of its day where the customer lives
/// (people complain while awake), unless that would be after `today`.
fn daytime(rng: &mut StdRng, at: Timestamp, zone: &str, today: Timestamp) -> Timestamp {
    let hour = rng.gen_range(8..21);
    let moved = jiff::tz::TimeZone::get(zone)
        .ok()
        .and_then(|tz| at.to_zoned(tz).with().hour(hour).build().ok())
        .map(|z| z.timestamp());
    match moved {
        Some(t) if t < today => t,
        _ => at,
    }
}

/// Stores `count` complaints received over the past year (a third of them in the last three
/// weeks) and takes each as far through the method as its story and today allow. Returns the
/// ids.
pub async fn complaints(
    w: &World<'_>,
    rng: &mut StdRng,
    count: usize,
) -> anyhow::Result<Vec<ComplaintId>> {
    let agents: Vec<&Staff> = w
        .staff
        .iter()
        .filter(|s| s.tier == 1 && s.role.as_str() == "agent")
        .collect();
    let seniors: Vec<&Staff> = w
        .staff
        .iter()
        .filter(|s| s.tier >= 2 && s.role.as_str() != "viewer")
        .collect();
    let mut ids = Vec::with_capacity(count);
    for _ in 0..count {
        let person = &w.people[rng.gen_range(0..w.people.len())];
        let story = &scenarios(person.language)[rng.gen_range(0..8)];
        let age = if rng.gen_bool(0.33) {
            minutes(rng, 20, 21 * 24 * 60)
        } else {
            minutes(rng, 21 * 24 * 60, 365 * 24 * 60)
        };
        let received = daytime(rng, w.today - age, person.zone, w.today);
        let product = person
            .bought
            .iter()
            .rev()
            .find(|b| b.1 < received)
            .map_or(rng.gen_range(0..w.items.len()), |b| b.0);
        let bought_days = person
            .bought
            .iter()
            .find(|b| b.0 == product && b.1 < received)
            .map_or(30, |b| received.duration_since(b.1).as_hours() / 24);
        let item = &w.items[product];
        let agent = agents[rng.gen_range(0..agents.len())];
        let channel = if rng.gen_bool(0.7) {
            person.channel
        } else {
            ["phone", "email", "chat", "web"][rng.gen_range(0..4)]
        };
        let priority = ["low", "normal", "normal", "normal", "high", "urgent"][rng.gen_range(0..6)];
        let category = w
            .categories
            .iter()
            .find(|c| c.0 == story.category)
            .map(|c| c.1);
        let draft: ComplaintDraft = serde_json::from_value(json!({
            "customer_id": person.id, "channel": channel, "received_at": received,
            "received_by": agent.id, "assignee_id": agent.id, "category_id": category,
            "product_id": item.id, "priority": priority,
            "subject": fill(story.subject, item.name, bought_days),
            "description": fill(story.description, item.name, bought_days),
        }))?;
        w.clock.set(received);
        let record = ComplaintRecord::received(draft.validate(received)?, "demo");
        let actor = Actor::employee(agent.id, &agent.name);
        let stored = take(w.state, record, actor.clone(), received).await?;
        ids.push(stored.id);
        let walk = Walk {
            w,
            actor,
            id: stored.id,
            at: received,
            language: person.language,
        };
        walk.run(rng, story, item, person, &seniors, bought_days)
            .await?;
    }
    w.clock.set(w.today);
    Ok(ids)
}

/// One complaint's way through the method, step by step at moving instants.
struct Walk<'a> {
    w: &'a World<'a>,
    actor: Actor,
    id: ComplaintId,
    at: Timestamp,
    language: &'static str,
}

impl Walk<'_> {
    /// Moves on by `after` plus `from..to` minutes; false (and nothing done) if that is after
    /// today or the story stalls here (3 % per step: the complaints that are late by now).
    fn next(&mut self, rng: &mut StdRng, after: SignedDuration, from: i64, to: i64) -> bool {
        let by = after + minutes(rng, from, to);
        if rng.gen_bool(0.03) || self.at + by > self.w.today {
            return false;
        }
        self.at += by;
        self.w.clock.set(self.at);
        true
    }

    async fn act(&self, action: Value) -> anyhow::Result<()> {
        let action: Action = serde_json::from_value(action)?;
        act(self.w.state, self.id, None, &self.actor, action).await?;
        Ok(())
    }

    async fn run(
        mut self,
        rng: &mut StdRng,
        s: &Scenario,
        item: &Item,
        person: &Person,
        seniors: &[&Staff],
        days: i64,
    ) -> anyhow::Result<()> {
        let [wait, escalate, unhappy, note] = phrases(self.language);
        let f = |t: &str| fill(t, item.name, days);
        if !self.next(rng, SignedDuration::ZERO, 5, 8 * 60) {
            return Ok(());
        }
        self.act(json!({"action": "understand", "facts": f(s.facts)}))
            .await?;
        if rng.gen_bool(0.12) {
            let to = seniors[rng.gen_range(0..seniors.len())];
            self.act(json!({"action": "escalate", "reason": escalate, "to": to.id}))
                .await?;
        }
        if rng.gen_bool(0.12) {
            self.act(json!({"action": "wait_for_customer", "reason": wait}))
                .await?;
            // Within the last month, most customers asked have not answered yet.
            let recent = self.w.today.duration_since(self.at) < SignedDuration::from_hours(30 * 24);
            if recent && rng.gen_bool(0.6) {
                return Ok(());
            }
            if !self.next(rng, SignedDuration::ZERO, 6 * 60, 4 * 24 * 60) {
                return Ok(());
            }
            self.act(json!({"action": "customer_replied"})).await?;
        }
        if !self.next(rng, SignedDuration::ZERO, 60, 2 * 24 * 60) {
            return Ok(());
        }
        self.act(json!({"action": "identify_cause", "root_cause": f(s.root_cause), "responsible_party": s.party})).await?;
        if !self.next(rng, SignedDuration::ZERO, 30, 24 * 60) {
            return Ok(());
        }
        let promised = rng.gen_bool(0.4);
        let agree = json!({
            "action": "agree_solution", "customer_proposal": f(s.proposal),
            "agreed_solution": f(s.solution),
            "solution_mode": if promised { "promised" } else { "on_the_spot" },
            "promised_by": promised.then(|| self.at + SignedDuration::from_hours(48)),
        });
        let current = self.w.state.store.complaint(self.id).await?;
        let done = vec![
            Done::Act(serde_json::from_value(agree)?),
            Done::Step(f(s.step)),
        ];
        act_all(self.w.state, &current, None, &self.actor, done).await?;
        if !self.next(rng, SignedDuration::ZERO, 60, 3 * 24 * 60) {
            return Ok(());
        }
        let compensation = rng.gen_bool(0.5).then(|| {
            let kind = ["coupon", "refund", "credit", "replacement"][rng.gen_range(0..4)];
            let cents = item.price_cents / 10 * if person.currency == "TRY" { 38 } else { 1 };
            json!({"kind": kind, "amount": format!("{}.{:02}", cents / 100, cents % 100), "currency": person.currency})
        });
        self.act(
            json!({"action": "resolve", "corrective_action": f(s.corrective),
            "compensation": compensation, "prevention_suggestion": f(s.prevention)}),
        )
        .await?;
        let due = self
            .w
            .state
            .store
            .complaint(self.id)
            .await?
            .record
            .follow_up
            .scheduled_at;
        let wait_for = due.map_or(SignedDuration::from_hours(24 * 7), |d| {
            d.duration_since(self.at)
        });
        if !self.next(rng, wait_for, 0, 2 * 24 * 60) {
            return Ok(());
        }
        let (outcome, rating) = match rng.gen_range(0..20) {
            0..14 => ("satisfied", Some(rng.gen_range(4..=5))),
            14..17 => ("not_satisfied", Some(rng.gen_range(1..=2))),
            _ => ("no_answer", None),
        };
        self.act(json!({"action": "follow_up", "outcome": outcome, "satisfaction_rating": rating, "note": note})).await?;
        if !self.next(rng, SignedDuration::ZERO, 60, 24 * 60) {
            return Ok(());
        }
        let reason = (outcome == "not_satisfied").then_some(unhappy);
        self.act(json!({"action": "close", "reason": reason})).await
    }
}
