//! Hand-written matchers, one per pattern of `pattern.rs`, each equal to its regular
//! expression: `pattern::tests` runs both on hundreds of thousands of generated strings.
//! A regex engine inside the .wasm costs tens of kilobytes and 1-4 µs per match; these cost
//! tens of nanoseconds.

fn all(s: &str, f: impl Fn(u8) -> bool) -> bool {
    s.bytes().all(f)
}

/// A byte class: ASCII letters and digits plus `extra`, as a table (a `contains` over the
/// extra characters for every byte made URL matching ten times slower).
const fn class(extra: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        t[extra[i] as usize] = true;
        i += 1;
    }
    t
}

static EMAIL_LOCAL: [bool; 256] = class(b".!#$%&'*+/=?^_`{|}~-");
static URL_USERINFO: [bool; 256] = class(b"._~!$&'()*+,;=:%-");
static SIP_USER: [bool; 256] = class(b"_.!~*'()&=+$,;?/%-");
static SIP_PASSWORD: [bool; 256] = class(b"_.!~*'()&=+$,%-");
static SIP_PARAM: [bool; 256] = class(b"_.!~*'()%[]/:&+$=-");
static SIP_HEADER: [bool; 256] = class(b"_.!~*'()%[]/?:+$=&-");

/// `^[0-9a-fA-F]{24}$`
pub fn object_id(s: &str) -> bool {
    // A table lookup per byte: a tenth of the matching time of bulk imports was spent here.
    static HEX: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).is_ascii_hexdigit();
            b += 1;
        }
        t
    };
    s.len() == 24 && s.bytes().all(|b| HEX[b as usize])
}

/// `^\+[1-9][0-9]{1,14}$`
pub fn e164(s: &str) -> bool {
    let b = s.as_bytes();
    (3..=16).contains(&b.len()) && b[0] == b'+' && (b'1'..=b'9').contains(&b[1]) && b[2..].iter().all(u8::is_ascii_digit)
}

/// `^\+?[a-zA-Z0-9]+$`
pub fn alphanumeric_number(s: &str) -> bool {
    let rest = s.strip_prefix('+').unwrap_or(s);
    !rest.is_empty() && all(rest, |b| b.is_ascii_alphanumeric())
}

/// `^[0-9A-D*#]*$`
pub fn dtmf(s: &str) -> bool {
    all(s, |b| b.is_ascii_digit() || (b'A'..=b'D').contains(&b) || b == b'*' || b == b'#')
}

/// A label `[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?`: 1-63 characters, hyphens inside only.
fn short_label(l: &[u8]) -> bool {
    (1..=63).contains(&l.len())
        && l[0].is_ascii_alphanumeric()
        && l[l.len() - 1].is_ascii_alphanumeric()
        && l.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// WHATWG `^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@label(?:\.label)*$`
pub fn email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty() && all(local, |b| EMAIL_LOCAL[b as usize]) && domain.as_bytes().split(|b| *b == b'.').all(short_label)
}

/// Characters of a host name label: ASCII letters and digits, or (URLs only) U+00A1 and up.
fn label_char(c: char, unicode: bool) -> bool {
    c.is_ascii_alphanumeric() || (unicode && c >= '\u{A1}')
}

/// `L(?:\.L)*\.?` with `L = C(?:[C-]*C)?`: the whole of `host`.
fn host_name(host: &str, unicode: bool) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_ascii() {
        // The same test byte by byte (ASCII label characters are letters and digits either way).
        let label = |l: &[u8]| {
            l.first().is_some_and(u8::is_ascii_alphanumeric)
                && l.last().is_some_and(u8::is_ascii_alphanumeric)
                && l.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        };
        return !host.is_empty() && host.as_bytes().split(|b| *b == b'.').all(label);
    }
    !host.is_empty()
        && host.split('.').all(|l| {
            let (Some(first), Some(last)) = (l.chars().next(), l.chars().last()) else { return false };
            label_char(first, unicode) && label_char(last, unicode) && l.chars().all(|c| label_char(c, unicode) || c == '-')
        })
}

