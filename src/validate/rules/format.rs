//! Formats: checks that are code rather than a regular expression. Each is one `static`
//! here: its error code, its check, and how the JSON Schema export states it. A new format
//! is a `static` here, its code (with its English message) in `error.rs`, and its use in a
//! model.

use super::{date_time, ip, Subject};
use crate::report::error::{Code, Params};
use serde_json::{json, Value};

pub struct Format {
    pub code: Code,
    check: fn(&str) -> bool,
    /// The JSON Schema keywords: what a JSON Schema validator checks of it.
    schema: fn() -> Value,
}

impl Format {
    pub fn is_valid(&self, subject: Subject) -> bool {
        match subject {
            Subject::Str(s) => (self.check)(s),
            Subject::Int(_) | Subject::Num(_) => true,
        }
    }

    pub fn error(&self) -> (Code, Params) {
        (self.code, Params::default())
    }

    pub fn schema(&self) -> Value {
        (self.schema)()
    }
}

/// RFC 3339 shape; the calendar (days per month, leap seconds) is left to `format`.
const DATE_TIME_SHAPE: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})$";
const TIME_SHAPE: &str = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$";

/// RFC 3339 `date-time` with a mandatory offset.
pub static DATE_TIME: Format = Format {
    code: Code::DateTime,
    check: date_time::is_date_time,
    schema: || json!({ "format": "date-time", "pattern": DATE_TIME_SHAPE }),
};

/// ISO 8601 calendar date `YYYY-MM-DD`.
pub static DATE: Format = Format { code: Code::Date, check: date_time::is_date, schema: || json!({ "format": "date" }) };

/// ISO 8601 local time `HH:MM` or `HH:MM:SS`.
pub static TIME: Format = Format { code: Code::Time, check: date_time::is_time, schema: || json!({ "pattern": TIME_SHAPE }) };

/// An IPv4 (dotted quad, no leading zeros) or IPv6 (RFC 4291) address.
pub static IP: Format =
    Format { code: Code::Ip, check: ip::is_ip, schema: || json!({ "anyOf": [{ "format": "ipv4" }, { "format": "ipv6" }] }) };
