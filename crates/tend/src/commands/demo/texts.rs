//! The demo's words, kept as data files beside the code and embedded in the binary: complaint
//! scenarios written in English, Spanish and Turkish (one line per scenario, the same eight
//! stories in each language), and the places and names customers come from.

/// One complaint story in one language, every step of the method written out. `{product}`
/// and `{days}` are filled in per complaint.
pub struct Scenario {
    /// The category path in the catalogue (`Delivery/Late delivery`), the same in every language.
    pub category: &'static str,
    pub subject: &'static str,
    pub description: &'static str,
    pub facts: &'static str,
    pub root_cause: &'static str,
    /// `company`, `customer`, `vendor`, `shipping` or `other`.
    pub party: &'static str,
    pub proposal: &'static str,
    pub solution: &'static str,
    pub corrective: &'static str,
    pub prevention: &'static str,
    pub step: &'static str,
}

/// Where a group of customers lives and what they are called.
pub struct Place {
    /// `en`, `es` or `tr`: the customers' preferred language.
    pub language: &'static str,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
    pub region: &'static str,
    pub city: &'static str,
    /// IANA zone, for the hour of day a customer writes.
    pub zone: &'static str,
    /// ISO 4217, what they pay in.
    pub currency: &'static str,
    pub first_names: Vec<&'static str>,
    pub family_names: Vec<&'static str>,
}

const EN: &str = include_str!("data/en.tsv");
const ES: &str = include_str!("data/es.tsv");
const TR: &str = include_str!("data/tr.tsv");
const PEOPLE: &str = include_str!("data/people.tsv");

fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The scenarios written in `language` (`en`, `es`, `tr`), in the same order in each.
pub fn scenarios(language: &str) -> Vec<Scenario> {
    let file = match language {
        "es" => ES,
        "tr" => TR,
        _ => EN,
    };
    rows(file)
        .map(|f| {
            assert_eq!(f.len(), 11, "a demo scenario has 11 fields: {f:?}");
            Scenario {
                category: f[0],
                subject: f[1],
                description: f[2],
                facts: f[3],
                root_cause: f[4],
                party: f[5],
                proposal: f[6],
                solution: f[7],
                corrective: f[8],
                prevention: f[9],
                step: f[10],
            }
        })
        .collect()
}

/// Every place customers come from.
pub fn places() -> Vec<Place> {
    rows(PEOPLE)
        .map(|f| {
            assert_eq!(f.len(), 8, "a demo place has 8 fields: {f:?}");
            Place {
                language: f[0],
                country: f[1],
                region: f[2],
                city: f[3],
                zone: f[4],
                currency: f[5],
                first_names: f[6].split(',').collect(),
                family_names: f[7].split(',').collect(),
            }
        })
        .collect()
}

/// `text` with `{product}` and `{days}` filled in.
pub fn fill(text: &str, product: &str, days: i64) -> String {
    text.replace("{product}", product)
        .replace("{days}", &days.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_tells_the_same_stories_in_the_same_categories() {
        let en = scenarios("en");
        assert_eq!(en.len(), 8);
        for lang in ["es", "tr"] {
            let other = scenarios(lang);
            assert_eq!(other.len(), en.len(), "{lang}");
            for (a, b) in en.iter().zip(&other) {
                assert_eq!((a.category, a.party), (b.category, b.party), "{lang}");
                assert_ne!(a.subject, b.subject, "{lang} is translated");
            }
        }
        assert_eq!(places().len(), 9);
        assert!(places().iter().all(|p| p.first_names.len() == 10));
    }
}
