// Seeded cases for the differential test (tests/node/differential.test.mjs).
//
// A case is plain JSON data (it is written to files for the native example, the no-eval child
// and the CLI):
//   { i, model, options: { mode?, profile?, unknown?, coerce? }, tags: [...], ...
//     kind: "text", text, parse: "ok" | "rejects" | "infinite", depth? }   a JSON text
//     kind: "js", recipe: { base, twists: [...] }, depth?                   a JS value
// `parse` says what JSON.parse makes of the text: a value, a SyntaxError, or a value holding
// ±Infinity (a literal such as 1e400). `depth` is the deepest container nesting of the record,
// counting the record as 1, when a case was made to probe the nesting bound.
// A "js" case's value is built by materialize(): values JSON cannot carry (NaN, BigInt,
// getters, proxies, ...), rebuilt identically in every process from the recipe.
//
// Field names and types come from describe(modelId) of pkg/; the base records and the
// boundary-value pools are those of ../generate.mjs.

import { mulberry32, generator, formatPools, goodPools, INT_POOL, WRONG } from "../generate.mjs";

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (rnd, p) => rnd() < p;

// ---------------------------------------------------------------------------------------------
// JSON syntax trees, written with a chosen spelling and whitespace.
// A node is { raw: "<JSON text>" } | { obj: [[key, node], ...] } | { arr: [node, ...] }; a key is
// a string (written by JSON.stringify) or { raw: "\"<escaped spelling>\"" }.

const raw = (text) => ({ raw: text });

function ast(value) {
  if (Array.isArray(value)) return { arr: value.map(ast) };
  if (value !== null && typeof value === "object") return { obj: Object.keys(value).map((k) => [k, ast(value[k])]) };
  return raw(JSON.stringify(value));
}

const keyText = (k) => (typeof k === "string" ? JSON.stringify(k) : k.raw);

function write(node, ws) {
  if (node.raw !== undefined) return node.raw;
  if (node.arr) {
    if (node.arr.length === 0) return "[" + ws() + "]";
    return "[" + ws() + node.arr.map((n) => write(n, ws)).join(ws() + "," + ws()) + ws() + "]";
  }
  if (node.obj.length === 0) return "{" + ws() + "}";
  const members = node.obj.map(([k, v]) => keyText(k) + ws() + ":" + ws() + write(v, ws));
  return "{" + ws() + members.join(ws() + "," + ws()) + ws() + "}";
}

/** Whitespace between tokens; "crlf" and "lf" put line feeds into the text (no NDJSON paths then). */
const STYLES = {
  min: [""],
  space: [" ", ""],
  tab: ["\t", ""],
  cr: ["\r", ""],
  crlf: ["\r\n", ""],
  mixed: ["", " ", "\t", "\r", "  \t "],
  lf: ["\n", "", " "],
};

function styleFor(rnd) {
  const r = rnd();
  if (r < 0.8) return "min";
  return pick(rnd, ["space", "tab", "cr", "crlf", "mixed", "lf", "mixed"]);
}

// ---------------------------------------------------------------------------------------------
// Strings of an exact length in code points, written with escapes.

/** Pieces of known length in code points (a lone surrogate counts 1, "e\u0301" counts 2). */
const PIECES = {
  ascii: [["a", 1], ["Z", 1], ["7", 1], [" ", 1]],
  emoji: [["😀", 1], ["👍🏽", 2], ["🇩🇪", 2]],
  latin: [["é", 1], ["e\u0301", 2], ["ß", 1], ["ü", 1]],
  cjk: [["名", 1], ["한", 1]],
  control: [["\n", 1], ["\t", 1], ["\u0000", 1], ["\u007f", 1], ["\u2028", 1], ['"', 1], ["\\", 1], ["/", 1]],
  lone: [["\ud83d", 1], ["\udc00", 1], ["\ud800", 1], ["\udfff", 1]],
};

function sizedString(rnd, n, flavors) {
  let s = "";
  let len = 0;
  while (len < n) {
    const [piece, l] = pick(rnd, PIECES[pick(rnd, flavors)]);
    if (len + l > n) {
      s += "a";
      len += 1;
    } else {
      s += piece;
      len += l;
    }
  }
  return s;
}

function flavorsFor(rnd) {
  return pick(rnd, [["ascii"], ["emoji"], ["ascii", "emoji"], ["ascii", "latin"], ["emoji", "cjk", "latin"], ["ascii", "control"], ["ascii", "lone"], ["emoji", "lone", "latin"]]);
}

const hex4 = (u) => "\\u" + u.toString(16).padStart(4, "0");

/** A JSON string literal of `s`; lone surrogates are always escaped (UTF-8 cannot hold them). */
function writeString(rnd, s, escapeRate = 0) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    const high = c >= 0xd800 && c <= 0xdbff;
    const low = c >= 0xdc00 && c <= 0xdfff;
    if (high && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      // A surrogate pair: raw, or as the two escapes.
      out += escapeRate && rnd() < escapeRate ? hex4(c) + hex4(s.charCodeAt(i + 1)) : s.slice(i, i + 2);
      i++;
      continue;
    }
    if (high || low) {
      out += rnd() < 0.5 ? hex4(c) : hex4(c).toUpperCase().replace("\\U", "\\u");
      continue;
    }
    const short = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" }[ch];
    if (c < 0x20 || ch === '"' || ch === "\\") {
      out += short && rnd() < 0.7 ? short : hex4(c);
    } else if (escapeRate && rnd() < escapeRate) {
      out += ch === "/" && rnd() < 0.5 ? "\\/" : hex4(c);
    } else {
      out += ch;
    }
  }
  return out + '"';
}

