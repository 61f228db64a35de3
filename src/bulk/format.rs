//! Telling NDJSON from a JSON array by the start of a text, for a reader that is not told.

use super::{bom_undecided, BOM};
use crate::json::scan::is_ws;

/// How a bulk text frames its records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Ndjson,
    JsonArray,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Ndjson => "ndjson",
            Format::JsonArray => "json",
        }
    }
}

/// The format of a text that starts with `head` (`complete`: `head` is the whole text), or
/// `None` while `head` does not tell yet. It never takes NDJSON for an array: a text is an
/// array only if it starts with `[` and either that first line is not a complete value (a
/// pretty-printed array), or it is and nothing but whitespace follows it (an array on one
/// line). `[]` followed by more lines is NDJSON whose first record is `[]`.
pub fn detect_format(head: &[u8], complete: bool) -> Option<Format> {
    let undecided = if complete { Some(Format::JsonArray) } else { None };
    if bom_undecided(head, complete) {
        return None;
    }
    let text = head.strip_prefix(BOM).unwrap_or(head);
    let Some(start) = text.iter().position(|b| !is_ws(*b)) else {
        return if complete { Some(Format::Ndjson) } else { None };
    };
    if text[start] != b'[' {
        return Some(Format::Ndjson);
    }
    // The first line: does a complete value end on it? (JSON strings hold no raw line feed.)
    let (mut depth, mut in_string, mut escaped) = (0u64, false, false);
    let mut end = None;
    for (i, b) in text.iter().enumerate().skip(start) {
        if *b == b'\n' {
            // The first line ends inside its value: an array written over several lines.
            return Some(Format::JsonArray);
        }
        if in_string {
            match (escaped, *b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    end = Some(i + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(end) = end else { return undecided };
    match text[end..].iter().position(|b| !is_ws(*b)) {
        // More after the first value: NDJSON (an array's text ends at its `]`).
        Some(_) => Some(Format::Ndjson),
        None => undecided,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let d = |t: &str, complete| detect_format(t.as_bytes(), complete);
        assert_eq!(d("{\"a\":1}\n[]", false), Some(Format::Ndjson));
        assert_eq!(d("[]\n{\"name\":\"a\"}\n", false), Some(Format::Ndjson));
        assert_eq!(d("[]\n", false), None);
        assert_eq!(d("[]\n", true), Some(Format::JsonArray));
        assert_eq!(d("[\n  {\"a\": 1},", false), Some(Format::JsonArray));
        assert_eq!(d("  \n\n[{\"a\":\"]\\\"\"},", false), None);
        assert_eq!(d("[{\"a\":\"]\\\"\"},{}]", true), Some(Format::JsonArray));
        assert_eq!(d("\u{feff}[{\"a\":1},\n", false), Some(Format::JsonArray));
        assert_eq!(d("\u{feff}{}", false), Some(Format::Ndjson));
        assert_eq!(detect_format(b"\xEF\xBB", false), None);
        assert_eq!(d(" \n ", false), None);
        assert_eq!(d(" \n ", true), Some(Format::Ndjson));
        assert_eq!(d("[1] [2]", false), Some(Format::Ndjson));
    }
}
