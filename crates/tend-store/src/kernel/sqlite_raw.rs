//! SQLite's C API on a connection sqlx holds, for bulk imports: statements prepared once per
//! batch and stepped once per row, with no round trip to sqlx's worker thread per statement.
//!
//! Only used while a `LockedSqliteHandle` is held (sqlx then makes no call on the handle), and
//! every statement is finalized before that lock is released (`Stmt` is dropped first).

use std::ffi::{CStr, c_int};
use std::ptr::NonNull;

use libsqlite3_sys as ffi;

use crate::kernel::sql::Value;

/// A database handle lent by sqlx (`LockedSqliteHandle::as_raw_handle`).
#[derive(Clone, Copy)]
pub(crate) struct Db(pub NonNull<ffi::sqlite3>);

/// A prepared statement on a [`Db`]; finalized when dropped.
pub(crate) struct Stmt {
    db: Db,
    raw: NonNull<ffi::sqlite3_stmt>,
}

impl Db {
    /// The message of the connection's last error, as an sqlx error.
    fn error(self, code: c_int) -> sqlx::Error {
        // SAFETY: the handle is open and locked for us; the message is copied at once.
        let (code, msg) = unsafe {
            let extended = ffi::sqlite3_extended_errcode(self.0.as_ptr());
            let msg = CStr::from_ptr(ffi::sqlite3_errmsg(self.0.as_ptr()));
            (
                if extended != 0 { extended } else { code },
                msg.to_string_lossy().into_owned(),
            )
        };
        sqlx::Error::Protocol(format!("sqlite error {code}: {msg}"))
    }

    /// Prepares `sql` (one statement), marked persistent: it is stepped many times.
    ///
    /// Errors: SQLite's, with its message.
    pub(crate) fn prepare(self, sql: &str) -> sqlx::Result<Stmt> {
        let mut raw = std::ptr::null_mut();
        // SAFETY: `sql` outlives the call, its length is given; `raw` receives the statement.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                self.0.as_ptr(),
                sql.as_ptr().cast(),
                sql.len() as c_int,
                ffi::SQLITE_PREPARE_PERSISTENT as _,
                &mut raw,
                std::ptr::null_mut(),
            )
        };
        match NonNull::new(raw) {
            Some(raw) if rc == ffi::SQLITE_OK => Ok(Stmt { db: self, raw }),
            _ => Err(self.error(rc)),
        }
    }

    /// The rowid of the last row inserted on this connection.
    pub(crate) fn last_rowid(self) -> i64 {
        // SAFETY: the handle is open and locked for us.
        unsafe { ffi::sqlite3_last_insert_rowid(self.0.as_ptr()) }
    }

    /// Rows changed by the last statement finished on this connection.
    pub(crate) fn changes(self) -> i64 {
        // SAFETY: as above.
        unsafe { ffi::sqlite3_changes64(self.0.as_ptr()) }
    }
}

/// Whether `e` (from this module) is a foreign key that points at nothing.
pub(crate) fn is_foreign_key(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Protocol(m)
        if m.starts_with(&format!("sqlite error {}:", ffi::SQLITE_CONSTRAINT_FOREIGNKEY)))
}

impl Stmt {
    /// Binds `values` to parameters 1, 2, … in order (after a reset, so the statement can run
    /// again).
    ///
    /// Errors: SQLite's (a value too big, say).
    pub(crate) fn bind<'v>(
        &mut self,
        values: impl IntoIterator<Item = &'v Value>,
    ) -> sqlx::Result<()> {
        let s = self.raw.as_ptr();
        // SAFETY: the statement is live; text is copied by SQLite (SQLITE_TRANSIENT).
        unsafe {
            ffi::sqlite3_reset(s);
            for (i, v) in values.into_iter().enumerate() {
                let at = i as c_int + 1;
                let rc = match v {
                    Value::Int(Some(n)) => ffi::sqlite3_bind_int64(s, at, *n),
                    Value::Text(Some(t)) => ffi::sqlite3_bind_text64(
                        s,
                        at,
                        t.as_ptr().cast(),
                        t.len() as u64,
                        ffi::SQLITE_TRANSIENT(),
                        ffi::SQLITE_UTF8 as _,
                    ),
                    Value::Int(None) | Value::Text(None) => ffi::sqlite3_bind_null(s, at),
                };
                if rc != ffi::SQLITE_OK {
                    return Err(self.db.error(rc));
                }
            }
        }
        Ok(())
    }

    /// Steps once: `true` when a row is there to read, `false` when the statement is done.
    ///
    /// Errors: SQLite's (a constraint, say), with its message.
    pub(crate) fn step(&mut self) -> sqlx::Result<bool> {
        // SAFETY: the statement is live and its parameters bound.
        match unsafe { ffi::sqlite3_step(self.raw.as_ptr()) } {
            ffi::SQLITE_ROW => Ok(true),
            ffi::SQLITE_DONE => Ok(false),
            rc => {
                let e = self.db.error(rc);
                // SAFETY: as above; the reset clears the failed run.
                unsafe { ffi::sqlite3_reset(self.raw.as_ptr()) };
                Err(e)
            }
        }
    }

    /// Binds and runs a statement that returns no rows.
    ///
    /// Errors: as [`Stmt::bind`] and [`Stmt::step`].
    pub(crate) fn run<'v>(
        &mut self,
        values: impl IntoIterator<Item = &'v Value>,
    ) -> sqlx::Result<()> {
        self.bind(values)?;
        while self.step()? {}
        Ok(())
    }

    /// Column `i` of the current row as an integer.
    pub(crate) fn int(&self, i: c_int) -> i64 {
        // SAFETY: the statement is on a row (after `step` returned true).
        unsafe { ffi::sqlite3_column_int64(self.raw.as_ptr(), i) }
    }

    /// Column `i` of the current row as text (empty when NULL).
    pub(crate) fn text(&self, i: c_int) -> String {
        // SAFETY: as above; SQLite returns UTF-8 of the given length, copied at once.
        unsafe {
            let p = ffi::sqlite3_column_text(self.raw.as_ptr(), i);
            if p.is_null() {
                return String::new();
            }
            let n = ffi::sqlite3_column_bytes(self.raw.as_ptr(), i) as usize;
            String::from_utf8_lossy(std::slice::from_raw_parts(p, n)).into_owned()
        }
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        // SAFETY: the statement is live and not used after this.
        unsafe { ffi::sqlite3_finalize(self.raw.as_ptr()) };
    }
}
