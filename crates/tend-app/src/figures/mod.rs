//! Figures' background work: telling a stale figure's owner by mail (`stale`).

pub mod stale;
