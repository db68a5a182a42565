//! What the binary's tests share: running the built `tend` on a database, and the test data
//! kept in the repository.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The test data kept in the repository (`tests/data`, its README gives source and licence).
pub fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

pub fn tend(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(args)
        .env("TEND_DATABASE_URL", db)
        .env("TEND_LOG", "warn")
        .output()
        .expect("run tend")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

pub fn export_rows(db: &str) -> usize {
    let out = tend(db, &["export", "complaints", "--format", "csv"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let mut n = 0;
    for record in r.records() {
        record.expect("exported CSV parses");
        n += 1;
    }
    n
}
