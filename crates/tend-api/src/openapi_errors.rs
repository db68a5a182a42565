//! The error answers every operation can give, added to the OpenAPI document once instead of
//! on each handler: what the server's layers answer before or around a handler.
//!
//! - every operation with `security`: 401 (no or bad token) and 403 (role too low);
//! - every operation with a path parameter: 404 (no such object, or an id out of range);
//! - every operation with query parameters: 422 (a parameter named and why);
//! - every operation with a JSON body: 400 (not JSON, trailing bytes), 413 (body over the
//!   limit), 415 (not `application/json`) and 422 (a field named and why).
//!
//! Each is `{"error": {"code", "message", "fields"}}` (`ErrorBody`). An operation that
//! documents a status itself keeps its own description.

use utoipa::Modify;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};

/// The `Modify` that adds the answers above to every operation of the document.
pub struct ErrorAnswers;

fn add(op: &mut Operation, status: &str, description: &str) {
    if op.responses.responses.contains_key(status) {
        return;
    }
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name("ErrorBody")))
        .build();
    let response = ResponseBuilder::new()
        .description(description)
        .content("application/json", content)
        .build();
    op.responses
        .responses
        .insert(status.to_owned(), response.into());
}

fn complete(op: &mut Operation, path_params: bool) {
    if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
        add(
            op,
            "401",
            "No bearer token, or one that is unknown, revoked or expired.",
        );
        add(
            op,
            "403",
            "The token's employee lacks the permission this operation needs.",
        );
    }
    let params = op.parameters.as_deref().unwrap_or_default();
    let has = |place: ParameterIn| params.iter().any(|p| p.parameter_in == place);
    let (in_path, in_query) = (has(ParameterIn::Path), has(ParameterIn::Query));
    if path_params || in_path {
        add(op, "404", "No such object (or an id out of range).");
    }
    if in_query {
        add(
            op,
            "422",
            "A query parameter is invalid; `fields` names it and says why.",
        );
    }
    if op.request_body.is_some() {
        add(
            op,
            "400",
            "The body is not one JSON value (malformed, or bytes after it).",
        );
        add(op, "413", "The body is larger than the server accepts.");
        add(op, "415", "The body is not sent as `application/json`.");
        add(
            op,
            "422",
            "A field is invalid; `fields` names each and says why.",
        );
    }
}

impl Modify for ErrorAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let path_params = path.contains('{');
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                complete(op, path_params);
            }
        }
    }
}
