// Answers of the differential test in one comparable form, shared by the test and its no-eval
// child. An answer is one string: verdict, errors (path, code, params, message, in order), the
// normalized value as JSON text (JSON.stringify of the value: member order counts), and a note
// when a path's result was malformed (an exception, counts that do not add up, ...).

import { createRequire } from "node:module";
import { sep } from "node:path";
import { materialize, objectRefs } from "./generate.mjs";

/**
 * pkg/, loaded by require, reloaded (a fresh WebAssembly instance) after an exception escaped a
 * call: a trap, or a JS exception unwinding through WebAssembly frames, can leave an instance
 * broken for every later call (its shadow stack not restored), which would blame later cases.
 */
export class Pkg {
  constructor(dir) {
    this.dir = dir;
    this.require = createRequire(import.meta.url);
    this.reloads = 0;
    this.load();
  }
  load() {
    for (const k of Object.keys(this.require.cache)) if (k === this.dir || k.startsWith(this.dir + sep)) delete this.require.cache[k];
    this.v = this.require(this.dir);
  }
  reload() {
    this.reloads++;
    this.load();
  }
}

/** The answer of a call that threw. */
export const threw = (e) => canon({ valid: null, note: `threw ${e?.name}: ${e?.message}` });

const SEP = "\u0001"; // JSON.stringify escapes control characters: never inside a part

export function canon({ valid, errors, valueText, note }) {
  let errs;
  try {
    errs = JSON.stringify((errors ?? []).map((e) => [e.path, e.code, e.params, e.message]));
  } catch (e) {
    errs = "errors not serializable: " + e.message;
  }
  return [String(valid), errs, valueText ?? "", note ?? ""].join(SEP);
}

export function parseCanon(s) {
  const [valid, errors, value, note] = s.split(SEP);
  let errs = errors;
  try {
    errs = JSON.parse(errors).map(([path, code, params, message]) => ({ path, code, params, message }));
  } catch {}
  const out = { valid: valid === "true" ? true : valid === "false" ? false : valid, errors: errs };
  if (value) out.value = value;
  if (note) out.note = note;
  return out;
}

/** An answer's note ("" when none). */
export const noteOf = (s) => s.slice(s.lastIndexOf(SEP) + 1);

/** The codes of an answer's errors. */
export function codes(s) {
  const errors = s.split(SEP)[1];
  try {
    return JSON.parse(errors).map((e) => e[1]);
  } catch {
    return [];
  }
}

/**
 * The answer with lone surrogates mapped to U+FFFD, as `s.toWellFormed()` would map the strings
 * in it: JSON.stringify writes a lone surrogate as `\udXXX` and nothing else that way (a
 * surrogate pair is written as itself; `\\` is an escaped backslash, skipped as a unit).
 */
export function wellFormed(s) {
  return s.includes("\\ud") ? s.replace(/\\\\|\\ud[89a-f][0-9a-f]{2}/g, (m) => (m.length === 2 ? m : "\ufffd")) : s;
}

/** The answer with the params and message of `json` errors left out (see exception (d)). */
export function withoutJsonDetail(s) {
  const parts = s.split(SEP);
  try {
    parts[1] = JSON.stringify(JSON.parse(parts[1]).map((e) => (e[1] === "json" ? [e[0], e[1]] : e)));
  } catch {}
  return parts.join(SEP);
}

/** Whether a JSON text has an object with the same key twice (keys compared as JSON.parse reads them). */
export function hasDuplicateKeys(text) {
  if (!text.includes('"')) return false;
  const stack = []; // per open container: a Set of keys (objects) or null (arrays)
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: find its end.
      let j = i + 1;
      let escaped = false;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) {
          escaped = true;
          j += 2;
          continue;
        }
        if (d === 0x22) break;
        j++;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = escaped ? safeParse(text.slice(i, j + 1)) : text.slice(i + 1, j);
        if (top.has(key)) return true;
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = stack[stack.length - 1] != null;
    }
  }
  return false;
}

function safeParse(literal) {
  try {
    return JSON.parse(literal);
  } catch {
    return literal;
  }
}

/** describe() of each model, for the repeated-key check of output text (set by useModels). */
let descriptions = {};
export function useModels(v) {
  descriptions = Object.fromEntries(v.models().map((m) => [m, v.describe(m)]));
}

