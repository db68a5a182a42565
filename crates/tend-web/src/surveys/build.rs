//! The survey builder's form: a survey draft as form fields and back. The fields are
//! `lang_{l}`, `title_{l}`, `intro_{l}` and, for question `i` (from 1), `q{i}_kind`,
//! `q{i}_required`, `q{i}_page`, `q{i}_scale`, `q{i}_other`, `q{i}_remove`, `q{i}_text_{l}`,
//! `q{i}_explanation_{l}` and `q{i}_options_{l}` (one option a line, the same line in every
//! language), for each language `l` of en, es, tr.

use std::collections::BTreeMap;

use tend_domain::surveys::{KindName, LANGUAGES, QuestionDraft, SurveyDraft, Texts};

use crate::kit::i18n::Tr;

/// The question kinds, as the form's `<select>` values (the API's names).
pub const KINDS: [(&str, KindName); 6] = [
    ("open", KindName::Open),
    ("rating", KindName::Rating),
    ("nps", KindName::Nps),
    ("single_choice", KindName::SingleChoice),
    ("multiple_choice", KindName::MultipleChoice),
    ("yes_no", KindName::YesNo),
];

fn kind_code(k: KindName) -> &'static str {
    KINDS
        .iter()
        .find(|(_, n)| *n == k)
        .map_or("open", |(c, _)| c)
}

/// A language's text box: the language's code and label, the field's name and value.
pub struct LangField {
    pub lang: &'static str,
    pub label: String,
    pub name: String,
    pub value: String,
}

/// A `<select>` choice.
pub struct KindChoice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// One question slot of the form (an empty one at the end adds a question).
pub struct QuestionSlot {
    pub number: usize,
    /// A question already in the draft (it can be removed), not the empty slot.
    pub existing: bool,
    pub kinds: Vec<KindChoice>,
    pub required: bool,
    pub other: bool,
    pub page: String,
    pub scale: String,
    pub text: Vec<LangField>,
    pub explanation: Vec<LangField>,
    pub options: Vec<LangField>,
    /// Why this question was refused, each in the reader's language.
    pub errors: Vec<String>,
}

/// The whole form as shown.
pub struct BuildForm {
    pub languages: Vec<LangField>,
    pub title: Vec<LangField>,
    pub intro: Vec<LangField>,
    pub questions: Vec<QuestionSlot>,
}

fn get<'a>(v: &'a BTreeMap<String, String>, k: &str) -> &'a str {
    v.get(k).map_or("", |s| s.as_str())
}

fn lang_fields(t: &Tr, v: &BTreeMap<String, String>, prefix: &str) -> Vec<LangField> {
    LANGUAGES
        .iter()
        .map(|l| {
            let name = format!("{prefix}_{l}");
            LangField {
                lang: l,
                label: t.label("survey-build-lang", l),
                value: get(v, &name).to_owned(),
                name,
            }
        })
        .collect()
}

/// The texts of `prefix_{l}` typed in each language (blank ones left out).
fn texts(v: &BTreeMap<String, String>, prefix: &str) -> Texts {
    LANGUAGES
        .iter()
        .filter_map(|l| {
            let s = get(v, &format!("{prefix}_{l}")).trim();
            (!s.is_empty()).then(|| (l.to_string(), s.to_owned()))
        })
        .collect()
}

/// How many question slots the sent form had (`q{i}_kind` present).
fn slots(v: &BTreeMap<String, String>) -> usize {
    (1..)
        .take_while(|i| v.contains_key(&format!("q{i}_kind")))
        .count()
}

/// The draft the form's fields describe: a slot with its `remove` box ticked, or with no kind
/// chosen and no text, is left out; the options are the lines of each language's box.
pub fn draft(v: &BTreeMap<String, String>) -> SurveyDraft {
    let languages = LANGUAGES
        .iter()
        .filter(|l| !get(v, &format!("lang_{l}")).is_empty())
        .map(|l| l.to_string())
        .collect();
    let mut questions = Vec::new();
    for i in 1..=slots(v) {
        let q = |f: &str| format!("q{i}_{f}");
        let kind = KINDS.iter().find(|(c, _)| *c == get(v, &q("kind")));
        let text = texts(v, &q("text"));
        if !get(v, &q("remove")).is_empty() || (kind.is_none() && text.is_empty()) {
            continue;
        }
        let kind = kind.map_or(KindName::Open, |(_, k)| *k);
        let mut options: Vec<Texts> = Vec::new();
        for l in LANGUAGES {
            let lines = get(v, &format!("q{i}_options_{l}"))
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .enumerate();
            for (j, line) in lines {
                if options.len() <= j {
                    options.push(Texts::new());
                }
                options[j].insert(l.to_owned(), line.to_owned());
            }
        }
        questions.push(QuestionDraft {
            kind,
            required: !get(v, &q("required")).is_empty(),
            page: get(v, &q("page")).trim().parse().unwrap_or(1),
            text,
            explanation: texts(v, &q("explanation")),
            scale: match kind {
                KindName::Rating => Some(get(v, &q("scale")).trim().parse().unwrap_or(5)),
                _ => None,
            },
            options,
            other: kind == KindName::MultipleChoice && !get(v, &q("other")).is_empty(),
        });
    }
    SurveyDraft {
        languages,
        title: texts(v, "title"),
        intro: texts(v, "intro"),
        questions,
    }
}

