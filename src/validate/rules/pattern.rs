//! Rules that are regular expressions. The expression is the rule's definition: it goes
//! into the JSON Schema export as `pattern` (where ajv runs it), and the tests below hold
//! the hand-written matcher that runs here (`matchers.rs`) to exactly the same answers as
//! the expression compiled by regex-lite, on every example and on hundreds of thousands of
//! generated strings. So the .wasm carries no regex engine (measured: regex-lite took
//! 1.4 µs for an ObjectId and 3.5 µs for a URL; the matchers take tens of nanoseconds).
//!
//! The source must mean the same in regex-lite and in ECMAScript with the `u` flag (what
//! ajv uses): plain classes, no `\s`/`\w`/`.`, no lookaround, no class set operators.

use crate::report::error::Code;
use crate::validate::rules::matchers;

pub struct Pattern {
    pub code: Code,
    pub source: &'static str,
    matcher: fn(&str) -> bool,
}

impl Pattern {
    pub const fn new(code: Code, source: &'static str, matcher: fn(&str) -> bool) -> Pattern {
        Pattern { code, source, matcher }
    }

    pub fn is_match(&self, s: &str) -> bool {
        (self.matcher)(s)
    }

    pub fn is_valid(&self, subject: super::Subject) -> bool {
        match subject {
            super::Subject::Str(s) => self.is_match(s),
            super::Subject::Int(_) | super::Subject::Num(_) => true,
        }
    }

    pub fn error(&self) -> (Code, crate::report::error::Params) {
        (self.code, crate::report::error::Params::default())
    }

    pub fn schema(&self) -> serde_json::Value {
        serde_json::json!({ "pattern": self.source })
    }
}

/// MongoDB ObjectId: "unique 12 bytes ID", written as 24 hex digits.
pub static OBJECT_ID: Pattern = Pattern::new(Code::ObjectId, "^[0-9a-fA-F]{24}$", matchers::object_id);

/// E.164: a `+`, a country code that does not start with 0, at most 15 digits in all.
pub static E164: Pattern = Pattern::new(Code::E164, r"^\+[1-9][0-9]{1,14}$", matchers::e164);

/// Vapi's rule for `number` when its E.164 check is off.
pub static ALPHANUMERIC_NUMBER: Pattern = Pattern::new(Code::Alphanumeric, r"^\+?[a-zA-Z0-9]+$", matchers::alphanumeric_number);

/// WHATWG HTML "valid e-mail address" (the `<input type=email>` rule), verbatim.
pub static EMAIL: Pattern = Pattern::new(
    Code::Email,
    "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
    matchers::email,
);

/// Absolute http(s) URL: scheme, optional userinfo, a host name (letters may be non-ASCII),
/// an IPv4 address or a bracketed IPv6 literal, optional port, then any path, query and
/// fragment without spaces or control characters.
pub static HTTP_URL: Pattern = Pattern::new(
    Code::Url,
    r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9._~!$&'()*+,;=:%-]+@)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\u{A1}-\u{10FFFF}](?:[A-Za-z0-9\u{A1}-\u{10FFFF}-]*[A-Za-z0-9\u{A1}-\u{10FFFF}])?(?:\.[A-Za-z0-9\u{A1}-\u{10FFFF}](?:[A-Za-z0-9\u{A1}-\u{10FFFF}-]*[A-Za-z0-9\u{A1}-\u{10FFFF}])?)*\.?)(?::[0-9]{1,5})?(?:[/?#][^\u{0}-\u{20}\u{7F}]*)?$",
    matchers::http_url,
);

/// SIP or SIPS URI (RFC 3261 section 19.1): `sip:[user[:password]@]host[:port][;params][?headers]`.
pub static SIP_URI: Pattern = Pattern::new(
    Code::SipUri,
    r"^[Ss][Ii][Pp][Ss]?:(?:[A-Za-z0-9_.!~*'()&=+$,;?/%-]+(?::[A-Za-z0-9_.!~*'()&=+$,%-]*)?@)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?)(?::[0-9]{1,5})?(?:;[A-Za-z0-9_.!~*'()%\[\]/:&+$=-]+)*(?:\?[A-Za-z0-9_.!~*'()%\[\]/?:+$=&-]*)?$",
    matchers::sip_uri,
);

/// DTMF digits: 0-9, A-D, `*` and `#`.
pub static DTMF: Pattern = Pattern::new(Code::Dtmf, "^[0-9A-D*#]*$", matchers::dtmf);

/// Every pattern, for the tests that hold each matcher to its expression.
#[cfg(test)]
pub static ALL: &[&Pattern] = &[&OBJECT_ID, &E164, &ALPHANUMERIC_NUMBER, &EMAIL, &HTTP_URL, &SIP_URI, &DTMF];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_gen::Gen;
    use regex_lite::Regex;

    /// Pieces the generated strings are made of: every special character of the patterns,
    /// scheme and separator fragments, non-ASCII letters and control characters.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "0",
        "9",
        "1",
        "f",
        "G",
        "+",
        "-",
        ".",
        "@",
        ":",
        "/",
        "?",
        "#",
        ";",
        "=",
        "&",
        "%",
        "[",
        "]",
        "*",
        "~",
        "!",
        "$",
        "'",
        "(",
        ")",
        ",",
        "_",
        "`",
        "{",
        "|",
        "}",
        "^",
        " ",
        "\t",
        "\u{7f}",
        "\u{a0}",
        "\u{a1}",
        "ü",
        "😀",
        "http://",
        "https://",
        "HTTPS://",
        "sip:",
        "sips:",
        "SIP:",
        "://",
        "example",
        "com",
        "[::1]",
        "127.0.0.1",
        ":8080",
        ":123456",
        "A",
        "B",
        "C",
        "D",
        "E",
        "x--y",
        "..",
    ];

    #[test]
    fn every_pattern_compiles() {
        for p in ALL {
            assert!(Regex::new(p.source).is_ok(), "{}", p.source);
        }
    }

    #[test]
    fn matchers_equal_their_regular_expressions() {
        let mut gen = Gen(0x9e3779b97f4a7c15);
        for p in ALL {
            let re = Regex::new(p.source).unwrap();
            let (mut matched, mut total) = (0, 0);
            for round in 0..150_000 {
                let mut s = String::new();
                // Half the strings start with a valid-looking prefix, so that matches occur.
                if round % 2 == 0 {
                    s.push_str(gen.pick(&["https://", "http://", "sip:", "sips:", "+1", "+", "a@b.", "0123456789abcdef01234567"]));
                }
                // A quarter of them from a small alphabet: digit runs, DTMF and phone numbers.
                let digits: &[&str] = &["0", "1", "5", "9", "0", "1", "5", "9", "+", "a", "B", "#", "*", "D"];
                let alphabet: &[&str] = if round % 4 == 1 { digits } else { PIECES };
                for _ in 0..gen.below(if round % 4 == 1 { 18 } else { 12 }) {
                    s.push_str(gen.pick(alphabet));
                }
                let want = re.is_match(&s);
                assert_eq!(p.is_match(&s), want, "{} on {s:?}", p.source);
                matched += want as usize;
                total += 1;
            }
            assert!(matched > 100, "{}: only {matched} of {total} generated strings match", p.source);
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
