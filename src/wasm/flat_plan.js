// The body of `makePlan(names, defaults, anyObject, optionNames, memory, slotsAt, textAt,
// textBytes, membersAt)`, run once per model by src/wasm/flat.rs. `names`, `defaults` and `anyObject`
// describe the model's fields (from its Rust declaration); `optionNames` lists what `mode`,
// `profile` and `unknown` accept; the rest says where in WebAssembly memory to write.
// It compiles two functions for the model, with one named property access per field: keyed
// access (`input[key]` in a loop) measured 2-3x slower.
//
// flatten(input, options): fills the slots, per field [tag, a, b]: 0 absent, 1 string (a:
//   UTF-16 offset in the joined strings, b: its length), 2 number (a: the number), 3 true,
//   4 false, 5 null, 6 an object for a field declared as any object; then the options'
//   indexes + 1 (0 = not given). Writes the string values, joined and UTF-8 encoded, to the
//   text buffer and returns their byte count; -1 when this path does not apply: options it
//   does not read (coerce, messages, a bad value), not a plain object, an undeclared key, an
//   array, function, symbol or bigint value, a getter that throws, text too long.
// build(input, count): `{ valid: true, value, errors: [] }`, with the `count` members listed
//   in the members buffer, one byte each: the field index for the input's value, 64 + the
//   field index for the field's default; `undefined` if reading the input throws.
const [modes, profiles, unknowns] = optionNames;
const n = names.length;
const index = new Set(names);
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

function other(v, at, anyObject, slots) {
  if (typeof v === "boolean") slots[at] = v ? 3 : 4;
  else if (v === null) slots[at] = 5;
  else if (anyObject && typeof v === "object" && !Array.isArray(v)) slots[at] = 6;
  else return true;
  return false;
}

const reads = names
  .map(
    (name, i) => `
  v = input[${q(name)}];
  if (v !== undefined) {
    seen++;
    if (typeof v === "string") { slots[${3 * i}] = 1; slots[${3 * i + 1}] = text.length; slots[${3 * i + 2}] = v.length; text += v; }
    else if (typeof v === "number") { slots[${3 * i}] = 2; slots[${3 * i + 1}] = v; }
    else if (other(v, ${3 * i}, ${anyObject[i]}, slots)) return undefined;
  }`,
  )
  .join("");
const read = new Function(
  "index",
  "other",
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
  const keys = Object.keys(input);
  let seen = 0, text = "", v;
  ${reads}
  // More keys than defined values: an undeclared key, or a declared one holding undefined.
  if (seen !== keys.length) for (const k of keys) if (!index.has(k)) return undefined;
  return text;
};`,
)(index, other, modes, profiles, unknowns);

function flatten(input, options) {
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
      case ${i}: value[${q(name)}] = input[${q(name)}]; break;
      case ${64 + i}: value[${q(name)}] = defaults[${i}]; break;`,
  )
  .join("");
const fill = new Function(
  "defaults",
  `return function fill(input, members, count) {
  const value = {};
  for (let j = 0; j < count; j++) {
    switch (members[j]) {${writes}
    }
  }
  return value;
};`,
)(defaults);

function build(input, count) {
  try {
    if (members.length === 0) views();
    return { valid: true, value: fill(input, members, count), errors: [] };
  } catch {
    return undefined;
  }
}

return { flatten, build };
