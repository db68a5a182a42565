//! What every capability stands on: ids, validated text and money, the clock, the one error type.

pub mod clock;
pub mod email;
pub mod error;
pub mod ids;
pub mod money;
pub mod reason;
pub mod text;
pub mod urlencoded;
