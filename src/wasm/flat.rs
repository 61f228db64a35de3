//! The per-record path for the common case: a plain object whose properties are all declared
//! fields holding scalars. A JS helper reads its properties once, joins the strings into one
//! string and puts the rest in a `Float64Array`; one copy brings both into WebAssembly, the
//! engine validates them (`flat_input`), and a second helper builds the normalized object
//! from the member list the engine returns. `JSON.stringify` of the record and `JSON.parse`
//! of the result cost 3-5 µs each for a full Customer here; this path costs a fraction.

use crate::engine;
use crate::flat_input::{Flat, FlatIn, Member};
use crate::messages::Templates;
use crate::models;
use crate::options::{Mode, Options, Unknown};
use crate::report::result_json;
use crate::Model;
use crate::Profile;
use js_sys::{Array, Float64Array, Function};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Three numbers per field: tag, then two values (string: UTF-16 offset and length in the
/// joined string; number: the number).
const SLOT: usize = 3;
const MAX_FIELDS: usize = 64;

const ABSENT: f64 = 0.0;
const STRING: f64 = 1.0;
const NUMBER: f64 = 2.0;
const TRUE: f64 = 3.0;
const FALSE: f64 = 4.0;
const NULL: f64 = 5.0;
/// A non-array object, given only for fields declared as any object (kept as it is).
const OBJECT: f64 = 6.0;

/// What JS keeps per model: the slots array and the two functions `flat_plan.js` compiles.
struct Plan {
    slots: Float64Array,
    flatten: Function,
    build: Function,
}

thread_local! {
    static PLANS: RefCell<Vec<Option<Plan>>> = RefCell::new((0..models::ALL.len()).map(|_| None).collect());

    static MAKE_PLAN: Function = Function::new_with_args("names, defaults, anyObject, optionNames", include_str!("flat_plan.js"));
}

fn make_plan(model: &'static Model) -> Option<Plan> {
    let names: Array = model.root.fields.iter().map(|f| JsValue::from_str(f.name)).collect();
    let defaults: Array = model
        .root
        .fields
        .iter()
        .map(|f| match f.default {
            None => JsValue::UNDEFINED,
            Some(crate::decl::Lit::Str(s)) => JsValue::from_str(s),
            Some(crate::decl::Lit::Int(i)) => JsValue::from(i),
            Some(crate::decl::Lit::Bool(b)) => JsValue::from_bool(b),
        })
        .collect();
    let any_object: Array = model.root.fields.iter().map(|f| JsValue::from_bool(matches!(f.ty, crate::decl::Ty::AnyObject))).collect();
    let option_names: Array = [Mode::NAMES, Profile::NAMES, Unknown::NAMES]
        .iter()
        .map(|names| names.iter().map(|n| JsValue::from_str(n)).collect::<Array>())
        .collect();
    let args = Array::of4(&names, &defaults, &any_object, &option_names);
    let js = MAKE_PLAN.with(|f| f.apply(&JsValue::NULL, &args)).ok()?;
    let get = |name: &str| js_sys::Reflect::get(&js, &JsValue::from_str(name)).ok();
    Some(Plan { slots: get("slots")?.dyn_into().ok()?, flatten: get("flatten")?.dyn_into().ok()?, build: get("build")?.dyn_into().ok()? })
}

/// Validates `input` by the flat path; `None` when it does not apply (the caller then reads
/// the options itself and takes the general path). Coercion is never taken here: it rebuilds
/// values (`"12"` → 12), which a member list cannot express.
pub fn validate(model: &'static Model, input: &JsValue, options: Option<&JsValue>) -> Option<JsValue> {
    let fields = model.root.fields;
    if fields.len() > MAX_FIELDS {
        return None;
    }
    let at = models::ALL.iter().position(|m| std::ptr::eq(*m, model))?;
    PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        if plans[at].is_none() {
            plans[at] = make_plan(model);
        }
        let plan = plans[at].as_ref()?;
        let none = JsValue::UNDEFINED;
        let text = plan.flatten.call2(&JsValue::NULL, input, options.unwrap_or(&none)).ok()?.as_string()?;
        let mut slots = [0.0; SLOT * MAX_FIELDS + 3];
        let slots = &mut slots[..SLOT * fields.len() + 3];
        plan.slots.copy_to(slots);
        let (slots, chosen) = slots.split_at(SLOT * fields.len());
        // Anything but a plain `{mode, profile, unknown}` was left to `read_options`.
        let pick = |at: usize, names: &'static [&'static str]| names.get((chosen[at] as usize).checked_sub(1)?).copied();
        let opts = Options {
            mode: pick(0, Mode::NAMES).and_then(Mode::parse),
            profile: pick(1, Profile::NAMES).and_then(Profile::parse).unwrap_or(Options::default().profile),
            unknown: pick(2, Unknown::NAMES).and_then(Unknown::parse).unwrap_or_default(),
            ..Options::default()
        };
        let values = read_values(slots, &text, fields)?;
        let outcome = engine::validate(model, &FlatIn::Record(model.root, &values[..fields.len()]), &opts);
        match outcome.value.flatten() {
            Some(members) if outcome.errors.is_empty() => {
                // Members come in declaration order: find each field from the previous one on.
                let mut codes = String::with_capacity(members.len());
                let mut at = 0;
                for m in &members {
                    let (name, base) = match m {
                        Member::Input(name) => (*name, 32),
                        Member::Default(name) => (*name, 96),
                    };
                    at += fields[at..].iter().position(|f| std::ptr::eq(f.name, name))?;
                    codes.push(char::from(base + at as u8));
                }
                plan.build.call2(&JsValue::NULL, input, &JsValue::from_str(&codes)).ok()
            }
            _ => errors_result(&outcome.errors, &opts.messages),
        }
    })
}

