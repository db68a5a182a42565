//! A small SQL builder for dynamic queries: appends text and binds values as numbered `$n`
//! placeholders, which both engines accept (sqlx's `QueryBuilder<Any>` writes `?`, which
//! PostgreSQL refuses).

use sqlx::any::AnyArguments;
use sqlx::{Any, Arguments, AssertSqlSafe, Encode, Type};

pub(crate) struct Sql {
    text: String,
    args: AnyArguments,
}

impl Sql {
    pub(crate) fn new(text: impl Into<String>) -> Self {
        Sql {
            text: text.into(),
            args: AnyArguments::default(),
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
        self.text.push_str(&format!("${}", self.args.len()));
        self
    }

    pub(crate) fn build(self) -> sqlx::query::Query<'static, Any, AnyArguments> {
        sqlx::query_with(AssertSqlSafe(self.text), self.args)
    }
}
