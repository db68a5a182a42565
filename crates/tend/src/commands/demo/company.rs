//! The demo company's fixed parts: its staff (roles, tiers, teams), its channels' service hours
//! and response standards, and its catalogue (a tree of categories, products with prices).

use jiff::Timestamp;
use serde_json::json;
use tend_domain::catalog::ChannelCode;
use tend_domain::channels::response_standard::ResponseStandards;
use tend_domain::channels::service_hours::ServiceHoursSpec;
use tend_domain::kernel::ids::{CategoryId, EmployeeId, ProductId};
use tend_domain::kernel::text::{Email, Line, Name, Tier};
use tend_domain::staff::Role;
use tend_store::{Actor, Store};

/// An employee of the demo company, as stored.
pub struct Staff {
    pub id: EmployeeId,
    pub name: String,
    pub role: Role,
    pub tier: i64,
}

/// `(e-mail, name, role, team, tier)`: an owner, two team leads, agents at tiers 1 and 2, a viewer.
const PEOPLE: [(&str, &str, Role, &str, i64); 8] = [
    (
        "owner@demo.tend",
        "Olivia Owner",
        Role::Admin,
        "Management",
        3,
    ),
    (
        "manager@demo.tend",
        "Marco Manager",
        Role::Manager,
        "Customer care",
        2,
    ),
    (
        "lead@demo.tend",
        "Leyla Lider",
        Role::Manager,
        "Customer care",
        3,
    ),
    (
        "agent@demo.tend",
        "Ayşe Agent",
        Role::Agent,
        "Customer care",
        1,
    ),
    (
        "pablo@demo.tend",
        "Pablo Ortega",
        Role::Agent,
        "Customer care",
        1,
    ),
    (
        "sam@demo.tend",
        "Sam Carter",
        Role::Agent,
        "Customer care",
        1,
    ),
    (
        "deniz@demo.tend",
        "Deniz Kaya",
        Role::Agent,
        "Second line",
        2,
    ),
    (
        "viewer@demo.tend",
        "Victor Viewer",
        Role::Viewer,
        "Management",
        1,
    ),
];

/// The company's name and time zone (Madrid, where its phone and chat are staffed), and the
/// staff who read times in a zone of their own: the Turkish-speaking agents in Istanbul.
const COMPANY: (&str, &str) = ("Cafetera Feliz", "Europe/Madrid");
const OWN_ZONES: [(&str, &str); 2] = [
    ("agent@demo.tend", "Europe/Istanbul"),
    ("deniz@demo.tend", "Europe/Istanbul"),
];

/// Stores the staff with one-time passwords, printed once each (the demo's sign-in list), and
/// the company's time zone and the staff's own.
pub async fn staff(store: &Store, now: Timestamp) -> anyhow::Result<Vec<Staff>> {
    let (company, zone) = COMPANY;
    let by = Actor::system("demo");
    store.set_company_settings(company, zone, now, &by).await?;
    let mut out = Vec::new();
    for (email, name, role, team, tier) in PEOPLE {
        let (password, hash) = tend_store::new_password();
        let e = store
            .create_employee(
                &Email::parse(email).expect("demo e-mail"),
                &Name::parse(name).expect("demo name"),
                role,
                Some(&Name::parse(team).expect("demo team")),
                Tier::new(tier).expect("demo tier"),
                &hash,
                now,
            )
            .await?;
        if let Some((_, zone)) = OWN_ZONES.iter().find(|(who, _)| *who == email) {
            store
                .set_own_settings(e.id, &e.language, Some(zone))
                .await?;
        }
        println!("{:<8} {email:<20} password {password}", role.as_str());
        out.push(Staff {
            id: e.id,
            name: e.name,
            role,
            tier,
        });
    }
    Ok(out)
}