/// Splits `host[:port]rest` where the host is a bracketed literal or a host name; `None`
/// if the host or port is malformed. `rest` is what follows for the caller to check.
fn authority(s: &str, unicode: bool) -> Option<&str> {
    let rest = if let Some(inner) = s.strip_prefix('[') {
        let end = inner.find(']')?;
        let literal = &inner[..end];
        if literal.is_empty() || !all(literal, |b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
            return None;
        }
        &inner[end + 1..]
    } else {
        // Bytes of 0x80 and up belong to characters past U+007F, label characters when `unicode`.
        let end =
            s.bytes().position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || (unicode && b >= 0x80))).unwrap_or(s.len());
        if !host_name(&s[..end], unicode) {
            return None;
        }
        &s[end..]
    };
    match rest.strip_prefix(':') {
        Some(port) => {
            let digits = port.bytes().take_while(u8::is_ascii_digit).count();
            (1..=5).contains(&digits).then(|| &port[digits..])
        }
        None => Some(rest),
    }
}

/// The userinfo run (`class+` then `@`), if the string starts with one.
fn strip_userinfo(s: &str, class: impl Fn(u8) -> bool) -> Option<&str> {
    let run = s.bytes().take_while(|b| class(*b)).count();
    (run > 0 && s.as_bytes().get(run) == Some(&b'@')).then(|| &s[run + 1..])
}

/// The scheme prefix, case-insensitively.
fn strip_scheme<'a>(s: &'a str, scheme: &str) -> Option<&'a str> {
    let head = s.get(..scheme.len())?;
    head.eq_ignore_ascii_case(scheme).then(|| &s[scheme.len()..])
}

/// `HTTP_URL` in `pattern.rs`.
pub fn http_url(s: &str) -> bool {
    let Some(after) = strip_scheme(s, "https://").or_else(|| strip_scheme(s, "http://")) else { return false };
    let userinfo = |b: u8| URL_USERINFO[b as usize];
    let tail_ok = |rest: &str| match rest.chars().next() {
        None => true,
        // Bytes of multi-byte characters are all 0x80 and up: a byte test is exact.
        Some('/' | '?' | '#') => rest[1..].bytes().all(|b| b > 0x20 && b != 0x7F),
        Some(_) => false,
    };
    let with_host = |rest: &str| authority(rest, true).is_some_and(tail_ok);
    // The regex may take a userinfo or not; both readings are tried, as backtracking would.
    strip_userinfo(after, userinfo).is_some_and(with_host) || with_host(after)
}

/// `SIP_URI` in `pattern.rs`.
pub fn sip_uri(s: &str) -> bool {
    let Some(after) = strip_scheme(s, "sips:").or_else(|| strip_scheme(s, "sip:")) else { return false };
    let user = |b: u8| SIP_USER[b as usize];
    let password = |b: u8| SIP_PASSWORD[b as usize];
    let param = |b: u8| SIP_PARAM[b as usize];
    let header = |b: u8| SIP_HEADER[b as usize];
    let tail_ok = |mut rest: &str| {
        while let Some(p) = rest.strip_prefix(';') {
            let n = p.bytes().take_while(|b| param(*b)).count();
            if n == 0 {
                return false;
            }
            rest = &p[n..];
        }
        match rest.strip_prefix('?') {
            Some(h) => all(h, header),
            None => rest.is_empty(),
        }
    };
    let with_host = |rest: &str| authority(rest, false).is_some_and(tail_ok);
    let userinfo = || {
        let run = after.bytes().take_while(|b| user(*b)).count();
        if run == 0 {
            return None;
        }
        let mut rest = &after[run..];
        if let Some(pw) = rest.strip_prefix(':') {
            rest = &pw[pw.bytes().take_while(|b| password(*b)).count()..];
        }
        rest.strip_prefix('@')
    };
    userinfo().is_some_and(with_host) || with_host(after)
}