/** JSON text as a tree that keeps repeated keys: { o: [[key, node], ...] } | { a: [node, ...] } | {}. */
function tree(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const string = () => {
    const start = i++;
    let escaped = false;
    while (text[i] !== '"') {
      if (text[i] === "\\") {
        escaped = true;
        i++;
      }
      i++;
    }
    i++;
    return escaped ? JSON.parse(text.slice(start, i)) : text.slice(start + 1, i - 1);
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const o = [];
      ws();
      if (text[i] === "}") i++;
      else
        for (;;) {
          ws();
          const k = string();
          ws();
          i++; // :
          o.push([k, value()]);
          ws();
          if (text[i++] === "}") break;
        }
      return { o };
    }
    if (c === "[") {
      i++;
      const a = [];
      ws();
      if (text[i] === "]") i++;
      else
        for (;;) {
          a.push(value());
          ws();
          if (text[i++] === "]") break;
        }
      return { a };
    }
    if (c === '"') string();
    else while (i < text.length && !",]} \t\r\n".includes(text[i])) i++;
    return {};
  };
  return value();
}

/**
 * Whether an object the validator builds (the record, a declared object, a map, a Value) has
 * a key twice in a path's output text. Inside a value passed through unchanged (an unknown
 * property, an any-object field) the text is copied as written, repeated keys included: a
 * reader resolves them as JSON.parse does (README, "Repeated keys").
 */
function builtObjectRepeatsKey(text, model) {
  const desc = descriptions[model];
  if (!desc) return false;
  const object = (node, fields) => {
    if (!node.o) return false;
    const seen = new Set();
    for (const [k, child] of node.o) {
      if (seen.has(k)) return true;
      seen.add(k);
      const f = fields.find((x) => x.name === k);
      if (f && field(child, f)) return true;
    }
    return false;
  };
  const field = (node, f) => {
    switch (f.type) {
      case "object":
        return object(node, f.fields ?? []);
      case "map": {
        if (!node.o) return false;
        const seen = new Set();
        for (const [k, child] of node.o) {
          if (seen.has(k)) return true;
          seen.add(k);
          if (object(child, desc.definitions?.[f.ref] ?? [])) return true;
        }
        return false;
      }
      case "list":
        return (node.a ?? []).some((item) => field(item, f.items));
      default:
        return false;
    }
  };
  try {
    return object(tree(text), desc.fields);
  } catch {
    return false;
  }
}

/** A normalized record a path wrote as JSON text, as the value JSON.parse reads from it. */
export function textValue(text, model) {
  if (typeof text !== "string") return `NOT TEXT: ${typeof text}`;
  if (hasDuplicateKeys(text) && builtObjectRepeatsKey(text, model)) return "A KEY TWICE IN AN OBJECT THE VALIDATOR BUILT: " + text;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch (e) {
    return "NOT JSON: " + text;
  }
}

/** An array too long to write out (a sparse one of length 2^32-1 passed through), or null. */
function hugeArray(value) {
  const stack = [value];
  let budget = 100000;
  while (stack.length && budget-- > 0) {
    const x = stack.pop();
    if (x === null || typeof x !== "object") continue;
    try {
      if (Array.isArray(x) && x.length > 100000) return x.length;
      for (const k of Object.keys(x)) stack.push(x[k]);
    } catch {}
  }
  return null;
}

function jsonOf(value) {
  const huge = hugeArray(value);
  if (huge !== null) return `NOT WRITTEN: holds an array of length ${huge}`;
  try {
    const t = JSON.stringify(value);
    return t === undefined ? `NOT JSON: ${typeof value}` : t;
  } catch (e) {
    return `NOT JSON (${e.message})`;
  }
}