/// The form's fields for `d` (the inverse of [`draft`]).
pub fn values(d: &SurveyDraft) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    for l in &d.languages {
        v.insert(format!("lang_{l}"), "on".into());
    }
    let put = |v: &mut BTreeMap<String, String>, prefix: &str, t: &Texts| {
        for (l, s) in t {
            v.insert(format!("{prefix}_{l}"), s.clone());
        }
    };
    put(&mut v, "title", &d.title);
    put(&mut v, "intro", &d.intro);
    for (i, q) in (1..).zip(&d.questions) {
        v.insert(format!("q{i}_kind"), kind_code(q.kind).into());
        if q.required {
            v.insert(format!("q{i}_required"), "on".into());
        }
        if q.other {
            v.insert(format!("q{i}_other"), "on".into());
        }
        v.insert(format!("q{i}_page"), q.page.to_string());
        if let Some(s) = q.scale {
            v.insert(format!("q{i}_scale"), s.to_string());
        }
        put(&mut v, &format!("q{i}_text"), &q.text);
        put(&mut v, &format!("q{i}_explanation"), &q.explanation);
        for l in LANGUAGES {
            let lines: Vec<&str> = q
                .options
                .iter()
                .filter_map(|o| o.get(l).map(String::as_str))
                .collect();
            if !lines.is_empty() {
                v.insert(format!("q{i}_options_{l}"), lines.join("\n"));
            }
        }
    }
    v
}

/// The question number a refused field belongs to (`questions[3].text.es` → 3).
pub fn question_of(field: &str) -> Option<usize> {
    let rest = field.strip_prefix("questions[")?;
    rest[..rest.find(']')?].parse().ok()
}

/// The form for `v`: the questions it holds, then one empty slot to add a question. `errors`:
/// (field, reason) — those of a question are shown beside it.
pub fn form(t: &Tr, v: &BTreeMap<String, String>, errors: &[(String, String)]) -> BuildForm {
    let count = slots(v);
    let questions = (1..=count + 1)
        .map(|i| {
            let q = |f: &str| format!("q{i}_{f}");
            let chosen = get(v, &q("kind"));
            let mut kinds = vec![KindChoice {
                value: "",
                label: t.get("survey-build-kind-none"),
                selected: chosen.is_empty(),
            }];
            kinds.extend(KINDS.iter().map(|(c, _)| KindChoice {
                value: c,
                label: t.label("survey-build-kind", c),
                selected: *c == chosen,
            }));
            let page = get(v, &q("page"));
            QuestionSlot {
                number: i,
                existing: i <= count,
                kinds,
                required: !get(v, &q("required")).is_empty(),
                other: !get(v, &q("other")).is_empty(),
                page: if page.is_empty() {
                    "1".into()
                } else {
                    page.into()
                },
                scale: get(v, &q("scale")).to_owned(),
                text: lang_fields(t, v, &q("text")),
                explanation: lang_fields(t, v, &q("explanation")),
                options: lang_fields(t, v, &q("options")),
                errors: errors
                    .iter()
                    .filter(|(f, _)| question_of(f) == Some(i))
                    .map(|(f, r)| format!("{}: {r}", field_label(t, f)))
                    .collect(),
            }
        })
        .collect();
    BuildForm {
        languages: LANGUAGES
            .iter()
            .map(|l| LangField {
                lang: l,
                label: t.label("survey-build-lang", l),
                name: format!("lang_{l}"),
                value: get(v, &format!("lang_{l}")).to_owned(),
            })
            .collect(),
        title: lang_fields(t, v, "title"),
        intro: lang_fields(t, v, "intro"),
        questions,
    }
}

/// A refused field in the reader's words: `questions[3].options[1].es` → "Question 3 ·
/// options[1] · Spanish"; `title` → "Title".
pub fn field_label(t: &Tr, field: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = field;
    if let Some(n) = question_of(field) {
        parts.push(t.arg("survey-build-question", "n", &n.to_string()));
        rest = rest.split_once("].").map_or("", |(_, r)| r);
    }
    for piece in rest.split('.').filter(|p| !p.is_empty()) {
        let word = piece.split('[').next().unwrap_or(piece);
        let label = if LANGUAGES.contains(&piece) {
            t.label("survey-build-lang", piece)
        } else {
            let key = format!("survey-build-field-{word}");
            let l = t.get(&key);
            if l == key {
                piece.to_owned()
            } else {
                piece.replacen(word, &l, 1)
            }
        };
        parts.push(label);
    }
    parts.join(" · ")
}