/// Service hours and response standards per channel: phone and chat staffed weekdays in
/// Madrid (chat also Saturday mornings), e-mail and the web form answered round the clock
/// with looser targets, social media weekdays. Phone escalates a breach one tier up.
pub async fn channels(store: &Store) -> anyhow::Result<()> {
    let weekdays = |from: &str, to: &str| {
        json!({"mon": [[from, to]], "tue": [[from, to]], "wed": [[from, to]],
               "thu": [[from, to]], "fri": [[from, to]]})
    };
    let closed =
        json!([{"date": "2026-01-01", "yearly": true}, {"date": "2026-12-25", "yearly": true}]);
    let mut chat_week = weekdays("08:00", "20:00");
    chat_week["sat"] = json!([["09:00", "14:00"]]);
    let targets = |first: i64, resolve: i64| {
        json!({
            "low": {"first_response_minutes": first * 2, "resolution_minutes": resolve * 2},
            "normal": {"first_response_minutes": first, "resolution_minutes": resolve},
            "high": {"first_response_minutes": first / 2, "resolution_minutes": resolve / 2},
            "urgent": {"first_response_minutes": first / 4, "resolution_minutes": resolve / 4},
        })
    };
    let settings = [
        (
            "phone",
            Some(
                json!({"time_zone": "Europe/Madrid", "week": weekdays("09:00", "18:00"), "closed": closed}),
            ),
            targets(120, 1440),
            true,
        ),
        (
            "chat",
            Some(json!({"time_zone": "Europe/Madrid", "week": chat_week, "closed": closed})),
            targets(30, 960),
            false,
        ),
        (
            "social",
            Some(
                json!({"time_zone": "Europe/Madrid", "week": weekdays("09:00", "17:00"), "closed": closed}),
            ),
            targets(240, 2880),
            false,
        ),
        ("email", None, targets(480, 4320), false),
        ("web", None, targets(480, 4320), false),
    ];
    for (code, hours, targets, escalate) in settings {
        let code = ChannelCode::parse(code).expect("demo channel");
        if let Some(hours) = hours {
            let spec: ServiceHoursSpec = serde_json::from_value(hours)?;
            store
                .set_service_hours(
                    &code,
                    &spec.validate()?,
                    Timestamp::now(),
                    &Actor::system("demo"),
                )
                .await?;
        }
        let standards: ResponseStandards = serde_json::from_value(json!({
            "targets": targets, "warn_at_percent": 80, "escalate_on_breach": escalate,
        }))?;
        store
            .set_response_standards(
                &code,
                &standards.validate()?,
                Timestamp::now(),
                &Actor::system("demo"),
            )
            .await?;
    }
    Ok(())
}

/// A product for sale: its name, its price in euros (cents), and the category it falls under.
pub struct Item {
    pub id: ProductId,
    pub name: &'static str,
    pub price_cents: i64,
}

/// `(name, SKU, price in euro cents)`: a small-appliance shop's range.
const PRODUCTS: [(&str, &str, i64); 10] = [
    ("Kettle K2", "KT-002", 3990),
    ("Blender B5", "BL-005", 8990),
    ("Toaster T1", "TS-001", 4490),
    ("Coffee Grinder G3", "CG-003", 5990),
    ("Air Fryer A7", "AF-007", 12990),
    ("Hand Mixer M2", "HM-002", 3490),
    ("Rice Cooker R4", "RC-004", 6990),
    ("Espresso Machine E9", "EM-009", 34900),
    ("Stand Mixer S6", "SM-006", 27900),
    ("Water Filter Jug W1", "WF-001", 2490),
];

/// The category tree the scenarios use (`Parent/Child`), with follow-up delays: billing is
/// followed up after 3 days, everything else after the default 7.
pub async fn catalogue(
    store: &Store,
    now: Timestamp,
) -> anyhow::Result<(Vec<(String, CategoryId)>, Vec<Item>)> {
    let mut categories = Vec::new();
    for path in [
        "Delivery/Late delivery",
        "Delivery/Damaged in transit",
        "Product quality/Defect",
        "Product quality/Missing parts",
        "Billing/Double charge",
        "Billing/Wrong price",
        "Service/Rude agent",
        "Returns/Refund not received",
    ] {
        let names: Vec<Name> = path
            .split('/')
            .map(|n| Name::parse(n).expect("demo category"))
            .collect();
        let id = store
            .ensure_category_path(&names, now)
            .await?
            .expect("a path of one or more names");
        categories.push((path.to_string(), id));
    }
    let billing = store
        .ensure_category_path(&[Name::parse("Billing").expect("name")], now)
        .await?
        .expect("billing");
    store.set_category_follow_up_days(billing, Some(3)).await?;
    let mut items = Vec::new();
    for (name, sku, price_cents) in PRODUCTS {
        let sku = Line::<64>::parse(sku).expect("demo sku");
        let p = store
            .create_product(&Name::parse(name).expect("name"), Some(&sku), now)
            .await?;
        items.push(Item {
            id: p.id,
            name,
            price_cents,
        });
    }
    Ok((categories, items))
}
