//! Rules that are regular expressions. Each is compiled once, on first use (compiling them
//! all up front would cost start-up time in the browser for patterns a page may never use).
//!
//! The same source text goes into the JSON Schema export as `pattern`, so it must mean the
//! same in regex-lite and in ECMAScript with the `u` flag (what ajv uses): plain ASCII
//! classes, no `\s`/`\w`/`.`, no lookaround, no class set operators (`&&`, `--`, `~~`).

use crate::error::Code;
use regex_lite::Regex;
use std::sync::OnceLock;

pub struct Pattern {
    pub code: Code,
    pub source: &'static str,
    compiled: OnceLock<Option<Regex>>,
}

impl Pattern {
    pub const fn new(code: Code, source: &'static str) -> Pattern {
        Pattern { code, source, compiled: OnceLock::new() }
    }

    /// `false` for a pattern that fails to compile; `tests::every_pattern_compiles` rules that out.
    pub fn is_match(&self, s: &str) -> bool {
        self.compiled.get_or_init(|| Regex::new(self.source).ok()).as_ref().is_some_and(|r| r.is_match(s))
    }
}

/// MongoDB ObjectId: "unique 12 bytes ID", written as 24 hex digits.
pub static OBJECT_ID: Pattern = Pattern::new(Code::ObjectId, "^[0-9a-fA-F]{24}$");

/// E.164: a `+`, a country code that does not start with 0, at most 15 digits in all.
pub static E164: Pattern = Pattern::new(Code::E164, r"^\+[1-9][0-9]{1,14}$");

/// Vapi's rule for `number` when its E.164 check is off.
pub static ALPHANUMERIC_NUMBER: Pattern = Pattern::new(Code::Alphanumeric, r"^\+?[a-zA-Z0-9]+$");

/// WHATWG HTML "valid e-mail address" (the `<input type=email>` rule), verbatim.
pub static EMAIL: Pattern = Pattern::new(
    Code::Email,
    "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
);

/// Absolute http(s) URL: scheme, optional userinfo, a host name (letters may be non-ASCII),
/// an IPv4 address or a bracketed IPv6 literal, optional port, then any path, query and
/// fragment without spaces or control characters.
pub static HTTP_URL: Pattern = Pattern::new(
    Code::Url,
    r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9._~!$&'()*+,;=:%-]+@)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\u{A1}-\u{10FFFF}](?:[A-Za-z0-9\u{A1}-\u{10FFFF}-]*[A-Za-z0-9\u{A1}-\u{10FFFF}])?(?:\.[A-Za-z0-9\u{A1}-\u{10FFFF}](?:[A-Za-z0-9\u{A1}-\u{10FFFF}-]*[A-Za-z0-9\u{A1}-\u{10FFFF}])?)*\.?)(?::[0-9]{1,5})?(?:[/?#][^\u{0}-\u{20}\u{7F}]*)?$",
);

/// SIP or SIPS URI (RFC 3261 section 19.1): `sip:[user[:password]@]host[:port][;params][?headers]`.
pub static SIP_URI: Pattern = Pattern::new(
    Code::SipUri,
    r"^[Ss][Ii][Pp][Ss]?:(?:[A-Za-z0-9_.!~*'()&=+$,;?/%-]+(?::[A-Za-z0-9_.!~*'()&=+$,%-]*)?@)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?)(?::[0-9]{1,5})?(?:;[A-Za-z0-9_.!~*'()%\[\]/:&+$=-]+)*(?:\?[A-Za-z0-9_.!~*'()%\[\]/?:+$=&-]*)?$",
);

/// DTMF digits: 0-9, A-D, `*` and `#`.
pub static DTMF: Pattern = Pattern::new(Code::Dtmf, "^[0-9A-D*#]*$");

pub static ALL: &[&Pattern] = &[&OBJECT_ID, &E164, &ALPHANUMERIC_NUMBER, &EMAIL, &HTTP_URL, &SIP_URI, &DTMF];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        for p in ALL {
            assert!(Regex::new(p.source).is_ok(), "{}", p.source);
        }
    }

    #[test]
    fn url_pattern() {
        for ok in ["https://example.com", "http://a.b/c?d#e", "https://[::1]:8080/x", "https://münchen.de/ü", "HTTPS://EXAMPLE.COM."] {
            assert!(HTTP_URL.is_match(ok), "{ok}");
        }
        for bad in ["example.com", "ftp://a.b", "https://", "https://a b", "https://-a.com", "https://a.com/ x", "//a.com", "https://a..b"]
        {
            assert!(!HTTP_URL.is_match(bad), "{bad}");
        }
    }

    #[test]
    fn sip_pattern() {
        for ok in
            ["sip:alice@example.com", "sips:bob:pw@10.0.0.1:5061;transport=tls?subject=x", "sip:example.com", "SIP:+1415@[2001:db8::1]"]
        {
            assert!(SIP_URI.is_match(ok), "{ok}");
        }
        for bad in ["alice@example.com", "sip:", "sip:@example.com", "tel:+1415", "sip:a b@c.d", "sipx:a@b"] {
            assert!(!SIP_URI.is_match(bad), "{bad}");
        }
    }
}