// ---------------------------------------------------------------------------------------------
// Value pools.

/** Spellings of numbers: boundary values, fractions that are not, literals JSON.parse rounds. */
const HOSTILE_NUMBERS = [
  "-0", "3.0", "1e2", "1E2", "1e+2", "100e-2", "0.5e1", "1e0", "-0.0", "0e10",
  "2147483647", "-2147483648", "2147483648", "-2147483649", "2147483647.0", "-2147483648.0",
  "2147483647.0000001", "2147483647.5", "-2147483648.0000001", "-2147483648.5", "2.147483647e9", "21474836.48e2",
  "10.000000000000001", "1.0000000000000001", "0.9999999999999999", "0.99999999999999999", "1.00000000000000011",
  "4294967296", "9007199254740993", "12345678901234567890", "1e-400", "-1e-400", "5e-324", "2e-324", "3e-324",
  "1.7976931348623157e308", "1.5", "0.1", "-1", "1", "0", "2", "12", "0.000001e6",
  "1e400", "-1e400", "1.7976931348623159e308",
];
const FINITE_NUMBERS = HOSTILE_NUMBERS.filter((n) => Number.isFinite(Number(n)));

/** Equivalent spellings of an integer literal. */
function respell(rnd, text) {
  if (!/^-?\d+$/.test(text)) return text;
  const options = [text + ".0", text + "e0", text + "E+0", text + ".000e0", text + "0e-1"];
  if (text === "0") options.push("-0", "0e5", "-0.0", "0.0");
  if (/[1-9]0+$/.test(text)) {
    const zeros = text.match(/0+$/)[0].length;
    options.push(text.slice(0, -zeros) + "e" + zeros, text.slice(0, -zeros) + "E" + zeros);
  }
  return pick(rnd, options);
}

const FLAG_SPELLINGS = ["0", "1", "2", "-1", "0.0", "1.0", "1e0", "0e5", "-0", "0.5", "1.0000000000000001", "0.99999999999999999", "true", '"1"', "null"];
const COERCE_STRINGS = ["12", "-0", "0", "007", "1e2", " 1", "", "true", "false", "TRUE", "2147483647", "2147483648", "-2147483648", "-2147483649", "+1", "١٢", "1.0", "0x1", "-", "1 "];
const DECIMAL_STRINGS = ["0.012", "12.50", "-3", "007", "0", "-0", "0.0", "-0.5", "0,012", "1e3", ".5", "5.", " 1", "1 ", "+1", "", "1.0000000000000001", "0.1", "123456789012345678901234567890", "0.000001", "0.0000001", "9".repeat(400), "١٫٥"];
const WRONG_TYPES = ["null", "true", "false", '"1"', '""', "[]", "{}", "1.25", "[1]", '{"a":1}', "0"];

const UNKNOWN_KEYS = [
  "extra", "x", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__",
  "ключ", "名前", "😀", "é", "e\u0301", "", "a/b", "m~n", "~1", "/", " ", "Name", "NAME", "name ", "\u0000", "\u2028", "\ud83d", "a\udc00",
];
const UNKNOWN_VALUES = ["1", '"x"', "true", "null", '{"y":2}', "[1,2]", "{}", "[]", '{"__proto__":{"polluted":1}}', '{"a":{"b":[1,{"c":null}]}}', "-0", "1e2", "1.0"];

/** A key spelled with escapes (the same key as JSON.parse reads it). */
function escapedKey(rnd, k) {
  let out = '"';
  for (const ch of k) {
    const c = ch.codePointAt(0);
    if (c > 0xffff) out += ch;
    else if (rnd() < 0.5 || c < 0x20 || ch === '"' || ch === "\\" || (c >= 0xd800 && c <= 0xdfff)) out += hex4(c);
    else out += ch;
  }
  return { raw: out + '"' };
}

// ---------------------------------------------------------------------------------------------
// Deep nesting: a value of exactly `levels` nested containers.

function deepText(rnd, levels, shape) {
  const open = [];
  for (let i = 0; i < levels; i++) {
    const s = shape === "mixed" ? (i % 2 ? "o" : "a") : shape;
    open.push(s);
  }
  let text = "";
  for (const s of open) text += s === "a" ? "[" : '{"d":';
  // The innermost container holds a scalar.
  text += pick(rnd, ["1", '"x"', "null", "true"]);
  for (let i = open.length - 1; i >= 0; i--) text += open[i] === "a" ? "]" : "}";
  return text;
}

const DEPTHS = [100, 127, 128, 129, 200];

// ---------------------------------------------------------------------------------------------
// Options.

function optionsFor(rnd, desc) {
  const o = {};
  if (chance(rnd, 0.85)) o.mode = pick(rnd, desc.modes);
  if (chance(rnd, 0.85)) o.profile = pick(rnd, ["strict", "api"]);
  if (chance(rnd, 0.85)) o.unknown = pick(rnd, ["allow", "strip", "reject"]);
  if (chance(rnd, 0.7)) o.coerce = chance(rnd, 0.5);
  return o;
}

// ---------------------------------------------------------------------------------------------
// Text cases.

