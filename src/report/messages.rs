//! Error messages: templates over an error's params, `{name}` replaced by the param's value.
//! Callers may replace any template (another language, another tone) per code.

use crate::report::error::{Code, Error};
use std::collections::HashMap;

/// The default English template of a code (declared with the code, in `error.rs`).
pub fn english(code: Code) -> &'static str {
    code.english()
}

/// Templates in use: the English defaults, overridden per code.
#[derive(Clone, Debug, Default)]
pub struct Templates {
    overrides: HashMap<Code, String>,
}

impl Templates {
    /// Overrides the template of one code. Unknown code names are ignored (and reported as `false`).
    pub fn set(&mut self, code: &str, template: String) -> bool {
        match Code::parse(code) {
            Some(c) => {
                self.overrides.insert(c, template);
                true
            }
            None => false,
        }
    }

    pub fn get(&self, code: Code) -> &str {
        self.overrides.get(&code).map(String::as_str).unwrap_or_else(|| english(code))
    }

    pub fn is_default(&self) -> bool {
        self.overrides.is_empty()
    }
}

/// Renders an error's message with the given templates.
pub fn render(error: &Error, templates: &Templates) -> String {
    let template = templates.get(error.code);
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
    if !templates.overrides.contains_key(&error.code) {
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
    fn appends_reason_to_english_only() {
        let e = Error::new(
            "/createdByIP",
            Code::MinLength,
            Params::default().with("min", Param::Int(8)).with("actual", Param::Int(7)).with("reason", Param::Static("why")),
        );
        assert_eq!(e.message(), "must be at least 8 characters long (it has 7): why");
    }
}
