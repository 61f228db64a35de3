//! The per-record path for the common case: a plain object whose properties are all declared
//! fields holding scalars. Compiled JS (`flat_plan.js`) reads its properties once by name,
//! writes the numbers and the tags into a slots array and the joined strings, UTF-8 encoded,
//! into a text buffer, both inside WebAssembly memory; the engine validates that
//! (`input::flat`), and a second compiled function builds the normalized object from the
//! member list the engine returns. `JSON.stringify` of the record and `JSON.parse` of the
//! result cost 3-5 µs each for a full Customer here; this path costs a fraction.

use crate::input::flat::{Flat, FlatIn, Member};
use crate::schema::models;
use crate::validate::engine;
use crate::validate::options::{Mode, Options, Unknown};
use crate::{Model, Profile};
use js_sys::{Array, Function};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

/// Three numbers per field: tag, then two values (string: UTF-16 offset and length in the
/// joined string; number: the number); then the three options.
const SLOT: usize = 3;
/// Models with more root fields take the general path (the largest has 27).
const MAX_FIELDS: usize = 32;
const SLOTS: usize = SLOT * MAX_FIELDS + 3;
/// Records whose strings need more UTF-8 bytes than this take the general path.
const TEXT_BYTES: usize = 64 * 1024;

/// What `flatten` returns when it gave up after reading the input's properties (flat_plan.js).
const AFTER_READING: f64 = -2.0;
/// What `flatten` returns when the input itself threw (flat_plan.js).
const UNREADABLE: f64 = -3.0;

const ABSENT: f64 = 0.0;
const STRING: f64 = 1.0;
const NUMBER: f64 = 2.0;
const TRUE: f64 = 3.0;
const FALSE: f64 = 4.0;
const NULL: f64 = 5.0;
/// A non-array object, given only for fields declared as any object (kept as it is).
const OBJECT: f64 = 6.0;

#[wasm_bindgen]
extern "C" {
    /// The compiled functions, called without wasm-bindgen's exception wrapper: they catch
    /// everything themselves (a throwing getter gives -1 or `undefined`).
    #[wasm_bindgen(js_name = Function)]
    type Compiled;
    #[wasm_bindgen(method, js_name = call)]
    fn flatten(this: &Compiled, this_arg: &JsValue, input: &JsValue, options: &JsValue) -> f64;
    #[wasm_bindgen(method, js_name = call)]
    fn build(this: &Compiled, this_arg: &JsValue, members: usize) -> JsValue;
    #[wasm_bindgen(method, js_name = call)]
    fn snapshot(this: &Compiled, this_arg: &JsValue) -> JsValue;
}

/// What JS keeps per model: the two functions `flat_plan.js` compiles.
struct Plan {
    flatten: Compiled,
    build: Compiled,
    snapshot: Compiled,
}

impl Plan {
    /// The result object, normalized by the member list from the values `flatten` read;
    /// `None` if building it threw.
    fn result(&self, members: &Members) -> Option<JsValue> {
        Some(self.build.build(&JsValue::NULL, members.count.get())).filter(|r| !r.is_undefined())
    }
}

/// Where the JS side writes a record, and reads the members back (it holds views on these,
/// renewed when memory grows).
struct Scratch {
    slots: Box<[f64]>,
    text: Box<[u8]>,
    members: Box<[Cell<u8>]>,
}

thread_local! {
    /// Per model: not made yet, or made (`None` if it could not be: no code generation).
    static PLANS: RefCell<Vec<Option<Option<Plan>>>> = RefCell::new((0..models::ALL.len()).map(|_| None).collect());
    static SCRATCH: Scratch = Scratch {
        slots: vec![0.0; SLOTS].into_boxed_slice(),
        text: vec![0; TEXT_BYTES].into_boxed_slice(),
        members: (0..MAX_FIELDS).map(|_| Cell::new(0)).collect(),
    };
    static MAKE_PLAN: Option<Function> = super::compile_function(
        "names, defaults, anyObject, optionNames, copyJson, memory, slotsAt, textAt, textBytes, membersAt",
        include_str!("flat_plan.js"),
    );
}

