//! JS operations that may throw, called so that no exception crosses into WebAssembly: see
//! guarded.js (wasm-bindgen's `catch` leaks a table slot per exception caught).

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;

/// The operation threw (what it threw is not kept).
#[derive(Debug)]
pub struct Threw;

#[wasm_bindgen(module = "/src/wasm/guarded.js")]
extern "C" {
    fn failed() -> bool;
    #[wasm_bindgen(js_name = get)]
    fn get_js(o: &JsValue, k: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = has)]
    fn has_js(o: &JsValue, k: &JsValue) -> u32;
    #[wasm_bindgen(js_name = isArray)]
    fn is_array_js(v: &JsValue) -> u32;
    #[wasm_bindgen(js_name = keys)]
    fn keys_js(o: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = prototypeOf)]
    fn prototype_of_js(o: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = call2)]
    fn call2_js(f: &Function, a: &JsValue, b: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = stringify)]
    fn stringify_js(v: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = uint8)]
    fn uint8_js(v: &JsValue) -> JsValue;
}

/// A value that is `undefined` either way: the flag tells.
fn checked(v: JsValue) -> Result<JsValue, Threw> {
    if v.is_undefined() && failed() {
        Err(Threw)
    } else {
        Ok(v)
    }
}

fn yes_no(n: u32) -> Result<bool, Threw> {
    match n {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Threw),
    }
}

/// `Reflect.get(o, k)`.
pub fn get(o: &JsValue, k: &JsValue) -> Result<JsValue, Threw> {
    checked(get_js(o, k))
}

/// `Reflect.has(o, k)`.
pub fn has(o: &JsValue, k: &JsValue) -> Result<bool, Threw> {
    yes_no(has_js(o, k))
}

/// `Array.isArray(v)` (which throws for a revoked Proxy).
pub fn is_array(v: &JsValue) -> Result<bool, Threw> {
    yes_no(is_array_js(v))
}

/// `Object.keys(o)`.
pub fn keys(o: &JsValue) -> Result<Array, Threw> {
    checked(keys_js(o)).map(JsCast::unchecked_into)
}

/// `Object.getPrototypeOf(o)`.
pub fn prototype_of(o: &JsValue) -> Result<JsValue, Threw> {
    checked(prototype_of_js(o))
}

/// `f(a, b)`.
pub fn call2(f: &Function, a: &JsValue, b: &JsValue) -> Result<JsValue, Threw> {
    checked(call2_js(f, a, b))
}

/// `JSON.stringify(v)`: `None` when it gives `undefined` (a function, say).
pub fn stringify(v: &JsValue) -> Result<Option<String>, Threw> {
    checked(stringify_js(v)).map(|t| t.as_string())
}

/// The bytes of a `Uint8Array` (`None` for anything else), as a plain array over them: its
/// getters are the built-in ones, whatever a subclass defines.
pub fn uint8_array(v: &JsValue) -> Result<Option<js_sys::Uint8Array>, Threw> {
    checked(uint8_js(v)).map(|a| if a.is_null() { None } else { Some(a.unchecked_into()) })
}
