//! JSON Schema 2020-12 export of a model, for a mode, profile and unknown-property policy.
//!
//! The schema states the same rules as the engine; `tests/ajv-agreement` holds them to it.
//! Two limits of the format: the map depth bound (`engine::MAX_DEPTH`) is not expressible,
//! and ajv needs `ajv-formats` for `date-time`, `ipv4` and `ipv6`.

use crate::report::error::Error;
use crate::schema::decl::{Check, Field, Model, ObjectDecl, Profile, Rule, Ty};
use crate::validate::engine::{resolve_mode, resolve_nulls, MAX_ITEMS};
use crate::validate::options::{Mode, Nulls, Options, Unknown};
use crate::validate::rules::{self, types};
use serde_json::{json, Map, Value};

pub fn json_schema(model: &Model, options: &Options) -> Result<Value, Error> {
    let mode = resolve_mode(model, options)?;
    let nulls_absent = resolve_nulls(model, options) == Nulls::Absent;
    let mut export = Export { mode, profile: options.profile, unknown: options.unknown, nulls_absent, defs: Map::new() };
    let mut root = export.object(model.root, true);
    let obj = root.as_object_mut().expect("object() returns an object");
    let mut doc = Map::new();
    doc.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    doc.insert("$id".into(), json!(format!("urn:customer-validation:{}:{}:{}", model.id, mode.as_str(), options.profile.as_str())));
    doc.insert("title".into(), json!(model.title));
    if nulls_absent {
        doc.insert("x-nulls".into(), json!("absent: a null property is as if it were not sent"));
    }
    doc.insert("x-upstream".into(), json!({ "api": model.upstream, "version": model.upstream_version }));
    doc.append(obj);
    if !export.defs.is_empty() {
        doc.insert("$defs".into(), Value::Object(export.defs));
    }
    Ok(Value::Object(doc))
}

struct Export {
    mode: Mode,
    profile: Profile,
    unknown: Unknown,
    /// `Nulls::Absent`: a null property is allowed where leaving it out is, and dropped.
    nulls_absent: bool,
    defs: Map<String, Value>,
}

impl Export {
    fn applies(&self, rule: &Rule) -> bool {
        rule.applies(self.profile)
    }

