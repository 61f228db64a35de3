// Differential test: seeded generated records through every entry point, natively and from
// JS; every pair of paths must give the same answer.
//
//   node --test tests/node/differential.test.mjs        (needs pkg/: npm run build; and cargo)
//   DIFF_SEED=7 DIFF_CASES=200000 DIFF_DUMP=/tmp/d.ndjson node --test tests/node/differential.test.mjs
//
// Cases (tests/node/differential/generate.mjs): DIFF_CASES (default 100,000; fewer fails the
// test) from seed DIFF_SEED, each a model, options and a record, as a JSON text or (about 1 in
// 9) a JS value JSON cannot express. Paths:
//   N.validate_str N.validate_json N.bulk_ndjson N.bulk_ndjson_str N.bulk_array
//       the crate natively: examples/differential.rs, one `cargo run` fed all cases on stdin
//   J.validate            validate(model, JSON.parse(text), opts)   (the flat per-record path)
//   J.validate+messages   the same with messages: {} (the general path)
//   J.noeval              the same in a child `node --disallow-code-generation-from-strings`
//   J.ndjson:ndjson|bytes|values   validateNdjson(model, text, { output }) (bytes decoded)
//   J.ndjson:u8           validateNdjson with the chunk as a Uint8Array
//   J.stream:ndjson|array NdjsonValidator on the text (a leading BOM doubled: a stream drops
//                         one), JsonArrayValidator on "[" + text + "]", pushed in
//                         7-character string pieces, the results summed
//   J.array:ndjson|values validateJsonArray(model, "[" + text + "]", { output })
//   J.csv                 validateCsv(model, header + row) for a record whose values are all
//                         non-empty well-formed strings (not JSON-looking), each key placed
//                         at itself by the header mapping (its `columns`): coerce as the case's
//   CLI                   bin/customer-validation.mjs check --format json --out, one NDJSON
//                         file per (model, options)
//   J.twin                (JS-value cases) validate on the plain JSON value the input stands
//                         for: its own enumerable string-keyed properties, each read once
// JS-value cases run their per-record paths in child processes (a JS value can crash the
// process: the crash is that case's answer and the next child goes on), as does J.noeval;
// pkg/ is reloaded after any exception escapes a call (a JS exception unwinding through
// WebAssembly can leave the instance broken for every later call).
//
// An answer: the verdict, the errors (path, code, params, message: in order, exactly) and the
// normalized value as JSON text (JSON.stringify of the value; member order counts). A text
// output is read as JSON.parse reads it, except that a key twice in an object the validator
// builds (the record, a declared object, a map) is a disagreement of its own (inside a value
// passed through unchanged the text is copied as written: README, "Repeated keys"). Against a
// native serde_json Value (N.validate_str, N.validate_json) lone surrogates are mapped to
// U+FFFD first (`toWellFormed`): a Rust String cannot hold them, the one documented difference.
//
// Exceptions, kept narrow:
//   (a) a text JSON.parse rejects runs on the text paths only: a `json` error cannot arise on
//       the JS-object paths (JSON.parse would have thrown);
//   (b) a text with a number literal JSON.parse reads as ±Infinity (1e400) is a `json` error on
//       the text paths by design, and is kept off the JS-object paths;
//   (c) N.validate_json is compared only when serde_json parsed the text (it refuses lone
//       surrogates, and nesting deeper than its own limit of 127 levels);
//   (d) for a text that is not JSON (cases of (a) and (b)), a JSON-array path is compared with
//       a non-array path without the `params` and `message` of `json` errors: the record sits
//       inside "[...]" there, so the parser stops at another column, with another message;
//   (e) texts with a line feed are not NDJSON records: no NDJSON paths and no CLI for them (and
//       a CLI file whose every record starts with '[' would be read as an array: skipped).
//
// The data model asserted (README, "JSON input"): repeated keys: the last value wins, at the
// position of the first (as JSON.parse); errors in input order (declared fields in declaration
// order, then unknown properties in input order; map entries in input order); numbers read as
// the correctly rounded f64; lone surrogate escapes accepted (a check counts one code point);
// containers nest at most 128 deep counting the record as 1, deeper is a `max_depth` error
// (checked where the deep value is kept: an any-object field, or unknown properties under
// unknown: allow); from JS only own enumerable string-keyed properties count (J.twin), each
// property is read at most once, the normalized value never shares a plain object or array
// with the input (`value.x !== input.x`), and no exception escapes a call.
//
// Output (console.log, shown by node --test): per path pair and check, cases compared and
// disagreements, the time per path, then up to 20 disagreements in full. DIFF_DUMP=file writes
// every disagreement there as NDJSON.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { homedir, tmpdir } from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { generateCases } from "./differential/generate.mjs";
import { canon, codes, fromBulk, fromNative, noteOf, parseCanon, Pkg, runRecord, threw, useModels, wellFormed, withoutJsonDetail } from "./differential/common.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const pkgDir = join(root, "pkg");
if (!existsSync(join(pkgDir, "package.json"))) throw new Error(`no ${pkgDir}: build it first (npm run build)`);
const v = createRequire(import.meta.url)(pkgDir);
useModels(v);

