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
//   then the options' indexes + 1 (0 = not given). Writes the string values, joined and UTF-8
//   encoded, to the text buffer and returns their byte count; -1 when this path does not
//   apply: options it does not read (coerce, messages, a bad value), not a plain object, an
//   undeclared key, a declared name read from anything but an own enumerable property
//   (inherited, non-enumerable: what JSON.stringify does not see), an array, function, symbol
//   or bigint value, an object that is not plain JSON data, a getter that throws, text too long.
//   Each property is read once, and the values read are kept for `build`.
// build(count): `{ valid: true, value, errors: [] }`, with the `count` members listed in the
//   members buffer, one byte each: the field index for the value `flatten` read, 64 + the
//   field index for the field's default; `undefined` if that throws.
const [modes, profiles, unknowns] = optionNames;
const n = names.length;
// Each declared name's bit (at most 32 fields: int32 bit operations).
const index = new Map(names.map((name, i) => [name, 1 << i]));
// The values `flatten` read, by field: `build` writes these, never reading the input again.
const values = new Array(n).fill(undefined);
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
    const copied = copyJson(v, 127);
    if (copied === undefined) return true;
    values[field] = copied;
    slots[at] = 6;
  } else return true;
  return false;
}

const reads = names
  .map(
    (name, i) => `
  v = input[${q(name)}];
  if (v !== undefined) {
    got |= ${1 << i};
    values[${i}] = v;
    if (typeof v === "string") { slots[${3 * i}] = 1; slots[${3 * i + 1}] = text.length; slots[${3 * i + 2}] = v.length; text += v; }
    else if (typeof v === "number") { slots[${3 * i}] = 2; slots[${3 * i + 1}] = v; }
    else if (other(v, ${3 * i}, ${anyObject[i]}, slots, ${i})) return undefined;
  }`,
  )
  .join("");
const read = new Function(
  "index",
  "other",
  "values",
  "modes",
  "profiles",
  "unknowns",
  `return function read(input, options, slots) {
  slots.fill(0);
  if (options !== undefined && options !== null) {
    if (typeof options !== "object" || options.messages !== undefined || (options.coerce !== undefined && options.coerce !== false)) return undefined;
    const { mode, profile, unknown } = options;
    if (mode !== undefined && (slots[${3 * n}] = modes.indexOf(mode) + 1) === 0) return undefined;
    if (profile !== undefined && (slots[${3 * n + 1}] = profiles.indexOf(profile) + 1) === 0) return undefined;
    if (unknown !== undefined && (slots[${3 * n + 2}] = unknowns.indexOf(unknown) + 1) === 0) return undefined;
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return undefined;
  let got = 0, text = "", v;
  ${reads}
  // Only own enumerable properties count: every key must be declared, and every declared
  // name that gave a value must be one of them (not inherited, not non-enumerable).
  const keys = Object.keys(input);
  let own = 0;
  for (let j = 0; j < keys.length; j++) {
    const bit = index.get(keys[j]);
    if (bit === undefined) return undefined;
    own |= bit;
  }
  if ((got & ~own) !== 0) return undefined;
  return text;
};`,
)(index, other, values, modes, profiles, unknowns);

function flatten(input, options) {
  // The previous record's values are not kept (nor read: only present fields are built).
  values.fill(undefined);
  try {
    if (slots.length === 0) views();
    const joined = read(input, options, slots);
    // A getter that called into WebAssembly may have grown its memory under the views.
    if (joined === undefined || slots.length === 0) return -1;
    const { read: units, written } = encoder.encodeInto(joined, text);
    return units === joined.length ? written : -1;
  } catch {
    return -1;
  }
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
    return { valid: true, value: fill(members, count), errors: [] };
  } catch {
    return undefined;
  }
}

return { flatten, build };
