//! The declaration language: each model is a tree of `static` tables built from these types.
//!
//! Validation (`engine`), defaults, the JSON Schema export (`json_schema`), the field
//! descriptors for forms (`describe`) and the TypeScript types (`typescript`) all read
//! the same tables; no rule is stated anywhere else.

use crate::validate::rules::format::Format;
use crate::validate::rules::pattern::Pattern;

/// A top-level model that can be validated.
pub struct Model {
    /// Stable id used by the JS API and the CLI: `customer`, `createCustomerDto`, ...
    pub id: &'static str,
    /// Upstream schema title.
    pub title: &'static str,
    /// What people call a record of it, and the API it comes from (a form's heading).
    pub label: &'static str,
    pub upstream: &'static str,
    /// Which version of the upstream contract the declaration follows, and how it differs
    /// from later ones (`describe().upstreamVersion`, the JSON Schema's `x-upstream`).
    pub upstream_version: &'static str,
    pub root: &'static ObjectDecl,
    /// What a null property means unless the options say (`Options::nulls`).
    pub nulls: crate::validate::options::Nulls,
    /// `create` is offered only where the upstream API creates records with this schema.
    pub supports_create: bool,
}

/// An object type: a list of named fields. Unknown properties are governed by the options.
pub struct ObjectDecl {
    pub name: &'static str,
    pub description: &'static str,
    pub fields: &'static [Field],
}

impl ObjectDecl {
    /// `field`, trying the field at `hint` first: inputs usually list fields in declaration
    /// order, so the hint is the field after the previous one found.
    pub fn field_after(&self, name: &str, hint: usize) -> Option<(usize, &'static Field)> {
        match self.fields.get(hint) {
            Some(f) if f.name == name => Some((hint, f)),
            _ => self.field(name),
        }
    }

    pub fn field(&self, name: &str) -> Option<(usize, &'static Field)> {
        // The length and first byte rule most fields out without a string comparison.
        let (len, first) = (name.len(), name.as_bytes().first());
        self.fields.iter().enumerate().find(|(_, f)| f.name.len() == len && f.name.as_bytes().first() == first && f.name == name)
    }
}

pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    pub ty: Ty,
    /// Required in `create` mode (checked after defaults are filled in).
    pub required: bool,
    /// Filled in `create` mode when the field is absent.
    pub default: Option<Lit>,
    pub rules: &'static [Rule],
}

impl Field {
    /// A field with no label, description, rules or default: the builder methods below add them.
    pub const fn new(name: &'static str, ty: Ty) -> Field {
        Field { name, label: "", description: "", ty, required: false, default: None, rules: &[] }
    }
    pub const fn label(mut self, label: &'static str) -> Field {
        self.label = label;
        self
    }
    pub const fn doc(mut self, description: &'static str) -> Field {
        self.description = description;
        self
    }
    pub const fn required(mut self) -> Field {
        self.required = true;
        self
    }
    pub const fn default(mut self, value: Lit) -> Field {
        self.default = Some(value);
        self
    }
    pub const fn rules(mut self, rules: &'static [Rule]) -> Field {
        self.rules = rules;
        self
    }
}

#[derive(Clone, Copy)]
pub enum Ty {
    String,
    /// A JSON number without fraction in -2^31..2^31-1.
    Int32,
    /// An int32 that is 0 or 1.
    Flag,
    Boolean,
    /// Any JSON number.
    Number,
    /// A string out of a fixed list.
    Enum(&'static [&'static str]),
    /// A .NET enum behind a ServiceStack API: the exact names in `strict`; in `api` also as
    /// ServiceStack.Text reads them, a name in any case or the member's number (the declared
    /// order, from 0) as a number or a string of digits. Normalized to the declared name.
    ServiceStackEnum(&'static [&'static str]),
    Object(&'static ObjectDecl),
    /// Any JSON object, passed through unchanged.
    AnyObject,
    List(&'static Ty),
    /// A string-keyed map; each nesting level of maps counts towards `engine::MAX_DEPTH`.
    Map(&'static Ty),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lit {
    Str(&'static str),
    Int(i32),
    Bool(bool),
}

impl Lit {
    /// The literal as a JSON value (the exports' `default`).
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Lit::Str(s) => s.into(),
            Lit::Int(i) => i.into(),
            Lit::Bool(b) => b.into(),
        }
    }
}

/// Where a rule applies: `Api` rules hold in both profiles, `Strict` ones only in `strict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    Api,
    Strict,
}

impl Profile {
    pub const fn as_str(self) -> &'static str {
        match self {
            Profile::Api => "api",
            Profile::Strict => "strict",
        }
    }
}

#[derive(Clone, Copy)]
pub struct Rule {
    pub profile: Profile,
    pub check: Check,
}

impl Rule {
    /// Whether the rule holds in a run of `profile`: `Api` rules in both, `Strict` ones in `strict`.
    pub fn applies(&self, profile: Profile) -> bool {
        match self.profile {
            Profile::Api => true,
            Profile::Strict => profile == Profile::Strict,
        }
    }
}

/// A rule in both profiles.
pub const fn api(check: Check) -> Rule {
    Rule { profile: Profile::Api, check }
}

/// A rule in the `strict` profile only.
pub const fn strict(check: Check) -> Rule {
    Rule { profile: Profile::Strict, check }
}

#[derive(Clone, Copy)]
pub enum Check {
    /// Code points, not UTF-16 units or bytes. `reason` explains a surprising bound.
    MinLength {
        min: usize,
        reason: Option<&'static str>,
    },
    MaxLength(usize),
    Pattern(&'static Pattern),
    Format(&'static Format),
    /// Inclusive integer range.
    Range {
        min: i64,
        max: i64,
    },
    /// -max..=-1 or 1..=max (iCalendar's signed ordinals).
    SignedRange {
        max: i64,
    },
    /// A number that is >= 0.
    NonNegative,
    /// Applies a check to every item of a list.
    Each(&'static Check),
    /// Chooses a check by a sibling boolean field (absent = `absent`).
    WhenFlag {
        flag: &'static str,
        absent: bool,
        then: &'static Check,
        otherwise: &'static Check,
    },
}
