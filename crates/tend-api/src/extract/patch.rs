//! JSON merge patches (RFC 7396): the `MergePatch` extractor and applying one to a value.

use axum::extract::{FromRequest, Request};

use super::ApiJson;
use crate::error::ApiError;

/// Applies a JSON merge patch (RFC 7396) to `target`.
pub fn merge_patch(target: &mut serde_json::Value, patch: serde_json::Value) {
    match patch {
        serde_json::Value::Object(p) => {
            if !target.is_object() {
                *target = serde_json::Value::Object(Default::default());
            }
            let t = target.as_object_mut().expect("object");
            for (k, v) in p {
                if v.is_null() {
                    t.insert(k, serde_json::Value::Null);
                } else {
                    merge_patch(t.entry(k).or_insert(serde_json::Value::Null), v);
                }
            }
        }
        other => *target = other,
    }
}

/// A PATCH body: a JSON object whose keys replace the current values (`null` clears one).
pub struct MergePatch(pub serde_json::Value);

impl<S: Send + Sync> FromRequest<S> for MergePatch {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let ApiJson(v) = ApiJson::<serde_json::Value>::from_request(req, state).await?;
        if !v.is_object() {
            return Err(ApiError::invalid(
                "body",
                "must be a JSON object of the fields to change",
            ));
        }
        Ok(MergePatch(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_replaces_and_clears() {
        let mut t = json!({"a": 1, "b": {"c": 2, "d": 3}});
        merge_patch(&mut t, json!({"a": null, "b": {"c": 5}}));
        assert_eq!(t, json!({"a": null, "b": {"c": 5, "d": 3}}));
    }
}
