//! `Input` over a flat record handed over field by field: each declared field of an object
//! is absent, a string, a number or a boolean. This is how the JS API passes a plain object
//! of scalars into WebAssembly in one call (the string values joined into one string, the
//! rest in a numeric array), without `JSON.stringify` of the whole object (3-5 µs for a
//! Customer) or one boundary crossing per property.
//!
//! The engine validates it as any other input. Its output is not a value but the list of
//! members the normalized object has, in order: each field's input value, or its default.
//! The caller builds the object from that list and the values it already holds.

use crate::input::{Input, Kind};
use crate::schema::decl::{Lit, ObjectDecl, Ty};
use crate::validate::fast::Scalar;
use crate::validate::rules::types;
use std::borrow::Cow;

/// One field's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Flat<'a> {
    Absent,
    Null,
    Str(&'a str),
    Num(f64),
    Bool(bool),
    /// An object given for a field declared as any object: its contents are not read.
    AnyObject,
    /// An array where a scalar is declared (a type error; its items are not read).
    Array,
}

impl<'a> Flat<'a> {
    /// The value as the fast decision reads it for a field of type `ty`.
    #[inline]
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub fn scalar(self, ty: &Ty) -> Scalar<'a> {
        match self {
            Flat::Absent => Scalar::Absent,
            Flat::Null => Scalar::Null,
            Flat::Array => Scalar::Array,
            Flat::Str(s) => Scalar::Str(s, false),
            // An integer where an integer type is declared (`decide` reads it as one).
            Flat::Num(n) if types::is_integer(ty) => types::whole(n).map_or(Scalar::Num(n), Scalar::Int),
            Flat::Num(n) => Scalar::Num(n),
            Flat::Bool(b) => Scalar::Bool(b),
            Flat::AnyObject => Scalar::AnyObject,
        }
    }
}