const SEED = Number(process.env.DIFF_SEED ?? 0xd1ff);
const CASES = Number(process.env.DIFF_CASES ?? 100000);
const MIN_CASES = 100000;
const SHOWN = 20;

const NATIVE = ["N.validate_str", "N.validate_json", "N.bulk_ndjson", "N.bulk_ndjson_str", "N.bulk_array"];
const NATIVE_KEYS = { "N.validate_str": "validate_str", "N.validate_json": "validate_json", "N.bulk_ndjson": "bulk_ndjson", "N.bulk_ndjson_str": "bulk_ndjson_str", "N.bulk_array": "bulk_array" };
const ARRAY_PATHS = new Set(["N.bulk_array", "J.array:ndjson", "J.array:values", "J.stream:array"]);
/** The paths whose value is a native serde_json Value (a Rust String: U+FFFD for a lone surrogate). */
const VALUE_PATHS = new Set(["N.validate_str", "N.validate_json"]);

/** The pairs compared: together they connect every path, so any disagreement shows somewhere. */
const PAIRS = [
  ["J.validate", "J.validate+messages"],
  ["J.validate", "J.noeval"],
  ["J.validate", "J.twin"],
  ["J.validate", "N.validate_str"],
  ["J.validate", "J.ndjson:ndjson"],
  ["J.validate", "J.array:ndjson"],
  ["J.validate", "J.csv"],
  ["N.validate_str", "N.validate_json"],
  ["N.validate_str", "N.bulk_ndjson"],
  ["N.bulk_ndjson", "N.bulk_ndjson_str"],
  ["N.validate_str", "N.bulk_array"],
  ["J.ndjson:ndjson", "J.ndjson:bytes"],
  ["J.ndjson:ndjson", "J.ndjson:values"],
  ["J.ndjson:ndjson", "J.ndjson:u8"],
  ["J.ndjson:ndjson", "J.stream:ndjson"],
  ["J.array:ndjson", "J.stream:array"],
  ["J.ndjson:ndjson", "N.bulk_ndjson"],
  ["J.ndjson:ndjson", "CLI"],
  ["J.ndjson:ndjson", "J.array:ndjson"],
  ["J.array:ndjson", "J.array:values"],
  ["J.array:ndjson", "N.bulk_array"],
];

/** Answers by case and path, each case's distinct answers stored once. */
class Answers {
  constructor(n) {
    this.pool = Array.from({ length: n }, () => []);
    this.at = Array.from({ length: n }, () => ({}));
  }
  set(i, path, answer) {
    const pool = this.pool[i];
    let k = pool.indexOf(answer);
    if (k < 0) k = pool.push(answer) - 1;
    this.at[i][path] = k;
  }
  get(i, path) {
    const k = this.at[i][path];
    return k === undefined ? undefined : this.pool[i][k];
  }
  same(i, p, q) {
    return this.at[i][p] === this.at[i][q];
  }
}

