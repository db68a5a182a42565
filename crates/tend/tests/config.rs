//! Configuration end to end through the real binary: precedence flag > environment > file >
//! default, `TEND_CONFIG` and `./tend.toml`, unknown keys refused by name and line, secrets
//! masked by `tend config show` and never echoed by an error.

use std::path::Path;
use std::process::{Command, Output};

/// `tend ARGS` in `dir` with only the given environment (no stray `TEND_*` from the caller).
fn tend(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .current_dir(dir)
        .env_clear()
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("run tend")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The `config show` line for `key`.
fn shown<'a>(out: &'a str, key: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("{key} in {out}"))
}

const FILE: &str = r#"
[server]
listen = "127.0.0.1:1111"
public_url = "https://file.example"
metrics_listen = "127.0.0.1:9101"

[mail]
from = "File <file@example.com>"
smtp_url = "smtps://mailer:MailPass9@smtp.example:465"

[jobs]
retention_days = 40
"#;

#[test]
fn config_show_each_layer_beats_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("custom.toml");
    std::fs::write(&file, FILE).unwrap();
    let file = file.to_str().unwrap();
    let env = [
        ("TEND_CONFIG", file),
        ("TEND_LISTEN", "127.0.0.1:2222"),
        ("TEND_MAIL_FROM", "Env <env@example.com>"),
        ("TEND_LMTP_LISTEN", "127.0.0.1:2424"),
        (
            "TEND_DATABASE_URL",
            "postgres://tend:Sup3rSecret@db.example/tend?sslpassword=K3y9",
        ),
    ];
    let out = tend(
        dir.path(),
        &env,
        &["config", "show", "--listen", "127.0.0.1:3333"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = text(&out.stdout);
    // Flag beats environment beats file beats default.
    assert_eq!(
        shown(&out, "server.listen"),
        r#"server.listen = "127.0.0.1:3333"  # flag --listen"#
    );
    assert_eq!(
        shown(&out, "mail.from"),
        r#"mail.from = "Env <env@example.com>"  # environment TEND_MAIL_FROM"#
    );
    assert_eq!(
        shown(&out, "server.public_url"),
        format!(r#"server.public_url = "https://file.example"  # file {file}"#)
    );
    assert_eq!(
        shown(&out, "jobs.retention_days"),
        format!("jobs.retention_days = 40  # file {file}")
    );
    assert_eq!(
        shown(&out, "mail.lmtp_listen"),
        r#"mail.lmtp_listen = "127.0.0.1:2424"  # environment TEND_LMTP_LISTEN"#
    );
    assert_eq!(
        shown(&out, "jobs.concurrency"),
        "jobs.concurrency = 1  # default"
    );
    assert_eq!(
        shown(&out, "server.secure_cookies"),
        "server.secure_cookies = false  # default"
    );
    // Secrets masked, the rest of each URL kept.
    assert_eq!(
        shown(&out, "database.url"),
        r#"database.url = "postgres://tend:********@db.example/tend?sslpassword=********"  # environment TEND_DATABASE_URL"#
    );
    assert_eq!(
        shown(&out, "mail.smtp_url"),
        format!(r#"mail.smtp_url = "smtps://mailer:********@smtp.example:465"  # file {file}"#)
    );
    for secret in ["Sup3rSecret", "K3y9", "MailPass9"] {
        assert!(!out.contains(secret), "{secret} echoed: {out}");
    }

    // Without the environment the file's value shows through; without any, the default.
    let out = tend(dir.path(), &[], &["config", "show", "--config", file]);
    let out = text(&out.stdout);
    assert_eq!(
        shown(&out, "server.listen"),
        format!(r#"server.listen = "127.0.0.1:1111"  # file {file}"#)
    );
    let out = text(&tend(dir.path(), &[], &["config", "show"]).stdout);
    assert_eq!(
        shown(&out, "server.listen"),
        r#"server.listen = "127.0.0.1:8080"  # default"#
    );
    assert!(out.contains("# configuration file: none"), "{out}");
    // `./tend.toml` is read when nothing names a file.
    std::fs::write(dir.path().join("tend.toml"), "[jobs]\nconcurrency = 3\n").unwrap();
    let out = text(&tend(dir.path(), &[], &["config", "show"]).stdout);
    assert_eq!(
        shown(&out, "jobs.concurrency"),
        "jobs.concurrency = 3  # file tend.toml"
    );
}

#[test]
fn sqlite_cache_is_set_by_flag_environment_or_file_and_range_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tend.toml"),
        "[database]\nsqlite_cache_kib = 4096\n",
    )
    .unwrap();
    let show = |env: &[(&str, &str)], args: &[&str]| {
        let out = tend(dir.path(), env, &[&["config", "show"], args].concat());
        (text(&out.stdout), text(&out.stderr), out.status.success())
    };
    let (out, _, _) = show(&[], &[]);
    assert_eq!(
        shown(&out, "database.sqlite_cache_kib"),
        "database.sqlite_cache_kib = 4096  # file tend.toml"
    );
    let (out, _, _) = show(&[("TEND_SQLITE_CACHE_KIB", "1024")], &[]);
    assert_eq!(
        shown(&out, "database.sqlite_cache_kib"),
        "database.sqlite_cache_kib = 1024  # environment TEND_SQLITE_CACHE_KIB"
    );
    let (out, _, _) = show(
        &[("TEND_SQLITE_CACHE_KIB", "1024")],
        &["--sqlite-cache-kib", "512"],
    );
    assert_eq!(
        shown(&out, "database.sqlite_cache_kib"),
        "database.sqlite_cache_kib = 512  # flag --sqlite-cache-kib"
    );
    for bad in ["63", "1048577", "lots"] {
        let (out, err, ok) = show(&[], &["--sqlite-cache-kib", bad]);
        assert!(!ok && out.is_empty(), "{bad}: {out}");
        assert!(err.contains("--sqlite-cache-kib"), "{bad}: {err}");
    }
    let (_, err, ok) = show(&[("TEND_SQLITE_CACHE_KIB", "10")], &[]);
    assert!(!ok && err.contains("--sqlite-cache-kib"), "{err}");
}

#[test]
fn sqlite_heap_limit_is_set_by_flag_environment_or_file_and_range_checked() {
    let dir = tempfile::tempdir().unwrap();
    let show = |env: &[(&str, &str)], args: &[&str]| {
        let out = tend(dir.path(), env, &[&["config", "show"], args].concat());
        (text(&out.stdout), text(&out.stderr), out.status.success())
    };
    let (out, _, _) = show(&[], &[]);
    assert_eq!(
        shown(&out, "database.sqlite_heap_kib"),
        "database.sqlite_heap_kib = 4096  # default"
    );
    std::fs::write(
        dir.path().join("tend.toml"),
        "[database]\nsqlite_heap_kib = 0\n",
    )
    .unwrap();
    let (out, _, _) = show(&[], &[]);
    assert_eq!(
        shown(&out, "database.sqlite_heap_kib"),
        "database.sqlite_heap_kib = 0  # file tend.toml"
    );
    let (out, _, _) = show(&[("TEND_SQLITE_HEAP_KIB", "8192")], &[]);
    assert_eq!(
        shown(&out, "database.sqlite_heap_kib"),
        "database.sqlite_heap_kib = 8192  # environment TEND_SQLITE_HEAP_KIB"
    );
    let (out, _, _) = show(&[], &["--sqlite-heap-kib", "4096"]);
    assert_eq!(
        shown(&out, "database.sqlite_heap_kib"),
        "database.sqlite_heap_kib = 4096  # flag --sqlite-heap-kib"
    );
    for bad in ["1048577", "99999999", "lots"] {
        let (out, err, ok) = show(&[], &["--sqlite-heap-kib", bad]);
        assert!(!ok && out.is_empty(), "{bad}: {out}");
        assert!(err.contains("--sqlite-heap-kib"), "{bad}: {err}");
    }
}

#[test]
fn unknown_keys_and_bad_values_are_refused_by_name_without_echoing_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tend.toml");
    std::fs::write(&file, "[database]\nurll = \"postgres://u:LeakMe7@h/d\"\n").unwrap();
    let out = tend(dir.path(), &[], &["config", "show"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("configuration file tend.toml, line 2, column 1"),
        "{err}"
    );
    assert!(err.contains("unknown field `urll`"), "{err}");
    assert!(!err.contains("LeakMe7") && out.stdout.is_empty(), "{err}");

    std::fs::write(&file, "[serverr]\nlisten = \"127.0.0.1:1\"\n").unwrap();
    let err = text(&tend(dir.path(), &[], &["migrate"]).stderr);
    assert!(
        err.contains("unknown field `serverr`") && err.contains("line 1"),
        "{err}"
    );

    std::fs::write(&file, "[jobs]\nretention_days = 0\n").unwrap();
    let err = text(&tend(dir.path(), &[], &["config", "show"]).stderr);
    assert!(
        err.contains("jobs.retention_days (file tend.toml): must be 1 to 3650, got 0"),
        "{err}"
    );

    let missing = tend(
        dir.path(),
        &[],
        &["config", "show", "--config", "nope.toml"],
    );
    assert!(text(&missing.stderr).contains("configuration file nope.toml"));
}
