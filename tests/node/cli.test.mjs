// The CLI and the streaming layer, run as a user runs them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const cli = join(root, "bin/customer-validation.mjs");
const v = createRequire(import.meta.url)(join(root, "pkg"));
const dir = mkdtempSync(join(tmpdir(), "cv-cli-"));

function run(args, input) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: "utf8", maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `n` Customer records; every 997th is invalid (credit 1.5), every 1999th is not JSON. */
function bigFile(n) {
  const lines = [];
  const bad = [];
  for (let i = 1; i <= n; i++) {
    if (i % 1999 === 0) {
      lines.push(`{"name": "broken ${i}"`);
      bad.push([i, "json"]);
    } else if (i % 997 === 0) {
      lines.push(JSON.stringify({ name: `Customer ${i}`, credit: 1.5 }));
      bad.push([i, "int32"]);
    } else {
      lines.push(JSON.stringify({ name: `Customer ${i} ${"😀".repeat(i % 30)}`, adminUserId: (i * 7919).toString(16).padStart(24, "0"), credit: i }));
    }
  }
  return { text: lines.join("\n") + "\n", bad };
}

test("a 3 MB file: records split across 1 MiB chunks keep their line numbers", () => {
  const { text, bad } = bigFile(30000);
  assert.ok(text.length > 3 << 20);
  const file = join(dir, "big.ndjson");
  writeFileSync(file, text);
  const out = join(dir, "normalized.ndjson");
  const r = run(["check", "--model", "customer", "--format", "json", "--out", out, file]);
  assert.equal(r.code, 1, r.err);
  const reported = r.out.trim().split("\n").map((l) => JSON.parse(l)).map((x) => [x.line, x.errors[0].code]);
  assert.deepEqual(reported, bad);
  const normalized = readFileSync(out, "utf8").trim().split("\n");
  assert.equal(normalized.length, 30000 - bad.length);
  assert.equal(JSON.parse(normalized[0]).defaultBillMethod, "credit");
  assert.match(r.err, /30,000 records: 29,955 valid, 45 invalid; most frequent errors: int32 ×30, json ×15/);
});

test("text output a person can act on; exit 0 when all are valid", () => {
  const file = join(dir, "mixed.ndjson");
  writeFileSync(file, '{"number":"+14155551234"}\n{"number":"+001234567890"}\n\n{"number":"+1415', "utf8");
  const r = run(["check", "--model", "createCustomerDto", file]);
  assert.equal(r.code, 1);
  assert.equal(
    r.out,
    "line 2: /number e164 must be an E.164 number such as +14155551234\n" +
      "line 4: (record) json is not valid JSON: EOF while parsing a string at line 1 column 17\n",
  );
  const ok = run(["check", "--model", "createCustomerDto", "--quiet", "-"], '{"number":"+14155551234"}\n');
  assert.deepEqual([ok.code, ok.out, ok.err], [0, "", ""]);
});

test("options reach the validator: profile, mode, coerce, unknown", () => {
  const input = '{"name":"a","credit":"5","websiteUrl":"x","extra":1}\n';
  assert.equal(run(["check", "--model", "customer", "--quiet", "-"], input).out.split("\n").filter(Boolean).length, 2);
  const loose = run(["check", "--model", "customer", "--profile", "api", "--coerce", "--unknown", "strip", "--out", join(dir, "o.ndjson"), "--quiet", "-"], input);
  assert.equal(loose.code, 0, loose.out);
  assert.equal(JSON.parse(readFileSync(join(dir, "o.ndjson"), "utf8")).credit, 5);
  assert.equal(JSON.parse(readFileSync(join(dir, "o.ndjson"), "utf8")).extra, undefined);
  const patch = run(["check", "--model", "patchCustomer", "--quiet", "-"], '{"schedule":{"rules":[{"byMonth":[13]}]}}\n');
  assert.equal(patch.out, "line 1: /schedule/rules/0/byMonth/0 range must be between 1 and 12\n");
});

test("JSON arrays are read whole and reported by index", () => {
  const r = run(["check", "--model", "customer", "--quiet", "-"], ' [{"name":"a"}, {"name":1}]');
  assert.deepEqual([r.code, r.out], [1, "record 1: /name type must be of type string, not integer\n"]);
});