    fn object(&mut self, decl: &ObjectDecl, root: bool) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut conditions = Vec::new();
        for field in decl.fields {
            let required_here = self.mode == Mode::Create && field.required;
            let mut property = self.field(field, &mut conditions);
            // A null is as if not sent: allowed unless that leaves a required field missing.
            if self.nulls_absent && !(required_here && field.default.is_none()) {
                property = or_null(property);
            }
            properties.insert(field.name.into(), property);
            if required_here {
                required.push(json!(field.name));
            }
        }
        let mut schema = Map::new();
        schema.insert("type".into(), json!("object"));
        if !decl.description.is_empty() {
            schema.insert("description".into(), json!(decl.description));
        }
        schema.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            schema.insert("required".into(), Value::Array(required));
        }
        if root && self.mode == Mode::Patch {
            if self.nulls_absent {
                // At least one property that is not null (nulls are as if not sent).
                schema.insert("not".into(), json!({ "additionalProperties": { "type": "null" } }));
            } else {
                schema.insert("minProperties".into(), json!(1));
            }
        }
        if self.unknown == Unknown::Reject {
            // An undeclared property that is null is not sent (`Nulls::Absent`): allowed.
            let additional = if self.nulls_absent { json!({ "type": "null" }) } else { json!(false) };
            schema.insert("additionalProperties".into(), additional);
        }
        if !conditions.is_empty() {
            schema.insert("allOf".into(), Value::Array(conditions));
        }
        Value::Object(schema)
    }

    fn field(&mut self, field: &Field, conditions: &mut Vec<Value>) -> Value {
        let mut schema = self.ty(&field.ty);
        let s = schema.as_object_mut().expect("ty() returns an object");
        if !field.description.is_empty() {
            s.insert("description".into(), json!(field.description));
        }
        if self.mode == Mode::Create {
            if let Some(default) = field.default {
                s.insert("default".into(), default.to_json());
            }
        }
        for rule in field.rules.iter().filter(|r| self.applies(r)) {
            match rule.check {
                Check::WhenFlag { flag, absent, then, otherwise } => {
                    // if the flag is present and not `absent`, `otherwise` applies, else `then`.
                    let (flag_schema, present_rule, absent_rule) =
                        (json!({ "properties": { flag: { "const": !absent } }, "required": [flag] }), otherwise, then);
                    conditions.push(json!({
                        "if": flag_schema,
                        "then": { "properties": { field.name: rules::schema(present_rule) } },
                        "else": { "properties": { field.name: rules::schema(absent_rule) } },
                    }));
                }
                Check::Each(inner) => {
                    if let Some(items) = s.get_mut("items").and_then(Value::as_object_mut) {
                        merge(items, rules::schema(inner));
                    }
                }
                ref check => merge(s, rules::schema(check)),
            }
        }
        schema
    }

    fn ty(&mut self, ty: &Ty) -> Value {
        match ty {
            Ty::String => json!({ "type": "string" }),
            Ty::Int32 => types::int32_schema(),
            Ty::Flag => types::flag_schema(),
            Ty::Boolean => json!({ "type": "boolean" }),
            Ty::Number => json!({ "type": "number" }),
            Ty::Enum(values) => json!({ "type": "string", "enum": values }),
            Ty::ServiceStackEnum(values) if self.profile == Profile::Strict => json!({ "type": "string", "enum": values }),
            Ty::ServiceStackEnum(values) => servicestack_enum(values),
            Ty::AnyObject => json!({ "type": "object" }),
            Ty::List(item) => json!({ "type": "array", "maxItems": MAX_ITEMS, "items": self.ty(item) }),
            Ty::Map(entry) => json!({ "type": "object", "additionalProperties": self.ty(entry) }),
            Ty::Object(decl) => {
                if !self.defs.contains_key(decl.name) {
                    // Insert a placeholder first: recursive declarations refer back to themselves.
                    self.defs.insert(decl.name.into(), Value::Null);
                    let schema = self.object(decl, false);
                    self.defs.insert(decl.name.into(), schema);
                }
                json!({ "$ref": format!("#/$defs/{}", decl.name) })
            }
        }
    }
}

/// A ServiceStack enum in the `api` profile (`types::servicestack_member`): a name in any
/// case, the member's number, or that number as a string of digits (at most 10).
fn servicestack_enum(values: &[&str]) -> Value {
    let names: Vec<String> = values
        .iter()
        .map(|v| {
            v.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                    } else {
                        regex_escape(c)
                    }
                })
                .collect()
        })
        .collect();
    let last = values.len() - 1;
    debug_assert!(last < 10, "one digit per member number");
    json!({ "x-enum": values, "anyOf": [
        { "type": "string", "pattern": format!("^(?:{})$", names.join("|")) },
        { "type": "string", "pattern": format!("^0*[0-{last}]$"), "maxLength": 10 },
        { "type": "integer", "minimum": 0, "maximum": last },
    ] })
}

fn regex_escape(c: char) -> String {
    if "\\^$.|?*+()[]{}/-".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

/// A property's schema that also allows null: its annotations (`description`, `default`) stay
/// outside the `anyOf`, where ajv's `useDefaults` reads a default.
fn or_null(property: Value) -> Value {
    let Value::Object(mut schema) = property else { return property };
    let mut outer = Map::new();
    for key in ["description", "default"] {
        if let Some(v) = schema.remove(key) {
            outer.insert(key.into(), v);
        }
    }
    outer.insert("anyOf".into(), json!([Value::Object(schema), { "type": "null" }]));
    Value::Object(outer)
}

/// Merges keywords into a schema; keywords already there go into its `allOf` instead.
fn merge(schema: &mut Map<String, Value>, keywords: Value) {
    if let Value::Object(k) = keywords {
        if k.keys().any(|key| schema.contains_key(key)) {
            let all_of = schema.entry("allOf").or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = all_of {
                list.push(Value::Object(k));
            }
        } else {
            schema.extend(k);
        }
    }
}
