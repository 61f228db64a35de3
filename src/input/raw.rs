//! `Input` over JSON text, for bulk validation: the text is read once onto a `Tape`, values
//! are taken from it (strings borrowed unless escaped), and the normalized record is written
//! as JSON text, copying the original text of every value that passes unchanged. No
//! `serde_json::Value` tree is built: on NDJSON imports that tree, its hashing and its
//! re-serialization were 70 % of the time.

use crate::input::{Input, Kind, Unpassable};
use crate::json::tape::{unescape, Node, SyntaxError, Tag, Tape};
use crate::json::write::{push_int, push_json_str, push_lit};
use crate::schema::decl::Lit;
use std::borrow::Cow;

/// A value of a JSON text read onto a `Tape`.
#[derive(Clone, Copy)]
pub struct Raw<'t, 'a> {
    tape: &'t Tape,
    text: &'a str,
    at: usize,
}

impl<'t, 'a> Raw<'t, 'a> {
    /// A key given more than once counts once: with its last value, at its first place (as
    /// `JSON.parse` and serde_json read it), so that every path sees the same object.
    fn members(&self) -> Vec<(Cow<'_, str>, Raw<'t, 'a>)> {
        let mut out: Vec<(Cow<'_, str>, Raw<'t, 'a>)> = Vec::with_capacity(16);
        // Past a few members, an index of the keys seen instead of a search of them.
        let mut index: Option<std::collections::HashMap<Cow<'_, str>, usize>> = None;
        let mut children = self.children();
        while let (Some(key), Some(value)) = (children.next(), children.next()) {
            let key = key.string();
            let seen = match &mut index {
                Some(index) => index.get(&key).copied(),
                None => out.iter().position(|(k, _)| *k == key),
            };
            match seen {
                Some(at) => out[at].1 = value,
                None => {
                    if let Some(index) = &mut index {
                        index.insert(key.clone(), out.len());
                    } else if out.len() == 32 {
                        index = Some(out.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).chain([(key.clone(), 32)]).collect());
                    }
                    out.push((key, value));
                }
            }
        }
        out
    }

    /// Reads one JSON text (whitespace around it allowed) onto `tape`.
    pub fn parse(tape: &'t mut Tape, text: &'a str) -> Result<Raw<'t, 'a>, SyntaxError> {
        tape.parse(text)?;
        Ok(Raw { tape, text, at: 0 })
    }

    fn node(&self) -> Node {
        self.tape.nodes[self.at]
    }

    fn span(&self) -> &'a str {
        let n = self.node();
        &self.text[n.start as usize..n.end as usize]
    }

    /// The values inside a container (for objects: key, value, key, value ...).
    fn children(&self) -> impl Iterator<Item = Raw<'t, 'a>> + '_ {
        let end = self.node().next as usize;
        let mut at = self.at + 1;
        std::iter::from_fn(move || {
            (at < end).then(|| {
                let child = Raw { tape: self.tape, text: self.text, at };
                at = self.tape.nodes[at].next as usize;
                child
            })
        })
    }

    fn string(&self) -> Cow<'a, str> {
        let span = self.span();
        let inner = &span[1..span.len() - 1];
        match self.node().tag {
            Tag::StrEscaped => Cow::Owned(unescape(inner)),
            _ => Cow::Borrowed(inner),
        }
    }
}

/// An object or array being written: its text so far and its member count.
pub struct Writer {
    text: String,
    count: usize,
}

impl Writer {
    /// Starts a member named by a declared field (plain ASCII: `models::tests` checks it).
    fn field(&mut self, name: &str) {
        if self.count > 0 {
            self.text.push(',');
        }
        self.text.push('"');
        self.text.push_str(name);
        self.text.push_str("\":");
        self.count += 1;
    }
}

impl<'t, 'a> Input for Raw<'t, 'a> {
    type Out = Cow<'a, str>;
    type ObjectOut = Writer;
    type ArrayOut = Writer;

