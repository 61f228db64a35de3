//! Error messages: templates over an error's params, `{name}` replaced by the param's value.
//! Callers may replace any template (another language, another tone) per code.

use crate::report::error::{Code, Error};
use std::collections::HashMap;

/// The default English template of a code (declared with the code, in `error.rs`).
pub fn english(code: Code) -> &'static str {
    code.english()
}

/// Templates in use: the English defaults, overridden per code, and per code and the value of
/// one of its params (`type[expected=integer]`, for "must be a whole number"): the more
/// specific template wins.
#[derive(Clone, Debug, Default)]
pub struct Templates {
    overrides: HashMap<Code, String>,
    variants: Vec<Variant>,
}

/// A template for the errors of one code whose param `param` displays as `value`.
#[derive(Clone, Debug)]
struct Variant {
    code: Code,
    param: String,
    value: String,
    template: String,
}

impl Templates {
    /// Sets the template of `key`: a code (`max_length`) or a code with one param's value
    /// (`type[expected=integer]`). A key naming no code, or malformed, is refused (`false`).
    pub fn set(&mut self, key: &str, template: String) -> bool {
        let Some((code, condition)) = key.strip_suffix(']').and_then(|k| k.split_once('[')) else {
            return match Code::parse(key) {
                Some(c) => {
                    self.overrides.insert(c, template);
                    true
                }
                None => false,
            };
        };
        match (Code::parse(code), condition.split_once('=')) {
            (Some(code), Some((param, value))) if !param.is_empty() => {
                self.variants.retain(|v| !(v.code == code && v.param == param && v.value == value));
                self.variants.push(Variant { code, param: param.to_owned(), value: value.to_owned(), template });
                true
            }
            _ => false,
        }
    }

    /// The template of `error`, and whether it is the caller's (not the English default).
    fn template(&self, error: &Error) -> (&str, bool) {
        let variant =
            self.variants.iter().find(|v| v.code == error.code && error.params.get(&v.param).is_some_and(|p| p.display() == v.value));
        match (variant, self.overrides.get(&error.code)) {
            (Some(v), _) => (&v.template, true),
            (None, Some(t)) => (t, true),
            (None, None) => (english(error.code), false),
        }
    }

    pub fn is_default(&self) -> bool {
        self.overrides.is_empty() && self.variants.is_empty()
    }
}

/// Renders an error's message with the given templates.
pub fn render(error: &Error, templates: &Templates) -> String {
    let (template, chosen) = templates.template(error);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match error.params.get(name) {
                    Some(p) => out.push_str(&p.display()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    // A `reason` param explains a surprising rule; the English default appends it.
    if !chosen {
        if let Some(reason) = error.params.get("reason") {
            out.push_str(": ");
            out.push_str(&reason.display());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::error::{Param, Params};

    #[test]
    fn renders_params_and_keeps_unknown_placeholders() {
        let e = Error::new("/name", Code::MaxLength, Params::default().with("max", Param::Int(45)).with("actual", Param::Int(46)));
        assert_eq!(render(&e, &Templates::default()), "must be at most 45 characters long (it has 46)");
        let mut t = Templates::default();
        assert!(t.set("max_length", "höchstens {max} Zeichen {nope}".into()));
        assert!(!t.set("no_such_code", "x".into()));
        assert_eq!(render(&e, &t), "höchstens 45 Zeichen {nope}");
    }

    #[test]
    fn a_template_by_param_value_wins_over_one_by_code() {
        let integer = Error::new(
            "/credit",
            Code::Type,
            Params::default().with("expected", Param::Static("integer")).with("actual", Param::Static("string")),
        );
        let number = Error::new(
            "/cost",
            Code::Type,
            Params::default().with("expected", Param::Static("number")).with("actual", Param::Static("string")),
        );
        let mut t = Templates::default();
        assert!(t.set("type[expected=integer]", "must be a whole number".into()));
        assert_eq!(
            (render(&integer, &t), render(&number, &t)),
            ("must be a whole number".into(), "must be of type number, not string".into())
        );
        assert!(t.set("type", "has the wrong type ({actual})".into()));
        assert_eq!((render(&integer, &t), render(&number, &t)), ("must be a whole number".into(), "has the wrong type (string)".into()));
        // The last template set for the same key is the one used.
        assert!(t.set("type[expected=integer]", "ganze Zahl".into()));
        assert_eq!(render(&integer, &t), "ganze Zahl");
        for bad in ["type[expected]", "type[=integer]", "nope[expected=integer]", "type[expected=integer", "[a=b]"] {
            assert!(!t.set(bad, "x".into()), "{bad}");
        }
    }

    #[test]
    fn appends_reason_to_english_only() {
        let e = Error::new(
            "/createdByIP",
            Code::MinLength,
            Params::default().with("min", Param::Int(8)).with("actual", Param::Int(7)).with("reason", Param::Static("why")),
        );
        assert_eq!(e.message(), "must be at least 8 characters long (it has 7): why");
    }
}
