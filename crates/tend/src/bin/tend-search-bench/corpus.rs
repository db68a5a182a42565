//! The bench's complaints CSV: realistic text, not one sentence repeated. Words are drawn from a
//! vocabulary with a long tail (Zipf's law, exponent 1.0: the word of rank r is drawn with
//! weight 1/r) that mixes English, Spanish and Turkish complaint words with invented rarer
//! ones; descriptions carry codes (`A-77`, `ORD-123456`) and phone numbers as agents search
//! them; customers come back (about three complaints each). Deterministic for a seed.

use std::io::Write;

/// Real complaint words, most common first (their rank is their place here).
const WORDS: &str = "\
    order delivery late refund broken customer service payment account package pedido \
    siparis printer screen battery charged twice invoice missing damaged support kargo \
    entrega iade cambio garantia garanti urun producto fatura factura cobro tarjeta kart \
    login password email phone call waiting days weeks still never arrived wrong size \
    color replacement return label courier address tracking number app crash update error \
    message website checkout coupon discount price charge bank transfer cancel cancelled \
    subscription renewal manager agent rude hold hours store branch receipt warranty \
    repair technician appointment noise leak smell cold hot cafe frio llego roto kirik \
    bozuk gecikme teslimat musteri hizmet odeme hesap sifre uygulama hata mesaj iptal \
    abonelik magaza sube fis tamir servis randevu ses koku soguk sicak tarde dinero \
    devolucion reembolso cuenta contrasena aplicacion mensaje cancelar suscripcion tienda \
    sucursal recibo reparacion cita ruido olor caliente blender jar cracked kettle fridge \
    washer dryer laptop keyboard mouse cable charger headphones speaker camera lens tablet \
    watch strap shoes jacket shirt trousers dress bag wallet sofa chair table lamp bulb \
    mattress pillow blanket towel mug";

/// Syllables the invented long-tail words are made of.
const SYLLABLES: &str = "\
    ka lo mi zu ter van dor pel sin rak bo ne gu fa til mor yen cas dul pri";

const FIRST: &str = "\
    Ana Ayşe Mehmet José María Işıl Obie Emre Lucía İlker John Fatma Carlos Zeynep Pedro \
    Elif Mary Can Sofía Burak";
const LAST: &str = "\
    Mayert Yılmaz García Kaya Díaz Öztürk Smith Şahin López Çelik Brown Aydın Martínez \
    Doğan Pérez Arslan Jones Koç Sánchez Kurt";
const CATEGORIES: &str = "\
    Orders/Delivery Orders/Returns Billing/Charges Billing/Refunds Account/Login \
    Products/Defects Products/Warranty Service/Staff Service/Waiting App/Errors";

/// Vocabulary size: the real words, then invented ones up to this many.
pub const VOCABULARY: usize = 50_000;

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The vocabulary, rank order, and the cumulative Zipf weights to draw from it.
pub struct Vocabulary {
    pub words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    pub fn new() -> Vocabulary {
        let mut words: Vec<String> = WORDS.split_whitespace().map(str::to_owned).collect();
        let syllables: Vec<&str> = SYLLABLES.split_whitespace().collect();
        let mut n = 0usize;
        while words.len() < VOCABULARY {
            let s = syllables.len();
            let w = format!(
                "{}{}{}{}",
                syllables[n % s],
                syllables[n / s % s],
                syllables[n / s / s % s],
                if n >= s * s * s {
                    (n / (s * s * s)).to_string()
                } else {
                    String::new()
                }
            );
            words.push(w);
            n += 1;
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    /// A word drawn by Zipf's law.
    pub fn draw(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().expect("words");
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }
}

/// The columns of the CSV and the `--map` arguments that read them.
pub const MAP: &[&str] = &[
    "id=external_id",
    "received=received_at",
    "name=customer_name",
    "email=customer_email",
    "phone=customer_phone",
    "channel=channel",
    "category=category",
    "subject=subject",
    "description=description",
];

/// Writes `rows` complaints to `out` (header first), received over the two years before
/// 2026-01-01, oldest first with a few hours' jitter.
pub fn write_csv(out: &mut impl Write, rows: u64, seed: u64) -> std::io::Result<()> {
    let vocabulary = Vocabulary::new();
    let mut rng = Rng::new(seed);
    writeln!(
        out,
        "id,received,name,email,phone,channel,category,subject,description"
    )?;
    let start: i64 = 1_704_067_200; // 2024-01-01T00:00:00Z
    let span: i64 = 2 * 365 * 86_400;
    let people = (rows / 3).max(1);
    let first: Vec<&str> = FIRST.split_whitespace().collect();
    let last: Vec<&str> = LAST.split_whitespace().collect();
    let categories: Vec<&str> = CATEGORIES.split_whitespace().collect();
    for i in 0..rows {
        let at = start + (span as f64 * i as f64 / rows as f64) as i64 + rng.below(6 * 3600) as i64;
        let at = jiff::Timestamp::from_second(at).expect("instant");
        let p = rng.below(people);
        let (first, last) = (first[(p % 20) as usize], last[(p / 20 % 20) as usize]);
        let email = format!("{}.{}{p}@example.com", ascii(first), ascii(last));
        let phone = format!(
            "+90 5{:02} {:03} {:02} {:02}",
            p % 100,
            p / 100 % 1000,
            p / 7 % 100,
            p / 3 % 100
        );
        let channel = ["web", "email", "phone"][rng.below(3) as usize];
        let category = categories[rng.below(categories.len() as u64) as usize];
        let n = 3 + rng.below(4);
        let subject = words(&vocabulary, &mut rng, n);
        let n = 12 + rng.below(30);
        let mut description = words(&vocabulary, &mut rng, n);
        match rng.below(10) {
            0..=2 => {
                let letter = (b'A' + rng.below(26) as u8) as char;
                description.push_str(&format!(" code {letter}-{}", rng.below(1000)));
            }
            3 => description.push_str(&format!(" order ORD-{:06}", rng.below(1_000_000))),
            4 => description.push_str(&format!(" call me on {phone}")),
            _ => {}
        }
        writeln!(
            out,
            "B{i},{at},{first} {last},{email},{phone},{channel},{category},{subject},{description}"
        )?;
    }
    Ok(())
}

/// `n` words drawn from the vocabulary, space-separated, the first capitalised.
fn words(v: &Vocabulary, rng: &mut Rng, n: u64) -> String {
    let mut s = String::new();
    for k in 0..n {
        if k > 0 {
            s.push(' ');
        }
        let w = v.draw(rng);
        if k == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|c| c.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push_str(w);
        }
    }
    s
}

/// A name as an e-mail address spells it.
fn ascii(s: &str) -> String {
    tend_domain::kernel::search_text::fold(s)
}
