//! Attachments' rules, no I/O: the limits (per file, per message, count), the one way a sender's
//! file name is made safe to show ([`display_name`]: NFKC, format and control characters and
//! path separators removed, bounded — a name is shown, never used as a path: files are stored
//! under their content's SHA-256), the content type a download is served with ([`served_type`]:
//! never HTML, never anything a browser would run) and its `Content-Disposition` (RFC 6266).

use unicode_normalization::UnicodeNormalization;

use crate::kernel::reason::{
    ATTACHMENT_TOO_LARGE, ATTACHMENTS_TOO_LARGE, ATTACHMENTS_TOO_MANY, Reason,
};

/// The largest file taken, in bytes (5 MiB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The most bytes all files of one message may have together (10 MiB).
pub const MAX_MESSAGE_BYTES: usize = 10 * 1024 * 1024;
/// The most files one message may carry.
pub const MAX_FILES: usize = 10;
/// The longest name kept, in characters (the extension is kept when shortening).
pub const MAX_NAME_CHARS: usize = 120;

/// Unicode format characters (general category Cf): bidirectional overrides and isolates,
/// zero-width spaces and joiners, the byte-order mark, tags. They change how a name looks
/// (`a\u{202E}txt.exe` shows as `aexe.txt`) or hide in it (`\u{200B}.htaccess`).
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
        | '\u{0890}'..='\u{0891}' | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// The name a file is shown and offered for download under: the sender's name in Unicode NFKC,
/// without format characters, control characters, path separators (`/`, `\`) or characters
/// Windows refuses in names (`:*?"<>|`), without leading dots and spaces (no hidden
/// `.htaccess`), at most [`MAX_NAME_CHARS`] characters with the extension kept; `attachment`
/// when nothing is left. Only ever shown: files are stored under their content's hash.
pub fn display_name(raw: &str) -> String {
    let kept: String = raw
        .nfkc()
        .filter(|c| !is_format(*c) && !c.is_control())
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    let kept = kept
        .trim()
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let n = kept.chars().count();
    let name = if n <= MAX_NAME_CHARS {
        kept.to_owned()
    } else {
        let ext = kept
            .rsplit_once('.')
            .map(|(_, e)| e)
            .filter(|e| !e.is_empty() && e.chars().count() <= 10);
        match ext {
            Some(ext) => {
                let keep = MAX_NAME_CHARS - ext.chars().count() - 1;
                format!("{}.{ext}", kept.chars().take(keep).collect::<String>())
            }
            None => kept.chars().take(MAX_NAME_CHARS).collect(),
        }
    };
    if name.is_empty() {
        "attachment".to_owned()
    } else {
        name
    }
}

/// One file as the limits see it: its shown name and size.
pub struct Sized<'a> {
    pub name: &'a str,
    pub size: usize,
}

/// Checks a message's files against the limits: the count, each file's size, then the total.
pub fn check(files: &[Sized<'_>]) -> Result<(), Reason> {
    if files.len() > MAX_FILES {
        return Err(ATTACHMENTS_TOO_MANY.with("max", MAX_FILES));
    }
    if let Some(f) = files.iter().find(|f| f.size > MAX_FILE_BYTES) {
        return Err(ATTACHMENT_TOO_LARGE
            .with("name", f.name)
            .with("max", MAX_FILE_BYTES));
    }
    if files.iter().map(|f| f.size).sum::<usize>() > MAX_MESSAGE_BYTES {
        return Err(ATTACHMENTS_TOO_LARGE.with("max", MAX_MESSAGE_BYTES));
    }
    Ok(())
}

/// Types a download is served as when the bytes say so: pictures browsers only display, PDF,
/// archives, sound and video. Everything else — HTML, SVG, scripts, text, unknown bytes — is
/// `application/octet-stream`. The declared type is never used for serving.
const SERVED: [&str; 14] = [
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/bmp",
    "application/pdf",
    "application/zip",
    "application/gzip",
    "audio/mpeg",
    "audio/ogg",
    "audio/x-wav",
    "video/mp4",
    "video/webm",
    "video/quicktime",
];

/// The content type a download is served with: the sniffed type when it is one of the safe
/// list, else `application/octet-stream`.
pub fn served_type(sniffed: Option<&str>) -> &'static str {
    sniffed
        .and_then(|s| SERVED.iter().find(|t| **t == s))
        .copied()
        .unwrap_or("application/octet-stream")
}

