//! A one-pass JSON reader for bulk input: it checks a text against RFC 8259 and records
//! every value as a node (kind and byte span) on a flat tape, with the index just past its
//! subtree, so that objects can be walked and values skipped without scanning text twice.
//! Iterative (an explicit stack), so no input can overflow the call stack, and with no
//! nesting limit of its own: how deep a record may nest is a rule of the engine
//! (`engine::MAX_NESTING`), the same for every input, text or not.

use super::scan;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Object,
    Array,
    /// A string without escapes: its text between the quotes is its value.
    Str,
    /// A string with escapes, decoded on demand.
    StrEscaped,
    Number,
    True,
    False,
    Null,
}

#[derive(Clone, Copy, Debug)]
pub struct Node {
    pub tag: Tag,
    /// Byte span of the value in the text (quotes included for strings).
    pub start: u32,
    pub end: u32,
    /// Index of the node after this value's subtree.
    pub next: u32,
}

#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    /// 1-based line and column (in characters) of the offending byte.
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

#[derive(Default)]
pub struct Tape {
    pub nodes: Vec<Node>,
    stack: Vec<usize>,
    /// The deepest nesting of containers in the text (0 for a scalar): values of a text no
    /// deeper than a limit need no walk to know they are within it.
    pub deepest: usize,
}

impl Tape {
    /// Reads one JSON text (whitespace around it allowed) into the tape, replacing what was there.
    pub fn parse(&mut self, text: &str) -> Result<(), SyntaxError> {
        self.nodes.clear();
        self.stack.clear();
        self.deepest = 0;
        let mut r = Reader { b: text.as_bytes(), i: 0 };
        let result = self.read(&mut r);
        result.map_err(|message| {
            let at = r.i.min(text.len());
            let before = &text.as_bytes()[..at];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
            SyntaxError { message, line, column }
        })
    }

    /// How deep containers nest in the value at node `at` (0 for a scalar, 1 for `{}`).
    pub fn nesting(&self, at: usize) -> usize {
        if self.deepest == 0 {
            return 0;
        }
        // The ends (`next`) of the containers open at each node, innermost last.
        let mut open: Vec<u32> = Vec::new();
        let mut deepest = 0;
        for i in at..self.nodes[at].next as usize {
            while open.last().is_some_and(|&end| i as u32 >= end) {
                open.pop();
            }
            let node = self.nodes[i];
            if matches!(node.tag, Tag::Object | Tag::Array) {
                open.push(node.next);
                deepest = deepest.max(open.len());
            }
        }
        deepest
    }