/** The answer of a per-record result `{ valid, value?, errors }`. */
export function fromRecord(r) {
  if (r === null || typeof r !== "object") return canon({ valid: null, note: `not a result: ${typeof r}` });
  const notes = [];
  let valueText;
  if (!Array.isArray(r.errors)) notes.push("no errors array");
  if (r.valid === true) {
    if ("value" in r) valueText = jsonOf(r.value);
    else notes.push("valid without a value");
  } else if (r.value !== undefined) {
    notes.push("a value on an invalid result");
  }
  if (r.valid !== (Array.isArray(r.errors) && r.errors.length === 0)) notes.push("valid does not match errors");
  return canon({ valid: r.valid, errors: Array.isArray(r.errors) ? r.errors : [], valueText, note: notes.join("; ") });
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * What is wrong with the shape of a bulk result over one record, worded the same for every bulk
 * path: `records`, `valid`, `failures` counts, the failures' positions `at` (expected: `atValue`),
 * and `outputs`, the number of normalized records written (lines or values).
 */
function bulkNote({ records, valid, failures, at, atValue, outputs, extra = [] }) {
  const notes = [...extra];
  // A text that is not a JSON array is one failure and no record: that is the API, not a fault.
  const whole = records === 0 && valid === 0 && failures === 1;
  if (!whole && (records !== 1 || valid + failures !== 1)) notes.push(`${records} records, ${valid} valid, ${failures} failures`);
  for (const p of at) if (p !== atValue) notes.push(`a failure at ${p} (not ${atValue})`);
  if (outputs !== valid) notes.push(`${outputs} normalized records written for ${valid} valid`);
  return notes.join("; ");
}

/**
 * The answer of a bulk result over one record: `{ records, valid, invalid, errors: [{ line | index,
 * errors }], normalized | bytes | values }`; `atName`/`atValue` say where its failure must be.
 */
export function fromBulk(r, model, output, atName, atValue) {
  if (r === null || typeof r !== "object") return canon({ valid: null, note: `not a result: ${typeof r}` });
  const failures = Array.isArray(r.errors) ? r.errors : [];
  const extra = [];
  if (r.invalid !== failures.length) extra.push(`invalid is ${r.invalid} for ${failures.length} failures`);
  let valueText;
  let outputs = 0;
  if (output === "values") {
    if (!Array.isArray(r.values)) extra.push("no values array");
    else {
      outputs = r.values.length;
      if (outputs > 0) valueText = jsonOf(r.values[0]);
    }
  } else {
    let text = r.normalized;
    if (output === "bytes") {
      try {
        text = decoder.decode(r.bytes);
      } catch (e) {
        extra.push("output is not UTF-8");
        text = new TextDecoder().decode(r.bytes);
      }
    }
    if (typeof text !== "string") extra.push("no normalized text");
    else {
      const lines = text.split("\n");
      if (lines.pop() !== "") extra.push("output does not end with a line feed");
      outputs = lines.length;
      if (outputs > 0) valueText = textValue(lines[0], model);
    }
  }
  const note = bulkNote({ records: r.records, valid: r.valid, failures: failures.length, at: failures.map((f) => f[atName]), atValue, outputs, extra });
  if (failures.length > 0) valueText = undefined;
  return canon({ valid: failures.length === 0 && r.valid === 1, errors: failures[0]?.errors ?? [], valueText, note });
}

/** The answer of the native example's `R` (a bulk `R` has `counts`, `at`, `lines` and `utf8`). */
export function fromNative(r, model, atValue) {
  if (r === null || typeof r !== "object") return canon({ valid: null, note: `not an answer: ${JSON.stringify(r)}` });
  const valueText = r.value === undefined ? undefined : textValue(r.value, model);
  if (!r.counts) return canon({ valid: r.valid, errors: r.errors, valueText });
  const [records, valid, failures] = r.counts;
  const note = bulkNote({ records, valid, failures, at: r.at, atValue, outputs: r.lines, extra: r.utf8 ? [] : ["output is not UTF-8"] });
  return canon({ valid: r.valid, errors: r.errors, valueText, note });
}

/** The first object of `refs` (nested objects of the input) found at its path in `value`. */
function sharedObject(input, value, refs) {
  if (value !== null && typeof value === "object" && value === input) return "the record itself";
  for (const [path, ref] of refs) {
    let x = value;
    for (const k of path) {
      if (x === null || typeof x !== "object") {
        x = undefined;
        break;
      }
      const d = Object.getOwnPropertyDescriptor(x, k);
      x = d && "value" in d ? d.value : undefined;
    }
    if (x === ref) return "/" + path.join("/");
  }
  return null;
}

/**
 * One per-record call of `validate` on a case's input (JSON.parse of its text, or its JS value),
 * fresh: its answer, the no-sharing check (`shared`: where the normalized value holds an object
 * of the input) and the read-once check (`reread`: properties read more than once).
 */
export function runRecord(pkg, c, messages) {
  let input, reads;
  try {
    ({ input, reads } = materialize(c));
  } catch (e) {
    return { answer: canon({ valid: null, note: "harness: materialize threw " + e.message }), shared: null, reread: null };
  }
  const refs = objectRefs(input);
  const options = messages ? { ...c.options, messages: {} } : { ...c.options };
  let r;
  try {
    r = pkg.v.validate(c.model, input, options);
  } catch (e) {
    pkg.reload();
    return { answer: threw(e), shared: null, reread: null };
  }
  // Reads during the call only: writing the answer reads a value that shares the input's getters.
  let reread = null;
  if (reads) {
    const many = [...reads].filter(([, n]) => n > 1).map(([id, n]) => `${id.replace(/^\d+:/, "")} read ${n} times`);
    if (many.length) reread = many.join(", ");
  }
  const shared = r && r.valid && r.value !== null && typeof r.value === "object" ? sharedObject(input, r.value, refs) : null;
  const answer = fromRecord(r);
  return { answer, shared, reread };
}

/** `validate` on the plain JSON value a JS-value case stands for (see materialize), or null. */
export function runTwin(pkg, c) {
  let twin;
  try {
    ({ twin } = materialize(c));
  } catch (e) {
    return canon({ valid: null, note: "harness: materialize threw " + e.message });
  }
  if (twin === undefined) return null;
  try {
    return fromRecord(pkg.v.validate(c.model, twin, { ...c.options }));
  } catch (e) {
    pkg.reload();
    return threw(e);
  }
}