#[inline(never)]
fn make_plan(model: &'static Model) -> Option<Plan> {
    let names: Array = model.root.fields.iter().map(|f| JsValue::from_str(f.name)).collect();
    let defaults: Array = model
        .root
        .fields
        .iter()
        .map(|f| match f.default {
            None => JsValue::UNDEFINED,
            Some(crate::schema::decl::Lit::Str(s)) => JsValue::from_str(s),
            Some(crate::schema::decl::Lit::Int(i)) => JsValue::from(i),
            Some(crate::schema::decl::Lit::Bool(b)) => JsValue::from_bool(b),
        })
        .collect();
    let any_object: Array =
        model.root.fields.iter().map(|f| JsValue::from_bool(matches!(f.ty, crate::schema::decl::Ty::AnyObject))).collect();
    let option_names: Array = [Mode::NAMES, Profile::NAMES, Unknown::NAMES]
        .iter()
        .map(|names| names.iter().map(|n| JsValue::from_str(n)).collect::<Array>())
        .collect();
    // The buffers' addresses never change (boxed once per thread); JS writes there.
    let at = |p: *const u8| JsValue::from(p as usize as f64);
    let (slots_at, text_at, members_at) =
        SCRATCH.with(|s| (at(s.slots.as_ptr().cast()), at(s.text.as_ptr()), at(s.members.as_ptr().cast())));
    let args: Array = [
        names.into(),
        defaults.into(),
        any_object.into(),
        option_names.into(),
        super::copy_json()?.into(),
        wasm_bindgen::memory(),
        slots_at,
        text_at,
        JsValue::from(TEXT_BYTES as f64),
        members_at,
    ]
    .into_iter()
    .collect();
    let js = MAKE_PLAN.with(|f| f.as_ref().map(|f| f.apply(&JsValue::NULL, &args)))?.ok()?;
    let get = |name: &str| js_sys::Reflect::get(&js, &JsValue::from_str(name)).ok().filter(|f| f.is_function()).map(JsCast::unchecked_into);
    Some(Plan { flatten: get("flatten")?, build: get("build")?, snapshot: get("snapshot")? })
}

/// What the flat path made of a call.
pub enum Answer {
    /// The result.
    Done(JsValue),
    /// Not a flat record, found before any property was read: the general path reads the input.
    NotFlat,
    /// Not a flat record, found after its properties were read: the general path validates
    /// this snapshot of them (a plain object of the values read), so none is read twice.
    Snapshot(JsValue),
    /// The input itself threw when read (a revoked Proxy, a trap that throws).
    Unreadable,
}

/// Validates `input` by the flat path (see `Answer`; the general path then reads the options
/// itself). Coercion is never taken here: it rebuilds values (`"12"` → 12), which a member
/// list cannot express.
pub fn validate(model: &'static Model, input: &JsValue, options: Option<&JsValue>) -> Answer {
    let fields = model.root.fields;
    if fields.len() > MAX_FIELDS {
        return Answer::NotFlat;
    }
    let Some(at) = models::ALL.iter().position(|m| std::ptr::eq(*m, model)) else { return Answer::NotFlat };
    PLANS.with(|plans| {
        // Busy only when a getter of the input calls back in: that call takes the general path.
        let Ok(mut plans) = plans.try_borrow_mut() else { return Answer::NotFlat };
        let Some(plan) = plans[at].get_or_insert_with(|| make_plan(model)).as_ref() else { return Answer::NotFlat };
        let none = JsValue::UNDEFINED;
        let written = plan.flatten.flatten(&JsValue::NULL, input, options.unwrap_or(&none));
        if written == UNREADABLE {
            return Answer::Unreadable;
        }
        if written == AFTER_READING {
            return Answer::Snapshot(plan.snapshot.snapshot(&JsValue::NULL));
        }
        if !(0.0..=TEXT_BYTES as f64).contains(&written) {
            return Answer::NotFlat;
        }
        let result = SCRATCH.with(|scratch| {
            let slots = &scratch.slots[..SLOT * fields.len() + 3];
            let text = std::str::from_utf8(&scratch.text[..written as usize]).ok()?;
            let (slots, chosen) = slots.split_at(SLOT * fields.len());
            // Anything but a plain `{mode, profile, unknown}` was left to `read_options`.
            let pick = |at: usize, names: &'static [&'static str]| names.get((chosen[at] as usize).checked_sub(1)?).copied();
            let opts = Options {
                mode: pick(0, Mode::NAMES).and_then(Mode::parse),
                profile: pick(1, Profile::NAMES).and_then(Profile::parse).unwrap_or(Options::default().profile),
                unknown: pick(2, Unknown::NAMES).and_then(Unknown::parse).unwrap_or_default(),
                ..Options::default()
            };
            validate_values(model, plan, slots, text, &opts, &scratch.members)
        });
        // Every property was read: what could not be finished here goes on from the snapshot.
        result.map_or_else(|| Answer::Snapshot(plan.snapshot.snapshot(&JsValue::NULL)), Answer::Done)
    })
}

