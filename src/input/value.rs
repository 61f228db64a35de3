//! `Input` over a `serde_json::Value`: what native callers hand in and get back.

use super::{Input, Kind, Unpassable};
use std::borrow::Cow;

/// Parsed JSON, for native Rust and bulk input.
impl Input for &serde_json::Value {
    type Out = serde_json::Value;
    type ObjectOut = serde_json::Map<String, serde_json::Value>;
    type ArrayOut = Vec<serde_json::Value>;

    fn kind(&self) -> Kind<'_> {
        use serde_json::Value as V;
        match self {
            V::Null => Kind::Null,
            V::Bool(b) => Kind::Bool(*b),
            // serde_json numbers are finite; u64/i64 beyond 2^53 lose precision as in JS.
            V::Number(n) => Kind::Number(n.as_f64().unwrap_or(f64::NAN)),
            V::String(s) => Kind::Str(Cow::Borrowed(s)),
            V::Array(_) => Kind::Array,
            V::Object(_) => Kind::Object,
        }
    }

    fn entries(&self) -> Option<Vec<(Cow<'_, str>, Self)>> {
        Some(match self {
            serde_json::Value::Object(m) => m.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), v)).collect(),
            _ => Vec::new(),
        })
    }

    fn item_count(&self) -> usize {
        self.as_array().map_or(0, Vec::len)
    }

    fn items(&self) -> Vec<Self> {
        match self {
            serde_json::Value::Array(a) => a.iter().collect(),
            _ => Vec::new(),
        }
    }

    fn get(&self, key: &str) -> Option<Self> {
        self.as_object().and_then(|m| m.get(key))
    }

    fn pass_within(&self, levels: usize) -> Result<serde_json::Value, Unpassable> {
        if nests_deeper_than(self, levels) {
            return Err(Unpassable::TooDeep);
        }
        Ok(self.pass())
    }

    fn pass(&self) -> serde_json::Value {
        (*self).clone()
    }
    fn out_str(s: &str) -> serde_json::Value {
        serde_json::Value::String(s.to_owned())
    }
    fn out_i32(i: i32) -> serde_json::Value {
        serde_json::Value::from(i)
    }
    fn out_bool(b: bool) -> serde_json::Value {
        serde_json::Value::Bool(b)
    }
    fn out_f64(n: f64) -> serde_json::Value {
        serde_json::Number::from_f64(n).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }

    fn object_with_capacity(members: usize) -> Self::ObjectOut {
        // Sized once: an insertion-ordered map grows by reallocating its table and entries.
        serde_json::Map::with_capacity(members)
    }
    fn object_new() -> Self::ObjectOut {
        serde_json::Map::new()
    }
    fn object_set(object: &mut Self::ObjectOut, key: &str, value: serde_json::Value) {
        object.insert(key.to_owned(), value);
    }
    fn object_len(object: &Self::ObjectOut) -> usize {
        object.len()
    }
    fn object_done(object: Self::ObjectOut) -> serde_json::Value {
        serde_json::Value::Object(object)
    }
    fn array_new() -> Self::ArrayOut {
        Vec::new()
    }
    fn array_push(array: &mut Self::ArrayOut, value: serde_json::Value) {
        array.push(value);
    }
    fn array_done(array: Self::ArrayOut) -> serde_json::Value {
        serde_json::Value::Array(array)
    }
}

/// Whether containers nest more than `levels` deep in `value`. Iterative: a `Value` built in
/// code can be deeper than any stack.
fn nests_deeper_than(value: &serde_json::Value, levels: usize) -> bool {
    let mut stack: Vec<(&serde_json::Value, usize)> = vec![(value, 0)];
    while let Some((v, depth)) = stack.pop() {
        let inside = depth + 1;
        match v {
            serde_json::Value::Array(_) | serde_json::Value::Object(_) if inside > levels => return true,
            serde_json::Value::Array(items) => stack.extend(items.iter().map(|c| (c, inside))),
            serde_json::Value::Object(members) => stack.extend(members.values().map(|c| (c, inside))),
            _ => {}
        }
    }
    false
}
