//! The error report: a flat list of `{ path, code, params }`, with messages rendered on demand.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// Declares the error codes once: variant, stable name, English message template.
macro_rules! codes {
    ($($variant:ident = $name:literal, $english:literal;)*) => {
        /// Stable machine names of errors. Once released, a code never changes meaning or spelling.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $($variant),*
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name),*
                }
            }

            /// The default English template (`{param}` stands for a param's value).
            pub const fn english(self) -> &'static str {
                match self {
                    $(Code::$variant => $english),*
                }
            }
        }
    };
}

codes! {
    Required = "required", "is required";
    Type = "type", "must be of type {expected}, not {actual}";
    Enum = "enum", "must be one of: {allowed}";
    MinLength = "min_length", "must be at least {min} characters long (it has {actual})";
    MaxLength = "max_length", "must be at most {max} characters long (it has {actual})";
    Int32 = "int32", "must be a whole number between {min} and {max}";
    Range = "range", "must be between {min} and {max}";
    SignedRange = "signed_range", "must be between -{max} and -1 or between 1 and {max}";
    NonNegative = "non_negative", "must be zero or more";
    ObjectId = "object_id", "must be an ObjectId: exactly 24 hexadecimal digits";
    DateTime = "date_time", "must be an RFC 3339 date-time with an offset, such as 2024-05-01T12:00:00Z";
    Date = "date", "must be a date such as 2024-05-01";
    Time = "time", "must be a time such as 08:30 or 08:30:00";
    Ip = "ip", "must be an IPv4 or IPv6 address";
    Url = "url", "must be an absolute http(s) URL such as https://example.com";
    Email = "email", "must be an e-mail address such as name@example.com";
    SipUri = "sip_uri", "must be a sip: or sips: URI such as sip:alice@example.com";
    Dtmf = "dtmf", "may contain only the DTMF characters 0-9, A-D, * and #";
    E164 = "e164", "must be an E.164 number such as +14155551234";
    Alphanumeric = "alphanumeric", "may contain only letters and digits, with an optional leading +";
    UnknownProperty = "unknown_property", "is not a property of {model}";
    MinProperties = "min_properties", "must contain at least {min} field";
    MaxDepth = "max_depth", "nests deeper than {max} levels";
    MaxItems = "max_items", "has more than {max} items";
    Json = "json", "is not valid JSON: {detail}";
    InvalidOption = "invalid_option", "option {option} must be one of: {allowed}";
    UnsupportedMode = "unsupported_mode", "{model} does not support {mode} mode";
    UnknownModel = "unknown_model", "unknown model {model}; models: {allowed}";
    UnknownField = "unknown_field", "{model} has no field {field}";
    TooManyErrors = "too_many_errors", "and {omitted} more errors (maxErrors is {max})";
    CsvHeader = "csv_header", "column {column} ({header}) {detail}";
    CsvCells = "csv_cells", "has {actual} cells where the header has {expected}";
    Encoding = "encoding", "is not UTF-8 text (column {column}): save the file as UTF-8";
    TooLarge = "too_large", "{what} is larger than {max} bytes (maxBytes)";
    StreamEnded = "stream_ended", "the stream has ended: nothing can be pushed after end()";
    Internal = "internal", "the validation module failed ({detail}) and was restarted; this is a bug, please report it";
}

impl Code {
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
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
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
        crate::report::messages::render(self, &crate::report::messages::Templates::default())
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
