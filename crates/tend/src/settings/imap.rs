//! The `[[mail.imap]]` settings (file only): each mailbox's URL (a secret, masked when shown),
//! how often it is looked at without IDLE, and the certificates its TLS trusts (`ca_file`)
//! instead of the Web PKI roots.

use std::fmt;
use std::path::{Path, PathBuf};

use tend_app::conversations::imap::{Mailbox, POLL_SECONDS};

use super::{Setting, Source, file, show};

/// One `[[mail.imap]]` mailbox: its URL as written (a secret), its `ca_file` as written, and
/// the mailbox read from them. `Debug` shows the URL masked.
#[derive(Clone)]
pub struct ImapSetting {
    pub url: String,
    /// The PEM file whose certificates the mailbox's TLS trusts instead of the Web PKI roots.
    pub ca_file: Option<PathBuf>,
    pub mailbox: Mailbox,
}

impl fmt::Debug for ImapSetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&show::mask_url(&self.url))
    }
}

/// The `[[mail.imap]]` entries read from the file at `path`; errors name the entry
/// (`mail.imap[0]`) and the file, never the URL.
pub(super) fn read(
    entries: &[file::ImapEntry],
    path: Option<&Path>,
) -> anyhow::Result<Setting<Vec<ImapSetting>>> {
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let poll = e.poll_seconds.unwrap_or(POLL_SECONDS);
        let fail = |why: String| {
            let at = path.map_or(String::new(), |p| p.display().to_string());
            anyhow::anyhow!("mail.imap[{i}] (file {at}): {why}")
        };
        let mut mailbox = Mailbox::from_url(&e.url, poll).map_err(fail)?;
        if let Some(ca) = &e.ca_file {
            mailbox = mailbox.trusting(ca).map_err(fail)?;
        }
        out.push(ImapSetting {
            url: e.url.clone(),
            ca_file: e.ca_file.clone(),
            mailbox,
        });
    }
    let source = match (path, out.is_empty()) {
        (Some(p), false) => Source::File(p.to_owned()),
        _ => Source::Default,
    };
    Ok(Setting { value: out, source })
}
