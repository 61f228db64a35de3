//! Where values come from and how normalized values are built, abstracted so that one engine
//! reads parsed JSON natively and JS objects in place in WebAssembly (converting a whole JS
//! object first costs tens of microseconds; the checks themselves about one).

pub mod flat;
pub mod raw;
mod value;

use crate::schema::decl::Lit;
use std::borrow::Cow;

/// What a value is, as far as the rules care.
pub enum Kind<'a> {
    /// An absent value (a JS `undefined` property counts as absent, as in `JSON.stringify`).
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    Str(Cow<'a, str>),
    Array,
    Object,
    /// Anything JSON cannot carry (functions, symbols, bigints): named for the error.
    Other(&'static str),
}

impl Kind<'_> {
    /// The JSON Schema type name, for `type` errors.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Undefined => "undefined",
            Kind::Null => "null",
            Kind::Bool(_) => "boolean",
            Kind::Number(n) if !n.is_finite() => "a non-finite number",
            Kind::Number(n) if n.fract() == 0.0 => "integer",
            Kind::Number(_) => "number",
            Kind::Str(_) => "string",
            Kind::Array => "array",
            Kind::Object => "object",
            Kind::Other(name) => name,
        }
    }
}

/// Why a value cannot be passed through unchanged (`Input::pass_within`).
pub enum Unpassable {
    /// Containers nest in it past the levels left (`max_depth`).
    TooDeep,
    /// It cannot be read (a JS getter or Proxy trap threw).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Unreadable,
    /// It holds more than this many values in all (a JS value is copied, never shared, and a
    /// copy is bounded: an array of length 2^32 - 1 is not copied item by item).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    TooLarge(usize),
}

/// A source of values, and the matching builder of normalized output.
pub trait Input: Sized {
    type Out;
    type ObjectOut;
    type ArrayOut;

    fn kind(&self) -> Kind<'_>;
    /// Own enumerable properties, in order; `None` when they cannot be listed (a JS Proxy
    /// whose `ownKeys` trap throws). Only called when `kind` is `Object`.
    fn entries(&self) -> Option<Vec<(Cow<'_, str>, Self)>>;
    /// The values of `decl`'s fields by declaration index (`None` where absent), for an
    /// input that holds those and nothing else: the engine then skips `entries` and the
    /// lookup of each key. `None` (the default) when the input cannot tell.
    fn declared(&self, _decl: &'static crate::schema::decl::ObjectDecl) -> Option<Vec<Option<Self>>> {
        None
    }
    /// The number of items. Only called when `kind` is `Array`.
    fn item_count(&self) -> usize;
    /// Items. Only called when `kind` is `Array`.
    fn items(&self) -> Vec<Self>;
    /// The property `key` of an object; `None` if absent or not an object.
    fn get(&self, key: &str) -> Option<Self>;
    /// This value, unchanged, as output (`pass`) for a value the engine does not walk itself
    /// (an any-object field, an unknown property), unless containers nest more than `levels`
    /// deep in it (a scalar nests 0 levels, `{}` one; see `engine::MAX_NESTING`) or it cannot
    /// be read. Never a reference to the input's own plain objects.
    fn pass_within(&self, levels: usize) -> Result<Self::Out, Unpassable>;

    /// This value, unchanged, as output.
    fn pass(&self) -> Self::Out;
    fn out_str(s: &str) -> Self::Out;
    fn out_i32(i: i32) -> Self::Out;
    fn out_bool(b: bool) -> Self::Out;
    /// A finite number (a coerced form string).
    fn out_f64(n: f64) -> Self::Out;

    fn object_new() -> Self::ObjectOut;
    /// An object to hold about `members` members (a declared object's fields).
    fn object_with_capacity(members: usize) -> Self::ObjectOut {
        let _ = members;
        Self::object_new()
    }
    fn object_set(object: &mut Self::ObjectOut, key: &str, value: Self::Out);
    /// Sets a member named by a declared field (its name needs no escaping).
    fn object_set_field(object: &mut Self::ObjectOut, name: &'static str, value: Self::Out) {
        Self::object_set(object, name, value);
    }
    /// Sets a declared literal (a default); an implementation may write it without allocating.
    fn object_set_lit(object: &mut Self::ObjectOut, key: &'static str, lit: Lit) {
        let value = match lit {
            Lit::Str(s) => Self::out_str(s),
            Lit::Int(i) => Self::out_i32(i),
            Lit::Bool(b) => Self::out_bool(b),
        };
        Self::object_set_field(object, key, value);
    }
    fn object_len(object: &Self::ObjectOut) -> usize;
    fn object_done(object: Self::ObjectOut) -> Self::Out;
    fn array_new() -> Self::ArrayOut;
    fn array_push(array: &mut Self::ArrayOut, value: Self::Out);
    fn array_done(array: Self::ArrayOut) -> Self::Out;
}
