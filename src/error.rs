//! The error report: a flat list of `{ path, code, params }`, with messages rendered on demand.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// Stable machine names of errors. Once released, a code never changes meaning or spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    Required,
    Type,
    Enum,
    MinLength,
    MaxLength,
    Int32,
    Range,
    SignedRange,
    NonNegative,
    ObjectId,
    DateTime,
    Date,
    Time,
    Ip,
    Url,
    Email,
    SipUri,
    Dtmf,
    E164,
    Alphanumeric,
    UnknownProperty,
    MinProperties,
    MaxDepth,
    MaxItems,
    Json,
    InvalidOption,
    UnsupportedMode,
    UnknownModel,
    UnknownField,
}

impl Code {
    pub const ALL: &'static [Code] = &[
        Code::Required,
        Code::Type,
        Code::Enum,
        Code::MinLength,
        Code::MaxLength,
        Code::Int32,
        Code::Range,
        Code::SignedRange,
        Code::NonNegative,
        Code::ObjectId,
        Code::DateTime,
        Code::Date,
        Code::Time,
        Code::Ip,
        Code::Url,
        Code::Email,
        Code::SipUri,
        Code::Dtmf,
        Code::E164,
        Code::Alphanumeric,
        Code::UnknownProperty,
        Code::MinProperties,
        Code::MaxDepth,
        Code::MaxItems,
        Code::Json,
        Code::InvalidOption,
        Code::UnsupportedMode,
        Code::UnknownModel,
        Code::UnknownField,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::Type => "type",
            Code::Enum => "enum",
            Code::MinLength => "min_length",
            Code::MaxLength => "max_length",
            Code::Int32 => "int32",
            Code::Range => "range",
            Code::SignedRange => "signed_range",
            Code::NonNegative => "non_negative",
            Code::ObjectId => "object_id",
            Code::DateTime => "date_time",
            Code::Date => "date",
            Code::Time => "time",
            Code::Ip => "ip",
            Code::Url => "url",
            Code::Email => "email",
            Code::SipUri => "sip_uri",
            Code::Dtmf => "dtmf",
            Code::E164 => "e164",
            Code::Alphanumeric => "alphanumeric",
            Code::UnknownProperty => "unknown_property",
            Code::MinProperties => "min_properties",
            Code::MaxDepth => "max_depth",
            Code::MaxItems => "max_items",
            Code::Json => "json",
            Code::InvalidOption => "invalid_option",
            Code::UnsupportedMode => "unsupported_mode",
            Code::UnknownModel => "unknown_model",
            Code::UnknownField => "unknown_field",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

/// A parameter value of an error, for messages and for applications that write their own.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    Int(i64),
    Str(String),
    Static(&'static str),
    StaticList(&'static [&'static str]),
    IntList(&'static [i64]),
}

impl Param {
    /// How the value reads inside an English sentence.
    pub fn display(&self) -> String {
        match self {
            Param::Int(i) => i.to_string(),
            Param::Str(s) => s.clone(),
            Param::Static(s) => (*s).to_string(),
            Param::StaticList(l) => l.join(", "),
            Param::IntList(l) => l.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", "),
        }
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::Int(i) => s.serialize_i64(*i),
            Param::Str(v) => s.serialize_str(v),
            Param::Static(v) => s.serialize_str(v),
            Param::StaticList(l) => {
                let mut seq = s.serialize_seq(Some(l.len()))?;
                for v in l.iter() {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Param::IntList(l) => {
                let mut seq = s.serialize_seq(Some(l.len()))?;
                for v in l.iter() {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
        }
    }
}

/// Named parameters, in the order the message uses them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Params {
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
    pub fn with(mut self, name: &'static str, value: Param) -> Params {
        self.0.push((name, value));
        self
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// One failed check.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// JSON Pointer (RFC 6901) to the offending value; `""` is the root.
    pub path: String,
    pub code: Code,
    pub params: Params,
}

impl Error {
    pub fn new(path: impl Into<String>, code: Code, params: Params) -> Error {
        Error { path: path.into(), code, params }
    }

    /// The default English message.
    pub fn message(&self) -> String {
        crate::messages::render(self, &crate::messages::Templates::default())
    }
}

/// Serializes as `{ path, code, message, params }` with the default English message.
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("code", self.code.as_str())?;
        map.serialize_entry("message", &self.message())?;
        map.serialize_entry("params", &self.params)?;
        map.end()
    }
}

/// A JSON Pointer under construction: segments are pushed and popped as the engine descends,
/// and only rendered to text when an error needs it (most values have none).
#[derive(Default)]
pub struct Pointer {
    segments: Vec<Segment>,
}

enum Segment {
    Field(&'static str),
    Key(String),
    Index(usize),
}

impl Pointer {
    /// The pointer as RFC 6901 text.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(32);
        for segment in &self.segments {
            out.push('/');
            match segment {
                Segment::Field(name) => escape_into(&mut out, name),
                Segment::Key(key) => escape_into(&mut out, key),
                Segment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }

    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// Appends a declared field's name; returns the mark to `truncate` back to.
    pub fn push_field(&mut self, name: &'static str) -> usize {
        self.segments.push(Segment::Field(name));
        self.segments.len() - 1
    }

    /// Appends a key of the input (a map key, an unknown property).
    pub fn push_key(&mut self, key: &str) -> usize {
        self.segments.push(Segment::Key(key.to_owned()));
        self.segments.len() - 1
    }

    pub fn push_index(&mut self, index: usize) -> usize {
        self.segments.push(Segment::Index(index));
        self.segments.len() - 1
    }

    pub fn truncate(&mut self, mark: usize) {
        self.segments.truncate(mark);
    }
}

/// One reference token, with `~` and `/` escaped per RFC 6901.
fn escape_into(out: &mut String, token: &str) {
    // Field names and most keys have nothing to escape: one copy.
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}
