//! Why a value or a step was refused, as a **reason code with parameters** — never a sentence.
//! Each surface renders a [`Reason`] in its reader's language: the English text here is the
//! source (and what `Display` and the API write), Spanish and Turkish live in the app's
//! catalogues (`tend-app/locales/<lang>/reasons.ftl`, message `reason-<code>`, parameters as
//! Fluent variables). [`ALL`] lists every kind, so a test checks that each has its translations.

use std::fmt;

/// One kind of refusal: its stable code and its English text, where `{name}` stands for the
/// parameter `name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReasonKind {
    pub code: &'static str,
    pub english: &'static str,
}

/// A refusal: its kind and the values of its parameters (as text, e.g. `max` = `200`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub kind: ReasonKind,
    pub args: Vec<(&'static str, String)>,
}

impl ReasonKind {
    /// This kind with parameter `name` set to `value`.
    pub fn with(self, name: &'static str, value: impl fmt::Display) -> Reason {
        Reason::from(self).with(name, value)
    }
}

impl Reason {
    /// Adds parameter `name` = `value`.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Reason {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn code(&self) -> &'static str {
        self.kind.code
    }

    /// The value of parameter `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl std::error::Error for Reason {}

impl From<ReasonKind> for Reason {
    fn from(kind: ReasonKind) -> Reason {
        Reason {
            kind,
            args: Vec::new(),
        }
    }
}

/// The English text with every `{name}` replaced by its parameter.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.kind.english;
        while let Some(open) = rest.find('{') {
            f.write_str(&rest[..open])?;
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match self.arg(name) {
                        Some(v) => f.write_str(v)?,
                        None => write!(f, "{{{name}}}")?,
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    f.write_str(&rest[open..])?;
                    rest = "";
                }
            }
        }
        f.write_str(rest)
    }
}

