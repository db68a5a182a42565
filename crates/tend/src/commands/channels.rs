//! `tend channel`: a channel's service hours and response standards from the command line, as
//! the same JSON documents the API and the settings page take (`-` reads standard input).

use std::io::Read;
use std::path::PathBuf;

use clap::Subcommand;
use jiff::Timestamp;
use tend_domain::catalog::ChannelCode;
use tend_domain::channels::response_standard::ResponseStandards;
use tend_domain::channels::service_hours::ServiceHoursSpec;
use tend_store::{Actor, Store};

#[derive(Subcommand)]
pub enum ChannelCommand {
    /// Print a channel's service hours and response standards as JSON.
    Show { channel: String },
    /// Set a channel's service hours from a JSON file, e.g.
    /// `{"time_zone":"Europe/Madrid","week":{"mon":[["09:00","13:00"],["14:00","18:00"]]},"closed":[{"date":"2026-12-25","yearly":true}]}`
    /// or `{"time_zone":"UTC","always_open":true}`.
    Hours { channel: String, file: PathBuf },
    /// Set a channel's response standards from a JSON file, e.g.
    /// `{"targets":{"normal":{"first_response_minutes":240,"resolution_minutes":960}},"warn_at_percent":80,"escalate_on_breach":true}`.
    Standards { channel: String, file: PathBuf },
}

fn read(file: &PathBuf) -> anyhow::Result<String> {
    if file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        return Ok(s);
    }
    std::fs::read_to_string(file)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))
}

async fn channel(store: &Store, raw: &str) -> anyhow::Result<ChannelCode> {
    let code = ChannelCode::parse(raw).map_err(|r| anyhow::anyhow!("channel: {r}"))?;
    if !store.channels().await?.iter().any(|c| c.code == code) {
        anyhow::bail!("channel: no channel {raw:?} (see GET /api/v1/channels)");
    }
    Ok(code)
}

pub async fn run(store: &Store, cmd: ChannelCommand) -> anyhow::Result<()> {
    match cmd {
        ChannelCommand::Show { channel: raw } => {
            let code = channel(store, &raw).await?;
            let (hours, standards) = store.channel_settings(&code).await?;
            let doc = serde_json::json!({
                "channel": code.as_str(),
                "service_hours": hours.to_spec(),
                "response_standards": standards,
            });
            println!("{}", serde_json::to_string_pretty(&doc)?);
        }
        ChannelCommand::Hours { channel: raw, file } => {
            let code = channel(store, &raw).await?;
            let spec: ServiceHoursSpec = serde_json::from_str(&read(&file)?)
                .map_err(|e| anyhow::anyhow!("service hours: {e}"))?;
            let hours = spec.validate()?;
            store
                .set_service_hours(&code, &hours, Timestamp::now(), &Actor::system("cli"))
                .await?;
            println!("service hours of {} set", code.as_str());
        }
        ChannelCommand::Standards { channel: raw, file } => {
            let code = channel(store, &raw).await?;
            let standards: ResponseStandards = serde_json::from_str(&read(&file)?)
                .map_err(|e| anyhow::anyhow!("response standards: {e}"))?;
            store
                .set_response_standards(
                    &code,
                    &standards.validate()?,
                    Timestamp::now(),
                    &Actor::system("cli"),
                )
                .await?;
            println!("response standards of {} set", code.as_str());
        }
    }
    Ok(())
}
