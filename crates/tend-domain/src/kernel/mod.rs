//! What every capability stands on: ids, validated text and money, the clock, the one error type.

pub mod clock;
pub mod email;
pub mod error;
pub mod ids;
pub mod money;
pub mod money_text;
pub mod reason;
#[cfg(feature = "openapi")]
pub mod schema;
pub mod search_text;
pub mod text;
pub mod urlencoded;
