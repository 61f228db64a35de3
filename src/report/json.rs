//! A validation result as JSON text, `{"valid":…,"value":…,"errors":[…]}`: one string that
//! JavaScript turns into objects with a single `JSON.parse`, instead of one call across the
//! WebAssembly boundary per property.

use crate::json::write::push_json_str;
use crate::report::error::Error;
use crate::report::messages::{render, Templates};

/// What stands before and after a valid record's normalized JSON text in its result: a caller
/// that writes the record's text itself writes these around it.
pub const VALID_BEFORE: &str = "{\"valid\":true,\"value\":";
pub const VALID_AFTER: &str = ",\"errors\":[]}";

/// `value` is the normalized record's JSON text, present when there are no errors.
pub fn result_json(value: Option<&str>, errors: &[Error], templates: &Templates) -> String {
    if let (Some(v), true) = (value, errors.is_empty()) {
        return [VALID_BEFORE, v, VALID_AFTER].concat();
    }
    let mut out = String::with_capacity(64);
    out.push_str(if errors.is_empty() { "{\"valid\":true," } else { "{\"valid\":false," });
    out.push_str("\"errors\":");
    errors_json(&mut out, errors, templates);
    out.push('}');
    out
}

/// `[{"path":…,"code":…,"message":…,"params":{…}}, …]`
pub fn errors_json(out: &mut String, errors: &[Error], templates: &Templates) {
    out.push('[');
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"path\":");
        push_json_str(out, &e.path);
        out.push_str(",\"code\":\"");
        out.push_str(e.code.as_str());
        out.push_str("\",\"message\":");
        push_json_str(out, &render(e, templates));
        out.push_str(",\"params\":");
        // Params hold numbers, strings and lists of them: serializable without failure.
        out.push_str(&serde_json::to_string(&e.params).unwrap_or_else(|_| "{}".into()));
        out.push('}');
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::error::{Code, Param, Params};

    #[test]
    fn shapes() {
        let t = Templates::default();
        assert_eq!(result_json(Some("{\"a\":1}"), &[], &t), r#"{"valid":true,"value":{"a":1},"errors":[]}"#);
        let e = Error::new("/a\"b", Code::MaxLength, Params::default().with("max", Param::Int(2)).with("actual", Param::Int(3)));
        let text = result_json(Some("{}"), std::slice::from_ref(&e), &t);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["valid"], false);
        assert!(parsed.get("value").is_none());
        assert_eq!(parsed["errors"][0], serde_json::to_value(&e).unwrap());
    }
}
