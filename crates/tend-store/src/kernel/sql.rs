//! A small SQL builder for dynamic queries: appends text and binds values with the placeholder
//! each engine handles best — `$n` on PostgreSQL (sqlx's `QueryBuilder<Any>` writes `?`, which
//! PostgreSQL refuses) and `?` on SQLite (sqlx looks every named SQLite parameter up by name,
//! which costs quadratic time on a many-row INSERT).

use std::collections::HashMap;
use std::hash::Hash;

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Arguments, AssertSqlSafe, Encode, Type};

use crate::kernel::engine::Engine;

pub(crate) struct Sql {
    text: String,
    args: AnyArguments,
    numbered: bool,
}

impl Sql {
    pub(crate) fn new(engine: Engine, text: impl Into<String>) -> Self {
        Sql {
            text: text.into(),
            args: AnyArguments::default(),
            numbered: engine == Engine::Postgres,
        }
    }

    pub(crate) fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    pub(crate) fn bind<T>(&mut self, value: T) -> &mut Self
    where
        T: for<'q> Encode<'q, Any> + Type<Any> + Send + 'static,
    {
        self.args
            .add(value)
            .expect("binding a plain value cannot fail");
        if self.numbered {
            self.text.push_str(&format!("${}", self.args.len()));
        } else {
            self.text.push('?');
        }
        self
    }

    pub(crate) fn build(self) -> sqlx::query::Query<'static, Any, AnyArguments> {
        sqlx::query_with(AssertSqlSafe(self.text), self.args)
    }
}

/// Write statements sent together: on SQLite in one call to the driver (one round trip to its
/// thread, which under load costs more than the statements themselves), on PostgreSQL one after
/// the other. Each statement is begun with [`Statements::next`] and built like a [`Sql`]; none
/// may return rows.
pub(crate) struct Statements {
    engine: Engine,
    done: Vec<Sql>,
    current: Option<Sql>,
}

impl Statements {
    pub(crate) fn new(engine: Engine) -> Self {
        Statements {
            engine,
            done: Vec::new(),
            current: None,
        }
    }

    /// Begins the next statement with `text`; the builder to finish it.
    pub(crate) fn next(&mut self, text: &str) -> &mut Sql {
        match self.current.take() {
            // SQLite's `?` count on from the arguments of the statements before.
            Some(mut sql) if self.engine == Engine::Sqlite => {
                sql.push(";\n").push(text);
                self.current = Some(sql);
            }
            Some(sql) => {
                self.done.push(sql);
                self.current = Some(Sql::new(self.engine, text));
            }
            None => self.current = Some(Sql::new(self.engine, text)),
        }
        self.current.as_mut().expect("a statement was begun")
    }

    /// Runs every statement, in order.
    pub(crate) async fn execute(self, conn: &mut sqlx::AnyConnection) -> sqlx::Result<()> {
        for sql in self.done.into_iter().chain(self.current) {
            sql.build().execute(&mut *conn).await?;
        }
        Ok(())
    }
}

/// One stored value: the schema only has 64-bit integers and text.
pub(crate) enum Value {
    Int(Option<i64>),
    Text(Option<String>),
}

/// Shorthand for building values.
pub(crate) struct V;

impl V {
    #[allow(clippy::wrong_self_convention)]
    pub(crate) fn from<T: Into<Value>>(v: T) -> Value {
        v.into()
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        Value::Int(v)
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(Some(v))
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(Some(v.to_owned()))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        Value::Text(v)
    }
}

pub(crate) type AnyQuery<'q> = Query<'q, Any, AnyArguments>;

impl Value {
    pub(crate) fn bind_query(self, q: AnyQuery<'_>) -> AnyQuery<'_> {
        match self {
            Value::Int(v) => q.bind(v),
            Value::Text(v) => q.bind(v),
        }
    }

    pub(crate) fn bind_sql(self, sql: &mut Sql) {
        match self {
            Value::Int(v) => sql.bind(v),
            Value::Text(v) => sql.bind(v),
        };
    }
}

impl Sql {
    /// Appends one `(v1, v2, …)` tuple of a multi-row `VALUES` list; `n` is its position.
    pub(crate) fn push_tuple(
        &mut self,
        n: usize,
        values: impl IntoIterator<Item = Value>,
    ) -> &mut Self {
        self.push(if n == 0 { "(" } else { ", (" });
        for (k, v) in values.into_iter().enumerate() {
            if k > 0 {
                self.push(", ");
            }
            v.bind_sql(self);
        }
        self.push(")")
    }
}

/// Matches the ids a multi-row `INSERT … RETURNING` gave back (`(key, id)`) to the rows sent
/// (`sent`, each row's key). Keyed rows are matched by key, and a key answers only once (a row
/// repeated in one batch, or skipped by `ON CONFLICT DO NOTHING`, gets `None`); rows without a
/// key take the remaining ids in ascending order, since ids grow in `VALUES` order on both engines.
pub(crate) fn match_ids<K: Eq + Hash>(
    returned: Vec<(Option<K>, i64)>,
    sent: &[Option<K>],
) -> Vec<Option<i64>> {
    let mut by_key: HashMap<K, i64> = HashMap::new();
    let mut plain: Vec<i64> = Vec::new();
    for (key, id) in returned {
        match key {
            Some(k) => {
                by_key.insert(k, id);
            }
            None => plain.push(id),
        }
    }
    plain.sort_unstable();
    let mut plain = plain.into_iter();
    sent.iter()
        .map(|k| match k {
            Some(k) => by_key.remove(k),
            None => plain.next(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::match_ids;

    #[test]
    fn returned_ids_are_matched_by_key_once_then_in_order() {
        let returned = vec![(None, 12), (Some("b"), 11), (None, 10)];
        let sent = [None, Some("b"), Some("b"), Some("c"), None];
        assert_eq!(
            match_ids(returned, &sent),
            [Some(10), Some(11), None, None, Some(12)]
        );
    }
}
