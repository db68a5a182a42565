//! The OpenAPI document as people read it: operations grouped by tag (method, path,
//! parameters, request body, responses), then the schemas — built from the document's JSON so
//! that whatever the handlers' annotations say is what the page shows.

use serde_json::{Map, Value};

/// A type as the page shows it: `Complaint`, `Complaint[]`, `string (date-time) | null`, …,
/// with the anchor of the schema it names, if any.
pub struct TypeRef {
    pub text: String,
    pub link: Option<String>,
}

pub struct Param {
    pub name: String,
    /// `path`, `query`, `header` or `cookie` (OpenAPI's terms).
    pub location: String,
    pub ty: TypeRef,
    pub required: bool,
    pub description: String,
}

pub struct Body {
    pub content_type: String,
    pub ty: TypeRef,
    pub required: bool,
}

pub struct Reply {
    pub code: String,
    pub description: String,
    pub ty: Option<TypeRef>,
}

pub struct Operation {
    pub anchor: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub description: String,
    pub secured: bool,
    pub params: Vec<Param>,
    pub body: Option<Body>,
    pub replies: Vec<Reply>,
}

pub struct Tag {
    pub name: String,
    pub operations: Vec<Operation>,
}

pub struct Property {
    pub name: String,
    pub ty: TypeRef,
    pub required: bool,
    pub description: String,
}

pub struct Schema {
    pub name: String,
    pub anchor: String,
    pub description: String,
    /// An object's properties; empty for other schemas, shown as `json` instead.
    pub properties: Vec<Property>,
    pub json: String,
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The type `schema` describes, in one line.
pub fn type_of(schema: &Value) -> TypeRef {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r).to_owned();
        return TypeRef {
            link: Some(format!("schema-{name}")),
            text: name,
        };
    }
    if let Some(items) = schema.get("items") {
        let inner = type_of(items);
        return TypeRef {
            text: format!("{}[]", inner.text),
            link: inner.link,
        };
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(parts) = schema.get(key).and_then(Value::as_array) {
            let types: Vec<TypeRef> = parts.iter().map(type_of).collect();
            let link = types.iter().find_map(|t| t.link.clone());
            let sep = if key == "allOf" { " & " } else { " | " };
            let text = types
                .into_iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(sep);
            return TypeRef { text, link };
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let text = values
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
        return TypeRef { text, link: None };
    }
    let mut text = match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" | "),
        _ if schema.get("properties").is_some() => "object".to_owned(),
        _ => "any".to_owned(),
    };
    if let Some(format) = schema.get("format").and_then(Value::as_str) {
        text = format!("{text} ({format})");
    }
    TypeRef { text, link: None }
}

fn first_content(content: Option<&Value>) -> Option<(String, &Value)> {
    let (kind, c) = content?.as_object()?.iter().next()?;
    Some((kind.clone(), c.get("schema")?))
}

fn operation(method: &str, path: &str, op: &Value) -> Operation {
    let params = op
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|p| Param {
            name: text(p, "name"),
            location: text(p, "in"),
            ty: p.get("schema").map_or(
                TypeRef {
                    text: "any".into(),
                    link: None,
                },
                type_of,
            ),
            required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
            description: text(p, "description"),
        })
        .collect();
    let body = op.get("requestBody").and_then(|b| {
        let (content_type, schema) = first_content(b.get("content"))?;
        let required = b.get("required").and_then(Value::as_bool).unwrap_or(false);
        Some(Body {
            content_type,
            ty: type_of(schema),
            required,
        })
    });
    let replies = op
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(code, r)| Reply {
            code: code.clone(),
            description: text(r, "description"),
            ty: first_content(r.get("content")).map(|(_, s)| type_of(s)),
        })
        .collect();
    let method = method.to_ascii_uppercase();
    let anchor: String = format!("{method}-{path}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Operation {
        anchor,
        summary: text(op, "summary"),
        description: text(op, "description"),
        secured: op.get("security").is_some(),
        method,
        path: path.to_owned(),
        params,
        body,
        replies,
    }
}

/// Every operation of `doc`, grouped by its first tag in the order the document lists its
/// tags (untagged ones last, under `other`); paths in the document's order.
pub fn tags(doc: &Value) -> Vec<Tag> {
    let mut tags: Vec<Tag> = doc
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|t| Tag {
            name: text(t, "name"),
            operations: vec![],
        })
        .collect();
    let empty = Map::new();
    let paths = doc
        .get("paths")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let tag = op
                .get("tags")
                .and_then(|t| t.get(0))
                .and_then(Value::as_str)
                .unwrap_or("other");
            let at = match tags.iter().position(|t| t.name == tag) {
                Some(i) => i,
                None => {
                    tags.push(Tag {
                        name: tag.to_owned(),
                        operations: vec![],
                    });
                    tags.len() - 1
                }
            };
            tags[at].operations.push(operation(method, path, op));
        }
    }
    tags.retain(|t| !t.operations.is_empty());
    tags
}

/// The document's named schemas, by name.
pub fn schemas(doc: &Value) -> Vec<Schema> {
    let empty = Map::new();
    let all = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    all.iter()
        .map(|(name, s)| {
            let required: Vec<&str> = s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let properties = s
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(p, v)| Property {
                    name: p.clone(),
                    ty: type_of(v),
                    required: required.contains(&p.as_str()),
                    description: text(v, "description"),
                })
                .collect();
            Schema {
                name: name.clone(),
                anchor: format!("schema-{name}"),
                description: text(s, "description"),
                properties,
                json: serde_json::to_string_pretty(s).unwrap_or_default(),
            }
        })
        .collect()
}
