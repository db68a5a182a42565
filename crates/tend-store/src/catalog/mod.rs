//! The catalogue complaints point at: channels, categories (a tree, each with its follow-up
//! delay) and products, with the find-or-create helpers imports use.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::catalog::{Category, Channel, ChannelCode, Product};
use tend_domain::kernel::ids::{CategoryId, ProductId};
use tend_domain::kernel::reason::*;
use tend_domain::kernel::text::{Line, Name};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

impl Store {
    pub async fn channels(&self) -> StoreResult<Vec<Channel>> {
        let rows = sqlx::query("SELECT code, name FROM channels ORDER BY name")
            .fetch_all(self.read())
            .await?;
        rows.iter()
            .map(|r| {
                let code: String = r.try_get("code")?;
                Ok(Channel {
                    code: ChannelCode::parse(&code).map_err(|e| sqlx::Error::Decode(e.into()))?,
                    name: r.try_get("name")?,
                })
            })
            .collect()
    }

    /// Adds a channel unless its code exists (imports meet channels such as `postal_mail`).
    pub async fn ensure_channel(&self, code: &ChannelCode, name: &Name) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO channels (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING",
        )
        .bind(code.as_str().to_owned())
        .bind(name.to_string())
        .execute(self.write())
        .await?;
        Ok(())
    }

    pub async fn categories(&self) -> StoreResult<Vec<Category>> {
        let rows = sqlx::query(
            "SELECT id, parent_id, name, follow_up_days FROM categories ORDER BY name, id",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let parent: Option<i64> = r.try_get("parent_id")?;
                Ok(Category {
                    id: CategoryId(r.try_get("id")?),
                    parent_id: parent.map(CategoryId),
                    name: r.try_get("name")?,
                    follow_up_days: r.try_get("follow_up_days")?,
                })
            })
            .collect()
    }

    /// Adds a category under `parent` (or at the top); names are unique among siblings.
    pub async fn create_category(
        &self,
        name: &Name,
        parent: Option<CategoryId>,
        now: Timestamp,
    ) -> StoreResult<Category> {
        let mut tx = self.write().begin().await?;
        if let Some(p) = parent
            && sqlx::query("SELECT 1 FROM categories WHERE id = $1")
                .bind(p.0)
                .fetch_optional(&mut *tx)
                .await?
                .is_none()
        {
            return Err(StoreError::field("parent_id", NO_CATEGORY.with("id", p)));
        }
        let row = sqlx::query(
            "INSERT INTO categories (parent_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(parent.map(|p| p.0))
        .bind(name.to_string())
        .bind(us(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| StoreError::unique(e, "name", DUPLICATE_CATEGORY))?;
        tx.commit().await?;
        Ok(Category {
            id: CategoryId(row.try_get("id")?),
            parent_id: parent,
            name: name.to_string(),
            follow_up_days: None,
        })
    }

    /// Sets (or with `None` clears) how many days after resolution a complaint of this
    /// category is followed up.
    pub async fn set_category_follow_up_days(
        &self,
        id: CategoryId,
        days: Option<i64>,
    ) -> StoreResult<()> {
        if days.is_some_and(|d| !(0..=365).contains(&d)) {
            return Err(StoreError::field(
                "follow_up_days",
                RANGE.with("min", 0).with("max", 365),
            ));
        }
        let done = sqlx::query("UPDATE categories SET follow_up_days = $1 WHERE id = $2")
            .bind(days)
            .bind(id.0)
            .execute(self.write())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("category"));
        }
        Ok(())
    }

    /// The id of the category path `a / b / c`, created as needed (for imports).
    pub async fn ensure_category_path(
        &self,
        path: &[Name],
        now: Timestamp,
    ) -> StoreResult<Option<CategoryId>> {
        let mut parent: Option<CategoryId> = None;
        for name in path {
            let existing = sqlx::query(
                "SELECT id FROM categories WHERE coalesce(parent_id, 0) = $1 AND name = $2",
            )
            .bind(parent.map_or(0, |p| p.0))
            .bind(name.to_string())
            .fetch_optional(self.read())
            .await?;
            parent = Some(match existing {
                Some(r) => CategoryId(r.try_get("id")?),
                None => self.create_category(name, parent, now).await?.id,
            });
        }
        Ok(parent)
    }

    pub async fn products(&self) -> StoreResult<Vec<Product>> {
        let rows = sqlx::query("SELECT id, name, sku FROM products ORDER BY name")
            .fetch_all(self.read())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Product {
                    id: ProductId(r.try_get("id")?),
                    name: r.try_get("name")?,
                    sku: r.try_get("sku")?,
                })
            })
            .collect()
    }

    pub async fn create_product(
        &self,
        name: &Name,
        sku: Option<&Line<64>>,
        now: Timestamp,
    ) -> StoreResult<Product> {
        let row = sqlx::query(
            "INSERT INTO products (name, sku, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(name.to_string())
        .bind(sku.map(|s| s.to_string()))
        .bind(us(now))
        .fetch_one(self.write())
        .await
        .map_err(|e| StoreError::unique(e, "name", DUPLICATE_PRODUCT))?;
        Ok(Product {
            id: ProductId(row.try_get("id")?),
            name: name.to_string(),
            sku: sku.map(|s| s.to_string()),
        })
    }

    /// The product called `name`, created if missing (for imports).
    pub async fn ensure_product(&self, name: &Name, now: Timestamp) -> StoreResult<ProductId> {
        let row = sqlx::query("SELECT id FROM products WHERE name = $1")
            .bind(name.to_string())
            .fetch_optional(self.read())
            .await?;
        match row {
            Some(r) => Ok(ProductId(r.try_get("id")?)),
            None => Ok(self.create_product(name, None, now).await?.id),
        }
    }
}
