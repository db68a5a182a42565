//! A small SQL builder for dynamic queries: appends text and binds values with the placeholder
//! each engine handles best — `$n` on PostgreSQL (sqlx's `QueryBuilder<Any>` writes `?`, which
//! PostgreSQL refuses) and `?` on SQLite (sqlx looks every named SQLite parameter up by name,
//! which costs quadratic time on a many-row INSERT).

use sqlx::any::AnyArguments;
use sqlx::{Any, Arguments, AssertSqlSafe, Encode, Type};

use crate::store::Engine;

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
