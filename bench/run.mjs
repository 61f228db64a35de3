// Benchmark of the Node.js API of customer-validation against ajv 8 (compiled from the module's
// own JSON Schema export) and zod 4 (bench/zod-schemas.mjs), in one process, side by side.
// Run from the repository root: `node bench/run.mjs` (BENCH_QUICK=1 for a short smoke run).
// It prints Markdown tables and never asserts timings. See bench/README.md for what each row means.
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { existsSync, readFileSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import zlib from "node:zlib";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import * as z from "zod";
import Papa from "papaparse";
import * as data from "./data.mjs";
import { zodSchemas } from "./zod-schemas.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PKG = join(ROOT, "pkg");
const WASM = join(PKG, "node", "customer_validation_bg.wasm");
if (!existsSync(join(PKG, "node", "customer_validation.js")) || !existsSync(WASM)) {
  console.error("pkg/ is missing: build it first with `bash scripts/build.sh`.");
  process.exit(1);
}
const require = createRequire(import.meta.url);
const v = require(PKG);
// The benchmark is an application on its own: on Node 20 it opts in (js/v8-workaround.cjs;
// without it, V8 aborted it in 4 of 7 runs).
v.useV8Workaround();
// Read now, with the module just loaded: the Load section reports the bytes that were benchmarked.
const wasmBytes = readFileSync(WASM);
const glueBytes = statSync(join(PKG, "node", "customer_validation.js")).size;

const QUICK = process.env.BENCH_QUICK === "1";
const CFG = QUICK
  ? { oneShape: 500, mixed: 2000, rounds: 3, warmup: 1, formCalls: 301, bulk: 10_000, bulkRounds: 2, spawns: 3 }
  : { oneShape: 2000, mixed: 10_000, rounds: 11, warmup: 2, formCalls: 2001, bulk: 100_000, bulkRounds: 5, spawns: 7 };
const CHUNK_BYTES = 1 << 20;
// BENCH_SECTIONS=bulk,load (say) runs only those sections; all four by default.
const SECTIONS = new Set((process.env.BENCH_SECTIONS || "per-record,form,bulk,csv,load").split(",").map((x) => x.trim()));
const OPTS = Object.freeze({ mode: "create" });

// A real gc() between measurements keeps one validator's garbage out of the next one's time.
// (`node --expose-gc` provides it; otherwise the flag is set at run time.)
if (typeof globalThis.gc !== "function") v8.setFlagsFromString("--expose-gc");
const gc = typeof globalThis.gc === "function" ? globalThis.gc : vm.runInNewContext("gc");

// ---------------------------------------------------------------- helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const now = () => process.hrtime.bigint();
const fmt = (x, digits = 0) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");
/** FNV-1a (32 bits), printed so the native benchmark can show it validates the same bytes. */
const fnv1a = (bytes) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
};
const table = (head, rows) =>
  [`| ${head.join(" | ")} |`, `|${head.map((h, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

// ---------------------------------------------------------------- the validators

const customerSchema = v.jsonSchema("customer", { mode: "create", profile: "strict" });
const dtoSchema = v.jsonSchema("createCustomerDto", { mode: "create", profile: "strict" });
const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false });
addFormats(ajv);
const ajvCustomer = ajv.compile(customerSchema);
const ajvDto = ajv.compile(dtoSchema);
const zs = zodSchemas(customerSchema, dtoSchema);
const zodCompiled = {};
for (const k of Object.keys(zs)) {
  try {
    zodCompiled[k] = z.compile(zs[k], { strict: true });
  } catch (e) {
    zodCompiled[k] = null; // the row says n/a
    console.error(`note: z.compile refused the ${k} schema (${e.message}); its column is n/a`);
  }
}

/** Each validator as (record) => boolean verdict; every record it gets is its own copy. */
const MODELS = {
  customer: {
    ours: (rec) => v.validateCustomer(rec, OPTS).valid,
    ajv: (rec) => ajvCustomer(rec),
    zod: (rec) => zs.customer.safeParse(rec).success,
    zodCompiled: zodCompiled.customer && ((rec) => zodCompiled.customer.safeParse(rec).success),
  },
  createCustomerDto: {
    ours: (rec) => v.validateCreateCustomerDto(rec, OPTS).valid,
    ajv: (rec) => ajvDto(rec),
    zod: (rec) => zs.createCustomerDto.safeParse(rec).success,
    zodCompiled: zodCompiled.createCustomerDto && ((rec) => zodCompiled.createCustomerDto.safeParse(rec).success),
  },
};
const PEERS = ["ours", "ajv", "zod", "zodCompiled"];

/**
 * Runs each of `runs` (name -> function) once per round, in an order that rotates between
 * rounds, a gc() before each; round 0 warms up. `sample(name, seconds, result)` gets every
 * later run's time and answer.
 */
function rounds(runs, count, sample) {
  const names = Object.keys(runs);
  for (let round = 0; round < 1 + count; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      gc();
      const t0 = now();
      const result = runs[name]();
      const s = Number(now() - t0) / 1e9;
      if (round > 0) sample(name, s, result);
    }
  }
}

function timeLoop(check, inputs) {
  let ok = 0;
  const t0 = now();
  for (let i = 0; i < inputs.length; i++) if (check(inputs[i])) ok++;
  const t1 = now();
  return { ns: Number(t1 - t0) / inputs.length, ok };
}

/** Median ns/record over rounds; each round gives every validator fresh structuredClone'd
 *  copies (made before its timer starts) and rotates who goes first. */
function perRecord(model, records) {
  const validators = MODELS[model];
  const samples = Object.fromEntries(PEERS.map((p) => [p, []]));
  const verdicts = {};
  for (let round = 0; round < CFG.warmup + CFG.rounds; round++) {
    for (let k = 0; k < PEERS.length; k++) {
      const peer = PEERS[(round + k) % PEERS.length];
      const check = validators[peer];
      if (!check) continue;
      const copies = records.map((r) => structuredClone(r));
      gc();
      const { ns, ok } = timeLoop(check, copies);
      if (round >= CFG.warmup) samples[peer].push(ns);
      verdicts[peer] = ok;
    }
  }
  return Object.fromEntries(PEERS.map((p) => [p, { ns: samples[p].length ? median(samples[p]) : NaN, valid: verdicts[p] }]));
}

/** Records where the validators' verdicts differ (not timed): a benchmark of unequal rules is void. */
function disagreements(model, records) {
  const validators = MODELS[model];
  let n = 0;
  for (const rec of records) {
    const vs = PEERS.filter((p) => validators[p]).map((p) => validators[p](structuredClone(rec)));
    if (vs.some((x) => x !== vs[0])) n++;
  }
  return n;
}

// ---------------------------------------------------------------- header

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`# customer-validation benchmark (Node.js)\n`);
console.log(
  `Node ${process.version}, V8 ${process.versions.v8}, ${os.cpus().length} × ${cpu}; ajv ${require("ajv/package.json").version}, ` +
    `zod ${require("zod/package.json").version}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} at start` +
    `${QUICK ? "; BENCH_QUICK=1 (small sizes, few rounds)" : ""}. Every ratio reads "how many times faster ours is": above 1× ours is faster.\n`,
);

// ---------------------------------------------------------------- 1. per record

if (SECTIONS.has("per-record")) {
  const sets = [
    ["customer", "one shape (a full valid record, repeated)", Array.from({ length: CFG.oneShape }, () => data.fullCustomer())],
    ["customer", "mixed (6 shapes, ~10% invalid)", data.customers(CFG.mixed)],
    ["createCustomerDto", "one shape (a full valid record, repeated)", Array.from({ length: CFG.oneShape }, () => data.fullDto())],
    ["createCustomerDto", "mixed (6 shapes, ~10% invalid)", data.dtos(CFG.mixed)],
  ];
  const rows = [];
  for (const [model, label, records] of sets) {
    const r = perRecord(model, records);
    const differ = disagreements(model, records);
    rows.push([
      `\`${model}\` ${label}`,
      fmt(records.length),
      `${fmt(r.ours.valid)}${differ ? ` (**${differ} verdicts differ**)` : ""}`,
      fmt(r.ours.ns),
      fmt(r.ajv.ns),
      fmt(r.zod.ns),
      Number.isFinite(r.zodCompiled.ns) ? fmt(r.zodCompiled.ns) : "n/a",
      ratio(r.ajv.ns, r.ours.ns),
      ratio(r.zod.ns, r.ours.ns),
      ratio(r.zodCompiled.ns, r.ours.ns),
    ]);
  }
  console.log(`## Per record (median ns/record of ${CFG.rounds} rounds; ratio = peer's time ÷ ours: above 1× ours is faster, below 1× slower)\n`);
  console.log(
    table(["set", "records", "valid", "ours", "ajv", "zod", "zod (z.compile)", "ours vs ajv", "ours vs zod", "ours vs zod (z.compile)"], rows),
  );
  console.log(
    `\nours = \`validateCustomer(rec, {mode:"create"})\` / \`validateCreateCustomerDto(...)\`, building the result object ` +
      `(valid, normalized value, errors with messages); ajv = \`jsonSchema(model, {mode:"create", profile:"strict"})\` compiled by ` +
      `Ajv2020 {allErrors, useDefaults} + ajv-formats (fills defaults in place); zod = \`safeParse\` of bench/zod-schemas.mjs. ` +
      `"valid" counts ours; all validators agree on every verdict unless the cell says otherwise.\n`,
  );
}

// ---------------------------------------------------------------- 2. a whole form checked

if (SECTIONS.has("form")) {
  const full = data.fullCustomer();
  const single = (check) => {
    const copies = Array.from({ length: CFG.formCalls }, () => structuredClone(full));
    gc();
    const us = [];
    for (const c of copies) {
      const t0 = now();
      check(c);
      us.push(Number(now() - t0) / 1000);
    }
    return us;
  };
  const formRows = [];
  const oursUs = single(MODELS.customer.ours);
  for (const p of PEERS) {
    if (!MODELS.customer[p]) continue;
    const us = p === "ours" ? oursUs : single(MODELS.customer[p]);
    formRows.push([p === "zodCompiled" ? "zod (z.compile)" : p, fmt(median(us), 2), fmt(quantile(us, 0.9), 2), fmt(quantile(us, 0.99), 2), p === "ours" ? "1.00×" : ratio(median(us), median(oursUs))]);
  }
  console.log(`## A whole Customer form checked (${fmt(CFG.formCalls)} single calls on one full valid record, 27 fields; µs per call)\n`);
  console.log(table(["validator", "median µs", "p90 µs", "p99 µs", "ours vs this (this ÷ ours, median)"], formRows));
  console.log();
}

// ---------------------------------------------------------------- 3. bulk NDJSON

if (SECTIONS.has("bulk")) {
  const buf = Buffer.from(data.customerNdjson(CFG.bulk));
  const chunks = [];
  for (let start = 0; start < buf.length; ) {
    let end = Math.min(start + CHUNK_BYTES, buf.length);
    if (end < buf.length) {
      const nl = buf.lastIndexOf(0x0a, end - 1);
      end = nl >= start ? nl + 1 : buf.indexOf(0x0a, end) + 1 || buf.length;
    }
    chunks.push(buf.subarray(start, end));
    start = end;
  }

  /**
   * A line-by-line pipeline: decode, split, `JSON.parse` each line, `check` it (`{ value }`
   * when valid, `{ errors }` otherwise), `JSON.stringify` the valid values, join them.
   */
  const perLine = (check) => {
    const text = buf.toString("utf8");
    let lines = 0, valid = 0, invalid = 0;
    const errors = [];
    const out = [];
    const ls = text.split("\n");
    for (let i = 0; i < ls.length; i++) {
      const line = ls[i];
      if (line.length === 0) continue;
      lines++;
      let rec;
      try {
        rec = JSON.parse(line);
      } catch (e) {
        invalid++;
        errors.push({ line: i + 1, errors: [{ message: e.message }] });
        continue;
      }
      const r = check(rec);
      if (r.errors === undefined) {
        valid++;
        out.push(JSON.stringify(r.value));
      } else {
        invalid++;
        errors.push({ line: i + 1, errors: r.errors });
      }
    }
    const joined = out.join("\n");
    // The same end product as output `bytes`: NDJSON bytes for a file. Timed apart, so
    // that the string-out comparison can leave it out.
    const t = now();
    const bytes = Buffer.from(joined);
    return { lines, valid, invalid, bytes: bytes.length, encodeSecs: Number(now() - t) / 1e9 };
  };

  /** `validateNdjson` chunk by chunk; `size` measures the kept outputs (`bytes` or `normalized`). */
  const chunked = (output, size) => {
    let lines = 0, valid = 0, invalid = 0;
    const errors = [];
    const parts = [];
    for (const chunk of chunks) {
      const r = v.validateNdjson("customer", chunk, { ...OPTS, output });
      lines += r.records;
      valid += r.valid;
      invalid += r.invalid;
      for (const e of r.errors) errors.push(e);
      parts.push(output === "bytes" ? r.bytes : r.normalized);
    }
    return { lines, valid, invalid, bytes: size(parts) };
  };

  const hasNdjson = typeof v.validateNdjson === "function";
  const runs = {
    "ours: `validateNdjson` on ~1 MB chunks, output `bytes`": hasNdjson
      ? // One Uint8Array per chunk, ready to be written as they come (as the CLI does).
        () => chunked("bytes", (parts) => parts.reduce((n, b) => n + b.length, 0))
      : null,
    "ours: `validateNdjson` on ~1 MB chunks, output `ndjson` (a string)": hasNdjson
      ? () => chunked("ndjson", (parts) => parts.join("").length)
      : null,
    "peer: split + `JSON.parse` + ajv + `JSON.stringify`": () =>
      perLine((rec) => (ajvCustomer(rec) ? { value: rec } : { errors: ajvCustomer.errors })),
    "peer: split + `JSON.parse` + zod + `JSON.stringify`": () =>
      perLine((rec) => {
        const r = zs.customer.safeParse(rec);
        return r.success ? { value: r.data } : { errors: r.error.issues };
      }),
    "ours per record: split + `JSON.parse` + `validateCustomer` + `JSON.stringify`": () =>
      perLine((rec) => {
        const r = v.validateCustomer(rec, OPTS);
        return r.valid ? { value: r.value } : { errors: r.errors };
      }),
  };
  const names = Object.keys(runs).filter((k) => runs[k]);
  const secs = Object.fromEntries(names.map((k) => [k, []]));
  // Peers: the time until their NDJSON string is joined (before encoding it to bytes).
  const stringSecs = Object.fromEntries(names.map((k) => [k, []]));
  const results = {};
  rounds(Object.fromEntries(names.map((k) => [k, runs[k]])), CFG.bulkRounds, (name, s, result) => {
    results[name] = result;
    secs[name].push(s);
    stringSecs[name].push(s - (result.encodeSecs ?? 0));
  });
  if (process.env.BENCH_DEBUG) for (const k of names) console.error(`bulk samples (s) ${k}: ${secs[k].map((x) => x.toFixed(3)).join(" ")}`);
  const [bytesKey, stringKey] = names[0]?.startsWith("ours: `validateNdjson`") ? names.slice(0, 2) : [null, null];
  const rate = (k) => results[k].lines / median(secs[k]);
  const stringRate = (k) => results[k].lines / median(stringSecs[k]);
  const bulkRows = Object.keys(runs).map((k) => {
    if (!runs[k]) return [k, "n/a", "n/a", "n/a", "n/a", "skipped: `validateNdjson` is not in pkg/ yet (rebuild pkg/ once it lands)"];
    const r = results[k];
    const ours = k === bytesKey || k === stringKey;
    return [
      k,
      fmt(rate(k)),
      fmt(median(secs[k]) * 1000),
      `${fmt(r.valid)} / ${fmt(r.invalid)}`,
      bytesKey && !ours ? ratio(rate(bytesKey), rate(k)) : k === bytesKey ? "1.00×" : "",
      stringKey && !ours ? ratio(rate(stringKey), stringRate(k)) : k === stringKey ? "1.00×" : "",
    ];
  });
  console.log(
    `## Bulk: ${fmt(CFG.bulk)} Customer records as one NDJSON Buffer (${fmt(buf.length / 1e6, 1)} MB, FNV-1a ${fnv1a(buf)}, ${chunks.length} chunks; median of ${CFG.bulkRounds} rounds)\n`,
  );
  console.log(
    table(
      ["pipeline", "records/s", "ms per pass", "valid / invalid", "ours, bytes out, vs this (records/s ÷ records/s)", "ours, string out, vs this (peer's time without its final encoding)"],
      bulkRows,
    ),
  );
  console.log(
    `\nEvery pipeline starts from the bytes and ends with the normalized valid records as NDJSON plus the errors of each invalid line; the peers' time includes decoding the Buffer to a string. Bytes out (what \`--out\` writes): ours with \`output: "bytes"\`, one Uint8Array per chunk; the peers' joined string encoded with \`Buffer.from\`. String out: ours with \`output: "ndjson"\` (decoding into a JS string costs about 1 µs per record in Node 20), the peers' time until their string is joined.\n`,
  );
}

// ---------------------------------------------------------------- 4. bulk CSV

if (SECTIONS.has("csv")) {
  // The same generator's Customer records, as a spreadsheet exports them: one column per
  // field, every value as text, empty cells where a record has no value (or null).
  const records = data.customers(CFG.bulk, 0xc5f);
  const cell = (x) => {
    if (x === undefined || x === null) return "";
    const s = typeof x === "string" ? x : typeof x === "object" ? JSON.stringify(x) : String(x);
    return /[",\r\n]|^ | $/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rowsText = records.map((rec) => data.CUSTOMER_FIELDS.map((f) => cell(rec ? rec[f] : undefined)).join(","));
  const csvText = data.CUSTOMER_FIELDS.join(",") + "\r\n" + rowsText.join("\r\n") + "\r\n";
  // The line each row starts on (the header is line 1; no cell here holds a line break),
  // rows of empty cells left out, as both readers leave them out.
  const lineOfRow = [];
  rowsText.forEach((row, i) => /[^,]/.test(row) && lineOfRow.push(i + 2));
  const buf = Buffer.from(csvText);
  // The peer a Node developer would write: papaparse with a header row, empty cells dropped
  // (absent), ajv compiled from our JSON Schema with its own coercion of strings to the
  // schema's types, the valid records stringified as NDJSON.
  const ajvCoercing = new Ajv2020({ allErrors: true, useDefaults: true, strict: false, coerceTypes: true });
  addFormats(ajvCoercing);
  const ajvCsv = ajvCoercing.compile(customerSchema);
  const runs = {
    "ours: `validateCsv` on the Buffer, output `bytes`": () => {
      const r = v.validateCsv("customer", buf, { ...OPTS, output: "bytes" });
      return { rows: r.records, valid: r.valid, invalid: r.invalid, bytes: r.bytes.length, verdicts: null, r };
    },
    "peer: papaparse (header) + drop empty cells + ajv (coerceTypes) + `JSON.stringify`": () => {
      const parsed = Papa.parse(buf.toString("utf8"), { header: true, skipEmptyLines: "greedy" });
      let valid = 0, invalid = 0;
      const out = [];
      const errors = [];
      const verdicts = [];
      parsed.data.forEach((row, i) => {
        for (const k of Object.keys(row)) if (row[k] === "") delete row[k];
        if (ajvCsv(row)) {
          valid++;
          out.push(JSON.stringify(row));
          verdicts.push(true);
        } else {
          invalid++;
          errors.push({ row: i + 1, errors: ajvCsv.errors });
          verdicts.push(false);
        }
      });
      const bytes = Buffer.from(out.join("\n"));
      return { rows: parsed.data.length, valid, invalid, bytes: bytes.length, verdicts };
    },
  };
  const names = Object.keys(runs);
  const secs = Object.fromEntries(names.map((k) => [k, []]));
  const results = {};
  rounds(runs, CFG.bulkRounds, (name, s, result) => {
    results[name] = result;
    secs[name].push(s);
  });
  const [oursKey, peerKey] = names;
  const rate = (k) => results[k].rows / median(secs[k]);
  // Verdict agreement, row by row: our invalid lines against the peer's invalid rows.
  const ourInvalid = new Set(results[oursKey].r.errors.map((f) => f.line));
  let agree = 0;
  results[peerKey].verdicts.forEach((ok, i) => (agree += ok === !ourInvalid.has(lineOfRow[i]) ? 1 : 0));
  console.log(`## Bulk CSV: ${fmt(CFG.bulk)} Customer records as one CSV Buffer (${fmt(buf.length / 1e6, 1)} MB, FNV-1a ${fnv1a(buf)}; median of ${CFG.bulkRounds} rounds)\n`);
  console.log(
    table(
      ["pipeline", "records/s", "ms per pass", "valid / invalid", "ours vs this"],
      names.map((k) => [k, fmt(rate(k)), fmt(median(secs[k]) * 1000), `${fmt(results[k].valid)} / ${fmt(results[k].invalid)}`, k === oursKey ? "1.00×" : ratio(rate(oursKey), rate(k))]),
    ),
  );
  console.log(
    `\nBoth start from the bytes and end with the valid records' NDJSON bytes and the invalid rows' errors. Verdicts agree on ${fmt(agree)} of ${fmt(results[peerKey].rows)} rows.\n`,
  );
}

// ---------------------------------------------------------------- 5. load

if (SECTIONS.has("load")) {
  const gz = zlib.gzipSync(wasmBytes, { level: 9 }).length;

  /** Runs `node -e script` n times; each prints numbers (ms) separated by spaces; returns their medians. */
  const spawnMedians = (script, n = CFG.spawns) => {
    const runs = [];
    for (let i = 0; i < n; i++) {
      const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
      const xs = r.stdout.trim().split(/\s+/).map(Number);
      if (r.status !== 0 || !xs.length || !xs.every(Number.isFinite)) throw new Error(`spawned node failed: ${r.stderr || r.stdout}`);
      runs.push(xs);
    }
    return runs[0].map((_, j) => median(runs.map((xs) => xs[j])));
  };
  const spawnMedian = (script, n) => spawnMedians(script, n)[0];
  /** The measurement, or NaN (printed as n/a) with a note when a spawned process failed. */
  const attempt = (what, f) => {
    try {
      return f();
    } catch (e) {
      console.error(`note: ${what}: ${e.message.split("\n")[0]}`);
      return what.startsWith("compile") ? [NaN, NaN] : NaN;
    }
  };
  const wall = (script, n = CFG.spawns) => {
    const ms = [];
    for (let i = 0; i < n; i++) {
      const t0 = now();
      spawnSync(process.execPath, ["-e", script], { cwd: ROOT });
      ms.push(Number(now() - t0) / 1e6);
    }
    return median(ms);
  };
  const P = JSON.stringify(PKG);
  const W = JSON.stringify(WASM);
  const oursLoad = attempt("require(pkg)", () => spawnMedian(
    `const t0 = performance.now(); const v = require(${P}); v.validateCustomer({ name: "Acme" }, { mode: "create" }); console.log(performance.now() - t0);`,
  ));
  // The module alone, with stub imports (no glue, no __wbindgen_start): what the engine's compiler costs.
  const [compileMs, compileInstMs] = attempt("compile + instantiate", () => spawnMedians(
    `(async () => { const b = require("fs").readFileSync(${W}); const t0 = performance.now(); const m = await WebAssembly.compile(b); const t1 = performance.now();` +
      ` const imp = {}; for (const i of WebAssembly.Module.imports(m)) (imp[i.module] ??= {})[i.name] = () => {};` +
      ` await WebAssembly.instantiate(m, imp); console.log(t1 - t0, performance.now() - t0); })()`,
  ));
  // The issue's definition of load, through the package's own glue: compile + instantiate
  // (`initSync` of the web build, the bytes already read, its module already imported) + the
  // first call. What `require` adds on top is Node's module loading and the facade.
  const WEB = JSON.stringify(pathToFileURL(join(PKG, "web", "index.js")).href);
  const initLoad = attempt("initSync + first call", () => spawnMedian(
    `import(${WEB}).then((m) => { const b = require("fs").readFileSync(${W}); const t0 = performance.now();` +
      ` m.initSync({ module: b }); m.validateCustomer({ name: "Acme" }, { mode: "create" }); console.log(performance.now() - t0); })`,
  ));
  const workaround = attempt("V8 workaround", () => spawnMedian(
    `const t0 = performance.now(); require("node:v8").setFlagsFromString("--no-turbo-inline-js-wasm-calls"); console.log(performance.now() - t0);`,
  ));
  const CS = JSON.stringify(JSON.stringify(customerSchema));
  const DS = JSON.stringify(JSON.stringify(dtoSchema));
  const ajvLoad = attempt("ajv load", () => spawnMedian(
    `const t0 = performance.now(); const Ajv = require("ajv/dist/2020.js"); const addFormats = require("ajv-formats");` +
      ` const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false }); addFormats(ajv);` +
      ` const check = ajv.compile(JSON.parse(${CS})); check({ name: "Acme" }); console.log(performance.now() - t0);`,
  ));
  const zodLoad = attempt("zod load", () => spawnMedian(
    `const t0 = performance.now(); import(${JSON.stringify(join(ROOT, "bench", "zod-schemas.mjs"))}).then((m) => {` +
      ` const s = m.zodSchemas(JSON.parse(${CS}), JSON.parse(${DS})); s.customer.safeParse({ name: "Acme" }); console.log(performance.now() - t0); })`,
  ));
  const emptyWall = wall(`0`);
  const oursWall = wall(`require(${P}).validateCustomer({ name: "Acme" }, { mode: "create" })`);

  const ms = (x) => (Number.isFinite(x) ? `${fmt(x, 1)} ms` : "n/a");
  console.log(`## Load (fresh \`node -e\` processes, median of ${CFG.spawns})\n`);
  console.log(
    table(
      ["what", "value"],
      [
        ["`pkg/node/customer_validation_bg.wasm`, raw", `${fmt(wasmBytes.length)} B (${fmt(wasmBytes.length / 1024, 1)} KiB)`],
        ["same, gzip -9", `${fmt(gz)} B (${fmt(gz / 1024, 1)} KiB)`],
        ["`pkg/node/customer_validation.js` (glue), raw", `${fmt(glueBytes)} B`],
        ["ours: compile + instantiate + first `validateCustomer` (`initSync` of the same .wasm, bytes already read)", ms(initLoad)],
        ["ours: `require(pkg)` + first `validateCustomer` (in-process, performance.now())", ms(oursLoad)],
        ["of which: loading `node:v8` for the Node ≤ 21 workaround (`js/v8-workaround.cjs`)", ms(workaround)],
        ["ours: `WebAssembly.compile` alone (bytes already read)", ms(compileMs)],
        ["ours: `WebAssembly.compile` + `instantiate` (stub imports, no glue)", ms(compileInstMs)],
        ["ajv: require ajv + ajv-formats, compile the customer schema, validate once", ms(ajvLoad)],
        ["zod: import zod + build both schemas + parse once", ms(zodLoad)],
        ["whole process wall time, `node -e 0`", ms(emptyWall)],
        ["whole process wall time, `node -e` require(pkg) + validateCustomer", ms(oursWall)],
      ],
    ),
  );
}