/** Every [container node, index] of an object member or array item under `node`, with its path. */
function slots(node, path = [], out = []) {
  if (node.obj) {
    node.obj.forEach(([k, v], i) => {
      out.push({ parent: node, i, key: k, path: [...path, k], node: v });
      slots(v, [...path, k], out);
    });
  } else if (node.arr) {
    node.arr.forEach((v, i) => {
      out.push({ parent: node, i, path: [...path, i], node: v });
      slots(v, [...path, i], out);
    });
  }
  return out;
}

function setSlot(slot, node) {
  if (slot.parent.obj) slot.parent.obj[slot.i][1] = node;
  else slot.parent.arr[slot.i] = node;
}

function insertMember(rnd, obj, key, node) {
  obj.obj.splice(int(rnd, 0, obj.obj.length), 0, [key, node]);
}

function setMember(rnd, obj, key, node) {
  const at = obj.obj.findIndex(([k]) => k === key);
  if (at >= 0) obj.obj[at][1] = node;
  else insertMember(rnd, obj, key, node);
}

const isNumberNode = (n) => n.raw !== undefined && /^-?\d/.test(n.raw);

/** A boundary value for a declared field, as a node. */
function boundaryValue(rnd, field, options) {
  switch (field.type) {
    case "string": {
      if (options.coerce && chance(rnd, 0.1)) return raw('""');
      const formats = field.formats.map((f) => f.name);
      if (formats.length && chance(rnd, 0.5)) {
        const f = pick(rnd, formats);
        return raw(writeString(rnd, chance(rnd, 0.5) ? goodPools[f](rnd) : formatPools[f](rnd), chance(rnd, 0.2) ? 0.3 : 0));
      }
      const lengths = [0, 1, 2, 3];
      if (field.maxLength) lengths.push(field.maxLength - 1, field.maxLength, field.maxLength, field.maxLength + 1);
      if (field.minLength) lengths.push(field.minLength - 1, field.minLength, field.minLength + 1);
      const n = Math.max(0, pick(rnd, lengths));
      return raw(writeString(rnd, sizedString(rnd, n, flavorsFor(rnd)), chance(rnd, 0.3) ? 0.3 : 0));
    }
    case "int32":
      if (options.coerce && chance(rnd, 0.4)) return raw(JSON.stringify(pick(rnd, COERCE_STRINGS)));
      return raw(chance(rnd, 0.6) ? pick(rnd, FINITE_NUMBERS) : respell(rnd, String(pick(rnd, [0, 1, -1, 42, 2147483647, -2147483648, 100]))));
    case "flag":
      if (options.coerce && chance(rnd, 0.3)) return raw(JSON.stringify(pick(rnd, ["0", "1", "2", "", "true", "01"])));
      return raw(pick(rnd, FLAG_SPELLINGS));
    case "boolean":
      return raw(pick(rnd, options.coerce ? ["true", "false", '"true"', '"false"', '"TRUE"', '""', "0", "1"] : ["true", "false", '"true"', "0", "null"]));
    case "number":
      // Form strings a number field reads under coercion (types::form_number), and near misses.
      if (options.coerce && chance(rnd, 0.4)) return raw(JSON.stringify(pick(rnd, DECIMAL_STRINGS)));
      return raw(pick(rnd, FINITE_NUMBERS));
    case "enum":
      return raw(JSON.stringify(chance(rnd, 0.8) ? pick(rnd, field.enum) : pick(rnd, ["X", String(field.enum[0]).toUpperCase(), "", " " + field.enum[0]])));
    default:
      return undefined;
  }
}

/** Nested depth probes: returns [node, depth of the whole record] or undefined. */
function deepMember(rnd, model, root) {
  const depth = pick(rnd, DEPTHS);
  const shape = pick(rnd, ["a", "o", "mixed"]);
  const where = pick(rnd, model === "createCustomerDto" ? ["unknown", "any", "any"] : model === "patchCustomer" ? ["unknown", "dataValue", "schedule"] : ["unknown"]);
  if (where === "unknown") {
    insertMember(rnd, root, pick(rnd, ["deep", "x", "é"]), raw(deepText(rnd, depth - 1, shape)));
  } else if (where === "any") {
    // assistantOverrides: an object holding the deep value (record 1, the object 2).
    setMember(rnd, root, "assistantOverrides", raw('{"v":' + deepText(rnd, depth - 2, shape) + "}"));
  } else if (where === "dataValue") {
    // data (2) -> a Value (3) -> an unknown member of the Value.
    setMember(rnd, root, "data", raw('{"k":{"stringValue":"s","deep":' + deepText(rnd, depth - 3, shape) + "}}"));
  } else {
    setMember(rnd, root, "schedule", raw('{"deep":' + deepText(rnd, depth - 2, shape) + "}"));
  }
  return depth;
}

/** patchCustomer's data: Structs nested `levels` deep (the engine's own bound is 32). */
function structs(levels, leaf) {
  let text = `{"k":${leaf}}`;
  for (let i = 1; i < levels; i++) text = `{"k":{"structValue":${text}}}`;
  return text;
}

const INVALID_TOKENS = [
  "NaN", "Infinity", "-Infinity", "'a'", "01", "+1", ".5", "1.", "1e", "-", "tru", "nul", "undefined", "0x10", "1_000",
  '"\\x41"', '"\\u12"', '"\\ud83d\\u"', '"a\u0001b"', '"tab\there"', '"a\nb"', '"\\', '"unterminated',
];

