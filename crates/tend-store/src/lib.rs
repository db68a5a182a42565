//! Tend's persistence: one query layer over SQLite (embedded default) and PostgreSQL.
//!
//! Queries go through sqlx's `Any` driver, so each is written once. Both schemas use the same
//! column encoding (instants as UTC microseconds in 64-bit integers, flags as 0/1), which is
//! what lets one query and one row mapping serve both engines. Where the engines really differ
//! (full-text search, backup) the SQL is chosen by [`Engine`] in one place.
//!
//! Modules follow the capabilities of `tend-domain`: `complaints`, `customers`, `catalog`,
//! `channels`, `staff`, `transactions`, plus the `jobs` queue and the `mail` log. Each adds its
//! queries to the one [`Store`] handle (`store`); all of them stand on `kernel` (engine, error,
//! time encoding, SQL builder, full-text search), which depends on none of them.

mod audit;
mod catalog;
mod channels;
mod complaints;
mod conversations;
mod csat;
mod customers;
mod dashboard;
mod figures;
mod focus_groups;
mod goals;
mod help;
mod jobs;
mod kernel;
mod mail;
mod monitor;
mod policy;
mod problems;
mod quotient;
mod reports;
mod segments;
mod staff;
mod store;
mod surveys;
pub mod testing;
mod training;
mod transactions;
mod vision;

pub use audit::{AuditAction, AuditEntry};
pub use complaints::Fate;
pub use complaints::{
    Actor, ChangeFn, Complaint, ComplaintFilter, ComplaintImport, ComplaintPage, Cursor, Entry,
    Import, ImportOutcome, Rider,
};
pub use conversations::MailAuthResult;
pub use conversations::{
    CannedReply, HeldMail, InboundMail, NewAttachment, NewMessage, ReceivedSummary, Review,
    StoredAttachment, StoredMessage, Taking,
};
pub use csat::{CsatAnswer, CsatRequest};
pub use customers::{
    ANONYMOUS_NAME, ConsentEntry, CustomerPage, ERASED, PROFILE_FIELDS, ProfileCounts,
    StoredCustomer,
};
pub use dashboard::{OwnCsat, Pin};
pub use figures::{Arrival, FigureImport, StaleNotice, Via};
pub use focus_groups::{StoredFinding, StoredFocusGroup};
pub use goals::{Counted, FrozenResult, GoalVersion, Measured, Scope, StoredGoal};
pub use help::{
    Article, ArticleOutcomes, ArticleSettings, CategoryOutcomes, EmptySearch, PublicArticle,
    PublicHit, PublicSearch, Translation, TranslationInput,
};
pub use help::{
    ArticleDeflection, ArticleLink, ArticleVersion, CategoryGap, DeflectionCounts, DeflectionEvent,
    FeedEntry, LinkedArticle, SentVisit,
};
pub use jobs::{
    DEFAULT_MAX_ATTEMPTS, DeadJob, Handled, Job, JobCounts, JobError, JobId, NewJob, RunOutcome,
    backoff, run_due,
};
pub use kernel::engine::Engine;
pub use kernel::error::{StoreError, StoreResult};
pub use mail::SentMail;
pub use monitor::PoolUse;
pub use policy::{StoredApproval, StoredArea, StoredPolicyVersion};
pub use problems::{
    CodeLink, Complainants, FigureLink, FocusAdoption, Mark, Period, Voice, WeightsSet,
};
pub use quotient::StoredAssessment;
pub use reports::{
    DayTally, Kept, Part, ReportRow, ReportRows, Rolled, SegmentSet, Subset, Unset, day_window,
    like_literal, segment_dim,
};
pub use segments::{Members, SegmentVersion, StoredSegment};
pub use staff::{
    AuthedEmployee, CompanySettings, FirstRun, Invite, Session, hash_password, new_password,
    new_token, verify_password,
};
pub use store::{Store, StoreOptions};
pub use surveys::{
    Audience, CodeCounts, Invitation, InvitationCounts, InvitationRow, Invited, OpenAnswer,
    PageSent, RawAnswerRow, StoredResponse, StoredSurvey, SurveyCode, SurveySchedule,
    SurveyTallies, TallyFilter, new_key,
};
pub use training::{StoredRecognition, StoredSession};
pub use transactions::{RETENTION_GRACE, RetentionPlan, StoredTransaction, unknown_customer};
pub use vision::StoredVision;
