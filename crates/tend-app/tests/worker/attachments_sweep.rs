//! The sweep of attachment files no row names (the `attachments_sweep` job): a file a
//! complaint's mail brought stays however old; one stored by an intake that never committed
//! goes once older than the grace period, not before; a file re-used by a new intake is
//! young again; leftovers of interrupted writes go; the job runs again a day later.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use jiff::{SignedDuration, Timestamp};
use tend_app::conversations::files::{Upload, path_of, prepare};
use tend_app::conversations::sweep::{GRACE, schedule, sweep};
use tend_testkit::lmtp::{deliver_one, start_listener};

use crate::helpers::spawn_app;
use crate::mail_in::TEND;
use crate::{run_at, worker};

fn upload(bytes: &[u8]) -> Upload {
    Upload {
        name: "x.bin".into(),
        declared_type: "application/octet-stream".into(),
        bytes: bytes.to_vec(),
    }
}

/// Sets `path`'s modification time to `at`.
fn age(path: &Path, at: Timestamp) {
    let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(at.as_second() as u64);
    std::fs::File::options()
        .append(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

async fn stored(dir: &Path, bytes: &[u8]) -> PathBuf {
    let sha = prepare(dir, vec![upload(bytes)]).await.unwrap()[0]
        .sha256
        .clone();
    path_of(dir, &sha).unwrap()
}

#[tokio::test]
async fn files_no_row_names_go_after_the_grace_period_only() {
    let app = spawn_app().await;
    // File times are the file system's: the app's clock reads now, so both agree.
    let now = Timestamp::now();
    app.clock.set(now);
    let dir = app.state.files().to_owned();
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    let raw = "From: ana@example.com\r\nTo: help@tend.test\r\nSubject: Lid\r\nMessage-ID: <s1@example.com>\r\n\
               MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
               --b\r\nContent-Type: text/plain\r\n\r\nThe lid broke.\r\n\
               --b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"lid.bin\"\r\n\r\nLID-BYTES\r\n--b--\r\n";
    assert!(
        deliver_one(lmtp, "ana@example.com", raw.as_bytes())
            .await
            .starts_with("250")
    );
    let named = stored(&dir, b"LID-BYTES").await;
    let lost = stored(&dir, b"an intake that never committed").await;
    let fresh = stored(&dir, b"an intake still writing its row").await;
    let reused = stored(&dir, b"stored long ago, sent again now").await;
    let leftover = named.with_file_name(".0123.4242");
    std::fs::write(&leftover, b"half a file").unwrap();
    let long_ago = now - GRACE - SignedDuration::from_hours(1);
    for p in [&named, &lost, &reused, &leftover] {
        age(p, long_ago);
    }
    // A new intake stores the same bytes again: the file is young once more.
    assert_eq!(
        stored(&dir, b"stored long ago, sent again now").await,
        reused
    );

    let w = worker(&app, None, "w1");
    schedule(&app.state).await.unwrap();
    schedule(&app.state).await.unwrap();
    run_at(&app, &w, now).await;
    let exists = |p: &PathBuf| p.exists();
    assert!(exists(&named), "a row names it");
    assert!(!exists(&lost), "no row, older than the grace period");
    assert!(
        exists(&fresh) && exists(&reused),
        "younger than the grace period"
    );
    assert!(!exists(&leftover), "an interrupted write's leftover");

    // The job runs again a day later: by then the young orphans are old, and go.
    run_at(&app, &w, now + SignedDuration::from_hours(23)).await;
    assert!(exists(&fresh) && exists(&reused), "not due yet");
    let later = now + GRACE + SignedDuration::from_hours(2);
    run_at(&app, &w, later).await;
    assert!(!exists(&fresh) && !exists(&reused));
    assert!(exists(&named));
    let again = sweep(&app.state, later).await.unwrap();
    assert_eq!((again.removed, again.kept), (0, 1));
}