/** `text` through a stream in 7-character pieces (surrogate pairs split too): the results as one. */
function streamed(validator, text) {
  const sum = { records: 0, valid: 0, invalid: 0, errors: [], normalized: "" };
  const pieces = [];
  for (let i = 0; i < text.length; i += 7) pieces.push(text.slice(i, i + 7));
  for (let k = 0; k <= pieces.length; k++) {
    const r = k < pieces.length ? validator.push(pieces[k]) : validator.end();
    if (!r) continue;
    for (const k of ["records", "valid", "invalid"]) sum[k] += r[k];
    sum.errors.push(...r.errors);
    sum.normalized += r.normalized ?? "";
  }
  return sum;
}

/** A CSV cell, quoted as a spreadsheet writes one. */
const csvCell = (s) => (/[",\r\n]|^ | $/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The case's record as a CSV text of a header and one row, when CSV can carry it: a plain
 * object of non-empty, well-formed strings that do not look like JSON, with at least one key.
 */
function asCsv(c) {
  let record;
  try {
    record = JSON.parse(c.text);
  } catch {
    return undefined;
  }
  if (record === null || typeof record !== "object" || Array.isArray(record)) return undefined;
  const keys = Object.keys(record);
  if (keys.length === 0) return undefined;
  for (const k of keys) {
    const v = record[k];
    if (typeof v !== "string" || v === "" || !v.isWellFormed() || !k.isWellFormed() || /^\s*[[{]/.test(v)) return undefined;
  }
  return { keys, text: keys.map(csvCell).join(",") + "\r\n" + keys.map((k) => csvCell(record[k])).join(",") + "\r\n" };
}

/** A JSON Pointer of one key. */
const pointer = (k) => "/" + k.replace(/~/g, "~0").replace(/\//g, "~1");

/** Whether a bulk path's answer says its input held other than one record. */
const notOneRecord = (answer) => noteOf(answer).includes(" records, ");

const bulkOptions = (c, output) => ({ ...c.options, output });
// Not one NDJSON line: a text with a line feed, or ending in CR (as an NDJSON line, that CR
// would be the line end's, CRLF, not the record's).
const hasLineFeed = (c) => c.kind === "text" && (c.text.includes("\n") || c.text.endsWith("\r"));

/** Lets the event loop run (children's pipes) between slices of synchronous work. */
const breathe = () => new Promise((resolve) => setImmediate(resolve));

function timed(timing, path, f) {
  const t = performance.now();
  try {
    return f();
  } finally {
    timing[path] = (timing[path] ?? 0) + performance.now() - t;
  }
}

/** The JS paths that run in this process. */
async function runInProcess(pkg, cases, answers, timing, checks) {
  const encoder = new TextEncoder();
  for (const c of cases) {
    const i = c.i;
    // JS-value cases run in a child (runRecordChild, mode "js"): a JS value can crash the process.
    if (c.kind === "text" && c.parse === "ok") {
      for (const [path, messages] of [["J.validate", false], ["J.validate+messages", true]]) {
        const r = timed(timing, path, () => runRecord(pkg, c, messages));
        answers.set(i, path, r.answer);
        checks.record(c, path, r);
      }
    }
    if (c.kind === "text") {
      const call = (path, f) => {
        try {
          answers.set(i, path, timed(timing, path, f));
        } catch (e) {
          pkg.reload();
          answers.set(i, path, threw(e));
        }
      };
      if (!hasLineFeed(c)) {
        for (const output of ["ndjson", "bytes", "values"]) {
          call(`J.ndjson:${output}`, () => fromBulk(pkg.v.validateNdjson(c.model, c.text, bulkOptions(c, output)), c.model, output, "line", 1));
        }
        call("J.ndjson:u8", () => fromBulk(pkg.v.validateNdjson(c.model, encoder.encode(c.text), bulkOptions(c, "ndjson")), c.model, "ndjson", "line", 1));
        // A stream ignores a byte order mark at its start (validateNdjson, which reads chunks,
        // does not): one more in front leaves the text's own to be read as validateNdjson reads it.
        const asStream = c.text.startsWith("\ufeff") ? "\ufeff" + c.text : c.text;
        call("J.stream:ndjson", () => fromBulk(streamed(new pkg.v.NdjsonValidator(c.model, bulkOptions(c, "ndjson")), asStream), c.model, "ndjson", "line", 1));
      }
      for (const output of ["ndjson", "values"]) {
        call(`J.array:${output}`, () => fromBulk(pkg.v.validateJsonArray(c.model, "[" + c.text + "]", bulkOptions(c, output)), c.model, output, "index", 0));
      }
      call("J.stream:array", () => fromBulk(streamed(new pkg.v.JsonArrayValidator(c.model, bulkOptions(c, "ndjson")), "[" + c.text + "]"), c.model, "ndjson", "index", 0));
      const csv = c.parse === "ok" && c.options !== null && typeof c.options === "object" && !Array.isArray(c.options) ? asCsv(c) : undefined;
      if (csv) {
        // Cells are text: the case's own coerce, not CSV's default.
        const options = { ...bulkOptions(c, "ndjson"), coerce: c.options.coerce ?? false };
        const r = timed(timing, "J.csv", () => pkg.v.validateCsv(c.model, csv.text, options));
        // Only where the header put every key at itself (no loose match to another field).
        const placed = r.columns?.length === csv.keys.length && r.columns.every((col, k) => col.path === pointer(csv.keys[k]));
        if (placed) {
          delete r.columns;
          answers.set(i, "J.csv", fromBulk(r, c.model, "ndjson", "line", 2));
        } else if (!r.columns && !r.errors.some((f) => f.errors?.some((e) => e.code === "csv_header"))) {
          // Refused whole (bad options): compared as any bulk call's failure is.
          answers.set(i, "J.csv", fromBulk(r, c.model, "ndjson", "line", 2));
        }
      }
    }
    if (i % 500 === 0) await breathe();
  }
}

/** Lines of a child's output as they come. */
async function* lines(stream) {
  yield* createInterface({ input: stream, crlfDelay: Infinity });
}

/** Children started by this test, ended if the test fails before they do. */
const children = new Set();
function track(child) {
  children.add(child);
  child.on("close", () => children.delete(child));
  return child;
}

function exitOf(child) {
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
}

/** The native example: all text cases on stdin, one answer line each. */
async function runNative(cases, answers, timing) {
  const started = performance.now();
  const texts = cases.filter((c) => c.kind === "text");
  const env = { ...process.env, PATH: `${join(homedir(), ".cargo/bin")}:${process.env.PATH}` };
  const child = track(spawn("cargo", ["run", "--quiet", "--example", "differential"], { cwd: root, env, stdio: ["pipe", "pipe", "pipe"] }));
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exit = exitOf(child);
  child.stdin.on("error", () => {}); // a child that died early: reported below
  (async () => {
    let batch = "";
    for (const c of texts) {
      batch += JSON.stringify({ model: c.model, options: c.options, text: c.text }) + "\n";
      if (batch.length > 1 << 16) {
        if (!child.stdin.write(batch)) await new Promise((r) => child.stdin.once("drain", r));
        batch = "";
      }
    }
    child.stdin.end(batch);
  })();
  let k = 0;
  for await (const line of lines(child.stdout)) {
    const c = texts[k++];
    if (!c) break;
    const r = JSON.parse(line);
    for (const path of NATIVE) {
      if (r.harness_error) answers.set(c.i, path, canon({ valid: null, note: r.harness_error }));
      else if (r[NATIVE_KEYS[path]] !== null) answers.set(c.i, path, fromNative(r[NATIVE_KEYS[path]], c.model, path === "N.bulk_array" ? 0 : 1));
    }
  }
  const { code } = await exit;
  timing.native = performance.now() - started;
  return { answered: k, expected: texts.length, code, stderr };
}

/**
 * Per-record JS paths in child processes (differential/record-child.mjs): mode "noeval" (J.noeval,
 * where `new Function` throws) or "js" (the JS-value cases through J.validate,
 * J.validate+messages and J.twin). A child that dies (a V8 fatal error, an abort) has the call
 * it was in as the answer of that case and path, and the next child starts at the next case.
 */
async function runRecordChild(label, mode, flags, casesFile, dir, answers, timing, checks, cases) {
  const t0 = performance.now();
  const result = { crashes: [], reloads: 0, codegen: null, stderr: "" };
  let from = 0;
  for (let run = 0; ; run++) {
    const out = join(dir, `${label.replace(/\W+/g, "-")}-${run}.ndjson`);
    const child = track(spawn(process.execPath, [...flags, join(here, "differential/record-child.mjs"), pkgDir, casesFile, out, String(from), mode], { stdio: ["ignore", "inherit", "pipe"] }));
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const { code, signal } = await exitOf(child);
    let begun = null;
    let done = false;
    let text = "";
    try {
      text = readFileSync(out, "utf8");
    } catch {}
    for (const line of text.split("\n")) {
      if (!line) continue;
      let r;
      try {
        r = JSON.parse(line);
      } catch {
        continue; // a line cut by the crash
      }
      if (r.codegen !== undefined) result.codegen = r.codegen;
      else if (r.begin) begun = r.begin;
      else if (r.done) {
        done = true;
        result.reloads += r.reloads;
      } else {
        begun = null;
        if (r.answer === null) continue;
        answers.set(r.i, r.path, r.answer);
        if (r.path !== "J.twin") checks.record(cases[r.i], r.path, r);
      }
    }
    if (done && code === 0) break;
    if (!begun) {
      // Died before its first call, or after its last: nothing to blame on a case.
      result.stderr = `exit ${code} ${signal ?? ""}: ${stderr.slice(-2000)}`;
      break;
    }
    const [i, path] = begun;
    const why = (stderr.match(/FATAL ERROR[^\n]*|Fatal [^\n]*|RangeError[^\n]*|\w*Error: [^\n]*/) ?? [""])[0];
    answers.set(i, path, canon({ valid: null, note: `threw (the process died: ${signal ?? "exit " + code}) ${why}`.trim() }));
    result.crashes.push({ i, path, signal, code, why });
    from = i + 1;
  }
  timing[label] = performance.now() - t0;
  return result;
}

/** CLI arguments of a case's options. */
function cliArgs(c) {
  const a = ["--model", c.model];
  for (const k of ["mode", "profile", "unknown"]) if (c.options[k] !== undefined) a.push(`--${k}`, c.options[k]);
  if (c.options.coerce === true) a.push("--coerce");
  return a;
}

/** The CLI on one NDJSON file per (model, options): failures on stdout by line, valid records in --out. */
async function runCli(cases, dir, answers, timing) {
  const started = performance.now();
  const groups = new Map();
  for (const c of cases) {
    if (c.kind !== "text" || hasLineFeed(c)) continue;
    const key = JSON.stringify(cliArgs(c));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c);
  }
  const cli = join(root, "bin/customer-validation.mjs");
  const problems = [];
  const jobs = [...groups.entries()].map(([key, group], g) => async () => {
    // The file starts with a record that does not start with '[' (the CLI is told NDJSON by
    // the extension, but a plain start keeps the case off the sniff) nor with a byte order
    // mark (ignored at the start of a file, as the streams do: a record of its own here).
    const first = group.findIndex((c) => !/^[ \t\r\n]*\[/.test(c.text) && !c.text.startsWith("\ufeff"));
    if (first < 0) return;
    if (first > 0) group.unshift(...group.splice(first, 1));
    const file = join(dir, `cli-${g}.ndjson`);
    const outFile = join(dir, `cli-${g}.out.ndjson`);
    writeFileSync(file, group.map((c) => c.text).join("\n") + "\n");
    const child = track(spawn(process.execPath, [cli, "check", ...JSON.parse(key), "--format", "json", "--quiet", "--out", outFile, file], { stdio: ["ignore", "pipe", "pipe"] }));
    let stdout = "";
    let stderr = "";
    // Decoded as one stream: a character split across two chunks must not become two U+FFFD.
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const { code } = await exitOf(child);
    if (code !== 0 && code !== 1) {
      problems.push(`CLI ${JSON.parse(key).join(" ")}: exit ${code}: ${stderr.slice(0, 500)}`);
      for (const c of group) answers.set(c.i, "CLI", canon({ valid: null, note: `CLI exit ${code}` }));
      return;
    }
    const failures = new Map();
    for (const line of stdout.split("\n")) {
      if (!line) continue;
      const f = JSON.parse(line);
      failures.set(f.line, f.errors);
    }
    const normalized = readFileSync(outFile, "utf8").split("\n");
    normalized.pop();
    let next = 0;
    group.forEach((c, k) => {
      const errors = failures.get(k + 1);
      if (errors) answers.set(c.i, "CLI", canon({ valid: false, errors }));
      else if (next < normalized.length) answers.set(c.i, "CLI", fromBulk({ records: 1, valid: 1, invalid: 0, errors: [], normalized: normalized[next++] + "\n" }, c.model, "ndjson", "line", 1));
      else answers.set(c.i, "CLI", canon({ valid: null, note: "no failure and no normalized line" }));
    });
    if (next !== normalized.length) problems.push(`CLI ${JSON.parse(key).join(" ")}: ${normalized.length} normalized lines for ${next} valid records`);
  });
  // Two at a time: the machine has two cores.
  const queue = [...jobs];
  await Promise.all([0, 1].map(async () => {
    while (queue.length) await queue.shift()();
  }));
  timing.CLI = performance.now() - started;
  return { groups: groups.size, problems };
}

/** The read-once and no-sharing checks of the JS per-record paths, and the nesting bound. */
class Checks {
  constructor() {
    this.rows = new Map();
  }
  row(name) {
    if (!this.rows.has(name)) this.rows.set(name, { compared: 0, failures: [] });
    return this.rows.get(name);
  }
  record(c, path, r) {
    const shared = this.row(`no shared objects: ${path}`);
    shared.compared++;
    if (r.shared) shared.failures.push({ c, path, detail: `the normalized value holds the input's object at ${r.shared}`, answer: r.answer });
    if (c.kind === "js") {
      const once = this.row(`each property read once: ${path}`);
      once.compared++;
      if (r.reread) once.failures.push({ c, path, detail: r.reread, answer: r.answer });
    }
  }
  /** No exception escapes a call ("input of any shape gives errors, never an exception"). */
  exceptions(c, answers) {
    const row = this.row("no exception escapes a call (any path)");
    for (const [path, k] of Object.entries(answers.at[c.i])) {
      const answer = answers.pool[c.i][k];
      row.compared++;
      if (noteOf(answer).startsWith("threw ")) row.failures.push({ c, path, detail: "an exception escaped the call", answer });
    }
  }
  /** A case made to probe the nesting bound: `max_depth` exactly when deeper than 128. */
  depth(c, answers) {
    if (c.depth === undefined || c.tags.includes("struct-depth")) return;
    const deeper = c.depth === "cycle" || c.depth > 128;
    // Too deep only in unknown properties that strip drops or reject refuses: not checked (the
    // README asks max_depth of values read or passed through; these are neither).
    if (deeper && c.depthIn !== "any" && ["strip", "reject"].includes(c.options.unknown)) return;
    const row = this.row("nesting bound: max_depth iff deeper than 128");
    for (const [path, k] of Object.entries(answers.at[c.i])) {
      const answer = answers.pool[c.i][k];
      if (path === "N.validate_json" || path === "J.twin") continue;
      if (noteOf(answer).startsWith("threw ")) continue; // an exception: a check of its own
      row.compared++;
      const has = codes(answer).includes("max_depth");
      if (has !== deeper) row.failures.push({ c, path, detail: `nesting ${c.depth}: ${has ? "a" : "no"} max_depth error`, answer });
    }
  }
}

function describeCase(c) {
  const out = { i: c.i, model: c.model, options: c.options, tags: c.tags };
  if (c.kind === "text") {
    out.text = c.text.length > 600 ? c.text.slice(0, 600) + `... (${c.text.length} chars)` : c.text;
    out.parse = c.parse;
  } else out.recipe = c.recipe;
  if (c.depth !== undefined) out.depth = c.depth;
  return out;
}

const shorten = (s) => (s.length > 1500 ? s.slice(0, 1500) + `... (${s.length} chars)` : s);
/** An answer for people: verdict, errors and note as JSON, then the normalized value's text as it is. */
function shownAnswer(a) {
  if (a === undefined) return "(none)";
  const { value, ...rest } = parseCanon(a);
  return shorten(JSON.stringify(rest) + (value === undefined ? "" : ` value: ${value}`));
}

test("differential: every entry point gives the same answer on generated records", { timeout: 15 * 60 * 1000 }, async () => {
  const started = performance.now();
  const timing = {};
  const cases = timed(timing, "generate", () => generateCases(v, { seed: SEED, count: CASES }));
  const dir = mkdtempSync(join(tmpdir(), "cv-differential-"));
  try {
    // The children's cases: the JS values, and the texts of the JS-object paths.
    const jsFile = join(dir, "js-cases.ndjson");
    const textFile = join(dir, "text-cases.ndjson");
    writeFileSync(jsFile, cases.filter((c) => c.kind === "js").map((c) => JSON.stringify(c) + "\n").join(""));
    writeFileSync(textFile, cases.filter((c) => c.kind === "text" && c.parse === "ok").map((c) => JSON.stringify(c) + "\n").join(""));
    const answers = new Answers(cases.length);
    const checks = new Checks();

    // The native example runs while this process runs the in-process paths, the per-record children after them.
    const native = runNative(cases, answers, timing);
    const pkg = new Pkg(pkgDir);
    const inProcess = runInProcess(pkg, cases, answers, timing, checks);
    // A small heap for the JS values: an input that makes the process grow without bound
    // (copying an array of length 2^32-1) then dies in seconds, not after filling the machine.
    const NOEVAL = "--disallow-code-generation-from-strings";
    const SMALL_HEAP = "--max-old-space-size=256";
    const childRuns = inProcess.then(() =>
      Promise.all([
        runRecordChild("JS values (child)", "js", [SMALL_HEAP], jsFile, dir, answers, timing, checks, cases),
        runRecordChild("J.noeval, JS values (child)", "noeval", [NOEVAL, SMALL_HEAP], jsFile, dir, answers, timing, checks, cases),
        runRecordChild("J.noeval, texts (child)", "noeval", [NOEVAL], textFile, dir, answers, timing, checks, cases),
      ]),
    );
    const [nat, , [js, nejs, netext]] = await Promise.all([native, inProcess, childRuns]);
    const ne = { codegen: nejs.codegen === false && netext.codegen === false ? false : true, stderr: [nejs.stderr, netext.stderr].filter(Boolean).join("\n"), reloads: nejs.reloads + netext.reloads, crashes: [...nejs.crashes, ...netext.crashes] };
    const cli = await runCli(cases, dir, answers, timing);

    const harness = [];
    if (nat.code !== 0 || nat.answered !== nat.expected) harness.push(`native example: exit ${nat.code}, ${nat.answered} of ${nat.expected} answers\n${nat.stderr.slice(-3000)}`);
    for (const [name, r] of [["JS-value child", js], ["no-eval child", ne]]) if (r.stderr) harness.push(`${name}: ${r.stderr}`);
    if (ne.codegen !== false) harness.push("no-eval child: code generation from strings was not refused");
    if (js.codegen !== true) harness.push("JS-value child: code generation from strings was refused");
    harness.push(...cli.problems);

    // Compare.
    const rows = [];
    const disagreements = [];
    for (const [p, q] of PAIRS) {
      const row = { pair: `${p} ~ ${q}`, compared: 0, disagree: 0 };
      const native = VALUE_PATHS.has(p) !== VALUE_PATHS.has(q);
      const relaxJson = ARRAY_PATHS.has(p) !== ARRAY_PATHS.has(q);
      for (const c of cases) {
        const a = answers.get(c.i, p);
        const b = answers.get(c.i, q);
        if (a === undefined || b === undefined) continue;
        // A text that is not JSON may take the array's own brackets or commas (`[` + "\t[" +
        // `]` is the array `[[]]`, then an unfinished list): `[text]` is then not one record,
        // and the array's failures answer for `[text]`, not for the text (tests/limits.rs).
        if (relaxJson && c.kind === "text" && c.parse !== "ok" && notOneRecord(ARRAY_PATHS.has(p) ? a : b)) continue;
        row.compared++;
        if (answers.same(c.i, p, q)) continue;
        let x = native ? wellFormed(a) : a;
        let y = native ? wellFormed(b) : b;
        if (relaxJson && c.kind === "text" && c.parse !== "ok") {
          x = withoutJsonDetail(x);
          y = withoutJsonDetail(y);
        }
        if (x === y) continue;
        row.disagree++;
        disagreements.push({ pair: row.pair, c, [p]: a, [q]: b });
      }
      rows.push(row);
    }
    for (const c of cases) {
      checks.depth(c, answers);
      checks.exceptions(c, answers);
    }
    for (const [name, row] of checks.rows) {
      rows.push({ pair: name, compared: row.compared, disagree: row.failures.length });
      for (const f of row.failures) disagreements.push({ pair: name, c: f.c, [f.path]: f.answer, detail: f.detail });
    }

    // Report.
    const kinds = { text: 0, js: 0 };
    const parse = {};
    for (const c of cases) {
      kinds[c.kind]++;
      if (c.kind === "text") parse[c.parse] = (parse[c.parse] ?? 0) + 1;
    }
    const w = Math.max(...rows.map((r) => r.pair.length));
    const report = [
      `differential: ${cases.length.toLocaleString("en")} cases (seed ${SEED}): ${kinds.text.toLocaleString("en")} JSON texts (JSON.parse: ${Object.entries(parse).map(([k, n]) => `${k} ${n}`).join(", ")}), ${kinds.js.toLocaleString("en")} JS values; CLI: ${cli.groups} files; pkg/ reloaded after an exception: ${pkg.reloads + js.reloads} times, ${ne.reloads} in the no-eval child; child processes died: ${js.crashes.length} (JS values), ${ne.crashes.length} (no-eval)`,
      `${"path pair / check".padEnd(w)}  ${"compared".padStart(9)}  ${"disagree".padStart(8)}`,
      ...rows.map((r) => `${r.pair.padEnd(w)}  ${String(r.compared).padStart(9)}  ${String(r.disagree).padStart(8)}`),
      `time per path (ms; native, J.noeval and CLI are child processes, wall clock, native includes cargo's build check): ` +
        Object.entries(timing).map(([k, t]) => `${k} ${Math.round(t)}`).join(", ") +
        `; total ${Math.round(performance.now() - started)}`,
    ];
    // Up to SHOWN disagreements: round robin over the rows, shortest texts first.
    const byRow = new Map();
    for (const d of disagreements) {
      if (!byRow.has(d.pair)) byRow.set(d.pair, []);
      byRow.get(d.pair).push(d);
    }
    for (const list of byRow.values()) list.sort((a, b) => (a.c.text?.length ?? 0) - (b.c.text?.length ?? 0));
    const shown = [];
    for (let k = 0; shown.length < SHOWN && k < disagreements.length; k++) {
      for (const list of byRow.values()) if (list[k] && shown.length < SHOWN) shown.push(list[k]);
    }
    for (const d of shown) {
      report.push("", `DISAGREEMENT ${d.pair}${d.detail ? ": " + d.detail : ""}`, `  case: ${JSON.stringify(describeCase(d.c))}`);
      for (const [k, a] of Object.entries(d)) if (k !== "pair" && k !== "c" && k !== "detail") report.push(`  ${k}: ${shownAnswer(a)}`);
    }
    for (const h of harness) report.push("", "HARNESS: " + h);
    console.log(report.join("\n"));
    if (process.env.DIFF_DUMP) {
      writeFileSync(process.env.DIFF_DUMP, disagreements.map((d) => {
        const o = { pair: d.pair, case: describeCase(d.c), detail: d.detail };
        for (const [k, a] of Object.entries(d)) if (k !== "pair" && k !== "c" && k !== "detail") o[k] = parseCanon(a);
        return JSON.stringify(o);
      }).join("\n") + "\n");
    }

    assert.deepEqual(harness, [], "the harness itself failed (see above)");
    assert.ok(cases.length >= MIN_CASES, `only ${cases.length} cases run (at least ${MIN_CASES.toLocaleString("en")} required; DIFF_CASES=${CASES})`);
    const failing = rows.filter((r) => r.disagree > 0);
    assert.equal(failing.length, 0, `disagreements: ${failing.map((r) => `${r.pair} ×${r.disagree}`).join(", ")}`);
  } finally {
    for (const child of children) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
