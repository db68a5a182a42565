//! A survey's definition: its languages, title, introduction and questions, validated from the
//! draft a manager sends; `completeness` names every text missing in one of its languages
//! (publishing requires none).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::*;
use crate::kernel::text::Text;

/// The languages a survey can be written in (Tend's own).
pub const LANGUAGES: [&str; 3] = ["en", "es", "tr"];
pub const MAX_QUESTIONS: usize = 100;
pub const MAX_OPTIONS: usize = 20;

/// A text in each language: language code (`en`, `es`, `tr`) → text.
pub type Texts = BTreeMap<String, String>;

/// The kinds of question, as the API names them.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindName {
    Open,
    Rating,
    Nps,
    SingleChoice,
    MultipleChoice,
    YesNo,
}

/// A question as sent. `scale` (5 or 10) is for `rating` only; `options` (2 to 20, each a text
/// per language) for the choice kinds; `other` (an "other: …" answer) for `multiple_choice`.
/// `page` (1 to 50, default 1) groups questions into the pages a respondent goes through.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionDraft {
    pub kind: KindName,
    #[serde(default)]
    pub required: bool,
    #[serde(default = "first_page")]
    pub page: u16,
    pub text: Texts,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub explanation: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Texts>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub other: bool,
}

fn first_page() -> u16 {
    1
}

/// A survey as sent: the languages it is written in, its title and introduction per language,
/// and its questions in order (question numbers are positions, from 1).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyDraft {
    pub languages: Vec<String>,
    pub title: Texts,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub intro: Texts,
    pub questions: Vec<QuestionDraft>,
}

/// What a question asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Open,
    /// 1 to `scale`.
    Rating {
        scale: u8,
    },
    /// 0 to 10.
    Nps,
    SingleChoice {
        options: usize,
    },
    MultipleChoice {
        options: usize,
        other: bool,
    },
    YesNo,
}

/// A valid question: its kind, and the draft it was read from (for its texts).
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub kind: Kind,
    pub draft: QuestionDraft,
}

/// A valid survey definition (its translations may still be incomplete: see `completeness`).
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    pub draft: SurveyDraft,
    pub questions: Vec<Question>,
}

/// Checks the keys and values of a set of texts; every key must be one of `languages`.
fn texts<const MAX: usize>(e: &mut FieldErrors, field: &str, t: &Texts, languages: &[String]) {
    for (lang, value) in t {
        let at = format!("{field}.{lang}");
        if !languages.contains(lang) {
            e.add(at, SURVEY_LANGUAGE.with("got", format!("\"{lang}\"")));
        } else if let Err(r) = Text::<MAX>::parse(value) {
            e.add(at, r);
        }
    }
}

impl QuestionDraft {
    fn validate(&self, e: &mut FieldErrors, at: &str, languages: &[String]) -> Kind {
        texts::<500>(e, &format!("{at}.text"), &self.text, languages);
        texts::<1000>(
            e,
            &format!("{at}.explanation"),
            &self.explanation,
            languages,
        );
        if !(1..=50).contains(&self.page) {
            e.add(format!("{at}.page"), RANGE.with("min", 1).with("max", 50));
        }
        let choice = matches!(self.kind, KindName::SingleChoice | KindName::MultipleChoice);
        if choice && !(2..=MAX_OPTIONS).contains(&self.options.len()) {
            let r = CHOICE_OPTIONS
                .with("max", MAX_OPTIONS)
                .with("got", self.options.len());
            e.add(format!("{at}.options"), r);
        }
        if !choice && !self.options.is_empty() {
            e.add(format!("{at}.options"), NOT_FOR_KIND);
        }
        for (i, o) in self.options.iter().enumerate() {
            texts::<200>(e, &format!("{at}.options[{i}]"), o, languages);
        }
        if self.other && self.kind != KindName::MultipleChoice {
            e.add(format!("{at}.other"), NOT_FOR_KIND);
        }
        match (self.kind, self.scale) {
            (KindName::Rating, Some(s @ (5 | 10))) => return Kind::Rating { scale: s },
            (KindName::Rating, s) => {
                let got = s.map_or("none".to_owned(), |s| s.to_string());
                e.add(format!("{at}.scale"), RATING_SCALE.with("got", got));
            }
            (_, Some(_)) => e.add(format!("{at}.scale"), NOT_FOR_KIND),
            _ => {}
        }
        let options = self.options.len();
        match self.kind {
            KindName::Open => Kind::Open,
            KindName::Rating => Kind::Rating { scale: 5 },
            KindName::Nps => Kind::Nps,
            KindName::SingleChoice => Kind::SingleChoice { options },
            KindName::MultipleChoice => Kind::MultipleChoice {
                options,
                other: self.other,
            },
            KindName::YesNo => Kind::YesNo,
        }
    }
}

