//! The Tend binary's library: [`server`], the API and the pages composed into one web server,
//! for `tend serve` and for the tests that drive the real server, and its [`metrics`].

pub mod metrics;
pub mod server;

/// The log filter for `log.filter` (a `tracing` directive list, e.g. `info,sqlx=warn`), with
/// the IMAP client's own logging always off: at `trace` it would write the `LOGIN` command,
/// password included. Errors: the filter does not parse.
pub fn log_filter(
    text: &str,
) -> Result<tracing_subscriber::EnvFilter, tracing_subscriber::filter::ParseError> {
    let quiet = "async_imap=off".parse().expect("a valid directive");
    Ok(tracing_subscriber::EnvFilter::try_new(text)?.add_directive(quiet))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_imap_clients_own_logging_is_always_off() {
        for text in ["trace", "info", "async_imap=trace,info"] {
            let shown = super::log_filter(text).unwrap().to_string();
            assert!(shown.contains("async_imap=off"), "{shown}");
            assert!(!shown.contains("async_imap=trace"), "{shown}");
        }
    }
}
