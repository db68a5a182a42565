//! Purchases: what a purchase sets off (its retention contact a month later).

pub mod retention;