impl SurveyDraft {
    /// Validates the structure and every text given; missing translations are allowed here
    /// (a draft is built over time) and reported by [`Survey::completeness`].
    pub fn validate(&self) -> Result<Survey, DomainError> {
        let mut e = FieldErrors::new();
        if self.languages.is_empty() {
            e.add("languages", REQUIRED);
        }
        for l in &self.languages {
            if !LANGUAGES.contains(&l.as_str()) {
                e.add("languages", SURVEY_LANGUAGE.with("got", format!("\"{l}\"")));
            }
        }
        let mut seen = self.languages.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != self.languages.len() {
            e.add(
                "languages",
                ONE_OF.with("allowed", "en, es, tr").with("got", "a repeat"),
            );
        }
        texts::<200>(&mut e, "title", &self.title, &self.languages);
        texts::<2000>(&mut e, "intro", &self.intro, &self.languages);
        if !(1..=MAX_QUESTIONS).contains(&self.questions.len()) {
            let r = NO_QUESTIONS
                .with("max", MAX_QUESTIONS)
                .with("got", self.questions.len());
            e.add("questions", r);
        }
        let questions = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| Question {
                kind: q.validate(&mut e, &format!("questions[{}]", i + 1), &self.languages),
                draft: q.clone(),
            })
            .collect();
        e.finish(|| Survey {
            draft: self.clone(),
            questions,
        })
    }
}

impl Survey {
    /// Every text that is missing in one of the survey's languages, by field (`title`,
    /// `questions[2].text`, `questions[3].options[1]`, …): the title and every question's text
    /// always; the introduction, an explanation or an option when it is given in any language.
    pub fn completeness(&self) -> FieldErrors {
        let mut e = FieldErrors::new();
        let langs = &self.draft.languages;
        let mut need = |field: String, t: &Texts, always: bool| {
            if !always && t.is_empty() {
                return;
            }
            if let Some(l) = langs.iter().find(|l| !t.contains_key(*l)) {
                e.add(field, MISSING_TRANSLATION.with("lang", l));
            }
        };
        need("title".into(), &self.draft.title, true);
        need("intro".into(), &self.draft.intro, false);
        for (i, q) in self.draft.questions.iter().enumerate() {
            let at = format!("questions[{}]", i + 1);
            need(format!("{at}.text"), &q.text, true);
            need(format!("{at}.explanation"), &q.explanation, false);
            for (j, o) in q.options.iter().enumerate() {
                need(format!("{at}.options[{j}]"), o, true);
            }
        }
        e
    }

    /// The page numbers in use, ascending, each once.
    pub fn pages(&self) -> Vec<u16> {
        let mut p: Vec<u16> = self.questions.iter().map(|q| q.draft.page).collect();
        p.sort_unstable();
        p.dedup();
        p
    }

    /// The questions of page `page`, with their numbers (from 1).
    pub fn on_page(&self, page: u16) -> impl Iterator<Item = (usize, &Question)> {
        (1..)
            .zip(&self.questions)
            .filter(move |(_, q)| q.draft.page == page)
    }

    /// The text in `lang`, else in the survey's first language, else empty.
    pub fn text<'a>(&'a self, t: &'a Texts, lang: &str) -> &'a str {
        t.get(lang)
            .or_else(|| self.draft.languages.first().and_then(|l| t.get(l)))
            .map_or("", String::as_str)
    }
}