/// Every header a stored file is downloaded with, by pages and API alike, as `(name, value)`:
/// the served type, `attachment` disposition, `nosniff`, a sandboxing CSP and no caching.
pub fn download_headers(name: &str, sniffed: Option<&str>) -> [(&'static str, String); 5] {
    [
        ("content-type", served_type(sniffed).to_owned()),
        ("content-disposition", content_disposition(name)),
        ("x-content-type-options", "nosniff".to_owned()),
        (
            "content-security-policy",
            "default-src 'none'; sandbox".to_owned(),
        ),
        ("cache-control", "private, no-store".to_owned()),
    ]
}

/// The `Content-Disposition` of a download of `name` (RFC 6266, RFC 8187): always
/// `attachment`, an ASCII fallback `filename` (non-ASCII and quoting characters as `_`) and the
/// exact name as `filename*=UTF-8''…` percent-encoded.
pub fn content_disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' && c != '%' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_safe_to_show() {
        assert_eq!(display_name("../../x"), "x");
        assert_eq!(display_name("..\\..\\boot.ini"), "boot.ini");
        assert_eq!(display_name(".htaccess"), "htaccess");
        assert_eq!(display_name("\u{200B}.htaccess"), "htaccess");
        assert_eq!(display_name("a\u{202E}txt.exe"), "atxt.exe");
        assert_eq!(display_name("\u{FB01}le.pdf"), "file.pdf");
        assert_eq!(display_name("ｆｕｌｌ.png"), "full.png");
        assert_eq!(display_name("a\r\nb\0.txt"), "ab.txt");
        assert_eq!(display_name("..."), "attachment");
        let long = format!("{}.jpeg", "x".repeat(300));
        let short = display_name(&long);
        assert_eq!(short.chars().count(), MAX_NAME_CHARS);
        assert!(short.ends_with("x.jpeg"));
    }

    #[test]
    fn limits_refuse_with_a_reason() {
        let ok = [Sized {
            name: "a",
            size: MAX_FILE_BYTES,
        }];
        assert!(check(&ok).is_ok());
        let big = [Sized {
            name: "b.bin",
            size: MAX_FILE_BYTES + 1,
        }];
        assert_eq!(check(&big).unwrap_err().code(), "attachment_too_large");
        let three = [
            Sized {
                name: "a",
                size: MAX_FILE_BYTES,
            },
            Sized {
                name: "b",
                size: MAX_FILE_BYTES,
            },
            Sized { name: "c", size: 1 },
        ];
        assert_eq!(check(&three).unwrap_err().code(), "attachments_too_large");
        let many: Vec<_> = (0..=MAX_FILES)
            .map(|_| Sized { name: "a", size: 1 })
            .collect();
        assert_eq!(check(&many).unwrap_err().code(), "attachments_too_many");
    }

    #[test]
    fn downloads_are_never_html() {
        assert_eq!(served_type(Some("image/png")), "image/png");
        assert_eq!(served_type(Some("text/html")), "application/octet-stream");
        assert_eq!(
            served_type(Some("image/svg+xml")),
            "application/octet-stream"
        );
        assert_eq!(served_type(None), "application/octet-stream");
    }

    #[test]
    fn dispositions_encode_the_name() {
        assert_eq!(
            content_disposition("informe año.pdf"),
            "attachment; filename=\"informe a_o.pdf\"; filename*=UTF-8''informe%20a%C3%B1o.pdf"
        );
        assert_eq!(
            content_disposition("a\"b.txt"),
            "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%22b.txt"
        );
    }
}
