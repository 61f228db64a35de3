//! `Input` over JS values, read in place: properties are fetched one by one with `Reflect`
//! (which catches throwing getters and proxies), never converted whole.

use crate::input::{Input, Kind, Unpassable};
use js_sys::{Array, Object, Reflect};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

use super::guarded::{self, is_array, prototype_of};

/// A JS value, or the failure of reading it (a getter that threw).
pub enum JsIn {
    Value(JsValue),
    Unreadable,
}

impl JsIn {
    fn read(target: &JsValue, key: &JsValue) -> JsIn {
        match guarded::get(target, key) {
            Ok(v) => JsIn::Value(v),
            Err(_) => JsIn::Unreadable,
        }
    }

    fn js(&self) -> Option<&JsValue> {
        match self {
            JsIn::Value(v) => Some(v),
            JsIn::Unreadable => None,
        }
    }
}

pub fn key(s: &str) -> JsValue {
    JsValue::from_str(wasm_bindgen::intern(s))
}

/// Sets a property as data, even `__proto__` (which a plain assignment would treat as the
/// prototype). `name` is a key of the input: not interned, so the cache stays bounded.
pub fn set(object: &Object, name: &str, value: &JsValue) {
    if name == "__proto__" {
        let descriptor = Object::new();
        let _ = Reflect::set(&descriptor, &key("value"), value);
        for flag in ["writable", "enumerable", "configurable"] {
            let _ = Reflect::set(&descriptor, &key(flag), &JsValue::TRUE);
        }
        Object::define_property(object, &JsValue::from_str(name), &descriptor);
    } else {
        let _ = Reflect::set(object, &JsValue::from_str(name), value);
    }
}

/// How many containers and array slots a pass-through copy takes: past it the value is a
/// `max_items` error (a sparse array of length 2^32-1 must not be walked slot by slot, and
/// kept as it is it would be shared with the input).
const COPY_BUDGET: usize = 1_000_000;

/// A copy of a value passed through: objects and arrays are copied as `JSON.stringify` reads
/// them (own enumerable properties, each read once, whatever the prototype; a member holding
/// `undefined` is left out), so that the normalized value never shares them with the input;
/// anything else (a primitive, a function, a Date, a boxed primitive, an object with a
/// `toJSON` method) is the value itself, as is what lies past the budget.
fn copy(v: &JsValue, levels: usize, budget: &mut usize) -> Result<JsValue, Unpassable> {
    if !v.is_object() || v.is_function() {
        return Ok(v.clone());
    }
    // Past the budget the value is refused, never kept as it is: the result shares no object
    // with the input.
    if *budget == 0 {
        return Err(Unpassable::TooLarge(COPY_BUDGET));
    }
    if levels == 0 {
        return Err(Unpassable::TooDeep);
    }
    *budget -= 1;
    if is_array(v).map_err(|_| Unpassable::Unreadable)? {
        let n = guarded::get(v, &key("length")).map_err(|_| Unpassable::Unreadable)?.as_f64().unwrap_or(0.0) as usize;
        if n > *budget {
            return Err(Unpassable::TooLarge(COPY_BUDGET));
        }
        *budget -= n;
        // Holes stay holes (the value is kept as it is: JSON has none, so this is no JSON data).
        let out = Array::new_with_length(n as u32);
        for i in 0..n as u32 {
            let at = JsValue::from(i);
            if guarded::has(v, &at).map_err(|_| Unpassable::Unreadable)? {
                let item = guarded::get(v, &at).map_err(|_| Unpassable::Unreadable)?;
                out.set(i, copy(&item, levels - 1, budget)?);
            }
        }
        return Ok(out.into());
    }
    let out = Object::new();
    match prototype_of(v) {
        Ok(proto) if proto.is_null() || proto == *Object::get_prototype_of(&out) => {}
        Ok(proto) if is_value_like(&proto) || guarded::get(v, &key("toJSON")).map_or(true, |f| f.is_function()) => return Ok(v.clone()),
        Ok(_) => {}
        Err(_) => return Err(Unpassable::Unreadable),
    }
    let keys = guarded::keys(v).map_err(|_| Unpassable::Unreadable)?;
    for k in keys.iter() {
        let Some(name) = k.as_string() else { continue };
        let item = guarded::get(v, &k).map_err(|_| Unpassable::Unreadable)?;
        if !item.is_undefined() {
            set(&out, &name, &copy(&item, levels - 1, budget)?);
        }
    }
    Ok(out.into())
}