test("--out is NDJSON, one record per line, even from a pretty-printed JSON array", () => {
  const out = join(dir, "pretty.ndjson");
  const pretty = JSON.stringify([{ name: "a", x: { k: [1, 2] } }, { name: "b" }], null, 2).replace(/\n/g, "\r\n");
  const r = run(["check", "--model", "customer", "--mode", "patch", "--quiet", "--out", out, "-"], pretty);
  assert.equal(r.code, 0, r.err);
  const lines = readFileSync(out, "utf8").split("\n");
  assert.deepEqual(lines.slice(0, -1).map((l) => JSON.parse(l)), [{ name: "a", x: { k: [1, 2] } }, { name: "b" }]);
  assert.deepEqual([lines.length, lines.at(-1)], [3, ""]);
  assert.ok(!readFileSync(out, "utf8").includes("\r"));
});

test("usage and I/O errors exit 2 with a clear message", () => {
  const cases = [
    [["check", "--model", "customer", join(dir, "missing.ndjson")], /cannot read .*missing\.ndjson: no such file/],
    [["check", "--model", "customers", "-"], /unknown model 'customers'; models: customer, createCustomerDto, patchCustomer/],
    [["check", "--model", "customer", "--mode", "upsert", "-"], /option mode must be one of: create, patch/],
    [["check", "--model", "patchCustomer", "--mode", "create", "-"], /patchCustomer does not support create mode/],
    [["check", "--model", "customer", "--format", "xml", "-"], /--format must be text or json/],
    [["check", "--model", "customer", "--nope", "-"], /Unknown option '--nope'/],
    [["check", "-"], /--model is required/],
    [["check", "--model", "customer"], /no input/],
    [["validate"], /unknown command 'validate'/],
    [["check", "--model", "customer", dir], /is a directory/],
  ];
  for (const [args, message] of cases) {
    const r = run(args, "");
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.err}`);
    assert.match(r.err, message);
  }
  assert.equal(run(["--help"]).code, 0);
});

test("streaming layer: 7-byte chunks give the same answers as one call", () => {
  const { text } = bigFile(2100);
  const whole = v.validateNdjson("customer", text, { output: "none" });
  const failures = [];
  let records = 0;
  const small = new v.NdjsonValidator("customer", { output: "none" });
  const utf8 = Buffer.from(text);
  for (let i = 0; i < utf8.length; i += 7) {
    const r = small.push(utf8.subarray(i, i + 7)); // splits lines, and UTF-8 sequences of emoji
    if (r) {
      records += r.records;
      failures.push(...r.errors.map((f) => [f.line, f.errors[0].code]));
    }
  }
  const last = small.end();
  if (last) records += last.records;
  assert.equal(records, whole.records);
  assert.deepEqual(failures, whole.errors.map((f) => [f.line, f.errors[0].code]));
});

test("output: the normalized NDJSON as a string or as the same UTF-8 bytes", () => {
  const text = '{"name":"Zürich 😀","credit":5}\n{"name":1}\n{"status":"fraud","name":"b"}\n';
  const asText = v.validateNdjson("customer", text, { profile: "api" });
  const asBytes = v.validateNdjson("customer", Buffer.from(text), { profile: "api", output: "bytes" });
  assert.ok(asBytes.bytes instanceof Uint8Array);
  assert.equal(asBytes.normalized, undefined);
  assert.equal(Buffer.from(asBytes.bytes).toString("utf8"), asText.normalized);
  assert.ok(asText.normalized.startsWith('{"name":"Zürich 😀","status":"active","credit":5,'));
  assert.deepEqual(asBytes.errors, asText.errors);
  const none = v.validateNdjson("customer", text, { output: "none" });
  assert.deepEqual([none.normalized, none.bytes, none.valid], [undefined, undefined, 2]);
});

test("validateNdjsonStream over a Node stream", async () => {
  const { Readable } = await import("node:stream");
  const chunks = ['{"name":"a"}\n{"na', 'me":2}\n', '{"name":"c"}'];
  const results = [];
  for await (const r of v.validateNdjsonStream("customer", Readable.from(chunks), { mode: "patch" })) results.push(r);
  assert.deepEqual(results.map((r) => [r.records, r.valid, r.errors.map((f) => f.line)]), [[1, 1, []], [1, 0, [2]], [1, 1, []]]);
});