macro_rules! reasons {
    ($($(#[$doc:meta])* $name:ident = $code:literal: $english:literal,)+) => {
        $($(#[$doc])* pub const $name: ReasonKind = ReasonKind { code: $code, english: $english };)+
        /// Every kind of refusal.
        pub const ALL: &[ReasonKind] = &[$($name),+];
    };
}

reasons! {
    // Any field.
    REQUIRED = "required": "is required",
    EMPTY = "empty": "must not be empty",
    TOO_LONG = "too_long": "must be at most {max} characters (got {got})",
    CONTROL_CHARACTERS = "control_characters": "must not contain control characters",
    /// `allowed`: the values, comma-separated; `got`: what was given, quoted.
    ONE_OF = "one_of": "must be one of {allowed} (got {got})",
    IN_FUTURE = "in_future": "must not be in the future",
    NOT_IN_FUTURE = "not_in_future": "must be in the future",
    POSITIVE_ID = "positive_id": "must be a positive id",
    NEGATIVE = "negative": "must not be negative",
    WHOLE_NUMBER = "whole_number": "must be a whole number",
    EMPTY_WHEN_ALWAYS_OPEN = "empty_when_always_open": "must be empty when always_open is true",
    // Values.
    EMAIL = "email": "must be an e-mail address like name@example.com",
    PHONE = "phone": "must be a phone number: 5 to 20 digits, with + - . ( ) or spaces",
    COUNTRY = "country": "must be a two-letter ISO 3166 country code such as ES or TR",
    LANGUAGE_TAG = "language_tag": "must be a language tag such as en, es, tr or pt-BR",
    TIER = "tier": "must be a support tier from 0 to 3 (got {got})",
    BIRTH_YEAR = "birth_year": "must be a year from 1900 to {max} (got {got})",
    CHANNEL_CODE = "channel_code": "must be a channel code such as phone, email or web (got {got})",
    CURRENCY = "currency": "must be an ISO 4217 currency code such as EUR or USD (got {got})",
    AMOUNT = "amount": "must be a decimal amount like \"10.00\" with at most {decimals} decimals for {currency}",
    AMOUNT_TOO_LARGE = "amount_too_large": "must be at most {max}",
    DATE = "date": "must be a date as YYYY-MM-DD (got {got})",
    DATE_OR_INSTANT = "date_or_instant": "must be a date (2026-03-06) or an instant (2026-03-06T15:30:00Z)",
    // Purchases.
    CUSTOMER_KEY_REQUIRED = "customer_key_required": "is required (or customer_email, or customer_ref)",
    ONE_CUSTOMER_KEY = "one_customer_key": "give only one of customer_id, customer_email, customer_ref",
    REQUIRED_WITH_AMOUNT = "required_with_amount": "is required with an amount",
    NEGATIVE_PURCHASE = "negative_purchase": "must not be negative (mark a refund as returned)",
    // Service hours and response standards.
    INTERVAL_START = "interval_start": "start must be a time from 00:00 to 23:59 as HH:MM (got {got})",
    INTERVAL_END = "interval_end": "end must be a time from 00:00 to 24:00 as HH:MM (got {got})",
    INTERVAL_EMPTY = "interval_empty": "must not be empty ({start}–{end}); write 00:00–24:00 for a whole day",
    TOO_MANY_CLOSURES = "too_many_closures": "must list at most {max} dates",
    /// `day`: the weekday's key (`mon`…); `interval`: `HH:MM–HH:MM`; `other`: the field it overlaps.
    OVERLAPS = "overlaps": "overlaps {day} {interval} ({other})",
    TOO_MANY_INTERVALS = "too_many_intervals": "must have at most {max} intervals",
    ZONE_REQUIRED = "zone_required": "is required: an IANA time zone name such as Europe/Madrid",
    ZONE_UNKNOWN = "zone_unknown": "must be an IANA time zone name such as Europe/Madrid (unknown: {got})",
    PERCENT = "percent": "must be from 1 to 99 (got {got})",
    TARGET_MINUTES = "target_minutes": "must be from 1 to {max} minutes (got {got})",
    RESOLUTION_SHORTER = "resolution_shorter": "must not be shorter than the first-response target",
    // Complaints.
    BEFORE_RECEIVED = "before_received": "must not be before the complaint was received",
    AFTER_RECEIVED = "after_received": "must be after the complaint was received",
    AMOUNT_WITH_CURRENCY = "amount_with_currency": "is required when a currency is given",
    CURRENCY_WITH_AMOUNT = "currency_with_amount": "is required when an amount is given",
    PROMISED_BY_REQUIRED = "promised_by_required": "is required when solution_mode is promised",
    EMPTY_ON_THE_SPOT = "empty_on_the_spot": "must be empty when solution_mode is on_the_spot",
    RATING = "rating": "must be from 1 to 5 (got {got})",
    CLOSE_NEVER_RESOLVED = "close_never_resolved": "is required to close a complaint that was never resolved",
    CLOSE_UNSATISFIED = "close_unsatisfied": "is required to close a complaint whose customer was not satisfied",
    TIER_ABOVE = "tier_above": "must be above the current tier {tier}",
    // Stored records.
    NO_CUSTOMER = "no_customer": "no customer with id {id}",
    NO_CHANNEL = "no_channel": "no channel {got}",
    NO_CATEGORY = "no_category": "no category with id {id}",
    NO_PRODUCT = "no_product": "no product with id {id}",
    NO_EMPLOYEE = "no_employee": "no employee with id {id}",
    UNKNOWN_CHANNEL = "unknown_channel": "no such channel",
    UNKNOWN_CUSTOMER_ID = "unknown_customer_id": "no customer has this id",
    UNKNOWN_CUSTOMER_EMAIL = "unknown_customer_email": "no customer has this e-mail address",
    UNKNOWN_CUSTOMER_REF = "unknown_customer_ref": "no customer has this reference",
    DUPLICATE_PURCHASE = "duplicate_purchase": "a purchase with this id is stored already",
    DUPLICATE_COMPLAINT = "duplicate_complaint": "a complaint from this source has that id",
    DUPLICATE_COMPLAINT_OTHER = "duplicate_complaint_other": "another complaint from this source has that id",
    DUPLICATE_CATEGORY = "duplicate_category": "a category with this name exists at this place in the tree",
    DUPLICATE_PRODUCT = "duplicate_product": "a product with this name exists",
    DUPLICATE_EMPLOYEE = "duplicate_employee": "an employee with this e-mail exists",
    DUPLICATE_CUSTOMER_REF = "duplicate_customer_ref": "another customer has this external reference",
    VERSION_CHANGED = "version_changed": "the complaint changed since version {expected}; it is at version {current}",
    CHANGED_MEANWHILE = "changed_meanwhile": "the complaint changed meanwhile; try again",
    RANGE = "range": "must be from {min} to {max}",
    SEARCH_WORDS = "search_words": "must contain at least one letter or digit",
    /// An operator's diagnostic (command-line options, the job queue's internals), in English
    /// wherever it shows: `detail` is the whole text.
    DETAIL = "detail": "{detail}",
    // The method's refused steps.
    CLOSED = "closed": "the complaint is closed: reopen it first",
    UNDERSTOOD_ALREADY = "understood_already": "the facts were understood already; the complaint is past that step",
    UNDERSTAND_FIRST = "understand_first": "understand the complaint first (action understand)",
    CAUSE_IDENTIFIED_ALREADY = "cause_identified_already": "the cause was identified already; reopen the complaint to revise it",
    IDENTIFY_CAUSE_FIRST = "identify_cause_first": "identify the cause first (action identify_cause)",
    RESOLVED_NO_NEW_SOLUTION = "resolved_no_new_solution": "the complaint is resolved; reopen it to agree another solution",
    RESOLVED_ALREADY = "resolved_already": "the complaint is resolved already",
    NO_AGREED_SOLUTION = "no_agreed_solution": "no resolve without an agreed solution (action agree_solution)",
    NOT_RESOLVED_YET = "not_resolved_yet": "no follow-up outcome before the complaint is resolved",
    REOPEN_ONLY_RESOLVED = "reopen_only_resolved": "only a resolved or closed complaint can be reopened",
    RESOLVED_FOLLOW_UP = "resolved_follow_up": "the complaint is resolved; follow up instead",
    WAITING_ALREADY = "waiting_already": "the complaint is waiting on the customer already",
    NOT_WAITING = "not_waiting": "the complaint is not waiting on the customer",
    // Hardening: single-line fields, dates and instants in range, references.
    SINGLE_LINE = "single_line": "must be a single line (no line breaks or tabs)",
    /// `min`, `max`: the accepted range's ends, as written in the field's format.
    OUT_OF_RANGE = "out_of_range": "must be from {min} to {max} (got {got})",
    // Figures (the insight capability: figures, segments, problems).
    /// `grain`: day, week (a Monday) or month (its first day); `got`: the date given.
    PERIOD_START = "period_start": "must be the first day of a {grain} (got {got})",
    DENOMINATOR_REQUIRED = "denominator_required": "is required: this figure is a ratio (numerator ÷ denominator)",
    DENOMINATOR_NOT_RATIO = "denominator_not_ratio": "must be empty: this figure is not a ratio",
    DENOMINATOR_POSITIVE = "denominator_positive": "must be greater than zero",
    /// `got`: the dimension given; `allowed`: the figure's dimensions, comma-separated.
    DIMENSION_UNKNOWN = "dimension_unknown": "this figure has no dimension {got} (it takes: {allowed})",
    FIGURE_COMPUTED = "figure_computed": "this figure is computed by Tend and takes no values",
    PERCENT_IS_RATIO = "percent_is_ratio": "must be true for a percent figure",
    VENDOR_NAME_REQUIRED = "vendor_name_required": "is required when the source is a vendor",
    FIGURE_CODE = "figure_code": "must be 2 to 40 lowercase letters, digits or _, starting with a letter (got {got})",
    DUPLICATE_FIGURE = "duplicate_figure": "a figure with this code exists",
    NO_FIGURE = "no_figure": "no figure {got}",
    DUPLICATE_VALUE = "duplicate_value": "the same figure, period and dimensions appear twice (also line {line})",
    // Problems (the insight capability: the top problems ranking).
    /// `from`: the period's first day, as given.
    PERIOD_ORDER = "period_order": "must be after from ({from})",

    // Listening: surveys.
    SURVEY_LANGUAGE = "survey_language": "must be a language Tend speaks: en, es or tr (got {got})",
    MISSING_TRANSLATION = "missing_translation": "has no text in {lang}",
    SURVEY_NOT_DRAFT = "survey_not_draft": "the survey is no longer a draft: only a draft can be changed or published",
    SURVEY_NOT_OPEN = "survey_not_open": "the survey is not open: only an open survey can be answered or closed",
    RATING_SCALE = "rating_scale": "must be a rating scale of 5 or 10 (got {got})",
    CHOICE_OPTIONS = "choice_options": "needs from 2 to {max} options (got {got})",
    NO_QUESTIONS = "no_questions": "needs from 1 to {max} questions (got {got})",
    SURVEY_ANSWERED = "survey_answered": "this survey was answered already from here",
    NOT_FOR_KIND = "not_for_kind": "does not apply to this kind of question",
    // The plan: the customer service quotient.
    QUOTIENT_AREA_MISSING = "quotient_area_missing": "is required: {count} ratings from 1 to 5",
    QUOTIENT_TOO_MANY = "quotient_too_many": "has {count} statements (got {got} ratings)",
    QUOTIENT_RATING = "quotient_rating": "statement {statement} must be rated from 1 to 5 (got {got})",
    QUOTIENT_UNRATED = "quotient_unrated": "statements {statements} of {count} are not rated",
    // search and imports: amounts as a person types them (kernel::money_text)
    AMOUNT_WRITTEN = "amount_written": "must be an amount written like {example}: groups of three digits, at most {decimals} decimals for {currency}",

    // Listening: satisfaction after resolution (CSAT).
    CSAT_ANSWERED = "csat_answered": "this satisfaction question was answered already",
    CSAT_EXPIRED = "csat_expired": "this satisfaction question expired {hours} hours after it was sent",
    CSAT_REASON = "csat_reason": "must be one of the listed reasons (got {got})",
    // Help centre (articles and their translations).
    NO_ARTICLE = "no_article": "no article with id {id}",
    /// `lang`: the article's source language code.
    SOURCE_FIRST = "source_first": "write the source language ({lang}) first",
    // The plan: vision.
    VISION_TOO_MANY = "vision_too_many": "must list at most {max} items (got {got})",
    // The plan: service goals.
    GOAL_TARGET = "goal_target": "must be a number from {min} to {max} with at most 2 decimals (got {got})",
    GOAL_NOT_FOR_MEASURE = "goal_not_for_measure": "does not apply to the measure {measure}",
    GOAL_FIGURE_RATIO = "goal_figure_ratio": "must be a ratio figure (numerator ÷ denominator), like calls answered within N minutes ÷ calls (got {got})",
    GOAL_CHANGED_MEANWHILE = "goal_changed_meanwhile": "the goal changed meanwhile; try again",
    GOAL_PERIOD_START = "goal_period_start": "must be the first day of one of the goal's periods (got {got})",
    // The plan: policy, training and recognition.
    POLICY_AREA = "policy_area": "must be one of the method's areas or a custom code of 2 to 40 lowercase letters, digits or _ (got {got})",
    POLICY_DUPLICATE_AREA = "policy_duplicate_area": "the area {area} appears twice",
    POLICY_NO_TEXT = "policy_no_text": "needs its text in at least one language",
    /// `today`: the business's date today, YYYY-MM-DD.
    POLICY_EFFECTIVE_PAST = "policy_effective_past": "must not be before today ({today})",
    POLICY_NOT_DRAFT = "policy_not_draft": "this version is approved already: only a draft can be approved",
    POLICY_NOT_EFFECTIVE = "policy_not_effective": "only the version in effect can be acknowledged",
    NO_POLICY_VERSION = "no_policy_version": "no policy version with id {id}",
    TRAINING_ATTENDEE_TWICE = "training_attendee_twice": "lists an employee twice",
    RECOGNITION_COMPLAINT = "recognition_complaint": "is required when the recognition comes from a customer",
    RECOGNITION_NOT_SATISFIED = "recognition_not_satisfied": "the complaint's follow-up did not find the customer satisfied",
    RECOGNITION_NO_COMPLAINT = "recognition_no_complaint": "no complaint with id {id}",
    // Conversations.
    DUPLICATE_MESSAGE = "duplicate_message": "this message is stored already",
    /// `id`: the canned reply's id.
    NO_CANNED_REPLY = "no_canned_reply": "no canned reply with id {id}",
    DUPLICATE_CANNED_REPLY = "duplicate_canned_reply": "a canned reply with this title exists in this language",
    // Merging and deleting complaints.
    MERGE_SELF = "merge_self": "a complaint cannot be merged into itself",
    /// `id`: the complaint named as the target.
    MERGE_TARGET_GONE = "merge_target_gone": "complaint {id} is merged or deleted",
    /// `id`: the complaint named as the target.
    MERGE_OTHER_CUSTOMER = "merge_other_customer": "complaint {id} is from another customer",
    COMPLAINT_GONE = "complaint_gone": "this complaint is merged or deleted",
    // The help centre's staff pages.
    HELP_PUBLISH_ROLE = "help_publish_role": "only a manager or an administrator may publish",
    /// `got`: the date as typed.
    HELP_REVIEW_DATE = "help_review_date": "must be a date like 2026-03-31 (got {got})",
    // Attachments.
    /// `name`: the file's (normalised) name; `max`: the limit in bytes.
    ATTACHMENT_TOO_LARGE = "attachment_too_large": "file {name} is larger than {max} bytes",
    /// `max`: the most files one message may carry.
    ATTACHMENTS_TOO_MANY = "attachments_too_many": "at most {max} files may be attached to one message",
    /// `max`: the limit in bytes for all files of one message together.
    ATTACHMENTS_TOO_LARGE = "attachments_too_large": "the files together are larger than {max} bytes",
    // The quarantine of mail received.
    REVIEWED_ALREADY = "reviewed_already": "this message was released or deleted already",
    /// `why`: what the intake said of it.
    UNDELIVERABLE = "undeliverable": "this message cannot be delivered: {why}",
    // Reports.
    /// `max`: the most periods a report shows; `got`: how many the range holds.
    REPORT_PERIODS = "report_periods": "the range holds {got} periods of this length; at most {max}",
    // Coding a survey's open answers.
    DUPLICATE_SURVEY_CODE = "duplicate_survey_code": "this survey has a code with this name",
    NOT_SURVEY_CODE = "not_survey_code": "is not one of this survey's codes",
    NOT_OPEN_ANSWER = "not_open_answer": "is not a complete open answer of this survey",
    // Customer segments.
    /// `min`: the segment's youngest age.
    SEGMENT_AGE_ORDER = "segment_age_order": "must be at least min_age ({min})",
    /// `field`: the field this one only applies together with.
    SEGMENT_NEEDS = "segment_needs": "applies only together with {field}",
    SEGMENT_SPENT = "segment_spent": "must be more than 0",
    /// `id`: the segment asked for.
    NO_SEGMENT = "no_segment": "no segment with id {id}",
    SEGMENT_CHANGED_MEANWHILE = "segment_changed_meanwhile": "the segment changed meanwhile; try again",
    // The plan's focus problems.
    /// `max`: the most categories a focus names; `got`: how many were given.
    FOCUS_COUNT = "focus_count": "must name from 1 to {max} categories (got {got})",
    /// `id`: the category named twice.
    FOCUS_TWICE = "focus_twice": "names category {id} twice",
    // Listening: the relationship (NPS) schedule.
    SURVEY_NO_NPS = "survey_no_nps": "the survey has no NPS question: a relationship schedule asks one",
    // Top problems: the listening sources linked to categories.
    /// `id`: the survey code asked for.
    NO_SURVEY_CODE = "no_survey_code": "no survey code with id {id}",
    // Satisfaction after resolution: the business's reasons.
    /// `max`: the most reasons; `got`: how many were given.
    CSAT_REASONS_COUNT = "csat_reasons_count": "must list at most {max} reasons (got {got})",
    /// `max`: the longest code.
    CSAT_REASON_CODE = "csat_reason_code": "must be 1 to {max} lowercase letters, digits or underscores",
    /// `code`: the code given twice.
    CSAT_REASON_TWICE = "csat_reason_twice": "names the reason {code} twice",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_fills_its_parameters() {
        let r = TOO_LONG.with("max", 200).with("got", 201);
        assert_eq!(r.to_string(), "must be at most 200 characters (got 201)");
        assert_eq!(REQUIRED.with("x", 1).to_string(), "is required");
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<_> = ALL.iter().map(|k| k.code).collect();
        codes.sort();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }
}