/// A member of the normalized object: the field of that name, from the input or its default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Member {
    Input(&'static str),
    Default(&'static str),
}

/// A record: the object's declaration and one value per declared field (by index). Fields
/// of any type can be given; one declared as an object and given a scalar is a type error.
#[derive(Clone, Copy)]
pub enum FlatIn<'a> {
    Record(&'static ObjectDecl, &'a [Flat<'a>]),
    Value(Flat<'a>),
}

impl<'a> Input for FlatIn<'a> {
    /// The members of the root object; `None` for the scalars inside it.
    type Out = Option<Vec<Member>>;
    type ObjectOut = Vec<Member>;
    type ArrayOut = ();

    fn kind(&self) -> Kind<'_> {
        match self {
            FlatIn::Record(..) => Kind::Object,
            FlatIn::Value(Flat::Absent) => Kind::Undefined,
            FlatIn::Value(Flat::Null) => Kind::Null,
            FlatIn::Value(Flat::Str(s)) => Kind::Str(Cow::Borrowed(s)),
            FlatIn::Value(Flat::Num(n)) => Kind::Number(*n),
            FlatIn::Value(Flat::Bool(b)) => Kind::Bool(*b),
            FlatIn::Value(Flat::AnyObject) => Kind::Object,
            FlatIn::Value(Flat::Array) => Kind::Array,
        }
    }

    fn entries(&self) -> Option<Vec<(Cow<'_, str>, Self)>> {
        Some(match self {
            FlatIn::Record(decl, values) => {
                // Sized once: collecting through `filter` would grow the vector four times.
                let mut entries = Vec::with_capacity(values.len());
                entries.extend(
                    decl.fields
                        .iter()
                        .zip(values.iter())
                        .filter(|(_, v)| **v != Flat::Absent)
                        .map(|(f, v)| (Cow::Borrowed(f.name), FlatIn::Value(*v))),
                );
                entries
            }
            FlatIn::Value(_) => Vec::new(),
        })
    }

    fn declared(&self, decl: &'static ObjectDecl) -> Option<Vec<Option<Self>>> {
        match self {
            FlatIn::Record(d, values) if std::ptr::eq(*d, decl) => {
                Some(values.iter().map(|v| (*v != Flat::Absent).then_some(FlatIn::Value(*v))).collect())
            }
            _ => None,
        }
    }

    fn item_count(&self) -> usize {
        0
    }
    fn items(&self) -> Vec<Self> {
        Vec::new()
    }

    fn get(&self, key: &str) -> Option<Self> {
        match self {
            FlatIn::Record(decl, values) => decl.field(key).map(|(i, _)| FlatIn::Value(values[i])),
            FlatIn::Value(_) => None,
        }
    }

    fn pass_within(&self, _: usize) -> Result<Self::Out, crate::input::Unpassable> {
        // Flat values are scalars, or objects whose nesting the scanner that read them bounded.
        Ok(self.pass())
    }

    fn pass(&self) -> Self::Out {
        None
    }
    fn out_str(_: &str) -> Self::Out {
        None
    }
    fn out_i32(_: i32) -> Self::Out {
        None
    }
    fn out_bool(_: bool) -> Self::Out {
        None
    }
    fn out_f64(_: f64) -> Self::Out {
        None
    }

    fn object_new() -> Vec<Member> {
        Vec::with_capacity(32)
    }
    /// Only unknown properties are set by key, and a flat record has none.
    fn object_set(_: &mut Vec<Member>, _: &str, _: Self::Out) {}
    fn object_set_field(object: &mut Vec<Member>, name: &'static str, _: Self::Out) {
        object.push(Member::Input(name));
    }
    fn object_set_lit(object: &mut Vec<Member>, name: &'static str, _: Lit) {
        object.push(Member::Default(name));
    }
    fn object_len(object: &Vec<Member>) -> usize {
        object.len()
    }
    fn object_done(object: Vec<Member>) -> Self::Out {
        Some(object)
    }
    fn array_new() {}
    fn array_push(_: &mut (), _: Self::Out) {}
    fn array_done(_: ()) -> Self::Out {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flat path writes a root field's value as the input gave it (`Member::Input`): a
    /// type whose normalized value can differ from the input's (a ServiceStack enum, read in
    /// the api profile and written by its declared name) must not be a root field.
    #[test]
    fn root_fields_are_written_as_given() {
        for model in crate::schema::models::ALL {
            for f in model.root.fields {
                assert!(!matches!(f.ty, Ty::ServiceStackEnum(_)), "{}.{}", model.id, f.name);
            }
        }
    }
    use crate::schema::models::{create_customer_dto, customer};
    use crate::validate::engine;
    use crate::Options;
    use serde_json::{json, Value};

    /// The flat values of a JSON object of scalars, as the JS side hands them over.
    fn flat_values(decl: &'static ObjectDecl, v: &'static Value) -> Vec<Flat<'static>> {
        decl.fields
            .iter()
            .map(|f| match v.get(f.name) {
                None => Flat::Absent,
                Some(Value::String(s)) => Flat::Str(s),
                Some(Value::Number(n)) => Flat::Num(n.as_f64().unwrap()),
                Some(Value::Bool(b)) => Flat::Bool(*b),
                Some(Value::Null) => Flat::Null,
                Some(other) => panic!("not flat: {other}"),
            })
            .collect()
    }

    /// The same errors as the engine over parsed JSON, and the normalized value's members in
    /// the same order, from the same sources.
    #[test]
    fn same_answers_as_parsed_json() {
        let cases: Vec<(&'static crate::Model, Value)> = vec![
            (&customer::MODEL, json!({"name": "Acme"})),
            (&customer::MODEL, json!({"credit": 5, "name": "Zürich 😀", "holdMusic": 1})),
            (
                &customer::MODEL,
                json!({"name": 5, "credit": 1.5, "holdMusic": 2, "websiteUrl": "x", "createdByIP": "1.1.1.1", "status": "nope"}),
            ),
            (&customer::MODEL, json!({"maxOutboundCallRate": 3000000000u64, "defaultBillMethod": true, "logo": null})),
            (&create_customer_dto::MODEL, json!({"number": "+14155550123"})),
            (&create_customer_dto::MODEL, json!({"number": "abc123", "numberE164CheckEnabled": false, "extension": "12#"})),
            (&create_customer_dto::MODEL, json!({"number": "abc123", "email": "a@b", "sipUri": "x", "assistantOverrides": "x"})),
        ];
        for (model, value) in cases {
            let value: &'static Value = Box::leak(Box::new(value));
            let values = flat_values(model.root, value);
            for options in [Options::create(), Options::patch(), Options::api()] {
                let expected = engine::validate(model, &value, &options);
                let got = engine::validate(model, &FlatIn::Record(model.root, &values), &options);
                assert_eq!(got.errors, expected.errors, "{value}");
                let members = got.value.flatten().map(|ms| {
                    ms.iter()
                        .map(|m| match m {
                            Member::Input(name) => (name.to_string(), value[name].clone()),
                            Member::Default(name) => {
                                let f = model.root.field(name).unwrap().1;
                                let lit = match f.default.unwrap() {
                                    Lit::Str(s) => json!(s),
                                    Lit::Int(i) => json!(i),
                                    Lit::Bool(b) => json!(b),
                                };
                                (name.to_string(), lit)
                            }
                        })
                        .collect::<Vec<_>>()
                });
                let expected_members =
                    expected.value.map(|v| v.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>());
                // serde_json maps iterate sorted; compare as sets of members, and order separately below.
                let sorted = |m: Option<Vec<(String, Value)>>| {
                    m.map(|mut m| {
                        m.sort_by(|a, b| a.0.cmp(&b.0));
                        m
                    })
                };
                assert_eq!(sorted(members.clone()), sorted(expected_members), "{value}");
                if let Some(members) = members {
                    let order: Vec<usize> = members.iter().map(|(k, _)| model.root.field(k).unwrap().0).collect();
                    assert!(order.windows(2).all(|w| w[0] < w[1]), "declaration order: {order:?}");
                }
            }
        }
    }
}