/// Whether `proto` is the prototype of a Date or a boxed primitive (JSON writes those as a
/// string, a number or a boolean, not as their properties).
fn is_value_like(proto: &JsValue) -> bool {
    let of = |v: JsValue| Object::get_prototype_of(&v);
    [of(js_sys::Date::new_0().into()), of(js_sys::JsString::from("").into()), of(JsValue::from(0)), of(JsValue::TRUE)]
        .iter()
        .any(|p| AsRef::<JsValue>::as_ref(p) == proto)
}

impl Input for JsIn {
    type Out = JsValue;
    type ObjectOut = (Object, usize);
    type ArrayOut = Array;

    fn kind(&self) -> Kind<'_> {
        let Some(v) = self.js() else {
            return Kind::Other(crate::validate::engine::UNREADABLE);
        };
        if let Some(s) = v.as_string() {
            Kind::Str(Cow::Owned(s))
        } else if let Some(n) = v.as_f64() {
            Kind::Number(n)
        } else if let Some(b) = v.as_bool() {
            Kind::Bool(b)
        } else if v.is_undefined() {
            Kind::Undefined
        } else if v.is_null() {
            Kind::Null
        } else if v.is_object() {
            // `Array.isArray` throws for a revoked Proxy: there is nothing to read in it.
            match is_array(v) {
                Ok(true) => Kind::Array,
                Ok(false) => Kind::Object,
                Err(_) => Kind::Other(crate::validate::engine::UNREADABLE),
            }
        } else if v.is_function() {
            Kind::Other("function")
        } else if v.is_symbol() {
            Kind::Other("symbol")
        } else if v.is_bigint() {
            Kind::Other("bigint")
        } else {
            Kind::Other("unknown")
        }
    }

    fn entries(&self) -> Option<Vec<(Cow<'_, str>, JsIn)>> {
        let v = self.js()?;
        let keys = guarded::keys(v).ok()?;
        let mut out = Vec::with_capacity(keys.length() as usize);
        for k in keys.iter() {
            if let Some(name) = k.as_string() {
                out.push((Cow::Owned(name), JsIn::read(v, &k)));
            }
        }
        Some(out)
    }

    fn item_count(&self) -> usize {
        let Some(v) = self.js() else { return 0 };
        guarded::get(v, &key("length")).ok().and_then(|l| l.as_f64()).map_or(0, |n| n as usize)
    }

    fn items(&self) -> Vec<JsIn> {
        let Some(v) = self.js() else { return Vec::new() };
        (0..self.item_count() as u32).map(|i| JsIn::read(v, &JsValue::from(i))).collect()
    }

    fn get(&self, name: &str) -> Option<JsIn> {
        let v = self.js()?;
        if !v.is_object() {
            return None;
        }
        let found = JsIn::read(v, &key(name));
        match &found {
            JsIn::Value(x) if x.is_undefined() => None,
            _ => Some(found),
        }
    }

    fn pass_within(&self, levels: usize) -> Result<JsValue, Unpassable> {
        let mut budget = COPY_BUDGET;
        copy(self.js().ok_or(Unpassable::Unreadable)?, levels, &mut budget)
    }

    fn pass(&self) -> JsValue {
        self.js().cloned().unwrap_or(JsValue::UNDEFINED)
    }
    fn out_str(s: &str) -> JsValue {
        JsValue::from_str(s)
    }
    fn out_i32(i: i32) -> JsValue {
        JsValue::from(i)
    }
    fn out_bool(b: bool) -> JsValue {
        JsValue::from_bool(b)
    }
    fn out_f64(n: f64) -> JsValue {
        JsValue::from_f64(n)
    }

    fn object_new() -> (Object, usize) {
        (Object::new(), 0)
    }
    fn object_set(object: &mut (Object, usize), name: &str, value: JsValue) {
        set(&object.0, name, &value);
        object.1 += 1;
    }
    fn object_set_field(object: &mut (Object, usize), name: &'static str, value: JsValue) {
        // A declared name: its JS string is interned (creating one per set cost 0.5 µs).
        let _ = Reflect::set(&object.0, &key(name), &value);
        object.1 += 1;
    }
    fn object_len(object: &(Object, usize)) -> usize {
        object.1
    }
    fn object_done(object: (Object, usize)) -> JsValue {
        object.0.into()
    }
    fn array_new() -> Array {
        Array::new()
    }
    fn array_push(array: &mut Array, value: JsValue) {
        array.push(&value);
    }
    fn array_done(array: Array) -> JsValue {
        array.into()
    }
}
