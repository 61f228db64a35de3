// The body of `makePlan(names, defaults, anyObject, optionNames, copyJson, memory, slotsAt,
// textAt, textBytes, membersAt)`, run once per model by src/wasm/flat.rs. `names`, `defaults`
// and `anyObject` describe the model's fields (from its Rust declaration); `optionNames` lists
// what `mode`, `profile` and `unknown` accept; `copyJson` is json_copy.js; the rest says where
// in WebAssembly memory to write.
// It compiles two functions for the model, with one named property access per field: keyed
// access (`input[key]` in a loop) measured 2-3x slower.
//
// flatten(input, options): fills the slots, per field [tag, a, b]: 0 absent, 1 string (a:
//   UTF-16 offset in the joined strings, b: its length), 2 number (a: the number), 3 true,
//   4 false, 5 null, 6 an object for a field declared as any object (plain JSON data, copied);
//   then the options' indexes + 1 (0 = not given). Only own enumerable properties are read
//   (what JSON.stringify sees), each once, and the values read are kept for `build`. Writes
//   the string values, joined and UTF-8 encoded, to the text buffer and returns their byte
//   count; BEFORE (-1) when this path does not apply and nothing was read: options it does
//   not read (coerce, messages, nulls, a bad value), not a plain object, an undeclared key; AFTER
//   (-2) when it gave up after reading: an array, function, symbol or bigint value, an object
//   that is not plain JSON data, a getter that throws, text too long. Then `snapshot()` holds
//   what was read, for the general path (also after a successful `flatten`); UNREADABLE (-3)
//   when the input itself threw (a revoked Proxy, a throwing trap).
// build(count): `{ valid: true, value, errors: [] }`, with the `count` members listed in the
//   members buffer, one byte each: the field index for the value `flatten` read, 64 + the
//   field index for the field's default; `undefined` if that throws.
const [modes, profiles, unknowns] = optionNames;
const n = names.length;
// The values `flatten` read, by field: `build` writes these, never reading the input again.
const values = new Array(n).fill(undefined);
// What `read` read of the input when it gave up after reading, for `snapshot`: its own keys,
// the field whose getter threw and what it threw (fields are read in declaration order, so
// those before it were read). `values` holds what was read; stale entries of an earlier call
// are never read (only fields read in this call are taken from it).
const state = { keys: [], input: undefined, at: -1, error: undefined, root: false };
const position = new Map(names.map((name, i) => [name, i]));
// The names as property keys (internalized strings: compared to Object.keys' by identity).
const fieldNames = Object.keys(Object.fromEntries(names.map((name) => [name, 0])));
const encoder = new TextEncoder();
const q = JSON.stringify;
// Views on WebAssembly memory, made again when it has grown (which detaches the old ones).
let slots = new Float64Array(0);
let text = new Uint8Array(0);
let members = new Uint8Array(0);
function views() {
  slots = new Float64Array(memory.buffer, slotsAt, 3 * n + 3);
  text = new Uint8Array(memory.buffer, textAt, textBytes);
  members = new Uint8Array(memory.buffer, membersAt, n);
}

// A value that is neither a string nor a number: `true` when this path cannot take it.
function other(v, at, anyObject, slots, field) {
  if (typeof v === "boolean") slots[at] = v ? 3 : 4;
  else if (v === null) slots[at] = 5;
  else if (anyObject && typeof v === "object" && !Array.isArray(v)) {
    // The record is the first level: its member's value may nest one level less.
    values[field] = copyJson(v, 127);
    if (!copyJson.pure) return true;
    slots[at] = 6;
  } else return true;
  return false;
}

const reads = names
  .map(
    (name, i) => `
  if ((own & ${1 << i}) !== 0) {
    at = ${i};
    v = input[${q(name)}];
    values[${i}] = v;
    if (v === undefined) {}
    else if (typeof v === "string") { slots[${3 * i}] = 1; slots[${3 * i + 1}] = text.length; slots[${3 * i + 2}] = v.length; text += v; }
    else if (typeof v === "number") { slots[${3 * i}] = 2; slots[${3 * i + 1}] = v; }
    else if (other(v, ${3 * i}, ${anyObject[i]}, slots, ${i})) flat = false;
  }`,
  )
  .join("");