fn errors_result(errors: &[crate::Error], templates: &Templates) -> Option<JsValue> {
    js_sys::JSON::parse(&result_json(None, errors, templates)).ok()
}

/// The fields' values from the slots and the joined string. The strings were appended in
/// declaration order: walking them by UTF-16 offset maps each to its UTF-8 bytes. (Lone
/// surrogates arrive as U+FFFD, one UTF-16 unit either way.)
fn read_values<'t>(slots: &[f64], text: &'t str, fields: &[crate::decl::Field]) -> Option<[Flat<'t>; MAX_FIELDS]> {
    let mut values = [Flat::Absent; MAX_FIELDS];
    let mut strings: [(u32, u32, u8); MAX_FIELDS] = [(0, 0, 0); MAX_FIELDS];
    let mut count = 0;
    for (i, slot) in slots.chunks_exact(SLOT).enumerate() {
        values[i] = match slot[0] {
            ABSENT => Flat::Absent,
            STRING => {
                strings[count] = (slot[1] as u32, slot[2] as u32, i as u8);
                count += 1;
                Flat::Absent
            }
            NUMBER => Flat::Num(slot[1]),
            TRUE => Flat::Bool(true),
            FALSE => Flat::Bool(false),
            NULL => Flat::Null,
            OBJECT if matches!(fields[i].ty, crate::decl::Ty::AnyObject) => Flat::AnyObject,
            _ => return None,
        };
    }
    let strings = &strings[..count];
    let mut chars = text.char_indices();
    let mut units = 0u32;
    for &(start, len, field) in strings.iter() {
        if start != units {
            return None;
        }
        let from = chars.clone().next().map_or(text.len(), |(b, _)| b);
        while units < start + len {
            let (_, c) = chars.next()?;
            units += c.len_utf16() as u32;
        }
        let to = chars.clone().next().map_or(text.len(), |(b, _)| b);
        values[field as usize] = Flat::Str(&text[from..to]);
    }
    Some(values)
}