    fn read(&mut self, r: &mut Reader) -> Result<(), &'static str> {
        r.skip_ws();
        self.value(r)?;
        loop {
            r.skip_ws();
            // Close containers and step over separators until the next value or the end.
            let Some(&top) = self.stack.last() else {
                return if r.i == r.b.len() { Ok(()) } else { Err("trailing characters") };
            };
            let in_object = self.nodes[top].tag == Tag::Object;
            let close = if in_object { b'}' } else { b']' };
            match r.peek() {
                Some(c) if c == close => {
                    r.i += 1;
                    self.stack.pop();
                    let n = self.nodes.len() as u32;
                    let node = &mut self.nodes[top];
                    node.end = r.i as u32;
                    node.next = n;
                }
                Some(b',') => {
                    r.i += 1;
                    r.skip_ws();
                    if in_object {
                        self.key(r)?;
                    }
                    self.value(r)?;
                }
                None => return Err(if in_object { "EOF while parsing an object" } else { "EOF while parsing a list" }),
                Some(_) => return Err(if in_object { "expected `,` or `}`" } else { "expected `,` or `]`" }),
            }
        }
    }

    /// An object member's key and colon.
    fn key(&mut self, r: &mut Reader) -> Result<(), &'static str> {
        match r.peek() {
            Some(b'"') => self.string(r)?,
            None => return Err("EOF while parsing an object"),
            Some(_) => return Err("key must be a string"),
        }
        r.skip_ws();
        match r.peek() {
            Some(b':') => {
                r.i += 1;
                r.skip_ws();
                Ok(())
            }
            None => Err("EOF while parsing an object"),
            Some(_) => Err("expected `:`"),
        }
    }

    /// One value; containers are opened here and closed by `read`.
    fn value(&mut self, r: &mut Reader) -> Result<(), &'static str> {
        // A loop, not a call per level: `[[[…` opens one container after another.
        loop {
            let start = r.i as u32;
            let leaf = |tape: &mut Tape, tag, end: usize| {
                let next = tape.nodes.len() as u32 + 1;
                tape.nodes.push(Node { tag, start, end: end as u32, next });
            };
            return match r.peek() {
                None => Err("EOF while parsing a value"),
                Some(b'"') => self.string(r),
                Some(open @ (b'{' | b'[')) => {
                    r.i += 1;
                    let tag = if open == b'{' { Tag::Object } else { Tag::Array };
                    self.stack.push(self.nodes.len());
                    self.deepest = self.deepest.max(self.stack.len());
                    self.nodes.push(Node { tag, start, end: start, next: 0 });
                    r.skip_ws();
                    let close = if open == b'{' { b'}' } else { b']' };
                    if r.peek() == Some(close) {
                        // Empty: `read` closes it.
                        return Ok(());
                    }
                    if open == b'{' {
                        self.key(r)?;
                    }
                    continue;
                }
                Some(b't') => r.literal(b"true").map(|end| leaf(self, Tag::True, end)),
                Some(b'f') => r.literal(b"false").map(|end| leaf(self, Tag::False, end)),
                Some(b'n') => r.literal(b"null").map(|end| leaf(self, Tag::Null, end)),
                Some(b'-' | b'0'..=b'9') => r.number().map(|end| leaf(self, Tag::Number, end)),
                Some(_) => Err("expected value"),
            };
        }
    }

    fn string(&mut self, r: &mut Reader) -> Result<(), &'static str> {
        let start = r.i as u32;
        let (end, escaped) = scan::string(r.b, r.i).map_err(|(at, message)| {
            r.i = at;
            message
        })?;
        r.i = end;
        let next = self.nodes.len() as u32 + 1;
        self.nodes.push(Node { tag: if escaped { Tag::StrEscaped } else { Tag::Str }, start, end: end as u32, next });
        Ok(())
    }
}

impl Tape {
    /// The value at node `at` of `text` (the text this tape read) as a `serde_json::Value`:
    /// repeated keys as `entries` reads them (the last value, at the first place), lone
    /// surrogates as U+FFFD (a Rust string cannot hold them), integers exactly where they fit
    /// 64 bits. Recursive: for values within `engine::MAX_NESTING` (normalized records).
    pub fn to_value(&self, text: &str, at: usize) -> serde_json::Value {
        use serde_json::Value;
        let node = self.nodes[at];
        let span = &text[node.start as usize..node.end as usize];
        let string = |span: &str, tag| match tag {
            Tag::StrEscaped => unescape(&span[1..span.len() - 1]),
            _ => span[1..span.len() - 1].to_owned(),
        };
        match node.tag {
            Tag::Null => Value::Null,
            Tag::True => Value::Bool(true),
            Tag::False => Value::Bool(false),
            Tag::Str | Tag::StrEscaped => Value::String(string(span, node.tag)),
            Tag::Number => {
                // `-0` is the float -0.0, as serde_json reads it (an integer has no sign of zero).
                let integral = !span.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) && span != "-0";
                let exact = integral.then(|| span.parse::<i64>().map(Value::from).or_else(|_| span.parse::<u64>().map(Value::from)).ok());
                exact
                    .flatten()
                    .unwrap_or_else(|| span.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number))
            }
            Tag::Array => {
                let mut items = Vec::new();
                let mut i = at + 1;
                while i < node.next as usize {
                    items.push(self.to_value(text, i));
                    i = self.nodes[i].next as usize;
                }
                Value::Array(items)
            }
            Tag::Object => {
                let mut members = serde_json::Map::new();
                let mut i = at + 1;
                while i < node.next as usize {
                    let key = self.nodes[i];
                    let value = key.next as usize;
                    // `insert` keeps a repeated key at its first place (with `preserve_order`).
                    members.insert(string(&text[key.start as usize..key.end as usize], key.tag), self.to_value(text, value));
                    i = self.nodes[value].next as usize;
                }
                Value::Object(members)
            }
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(scan::is_ws) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<usize, &'static str> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(self.i)
        } else {
            Err("expected ident")
        }
    }

    /// A number (the grammar's), within the range of an f64.
    fn number(&mut self) -> Result<usize, &'static str> {
        let start = self.i;
        let end = scan::number_syntax(self.b, start).map_err(|at| {
            self.i = at;
            "invalid number"
        })?;
        if !scan::number_in_range(&self.b[start..end]) {
            return Err("number out of range");
        }
        self.i = end;
        Ok(end)
    }
}