// Why `read` gave up: before reading any value (-1: the caller reads the input itself), or
// after (-2: the caller validates `snapshot()`, the values read, so none is read twice).
const BEFORE = -1;
const AFTER = -2;
// The input itself cannot be read (a revoked Proxy, a trap that throws): the general path
// answers without trying again (each try is an exception, 10-15 µs each here).
const UNREADABLE = -3;
const read = new Function(
  "other",
  "values",
  "state",
  "fieldNames",
  "position",
  "modes",
  "profiles",
  "unknowns",
  `return function read(input, options, slots) {
  slots.fill(0);
  if (options !== undefined && options !== null) {
    if (typeof options !== "object" || options.messages !== undefined || options.nulls !== undefined || (options.coerce !== undefined && options.coerce !== false)) return ${BEFORE};
    const { mode, profile, unknown } = options;
    if (mode !== undefined && (slots[${3 * n}] = modes.indexOf(mode) + 1) === 0) return ${BEFORE};
    if (profile !== undefined && (slots[${3 * n + 1}] = profiles.indexOf(profile) + 1) === 0) return ${BEFORE};
    if (unknown !== undefined && (slots[${3 * n + 2}] = unknowns.indexOf(unknown) + 1) === 0) return ${BEFORE};
  }
  state.root = true;
  if (typeof input !== "object" || input === null || Array.isArray(input)) return ${BEFORE};
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return ${BEFORE};
  // Only own enumerable properties count (what JSON.stringify sees): each must be a declared
  // field, and only those are read, each once.
  const keys = Object.keys(input);
  let own = 0;
  for (let j = 0, f = 0; j < keys.length; j++) {
    const k = keys[j];
    // Keys usually come in declaration order: look from the field after the last one found.
    let i = f;
    while (i < ${n} && fieldNames[i] !== k) i++;
    if (i === ${n}) {
      i = position.get(k);
      if (i === undefined) return ${BEFORE};
    }
    own |= 1 << i;
    f = i + 1;
  }
  let text = "", v, flat = true, at = -1;
  try {
    ${reads}
  } catch (e) {
    // A getter threw: the snapshot throws the same, where it stood.
    state.keys = keys;
    state.input = input;
    state.at = at;
    state.error = { e };
    return ${AFTER};
  }
  // Kept for snapshot() whatever follows: a step after reading may still give up.
  state.keys = keys;
  state.input = input;
  state.error = undefined;
  return flat ? text : ${AFTER};
};`,
)(other, values, state, fieldNames, position, modes, profiles, unknowns);

function flatten(input, options) {
  try {
    if (slots.length === 0) views();
    const joined = read(input, options, slots);
    if (typeof joined === "number") return joined;
    // A getter that called into WebAssembly may have grown its memory under the views.
    if (slots.length === 0) return AFTER;
    const { read: units, written } = encoder.encodeInto(joined, text);
    return units === joined.length ? written : AFTER;
  } catch {
    // Before any value was read: the options' (the general path reads them), or the input's
    // own (a Proxy's trap threw, or it is revoked).
    return state.root ? UNREADABLE : BEFORE;
  }
}

// The input as `flatten` read it, for the general path: its own keys in order, each with the
// value read (a getter that threw throws the same again, from the snapshot), the keys it did
// not reach read now, so that every property of the input is read exactly once.
function snapshot() {
  const out = {};
  const { keys, input, at, error } = state;
  const done = error === undefined ? -1 : (1 << at) - 1;
  const fail = (e) => ({ enumerable: true, get: () => { throw e; } });
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    const i = position.get(k);
    if ((done & (1 << i)) !== 0) {
      if (values[i] !== undefined) out[k] = values[i];
    } else if (i === at && error !== undefined) {
      Object.defineProperty(out, k, fail(error.e));
    } else {
      try {
        const v = input[k];
        if (v !== undefined) out[k] = v;
      } catch (e) {
        Object.defineProperty(out, k, fail(e));
      }
    }
  }
  state.input = undefined;
  state.keys = [];
  values.fill(undefined);
  return out;
}

const writes = names
  .map(
    (name, i) => `
      case ${i}: value[${q(name)}] = values[${i}]; break;
      case ${64 + i}: value[${q(name)}] = defaults[${i}]; break;`,
  )
  .join("");
const fill = new Function(
  "defaults",
  "values",
  `return function fill(members, count) {
  const value = {};
  for (let j = 0; j < count; j++) {
    switch (members[j]) {${writes}
    }
  }
  return value;
};`,
)(defaults, values);

function build(count) {
  try {
    if (members.length === 0) views();
    state.input = undefined;
    return { valid: true, value: fill(members, count), errors: [] };
  } catch {
    return undefined;
  }
}

return { flatten, build, snapshot };
