//! Bench of the help centre's public search and the complaint form's suggestions over 10,000
//! articles in three languages: `cargo run --release -p tend-store --example help_search_bench`
//! (SQLite in a temporary file; PostgreSQL when `TEND_TEST_DATABASE_URL` is set). Prints the
//! p50 / p95 / max of each, in milliseconds, over `QUERIES` queries of 1–2 words, after the
//! planner's statistics are refreshed (`Store::analyze`).

use std::time::Instant;

use tend_domain::help::{Body, Status, Title, Visibility};
use tend_store::testing::fresh_database_url;
use tend_store::{ArticleSettings, Store, StoreOptions, TranslationInput};

const ARTICLES: usize = 10_000;
const QUERIES: usize = 300;

const EN: [&str; 24] = [
    "refund",
    "delivery",
    "parcel",
    "warranty",
    "invoice",
    "payment",
    "password",
    "account",
    "return",
    "exchange",
    "damaged",
    "missing",
    "order",
    "tracking",
    "coupon",
    "discount",
    "subscription",
    "cancel",
    "address",
    "shipping",
    "receipt",
    "battery",
    "screen",
    "charger",
];
const ES: [&str; 24] = [
    "reembolso",
    "entrega",
    "paquete",
    "garantía",
    "factura",
    "pago",
    "contraseña",
    "cuenta",
    "devolución",
    "cambio",
    "dañado",
    "perdido",
    "pedido",
    "seguimiento",
    "cupón",
    "descuento",
    "suscripción",
    "cancelar",
    "dirección",
    "envío",
    "recibo",
    "batería",
    "pantalla",
    "cargador",
];
const TR: [&str; 24] = [
    "iade",
    "teslimat",
    "paket",
    "garanti",
    "fatura",
    "ödeme",
    "şifre",
    "hesap",
    "İptal",
    "değişim",
    "hasarlı",
    "kayıp",
    "sipariş",
    "takip",
    "kupon",
    "indirim",
    "abonelik",
    "ılık",
    "adres",
    "kargo",
    "fiş",
    "pil",
    "ekran",
    "şarj",
];

/// A small deterministic generator (xorshift), so every run stores the same texts.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn text(rng: &mut Rng, words: &[&str], n: usize) -> String {
    (0..n)
        .map(|_| words[rng.next(words.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn report(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{name}: n = {}, p50 = {:.2} ms, p95 = {:.2} ms, max = {:.2} ms",
        ms.len(),
        at(0.5),
        at(0.95),
        ms[ms.len() - 1]
    );
}

#[tokio::main]
async fn main() {
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.expect("store");
    let now = jiff::Timestamp::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let settings = ArticleSettings {
        visibility: Visibility::Public,
        category_id: None,
        product_id: None,
    };
    let started = Instant::now();
    for _ in 0..ARTICLES {
        let a = store
            .create_article(&settings, "en", now)
            .await
            .expect("article");
        for (lang, words) in [("en", &EN), ("es", &ES), ("tr", &TR)] {
            let t = TranslationInput {
                lang,
                title: Title::parse(&text(&mut rng, words, 4)).expect("title"),
                body: Body::parse(&text(&mut rng, words, 60)).expect("body"),
                status: Status::Published,
            };
            store
                .save_translation(a.id, &t, None, now)
                .await
                .expect("save");
        }
    }
    println!(
        "stored {ARTICLES} articles × 3 languages in {:.1} s ({})",
        started.elapsed().as_secs_f64(),
        if url.starts_with("postgres") {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    // Planner statistics as a server's autovacuum keeps them (the test server runs without
    // it); without them PostgreSQL walks every translation of the language.
    store.analyze().await.expect("analyze");
    let (mut search, mut suggest) = (Vec::new(), Vec::new());
    for i in 0..QUERIES {
        let (lang, words) = [("en", &EN), ("es", &ES), ("tr", &TR)][i % 3];
        let q = text(&mut rng, words, 1 + i % 2);
        let t = Instant::now();
        store
            .search_public(lang, &q, 20, now)
            .await
            .expect("search");
        search.push(t.elapsed().as_secs_f64() * 1000.0);
        let description = format!("{q} {}", text(&mut rng, words, 6));
        let t = Instant::now();
        store
            .suggest_public(lang, &description, 5)
            .await
            .expect("suggest");
        suggest.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    report("public search (/help/{lang}/search)", search);
    report("complaint form suggestions (step 1)", suggest);
}
