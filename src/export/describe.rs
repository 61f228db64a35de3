//! Field descriptors a form is built from: everything a UI needs to render and label a field,
//! straight from the declaration.

use crate::report::error::Params;
use crate::schema::decl::{Check, Field, Model, ObjectDecl, Ty};
use crate::validate::rules::{self, format_name, types};
use serde::Serialize;
use std::collections::BTreeMap;

/// Object types reached through maps (recursive ones such as Struct's Value), described once by name.
type Defs = BTreeMap<&'static str, Vec<FieldInfo>>;

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ModelInfo {
    pub id: &'static str,
    pub title: &'static str,
    pub label: &'static str,
    pub upstream: &'static str,
    /// The upstream version the declaration follows.
    pub upstream_version: &'static str,
    pub description: &'static str,
    pub modes: Vec<&'static str>,
    /// What a null property means by default: `reject` (a type error) or `absent` (as if not sent).
    pub nulls: &'static str,
    /// The profiles, the default first.
    pub profiles: &'static [&'static str],
    pub fields: Vec<FieldInfo>,
    /// Fields of the object types that map values refer to by `ref`.
    pub definitions: Defs,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    pub name: &'static str,
    pub label: String,
    pub description: &'static str,
    /// `string`, `int32`, `flag`, `boolean`, `number`, `enum`, `object`, `any-object`, `list`, `map`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// Required in create mode (after defaults are filled in).
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub enum_values: Option<Vec<serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// Named formats with the profile that checks them (`strict` = strict only).
    pub formats: Vec<FormatInfo>,
    /// The field whose boolean value switches a format of this one, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldInfo>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<FieldInfo>>,
    /// For a map: the name of its values' object type in `definitions`.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<&'static str>,
    /// For an enum read as ServiceStack reads it in the `api` profile (`servicestack`): a
    /// name in any case, or the member's number (declared order, from 0), also as a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enum_parse: Option<&'static str>,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct FormatInfo {
    pub name: &'static str,
    pub profile: &'static str,
    /// For a format chosen by a flag: the flag's value that selects it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<bool>,
    /// What it allows, as its error's params (`min`, `max` of a range), when it has any.
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

pub fn describe(model: &Model) -> ModelInfo {
    let mut definitions = Defs::new();
    let fields = object_fields(model.root, &mut definitions);
    ModelInfo {
        id: model.id,
        title: model.title,
        label: model.label,
        upstream: model.upstream,
        upstream_version: model.upstream_version,
        description: model.root.description,
        nulls: model.nulls.as_str(),
        modes: if model.supports_create { vec!["create", "patch"] } else { vec!["patch"] },
        profiles: crate::Profile::NAMES,
        fields,
        definitions,
    }
}

fn object_fields(decl: &ObjectDecl, defs: &mut Defs) -> Vec<FieldInfo> {
    decl.fields.iter().map(|f| field(f, defs)).collect()
}

fn field(f: &Field, defs: &mut Defs) -> FieldInfo {
    let mut info = of_type(f.name, &f.ty, defs);
    info.label = if f.label.is_empty() { humanize(f.name) } else { f.label.to_string() };
    info.description = f.description;
    info.required = f.required;
    info.default = f.default.map(|d| d.to_json());
    for rule in f.rules {
        let profile = rule.profile.as_str();
        match rule.check {
            Check::MinLength { min, .. } => info.min_length = Some(min),
            Check::MaxLength(max) => info.max_length = Some(max),
            Check::WhenFlag { flag, absent, then, otherwise } => {
                info.depends_on = Some(flag);
                for (check, when) in [(then, absent), (otherwise, !absent)] {
                    if let Some(name) = format_name(check) {
                        info.formats.push(FormatInfo { name, profile, when: Some(when), params: rules::format_params(check) });
                    }
                }
            }
            ref check => {
                if let Some(name) = format_name(check) {
                    info.formats.push(FormatInfo { name, profile, when: None, params: rules::format_params(check) });
                }
            }
        }
    }
    if let Some(items) = info.items.as_mut() {
        for rule in f.rules {
            if let Check::Each(inner) = rule.check {
                if let Some(name) = format_name(inner) {
                    items.formats.push(FormatInfo {
                        name,
                        profile: rule.profile.as_str(),
                        when: None,
                        params: rules::format_params(inner),
                    });
                }
            }
        }
    }
    info
}

fn of_type(name: &'static str, ty: &Ty, defs: &mut Defs) -> FieldInfo {
    let mut info = FieldInfo {
        name,
        label: String::new(),
        description: "",
        ty: "",
        required: false,
        default: None,
        enum_values: None,
        min_length: None,
        max_length: None,
        formats: Vec::new(),
        depends_on: None,
        fields: None,
        items: None,
        reference: None,
        enum_parse: None,
    };
    info.ty = match ty {
        Ty::String => "string",
        Ty::Int32 => "int32",
        Ty::Flag => {
            info.enum_values = Some(types::FLAG_VALUES.iter().map(|v| (*v).into()).collect());
            "flag"
        }
        Ty::Boolean => "boolean",
        Ty::Number => "number",
        Ty::Enum(values) => {
            info.enum_values = Some(values.iter().map(|v| (*v).into()).collect());
            "enum"
        }
        Ty::ServiceStackEnum(values) => {
            info.enum_values = Some(values.iter().map(|v| (*v).into()).collect());
            info.enum_parse = Some("servicestack");
            "enum"
        }
        Ty::Object(decl) => {
            info.fields = Some(object_fields(decl, defs));
            "object"
        }
        Ty::AnyObject => "any-object",
        Ty::List(item) => {
            info.items = Some(Box::new(of_type("", item, defs)));
            "list"
        }
        // Maps may recurse (Struct); their values' object type is described once, by name.
        Ty::Map(entry) => {
            if let Ty::Object(decl) = entry {
                info.reference = Some(decl.name);
                if !defs.contains_key(decl.name) {
                    defs.insert(decl.name, Vec::new());
                    let fields = object_fields(decl, defs);
                    defs.insert(decl.name, fields);
                }
            }
            "map"
        }
    };
    info
}

/// `callForwardingCallLimit` -> `Call forwarding call limit`.
fn humanize(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else if c.is_uppercase() {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