fn validate_values(model: &'static Model, plan: &Plan, slots: &[f64], text: &str, opts: &Options, out: &[Cell<u8>]) -> Option<JsValue> {
    let fields = model.root.fields;
    let values = read_values(slots, text, fields)?;
    let values = &values[..fields.len()];
    let members = Members { out, count: Cell::new(0) };
    let member = |f: usize, from_input: bool| members.push(f, from_input);
    // A valid record is decided without the engine; errors are the engine's to report, and
    // it looks again only at the values that failed here (all of them if the mode is wrong).
    let mut only = u64::MAX;
    if let Ok(mode) = engine::resolve_mode(model, opts) {
        let mut scalars = [crate::validate::fast::Scalar::Absent; MAX_FIELDS];
        for (f, (field, v)) in fields.iter().zip(values).enumerate() {
            scalars[f] = v.scalar(&field.ty);
        }
        let scalars = &scalars[..fields.len()];
        match crate::validate::fast::decide(model.root, scalars, 0, opts, mode, 0, member) {
            Ok(()) => return plan.result(&members),
            Err(stopped) => only = crate::validate::fast::failing(model.root, scalars, opts, stopped),
        }
    }
    members.count.set(0);
    by_engine(model, plan, values, opts, only, &members)
}

/// The member list `build` reads: one byte per member, the field index, + 64 for the
/// field's default.
struct Members<'a> {
    out: &'a [Cell<u8>],
    count: Cell<usize>,
}

impl Members<'_> {
    fn push(&self, field: usize, from_input: bool) {
        self.out[self.count.get()].set(field as u8 + if from_input { 0 } else { 64 });
        self.count.set(self.count.get() + 1);
    }
}

/// The flat path's records that `decide` leaves: the engine's errors, or its member list.
/// Kept apart so that a first call with a valid record does not compile it (V8 compiles a
/// WebAssembly function whole on its first call).
#[inline(never)]
fn by_engine(model: &'static Model, plan: &Plan, values: &[Flat], opts: &Options, only: u64, out: &Members) -> Option<JsValue> {
    let fields = model.root.fields;
    let outcome = engine::validate_only(model, &FlatIn::Record(model.root, values), opts, only);
    match outcome.value.flatten() {
        Some(members) if outcome.errors.is_empty() => {
            // Members come in declaration order: find each field from the previous one on.
            let mut at = 0;
            for m in &members {
                let (name, from_input) = match m {
                    Member::Input(name) => (*name, true),
                    Member::Default(name) => (*name, false),
                };
                at += fields[at..].iter().position(|f| std::ptr::eq(f.name, name))?;
                out.push(at, from_input);
            }
            plan.result(out)
        }
        _ => super::result_from_json(None, &outcome.errors, &opts.messages),
    }
}

/// The fields' values from the slots and the joined string. The strings were appended in
/// declaration order: walking them by UTF-16 offset maps each to its UTF-8 bytes (all-ASCII
/// text, the usual case, maps one to one). Lone surrogates arrive as U+FFFD, one UTF-16
/// unit either way.
fn read_values<'t>(slots: &[f64], text: &'t str, fields: &[crate::schema::decl::Field]) -> Option<[Flat<'t>; MAX_FIELDS]> {
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
            OBJECT if matches!(fields[i].ty, crate::schema::decl::Ty::AnyObject) => Flat::AnyObject,
            _ => return None,
        };
    }
    let strings = &strings[..count];
    if text.is_ascii() {
        for &(start, len, field) in strings {
            values[field as usize] = Flat::Str(text.get(start as usize..(start + len) as usize)?);
        }
        return Some(values);
    }
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