    fn kind(&self) -> Kind<'_> {
        match self.node().tag {
            Tag::Str | Tag::StrEscaped => Kind::Str(self.string()),
            Tag::Object => Kind::Object,
            Tag::Array => Kind::Array,
            Tag::True => Kind::Bool(true),
            Tag::False => Kind::Bool(false),
            Tag::Null => Kind::Null,
            // A JSON number is a valid Rust float literal; one too large for f64 is infinite.
            Tag::Number => Kind::Number(self.span().parse::<f64>().unwrap_or(f64::NAN)),
        }
    }

    fn entries(&self) -> Option<Vec<(Cow<'_, str>, Raw<'t, 'a>)>> {
        Some(self.members())
    }

    fn item_count(&self) -> usize {
        self.children().count()
    }

    fn items(&self) -> Vec<Raw<'t, 'a>> {
        self.children().collect()
    }

    fn get(&self, key: &str) -> Option<Raw<'t, 'a>> {
        if self.node().tag != Tag::Object {
            return None;
        }
        self.members().into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn pass_within(&self, levels: usize) -> Result<Cow<'a, str>, Unpassable> {
        if self.tape.deepest > levels && self.tape.nesting(self.at) > levels {
            return Err(Unpassable::TooDeep);
        }
        Ok(self.pass())
    }

    fn pass(&self) -> Cow<'a, str> {
        Cow::Borrowed(self.span())
    }
    fn out_str(s: &str) -> Cow<'a, str> {
        let mut out = String::with_capacity(s.len() + 2);
        push_json_str(&mut out, s);
        Cow::Owned(out)
    }
    fn out_i32(i: i32) -> Cow<'a, str> {
        let mut out = String::with_capacity(11);
        push_int(&mut out, i);
        Cow::Owned(out)
    }
    fn out_bool(b: bool) -> Cow<'a, str> {
        Cow::Borrowed(if b { "true" } else { "false" })
    }
    /// serde_json's shortest round-trip form, as the native `Value` output prints it.
    fn out_f64(n: f64) -> Cow<'a, str> {
        Cow::Owned(serde_json::Number::from_f64(n).map_or_else(|| "null".to_owned(), |n| n.to_string()))
    }

    fn object_new() -> Writer {
        let mut text = String::with_capacity(512);
        text.push('{');
        Writer { text, count: 0 }
    }
    fn object_set(object: &mut Writer, key: &str, value: Cow<'a, str>) {
        if object.count > 0 {
            object.text.push(',');
        }
        push_json_str(&mut object.text, key);
        object.text.push(':');
        object.text.push_str(&value);
        object.count += 1;
    }
    fn object_set_field(object: &mut Writer, name: &'static str, value: Cow<'a, str>) {
        object.field(name);
        object.text.push_str(&value);
    }
    fn object_set_lit(object: &mut Writer, name: &'static str, lit: Lit) {
        object.field(name);
        push_lit(&mut object.text, lit);
    }
    fn object_len(object: &Writer) -> usize {
        object.count
    }
    fn object_done(mut object: Writer) -> Cow<'a, str> {
        object.text.push('}');
        Cow::Owned(object.text)
    }
    fn array_new() -> Writer {
        Writer { text: String::from("["), count: 0 }
    }
    fn array_push(array: &mut Writer, value: Cow<'a, str>) {
        if array.count > 0 {
            array.text.push(',');
        }
        array.text.push_str(&value);
        array.count += 1;
    }
    fn array_done(mut array: Writer) -> Cow<'a, str> {
        array.text.push(']');
        Cow::Owned(array.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::models::{customer, patch_customer};
    use crate::validate::engine;
    use crate::Options;

    /// The text path and the `serde_json::Value` path give the same errors and values.
    #[test]
    fn same_answers_as_parsed_json() {
        let cases = [
            r#"{"name":"Acme","credit":3.0,"extra":{"a" : [1, 2]},"status":"fraud"}"#,
            r#" {"name":"Esc\"aped \u00e9 \ud83d\ude00","logo":"a\\b","a/b~c":null} "#,
            r#"{"name":5,"credit":1.5,"holdMusic":2,"websiteUrl":"x","createdByIP":"1.1.1.1"}"#,
            r#"[1,2]"#,
            r#""text""#,
            r#"{"name":"dup","name":"last"}"#,
        ];
        for text in cases {
            for options in [Options::create(), Options::patch(), Options { unknown: crate::Unknown::Reject, ..Options::create() }] {
                let value: serde_json::Value = serde_json::from_str(text).unwrap();
                let a = engine::validate(&customer::MODEL, &&value, &options);
                let mut tape = Tape::default();
                let b = engine::validate(&customer::MODEL, &Raw::parse(&mut tape, text).unwrap(), &options);
                assert_eq!(a.errors, b.errors, "{text}");
                let b_value = b.value.map(|v| serde_json::from_str::<serde_json::Value>(&v).unwrap());
                assert_eq!(a.value, b_value, "{text}");
            }
        }
        for i in [0, 7, -1, 10, i32::MIN, i32::MAX] {
            let mut s = String::new();
            push_int(&mut s, i);
            assert_eq!(s, i.to_string());
        }
        let nested = r#"{"schedule":{"rules":[{"byMonth":[13,"x"],"byDay":[{"dayOfWeek":"Funday"}]}]},"data":{"k":{"structValue":{"x":{"numberValue":"1"}}}}}"#;
        let value: serde_json::Value = serde_json::from_str(nested).unwrap();
        let a = engine::validate(&patch_customer::MODEL, &&value, &Options::default());
        let mut tape = Tape::default();
        let b = engine::validate(&patch_customer::MODEL, &Raw::parse(&mut tape, nested).unwrap(), &Options::default());
        assert_eq!(a.errors, b.errors);
        assert!(!a.errors.is_empty());
    }
}
