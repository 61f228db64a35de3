// The body of `makePlan(names, defaults, anyObject, optionNames)`, run once per model by
// src/wasm/flat.rs. `names`, `defaults` and `anyObject` describe the model's fields (from its
// Rust declaration); `optionNames` lists what `mode`, `profile` and `unknown` accept.
// It compiles two functions for the model, with one named property access per field: keyed
// access (`input[key]` in a loop) measured 2-3x slower.
//
// flatten(input, options): the string values joined into one string, with `slots` filled:
//   per field [tag, a, b]: 0 absent, 1 string (a: UTF-16 offset in the joined string, b: its
//   length), 2 number (a: the number), 3 true, 4 false, 5 null, 6 an object for a field
//   declared as any object; then the options' indexes + 1 (0 = not given). `undefined` when
//   this path does not apply: options it does not read (coerce, messages, a bad value), not a
//   plain object, an undeclared key, an array, function, symbol or bigint value.
// build(input, members): `{ valid: true, value, errors: [] }`, the value's members in the
//   order of `members`, one character each: 32 + field index for the input's value, 96 +
//   field index for the field's default.
const [modes, profiles, unknowns] = optionNames;
const n = names.length;
const index = new Set(names);
const slots = new Float64Array(3 * n + 3);
const q = JSON.stringify;

function other(v, at, anyObject) {
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
    else if (other(v, ${3 * i}, ${anyObject[i]})) return undefined;
  }`,
  )
  .join("");
const flatten = new Function(
  "slots",
  "index",
  "other",
  "modes",
  "profiles",
  "unknowns",
  `return function flatten(input, options) {
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
)(slots, index, other, modes, profiles, unknowns);

const writes = names
  .map(
    (name, i) => `
    case ${32 + i}: value[${q(name)}] = input[${q(name)}]; break;
    case ${96 + i}: value[${q(name)}] = defaults[${i}]; break;`,
  )
  .join("");
const build = new Function(
  "defaults",
  `return function build(input, members) {
  const value = {};
  for (let j = 0; j < members.length; j++) {
    switch (members.charCodeAt(j)) {${writes}
    }
  }
  return { valid: true, value, errors: [] };
};`,
)(defaults);

return { slots, flatten, build };