/// Decodes the inside of a string literal with escapes. Lone surrogates become U+FFFD (they
/// count as one character either way, as in JavaScript's `JSON.parse`).
pub fn unescape(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let b = inner.as_bytes();
    let mut i = 0;
    let hex = |at: usize| u32::from_str_radix(inner.get(at..at + 4).unwrap_or("0000"), 16).unwrap_or(0xFFFD);
    while i < b.len() {
        if b[i] != b'\\' {
            let run = b[i..].iter().position(|c| *c == b'\\').map_or(b.len(), |p| i + p);
            out.push_str(&inner[i..run]);
            i = run;
            continue;
        }
        let c = b.get(i + 1).copied().unwrap_or(b'\\');
        i += 2;
        match c {
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let first = hex(i);
                i += 4;
                let code =
                    if (0xD800..0xDC00).contains(&first) && inner.get(i..i + 2) == Some("\\u") && (0xDC00..0xE000).contains(&hex(i + 2)) {
                        let second = hex(i + 2);
                        i += 6;
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else {
                        first
                    };
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            other => out.push(other as char),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(), SyntaxError> {
        Tape::default().parse(text)
    }

    #[test]
    fn accepts_what_serde_json_accepts() {
        let cases = [
            "{}",
            "[]",
            " {\"a\" : [1, -2.5e+3, true, false, null, \"x\\u00e9\\n\"]} ",
            "0",
            "-0",
            "1E5",
            "\"\"",
            "[[[]]]",
            "{\"a\":{\"b\":{}}}",
            "[1,2",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "tru",
            "nul",
            "\"\\x\"",
            "\"a\u{1}\"",
            "\"\\u12\"",
            "{1:2}",
            "[1] 2",
            "",
            "  ",
            "\"abc",
            "{\"a\":1}}",
            "[\"\\ud83d\\ude00\"]",
            "1.5e-7",
            "[1e400]",
            "-1e309",
            "1e308",
            "1e-400",
        ];
        for text in cases {
            let ours = check(text).is_ok();
            let theirs = serde_json::from_str::<serde_json::Value>(text).is_ok();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn nodes_and_skips() {
        let mut t = Tape::default();
        t.parse(r#"{"a":[1,{"b":2}],"c":"x"}"#).unwrap();
        let tags: Vec<_> = t.nodes.iter().map(|n| n.tag).collect();
        use Tag::*;
        assert_eq!(tags, vec![Object, Str, Array, Number, Object, Str, Number, Str, Str]);
        assert_eq!(t.nodes[0].next, 9);
        assert_eq!(t.nodes[2].next, 7); // the array's subtree ends before "c"
        assert_eq!((t.nodes[0].start, t.nodes[0].end), (0, 25));
    }

    #[test]
    fn errors_have_positions_and_depth_is_bounded() {
        assert_eq!(check("{\"a\": tru}").unwrap_err(), SyntaxError { message: "expected ident", line: 1, column: 7 });
        assert_eq!(check("[1,\n 2,").unwrap_err().line, 2);
        // Nesting is the engine's rule, not a syntax error: 100,000 levels read without recursion.
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let mut t = Tape::default();
        assert!(t.parse(&deep).is_ok());
        assert_eq!(t.deepest, 100_000);
        assert_eq!((t.nesting(0), t.nesting(1), t.nesting(99_999)), (100_000, 99_999, 1));
        t.parse(r#"[{"a":[[]],"b":{}},3,[]]"#).unwrap();
        assert_eq!((t.nesting(0), t.nesting(1), t.nesting(3), t.nesting(7), t.nesting(8)), (4, 3, 2, 0, 1));
        assert_eq!(check("{\"a\": 1e400}").unwrap_err(), SyntaxError { message: "number out of range", line: 1, column: 7 });
    }

    #[test]
    fn unescapes() {
        assert_eq!(unescape(r#"a\"b\\c\/d\n\u00e9\ud83d\ude00\ud800x"#), "a\"b\\c/d\né😀\u{FFFD}x");
    }
}
