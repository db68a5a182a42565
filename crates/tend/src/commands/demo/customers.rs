//! The demo's customers and their purchases: people from the places in `data/people.tsv`
//! (birth year, gender, education, city, preferred language and channel, consent), each with
//! one to four purchases over the past year, some returned.

use jiff::{SignedDuration, Timestamp};
use rand::Rng;
use rand::rngs::StdRng;
use tend_app::AppState;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::customers::{CustomerDraft, EducationLevel, Gender};
use tend_domain::kernel::ids::CustomerId;
use tend_domain::kernel::money::{Currency, Money};
use tend_domain::kernel::text::{Name, Text};
use tend_domain::transactions::{CustomerKey, Transaction};

use super::company::Item;
use super::texts::Place;

/// A demo customer, as the complaints need them.
pub struct Person {
    pub id: CustomerId,
    /// `en`, `es` or `tr`.
    pub language: &'static str,
    pub channel: &'static str,
    /// ISO 4217, what they pay in.
    pub currency: &'static str,
    /// IANA zone where they live.
    pub zone: &'static str,
    /// Their purchases: `(product index, when)`.
    pub bought: Vec<(usize, Timestamp)>,
}

const EDUCATION: [EducationLevel; 6] = [
    EducationLevel::Primary,
    EducationLevel::Secondary,
    EducationLevel::Vocational,
    EducationLevel::Bachelor,
    EducationLevel::Master,
    EducationLevel::Doctorate,
];
const GENDER: [Gender; 4] = [
    Gender::Female,
    Gender::Male,
    Gender::Other,
    Gender::Undisclosed,
];
const CHANNELS: [&str; 5] = ["phone", "email", "chat", "web", "social"];

/// What one euro is worth in `currency` (rounded rates, for believable local prices only).
fn rate(currency: &str) -> f64 {
    match currency {
        "GBP" => 0.85,
        "USD" => 1.10,
        "MXN" => 20.0,
        "TRY" => 38.0,
        _ => 1.0,
    }
}

/// Stores `count` customers spread over `places`, and their purchases (each purchase also
/// schedules its retention contact, as any purchase does).
pub async fn customers(
    s: &AppState,
    rng: &mut StdRng,
    places: &[Place],
    items: &[Item],
    count: usize,
    today: Timestamp,
) -> anyhow::Result<Vec<Person>> {
    let year = s.year();
    let mut people = Vec::with_capacity(count);
    for n in 0..count {
        let place = &places[n % places.len()];
        let first = place.first_names[rng.gen_range(0..place.first_names.len())];
        let family = place.family_names[rng.gen_range(0..place.family_names.len())];
        let channel = CHANNELS[rng.gen_range(0..CHANNELS.len())];
        let local = ascii(&format!("{first}.{family}"));
        let draft = CustomerDraft {
            name: Some(format!("{first} {family}")),
            email: Some(format!("{local}.{n}@example.com")),
            phone: Some(format!(
                "+{} {:03} {:03} {:03}",
                prefix(place.country),
                rng.gen_range(200..999),
                rng.gen_range(0..999),
                rng.gen_range(0..999)
            )),
            city: Some(place.city.into()),
            region: Some(place.region.into()),
            country: Some(place.country.into()),
            education_level: Some(EDUCATION[rng.gen_range(0..EDUCATION.len())]),
            gender: Some(GENDER[rng.gen_range(0..GENDER.len())]),
            birth_year: Some(i64::from(year) - rng.gen_range(19..80)),
            preferred_language: Some(place.language.into()),
            preferred_channel: Some(channel.into()),
            consent_to_contact: Some(rng.gen_bool(0.6)),
            external_ref: Some(format!("demo-{n}")),
            ..CustomerDraft::default()
        };
        let customer = draft.validate(year)?;
        let since = SignedDuration::from_hours(24 * rng.gen_range(400..900));
        let stored = s
            .store
            .create_customer(&customer, today - since, ConsentVia::Import)
            .await?;
        let mut bought = Vec::new();
        for k in 0..rng.gen_range(1..=4) {
            let product = rng.gen_range(0..items.len());
            let ago = SignedDuration::from_mins(rng.gen_range(60..365 * 24 * 60));
            let at = today - ago;
            let cents = (items[product].price_cents as f64 * rate(place.currency)).round() as i64;
            let currency = Currency::parse(place.currency).expect("demo currency");
            let amount = format!("{}.{:02}", cents / 100, cents % 100);
            let purchase = Transaction {
                customer: CustomerKey::Id(stored.id),
                occurred_at: tend_domain::kernel::clock::micros(at),
                product: Some(Name::parse(items[product].name).expect("name")),
                amount: Some(Money::parse(&amount, currency).expect("demo amount")),
                returned: rng.gen_bool(0.08),
                external_id: Some(Text::parse(&format!("demo-order-{n}-{k}")).expect("id")),
            };
            s.store
                .create_transaction(&purchase, Some(s.retention_plan()), at)
                .await?;
            bought.push((product, at));
        }
        bought.sort_by_key(|b| b.1);
        people.push(Person {
            id: stored.id,
            language: place.language,
            channel,
            currency: place.currency,
            zone: place.zone,
            bought,
        });
    }
    Ok(people)
}

/// The country's telephone prefix.
fn prefix(country: &str) -> u16 {
    match country {
        "GB" => 44,
        "US" => 1,
        "ES" => 34,
        "MX" => 52,
        "TR" => 90,
        _ => 49,
    }
}

/// `name` with its letters folded to ASCII, for an e-mail address's local part.
fn ascii(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' => 'a',
            'é' => 'e',
            'í' | 'ı' | 'i' => 'i',
            'ó' | 'ö' => 'o',
            'ú' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ş' => 's',
            'ğ' => 'g',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect()
}
