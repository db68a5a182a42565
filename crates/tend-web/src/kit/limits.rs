//! Rate limits per client address on the forms strangers can send: sign-in and the public
//! complaint form. A GCRA limiter (governor) per address; over the limit answers 429.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota};

use crate::kit::error::PageError;

/// How many requests an address may send at once, and then per minute.
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    pub burst: u32,
    pub per_minute: u32,
}

/// One limiter per kind of form, shared by all requests.
#[derive(Clone)]
pub struct Limits {
    sign_in: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    public_form: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

fn limiter(rate: Rate) -> Arc<DefaultKeyedRateLimiter<IpAddr>> {
    let per_minute = NonZeroU32::new(rate.per_minute.max(1)).expect("at least one");
    let burst = NonZeroU32::new(rate.burst.max(1)).expect("at least one");
    Arc::new(DefaultKeyedRateLimiter::keyed(
        Quota::per_minute(per_minute).allow_burst(burst),
    ))
}

fn check(l: &DefaultKeyedRateLimiter<IpAddr>, ip: IpAddr) -> Result<(), PageError> {
    // Forget quiet addresses now and then, so the table stays small.
    if l.len() > 10_000 {
        l.retain_recent();
    }
    l.check_key(&ip).map_err(|_| PageError::too_many())
}

impl Limits {
    pub fn new(sign_in: Rate, public_form: Rate) -> Self {
        Limits {
            sign_in: limiter(sign_in),
            public_form: limiter(public_form),
        }
    }

    pub fn sign_in(&self, ip: IpAddr) -> Result<(), PageError> {
        check(&self.sign_in, ip)
    }

    pub fn public_form(&self, ip: IpAddr) -> Result<(), PageError> {
        check(&self.public_form, ip)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new(
            Rate {
                burst: 10,
                per_minute: 10,
            },
            Rate {
                burst: 10,
                per_minute: 5,
            },
        )
    }
}