function invalidate(rnd, text, root) {
  const r = rnd();
  if (r < 0.3 && text.length > 1) {
    let cut = text.slice(0, int(rnd, 1, text.length - 1));
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // not inside a surrogate pair
    return cut.trim() ? cut : "{";
  }
  if (r < 0.45) return text + pick(rnd, [" x", "}", "]", " true", '"', "/", " //c", "{}", "\u0000"]);
  if (r < 0.55) return text.replace(/}\s*$/, ",}");
  if (r < 0.6) return text.replace(/^(\s*\{)/, "$1'a':1,");
  if (r < 0.65) return text.replace(/^(\s*\{)/, "$1a:1,");
  if (r < 0.7) return text.replace(/":/, '"');
  return undefined; // a token (below)
}

function textCase(rnd, model, desc, gen, options) {
  const tags = [];
  const base = gen();
  const root = ast(base);
  let depth;
  const fields = desc.fields;
  const scalarFields = fields.filter((f) => ["string", "int32", "flag", "boolean", "number", "enum"].includes(f.type));
  let topLevel; // a replacement of the whole record

  if (chance(rnd, 0.55)) {
    // Near the rules' boundaries.
    tags.push("boundary");
    const n = int(rnd, 1, 3);
    for (let k = 0; k < n; k++) {
      const f = pick(rnd, scalarFields);
      const node = boundaryValue(rnd, f, options);
      if (node) setMember(rnd, root, f.name, node);
    }
    if (model === "createCustomerDto" && chance(rnd, 0.2)) {
      setMember(rnd, root, "numberE164CheckEnabled", raw("false"));
      setMember(rnd, root, "number", raw(JSON.stringify(formatPools.alphanumeric(rnd))));
    }
    // Numbers deeper in the record, respelled equivalently.
    const nums = slots(root).filter((s) => isNumberNode(s.node));
    if (nums.length && chance(rnd, 0.3)) {
      const s = pick(rnd, nums);
      setSlot(s, raw(respell(rnd, s.node.raw)));
      tags.push("respelled");
    }
  } else {
    const ops = int(rnd, 1, 2);
    for (let k = 0; k < ops; k++) {
      const op = pick(rnd, [
        "wrongType", "wrongType", "number", "number", "number", "dupUnknown", "dupDeclared", "dupDeclared", "dupNested", "dupEscaped",
        "deep", "deep", "escapes", "escapes", "lone", "unknownKey", "unknownKey", "proto", "empty", "topLevel", "structDepth",
      ]);
      const all = slots(root);
      switch (op) {
        case "wrongType": {
          tags.push("wrong-type");
          const s = all.length && chance(rnd, 0.5) ? pick(rnd, all) : null;
          if (s) setSlot(s, raw(pick(rnd, WRONG_TYPES)));
          else setMember(rnd, root, pick(rnd, fields).name, raw(pick(rnd, WRONG_TYPES)));
          break;
        }
        case "number": {
          tags.push("number");
          const nums = all.filter((s) => isNumberNode(s.node));
          // Under coercion, a quarter of them become a form string where a number goes
          // (types::form_number's inputs), chosen by the literal's place, so that the random
          // stream, and with it every other case, stays as it was.
          const at = int(rnd, 0, HOSTILE_NUMBERS.length - 1);
          const formString = options.coerce && at % 4 === 0;
          const lit = formString ? JSON.stringify(DECIMAL_STRINGS[(at / 4) % DECIMAL_STRINGS.length]) : HOSTILE_NUMBERS[at];
          if (nums.length && chance(rnd, 0.5)) setSlot(pick(rnd, nums), raw(lit));
          else {
            const numeric = fields.filter((f) => ["int32", "flag", "number"].includes(f.type));
            if (numeric.length) setMember(rnd, root, pick(rnd, numeric).name, raw(lit));
            else insertMember(rnd, root, "n", raw(lit));
          }
          if (formString) tags.push("form-number");
          else if (!Number.isFinite(Number(lit))) tags.push("infinite-literal");
          break;
        }
        case "dupUnknown":
          tags.push("dup-keys");
          insertMember(rnd, root, "x", raw(pick(rnd, UNKNOWN_VALUES)));
          insertMember(rnd, root, "x", raw(pick(rnd, UNKNOWN_VALUES)));
          if (chance(rnd, 0.3)) insertMember(rnd, root, "x", raw(pick(rnd, UNKNOWN_VALUES)));
          break;
        case "dupDeclared": {
          tags.push("dup-keys");
          const f = pick(rnd, scalarFields);
          const a = boundaryValue(rnd, f, options) ?? raw("1");
          const b = chance(rnd, 0.5) ? raw(pick(rnd, WRONG_TYPES)) : (boundaryValue(rnd, f, options) ?? raw('"b"'));
          const [first, second] = chance(rnd, 0.5) ? [a, b] : [b, a];
          insertMember(rnd, root, f.name, first);
          root.obj.push([f.name, second]);
          break;
        }
        case "dupNested": {
          tags.push("dup-keys", "dup-nested");
          if (model === "patchCustomer") {
            const v = pick(rnd, ['{"k":{"stringValue":"a","stringValue":1}}', '{"k":{"numberValue":1},"k":{"stringValue":"b"}}', '{"k":{"stringValue":1},"k":{"stringValue":"b"}}', '{"k":{"boolValue":true,"x":1,"x":[1,{"y":1,"y":2}]}}', '{"k":{"structValue":{"a":{"numberValue":"x"},"a":{"numberValue":2}}}}']);
            setMember(rnd, root, "data", raw(v));
            if (chance(rnd, 0.3)) setMember(rnd, root, "schedule", raw('{"name":"a","name":"b","rules":[{"priority":1,"priority":"x"}]}'));
          } else if (model === "createCustomerDto") {
            setMember(rnd, root, "assistantOverrides", raw(pick(rnd, ['{"a":1,"a":{"b":2}}', '{"a":{"b":1,"b":2},"c":[{"d":1,"d":null}]}', '{"__proto__":1,"__proto__":{"x":1}}'])));
          } else {
            insertMember(rnd, root, "extra", raw(pick(rnd, ['{"a":1,"a":2}', '[{"b":1,"b":[1]}]', '{"a":{"c":1},"a":{"d":2}}'])));
          }
          break;
        }
        case "dupEscaped": {
          // The same declared key twice, once spelled with escapes.
          tags.push("dup-keys", "escaped-key");
          const f = pick(rnd, scalarFields);
          insertMember(rnd, root, escapedKey(rnd, f.name), boundaryValue(rnd, f, options) ?? raw("1"));
          if (chance(rnd, 0.7)) root.obj.push([f.name, boundaryValue(rnd, f, options) ?? raw('"b"')]);
          break;
        }
        case "deep":
          tags.push("deep");
          depth = deepMember(rnd, model, root);
          break;
        case "structDepth":
          if (model !== "patchCustomer") break;
          tags.push("struct-depth");
          setMember(rnd, root, "data", raw(structs(pick(rnd, [31, 32, 33, 34]), pick(rnd, ['{"numberValue":1}', '{"stringValue":"x"}', '{"numberValue":"x"}']))));
          break;
        case "escapes": {
          tags.push("escapes");
          const strings = fields.filter((f) => f.type === "string");
          const f = pick(rnd, strings.length ? strings : fields);
          const s = sizedString(rnd, f.maxLength ? pick(rnd, [f.maxLength, f.maxLength + 1, f.maxLength - 1]) : int(rnd, 0, 12), [pick(rnd, ["control", "emoji", "latin"]), "ascii"]);
          setMember(rnd, root, f.name, raw(writeString(rnd, s, 0.5)));
          break;
        }
        case "lone": {
          tags.push("lone-surrogate");
          const strings = fields.filter((f) => f.type === "string");
          const f = pick(rnd, strings.length ? strings : fields);
          const n = f.maxLength ? pick(rnd, [f.maxLength, f.maxLength + 1, f.maxLength - 1]) : int(rnd, 1, 6);
          setMember(rnd, root, f.name, raw(writeString(rnd, sizedString(rnd, n, ["lone", "ascii", "emoji"]), 0.2)));
          if (chance(rnd, 0.3)) insertMember(rnd, root, pick(rnd, ["\ud83d", "k\udc00"]), raw(writeString(rnd, "\ud83d", 0)));
          break;
        }
        case "unknownKey": {
          tags.push("unknown-key");
          const k = pick(rnd, UNKNOWN_KEYS);
          insertMember(rnd, root, chance(rnd, 0.2) ? escapedKey(rnd, k || "x") : k, raw(pick(rnd, UNKNOWN_VALUES)));
          break;
        }
        case "proto": {
          tags.push("proto-key");
          const v = pick(rnd, ['{"name":"polluted","credit":1.5}', "1", "null", "{}", '{"defaultBillMethod":"x"}']);
          insertMember(rnd, root, pick(rnd, ["__proto__", "__proto__", "constructor"]), raw(v));
          if (model === "createCustomerDto" && chance(rnd, 0.5)) setMember(rnd, root, "assistantOverrides", raw('{"__proto__":{"a":1},"constructor":{"prototype":{}}}'));
          if (model === "patchCustomer" && chance(rnd, 0.5)) setMember(rnd, root, "data", raw('{"__proto__":{"stringValue":"p"},"constructor":{"numberValue":1}}'));
          break;
        }
        case "empty":
          tags.push("empty");
          root.obj.length = 0;
          break;
        case "topLevel":
          tags.push("top-level");
          topLevel = pick(rnd, ["null", "[]", "[{}]", '"x"', "1", "true", "{}", "[1,2]", '""', "-0", '[{"name":"a"}]']);
          break;
      }
    }
  }

  const style = styleFor(rnd);
  const choices = STYLES[style];
  const ws = choices.length === 1 ? () => choices[0] : () => pick(rnd, choices);
  if (style !== "min") tags.push("ws:" + style);
  let text = topLevel ?? write(root, ws);
  if (chance(rnd, 0.03)) {
    tags.push("bom");
    text = "\ufeff" + text;
  }
  if (chance(rnd, 0.05)) {
    tags.push("outer-ws");
    text = pick(rnd, [" ", "\t", "  "]) + text + pick(rnd, [" ", "\t", "\r", ""]);
  }
  if (chance(rnd, 0.04)) {
    tags.push("invalid-json");
    let bad = invalidate(rnd, text, root);
    if (bad === undefined) {
      const all = slots(root);
      const s = all.length ? pick(rnd, all) : null;
      if (s) setSlot(s, raw(pick(rnd, INVALID_TOKENS)));
      else root.obj.push(["x", raw(pick(rnd, INVALID_TOKENS))]);
      bad = write(root, ws);
    }
    text = bad;
  }
  return { text, tags, depth };
}

// ---------------------------------------------------------------------------------------------
// JS-value cases: a JSON-able base record (its JSON text) and twists JSON cannot express.

const SPECIALS = ["NaN", "Infinity", "-Infinity", "bigint", "function", "symbol", "undefined", "negzero", "date", "boxedString", "boxedNumber", "holeyArray", "cycle", "revokedProxy", "map", "regexp", "typedArray", "error", "nullProtoObject", "classObject"];
/** A value JSON cannot carry; rarely an array of length 2^32-1 (a case that has crashed the process costs a child restart). */
const special = (rnd) => (chance(rnd, 0.01) ? "hugeSparseArray" : pick(rnd, SPECIALS));
const MEMBER_OPS = ["set", "set", "getter", "flip", "throws", "nonEnumerable", "inherited", "symbolKey", "protoOwn"];
const WRAPPERS = ["proxy", "proxyThrowingKeys", "revoked", "nullProto", "classInstance", "classWithProtoGetter", "array", "frozen"];

function jsCase(rnd, model, desc, gen) {
  const base = gen();
  const twists = [];
  // Where: the record, or an object inside it that the model reads as a record or a map.
  const places = [[]];
  if (model === "createCustomerDto") places.push(["assistantOverrides"]);
  if (model === "patchCustomer") places.push(["schedule"], ["data"], ["billingSettings"]);
  const at = pick(rnd, places);
  if (at.length) base[at[0]] = base[at[0]] && typeof base[at[0]] === "object" && !Array.isArray(base[at[0]]) ? base[at[0]] : {};
  const declared = at.length === 0 ? desc.fields : (desc.fields.find((f) => f.name === at[0])?.fields ?? []);
  const keyFor = () => (declared.length && chance(rnd, 0.7) ? pick(rnd, declared).name : pick(rnd, ["x", "extra", "ключ", "__proto__"]));
  const n = int(rnd, 1, 2);
  for (let k = 0; k < n; k++) {
    if (chance(rnd, 0.7)) {
      const op = pick(rnd, MEMBER_OPS);
      const key = keyFor();
      const t = { op, at, key };
      if (op === "set" || op === "getter" || op === "nonEnumerable" || op === "inherited") {
        t.value = chance(rnd, 0.5) ? { special: special(rnd) } : { json: plainFor(rnd, desc, key, at) };
      } else if (op === "flip") {
        t.values = [{ json: plainFor(rnd, desc, key, at) }, { json: pick(rnd, [5, "x", null, true, [], {}]) }];
      } else if (op === "symbolKey" || op === "protoOwn") {
        t.value = { json: plainFor(rnd, desc, key, at) };
      }
      twists.push(t);
    } else {
      twists.push({ op: pick(rnd, WRAPPERS), at });
    }
  }
  // A record with a special value at a second level, sometimes (an unknown member's object).
  if (chance(rnd, 0.1)) twists.push({ op: "set", at: [], key: "nested", value: { special: pick(rnd, ["cycle", "NaN", "bigint", "revokedProxy", "holeyArray"]) } });
  // Member twists first, then at most one wrapper (a revoked proxy or a frozen object takes no more).
  const members = twists.filter((t) => !WRAPPERS.includes(t.op));
  const wrapper = twists.find((t) => WRAPPERS.includes(t.op));
  return { recipe: { base: JSON.stringify(base), twists: wrapper ? [...members, wrapper] : members } };
}

/** A plain value for `key`: what the base generator or a boundary pool would put there. */
function plainFor(rnd, desc, key, at) {
  const fields = at.length === 0 ? desc.fields : (desc.fields.find((f) => f.name === at[0])?.fields ?? []);
  const f = fields.find((x) => x.name === key);
  if (!f) return pick(rnd, [1, "x", { y: 1 }, [1], null]);
  switch (f.type) {
    case "string":
      return f.maxLength ? "😀".repeat(pick(rnd, [f.maxLength, f.maxLength + 1, 1])) : "Acme";
    case "int32":
      return pick(rnd, INT_POOL);
    case "flag":
      return pick(rnd, [0, 1, 2]);
    case "boolean":
      return pick(rnd, [true, false, "true"]);
    case "number":
      return pick(rnd, [1.5, -1, 0]);
    case "enum":
      return pick(rnd, f.enum);
    default:
      return pick(rnd, [{}, { a: 1 }, [], WRONG[0]]);
  }
}

// ---------------------------------------------------------------------------------------------
// Materializing a case's input (fresh objects each call).

class Record {
  constructor(src) {
    Object.assign(this, src);
  }
}
class RecordWithGetter {
  get name() {
    return "from the prototype";
  }
}

function specialValue(name) {
  switch (name) {
    case "NaN":
      return NaN;
    case "Infinity":
      return Infinity;
    case "-Infinity":
      return -Infinity;
    case "bigint":
      return 10n;
    case "function":
      return function notData() {};
    case "symbol":
      return Symbol("s");
    case "undefined":
      return undefined;
    case "negzero":
      return -0;
    case "date":
      return new Date(0);
    case "boxedString":
      return new String("Acme");
    case "boxedNumber":
      return new Number(1);
    case "holeyArray":
      return [, "a"]; // eslint-disable-line no-sparse-arrays
    case "hugeSparseArray": {
      const a = [];
      a.length = 4294967295;
      return a;
    }
    case "cycle": {
      const o = { a: 1 };
      o.self = o;
      return o;
    }
    case "revokedProxy": {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case "map":
      return new Map([["a", 1]]);
    case "regexp":
      return /x/;
    case "typedArray":
      return new Uint8Array([1, 2]);
    case "error":
      return new Error("e");
    case "nullProtoObject":
      return Object.assign(Object.create(null), { a: 1 });
    case "classObject":
      return new Record({ a: 1 });
    default:
      throw new Error(`no special value ${name}`);
  }
}

const valueOf = (v) => (v.special !== undefined ? specialValue(v.special) : structuredClone(v.json));

/**
 * The input of a case, fresh: `{ input, reads, twin }`. `reads` counts, by property, the reads
 * of getters and of a proxy's properties (each must be read at most once); `twin` is, where the
 * data model defines one, the plain JSON value the input stands for (own enumerable
 * string-keyed properties, each read once), or undefined.
 */
export function materialize(c) {
  if (c.kind === "text") return { input: JSON.parse(c.text), reads: null, twin: undefined };
  const reads = new Map();
  const count = (id) => reads.set(id, (reads.get(id) ?? 0) + 1);
  const root = JSON.parse(c.recipe.base);
  const twinRoot = JSON.parse(c.recipe.base);
  let twinOk = true;
  // The object at `at` in the input and in the twin.
  const get = (o, at) => at.reduce((x, k) => x[k], o);
  const put = (o, at, v) => {
    if (at.length === 0) return v;
    get(o, at.slice(0, -1))[at[at.length - 1]] = v;
    return o;
  };
  let input = root;
  let twin = twinRoot;
  const defineData = (o, key, value) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [n, t] of c.recipe.twists.entries()) {
    const o = get(input, t.at);
    const w = get(twin, t.at);
    const id = `${n}:${t.key ?? t.op}`;
    switch (t.op) {
      case "set": {
        const v = valueOf(t.value, reads);
        defineData(o, t.key, v);
        if (t.value.special === "undefined") delete w[t.key];
        else if (t.value.special === "negzero") defineData(w, t.key, -0);
        else if (t.value.special !== undefined) twinOk = false;
        else defineData(w, t.key, structuredClone(t.value.json));
        break;
      }
      case "getter": {
        const v = valueOf(t.value, reads);
        Object.defineProperty(o, t.key, {
          get() {
            count(id);
            return v;
          },
          enumerable: true,
          configurable: true,
        });
        if (t.value.special !== undefined) twinOk = false;
        else defineData(w, t.key, structuredClone(t.value.json));
        break;
      }
      case "flip": {
        // A different value on each read: the first read is the one that counts.
        const vs = t.values.map((v) => valueOf(v, reads));
        let k = 0;
        Object.defineProperty(o, t.key, {
          get() {
            count(id);
            return vs[k++ % 2];
          },
          enumerable: true,
          configurable: true,
        });
        defineData(w, t.key, structuredClone(t.values[0].json));
        break;
      }
      case "throws":
        Object.defineProperty(o, t.key, {
          get() {
            count(id);
            throw new Error("getter throws");
          },
          enumerable: true,
          configurable: true,
        });
        twinOk = false;
        break;
      case "nonEnumerable":
        Object.defineProperty(o, t.key, { value: valueOf(t.value, reads), enumerable: false, writable: true, configurable: true });
        delete w[t.key];
        break;
      case "inherited": {
        // A prototype that holds the property; never the real Object.prototype.
        const proto = Object.create(Object.getPrototypeOf(o));
        defineData(proto, t.key, valueOf(t.value, reads));
        const own = Object.getOwnPropertyDescriptors(o);
        delete own[t.key];
        const replaced = Object.create(proto, own);
        input = put(input, t.at, replaced);
        delete w[t.key];
        break;
      }
      case "symbolKey":
        o[Symbol(t.key)] = valueOf(t.value, reads);
        break;
      case "protoOwn":
        // An own data property named __proto__ (what JSON.parse makes of a "__proto__" key).
        defineData(o, "__proto__", valueOf(t.value, reads));
        defineData(w, "__proto__", structuredClone(t.value.json));
        break;
      case "proxy":
        input = put(
          input,
          t.at,
          new Proxy(o, {
            get(target, key, receiver) {
              if (typeof key === "string" && Object.prototype.hasOwnProperty.call(target, key)) count(`${n}:proxy.${key}`);
              return Reflect.get(target, key, receiver);
            },
          }),
        );
        break;
      case "proxyThrowingKeys":
        input = put(
          input,
          t.at,
          new Proxy(o, {
            ownKeys() {
              throw new Error("ownKeys trap throws");
            },
          }),
        );
        twinOk = false;
        break;
      case "revoked": {
        const { proxy, revoke } = Proxy.revocable(o, {});
        revoke();
        input = put(input, t.at, proxy);
        twinOk = false;
        break;
      }
      case "nullProto":
        input = put(input, t.at, Object.defineProperties(Object.create(null), Object.getOwnPropertyDescriptors(o)));
        break;
      case "classInstance":
        input = put(input, t.at, Object.defineProperties(new Record({}), Object.getOwnPropertyDescriptors(o)));
        break;
      case "classWithProtoGetter":
        // `name` on the prototype (an accessor): not an own property, it does not count.
        input = put(input, t.at, Object.defineProperties(new RecordWithGetter(), Object.getOwnPropertyDescriptors(o)));
        break;
      case "array":
        input = put(input, t.at, [o]);
        twin = put(twin, t.at, [w]);
        break;
      case "frozen":
        Object.freeze(o);
        break;
      default:
        throw new Error(`no twist ${t.op}`);
    }
  }
  return { input, reads, twin: twinOk ? twin : undefined };
}

/** A plain object or an array (or a proxy of one): what the normalized value must copy. */
function isPlainData(x) {
  try {
    if (Array.isArray(x)) return true;
    const proto = Object.getPrototypeOf(x);
    return proto === Object.prototype || proto === null;
  } catch {
    return false; // a revoked proxy
  }
}

/**
 * Nested plain objects and arrays of an input, with their paths (for the no-sharing check).
 * Objects JSON does not model (Dates, Maps, class instances, ...) are left out: where they are
 * passed through unchanged they are kept as they are (README, "From JavaScript").
 */
export function objectRefs(input, limit = 400) {
  const out = [];
  const stack = [[input, []]];
  while (stack.length && out.length < limit) {
    const [x, path] = stack.pop();
    if (x === null || typeof x !== "object") continue;
    if (path.length && isPlainData(x)) out.push([path, x]);
    let keys;
    try {
      keys = Object.keys(x); // own indices of an array (a sparse one of length 2^32-1 has none)
    } catch {
      continue;
    }
    for (const k of keys) {
      let d;
      try {
        d = Object.getOwnPropertyDescriptor(x, k);
      } catch {
        continue;
      }
      if (d && "value" in d && d.value !== null && typeof d.value === "object" && path.length < 300) stack.push([d.value, [...path, k]]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** How deep containers nest in a plain value (1 for `{}`, 0 for a scalar). */
export function nesting(value) {
  let deepest = 0;
  const stack = [[value, 1]];
  while (stack.length) {
    const [x, d] = stack.pop();
    if (x === null || typeof x !== "object") continue;
    deepest = Math.max(deepest, d);
    for (const k of Object.keys(x)) stack.push([x[k], d + 1]);
  }
  return deepest;
}

function parseStatus(text) {
  try {
    JSON.parse(text);
  } catch {
    return "rejects";
  }
  // A number literal JSON.parse reads as ±Infinity (1e400), even one a repeated key overrides:
  // an exponent of 3 digits or more, or 309 digits, then every literal outside strings.
  if (!/[eE][+]?\d{3}|\d{309}/.test(text)) return "ok";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (ch === "-" || (ch >= "0" && ch <= "9")) {
      let j = i + 1;
      while (j < text.length && /[0-9eE+\-.]/.test(text[j])) j++;
      if (!Number.isFinite(Number(text.slice(i, j)))) return "infinite";
      i = j - 1;
    }
  }
  return "ok";
}

/** `count` cases from `seed`; `v` is pkg/ (for describe()). About 1 in 9 is a JS-value case. */
export function generateCases(v, { seed, count }) {
  const rnd = mulberry32(seed);
  const models = v.models();
  const descs = Object.fromEntries(models.map((m) => [m, v.describe(m)]));
  const gens = Object.fromEntries(models.map((m) => [m, generator(descs[m], rnd)]));
  const cases = [];
  for (let i = 0; i < count; i++) {
    const model = pick(rnd, models);
    const desc = descs[model];
    const options = optionsFor(rnd, desc);
    if (chance(rnd, 0.11)) {
      const { recipe } = jsCase(rnd, model, desc, gens[model]);
      const tags = ["js", ...new Set(recipe.twists.map((t) => t.op + (t.value?.special ? ":" + t.value.special : "")))];
      const c = { i, model, options, kind: "js", recipe, tags };
      // A cycle nests without end: a max_depth error where the value is kept (an any-object
      // field, or an unknown property under unknown: allow), none required where a declared
      // field's type check refuses it first or the record is not an object.
      const wrapped = recipe.twists.some((t) => ["array", "revoked", "proxyThrowingKeys"].includes(t.op));
      const fieldsAt = (at) => (at.length === 0 ? desc.fields : (desc.fields.find((f) => f.name === at[0])?.fields ?? []));
      // The member each twist leaves at its place and key (a later twist there replaces it).
      const last = new Map();
      for (const t of recipe.twists) if (t.key !== undefined) last.set(JSON.stringify([t.at, t.op === "protoOwn" ? "__proto__" : t.key]), t);
      for (const t of last.values()) {
        if (wrapped || t.value?.special !== "cycle" || !["set", "getter"].includes(t.op)) continue;
        const where = t.at[0] === "assistantOverrides" ? "any" : fieldsAt(t.at).some((f) => f.name === t.key) ? null : "unknown";
        if (where && c.depthIn !== "any") {
          c.depth = "cycle";
          c.depthIn = where;
        }
      }
      cases.push(c);
    } else {
      const { text, tags, depth } = textCase(rnd, model, desc, gens[model], options);
      if (!text.isWellFormed()) throw new Error(`generated text is not well-formed UTF-16: ${JSON.stringify(text)}`);
      const c = { i, model, options, kind: "text", text, parse: parseStatus(text), tags };
      if (depth !== undefined && c.parse === "ok") {
        const value = JSON.parse(text);
        c.depth = nesting(value);
        // Deep inside an any-object field (kept whatever the unknown policy), or in unknown properties.
        const any = value?.assistantOverrides;
        c.depthIn = model === "createCustomerDto" && any !== null && typeof any === "object" && 1 + nesting(any) > 128 ? "any" : "unknown";
      }
      cases.push(c);
    }
  }
  return cases;
}
