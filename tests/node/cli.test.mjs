// The CLI and the streaming layer, run as a user runs them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync } from "node:fs";
import { once } from "node:events";
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

test("JSON arrays are reported by index", () => {
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

/** The CLI with its stdin fed piece by piece, a pause between pieces (each arrives as its own chunk). */
async function runPiecewise(args, pieces) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d) => (err += d));
  // The CLI reads its first chunk once it has loaded (about 0.1 s): pieces written before that
  // would arrive as one chunk.
  await new Promise((resolve) => setTimeout(resolve, 800));
  for (const piece of pieces) {
    child.stdin.write(piece);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  child.stdin.end();
  const [code] = await once(child, "close");
  return { code, out, err };
}

test("line numbers are the input's whatever the chunks: whitespace-only first chunks, 1-byte chunks", async () => {
  const r = await runPiecewise(["check", "--model", "customer", "--quiet", "-"], ["  ", "\n", "\n\n", '{"name":1}\n{}\n']);
  assert.deepEqual([r.code, r.out], [1, "line 4: /name type must be of type string, not integer\nline 5: /name required is required\n"]);
  const text = '\n{"name":"a"}\n{"name":2}\n';
  const bytes = await runPiecewise(["check", "--model", "customer", "--quiet", "-"], [...Buffer.from(text)].map((b) => Buffer.of(b)));
  assert.deepEqual([bytes.code, bytes.out], [1, "line 3: /name type must be of type string, not integer\n"]);
});

test("the format: by --input, by extension, else by the start, which never takes NDJSON for an array", () => {
  const cases = [
    // An NDJSON file whose first record is `[]`: NDJSON.
    ["first.txt", '[]\n{"name":1}\n', [], 1, "line 1: (record) type must be of type object, not array\nline 2: /name type must be of type string, not integer\n"],
    // A pretty-printed array with a byte order mark: an array.
    ["bom.txt", '\ufeff[\n  {"name": "a"},\n  {"name": 2}\n]\n', [], 1, "record 1: /name type must be of type string, not integer\n"],
    // An array on one line, nothing after it: an array.
    ["one.txt", '[{"name":"a"},{"name":3}]\n', [], 1, "record 1: /name type must be of type string, not integer\n"],
    // The extension decides: `.ndjson` is NDJSON even when it starts like an array.
    ["arr.ndjson", '[{"name":"a"}]\n', [], 1, "line 1: (record) type must be of type object, not array\n"],
    ["list.json", '[{"name":"a"}]', [], 0, ""],
    // --input decides over the extension.
    ["lines.json", '{"name":"a"}\n{"name":4}\n', ["--input", "ndjson"], 1, "line 2: /name type must be of type string, not integer\n"],
  ];
  for (const [name, text, extra, code, out] of cases) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const r = run(["check", "--model", "customer", "--quiet", ...extra, file]);
    assert.deepEqual([r.code, r.out], [code, out], `${name}: ${r.err}`);
  }
  assert.match(run(["check", "--model", "customer", "--input", "xml", "-"], "").err, /--input must be ndjson, json, csv or auto/);
});

test("a JSON array that breaks off: every element counted, records = valid + invalid", () => {
  const r = run(["check", "--model", "customer", "--input", "json", "-"], '[{"name":"a"}, {"name":1}, {"name":');
  assert.equal(r.code, 1);
  assert.equal(r.out, "record 1: /name type must be of type string, not integer\nrecord 2: (record) json is not valid JSON: EOF while parsing a value at line 1 column 9\n");
  assert.match(r.err, /^3 records: 1 valid, 2 invalid/);
});

test("a closed stdout (| head -1) exits 2 with a message, and --out is not written", async () => {
  const lines = [];
  for (let i = 0; i < 200000; i++) lines.push(JSON.stringify({ name: i % 10 ? `c${i}` : i }));
  const file = join(dir, "epipe.ndjson");
  writeFileSync(file, lines.join("\n") + "\n");
  const out = join(dir, "epipe-out", "valid.ndjson");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dirname(out), { recursive: true });
  const child = spawn(process.execPath, [cli, "check", "--model", "customer", "--out", out, file], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.setEncoding("utf8").on("data", (d) => (err += d));
  // Read the first line, then close the pipe, as `head -1` does.
  await once(child.stdout, "data");
  child.stdout.destroy();
  const [code] = await once(child, "close");
  assert.equal(code, 2, err);
  assert.match(err, /cannot write to standard output: EPIPE/);
  assert.deepEqual(readdirSync(dirname(out)), [], "neither --out nor its temporary file");
});

test("--out appears only when complete: a temporary file beside it, renamed", () => {
  const out = join(dir, "renamed", "valid.ndjson");
  const { mkdirSync } = createRequire(import.meta.url)("node:fs");
  mkdirSync(dirname(out), { recursive: true });
  const r = run(["check", "--model", "customer", "--quiet", "--out", out, "-"], '{"name":"a"}\n{"name":"b"}\n');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(readdirSync(dirname(out)), ["valid.ndjson"]);
  assert.equal(readFileSync(out, "utf8").split("\n").length, 3);
  assert.ok(!existsSync(out + ".tmp"));
});

test("a 150 MB JSON array is streamed: the CLI's memory stays flat", () => {
  const file = join(dir, "big.json");
  const record = JSON.stringify({ name: "Customer with a longish name", adminUserId: "0123456789abcdef01234567", credit: 5 });
  const count = Math.ceil((150 << 20) / (record.length + 2));
  writeFileSync(file, "[\n" + `${record},\n`.repeat(count - 1) + record + "\n]\n");
  // Peak memory of the child, printed as it exits.
  const probe = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))";
  const r = spawnSync(process.execPath, ["--import", probe, cli, "check", "--model", "customer", "--quiet", file], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const kb = Number(/maxRSS (\d+)/.exec(r.stderr)[1]);
  assert.ok(kb < 200 * 1024, `peak RSS ${kb} kB for a 150 MB array`);
});

test("--out through a symbolic link writes its target; a folder is refused; a device is written to", () => {
  const { mkdirSync, symlinkSync, lstatSync } = createRequire(import.meta.url)("node:fs");
  const folder = join(dir, "special");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "target.ndjson"), "old\n");
  symlinkSync("target.ndjson", join(folder, "link.ndjson"));
  const input = '{"name":"a"}\n';
  const viaLink = run(["check", "--model", "customer", "--mode", "patch", "--quiet", "--out", join(folder, "link.ndjson"), "-"], input);
  assert.equal(viaLink.code, 0, viaLink.err);
  assert.ok(lstatSync(join(folder, "link.ndjson")).isSymbolicLink());
  assert.equal(readFileSync(join(folder, "target.ndjson"), "utf8"), '{"name":"a"}\n');
  const toFolder = run(["check", "--model", "customer", "--quiet", "--out", folder, "-"], input);
  assert.deepEqual([toFolder.code, toFolder.err], [2, `customer-validation: cannot write ${folder}: it is a directory (--out takes a file)\n`]);
  assert.deepEqual(readdirSync(folder).sort(), ["link.ndjson", "target.ndjson"]);
  assert.equal(run(["check", "--model", "customer", "--quiet", "--out", "/dev/null", "-"], input).code, 0);
});

/** `n` Customer rows as CSV (a header, quoted cells with commas, quotes and line breaks, CRLF); every 101st row has a bad credit, every 307th too many cells. */
function csvFile(n) {
  const rows = ["Name,Credit,Default Bill Method,Logo"];
  const bad = [];
  let line = 2;
  for (let i = 1; i <= n; i++) {
    const quoted = i % 3 === 0 ? `"Acme ${i}, ""Inc""\r\nsecond line"` : `Customer ${i}`;
    if (i % 307 === 0) {
      rows.push(`${quoted},1,credit,,extra`);
      bad.push([line, "csv_cells"]);
    } else if (i % 101 === 0) {
      rows.push(`${quoted},1.5,credit,`);
      bad.push([line, "type"]);
    } else {
      rows.push(`${quoted},${i},${i % 2 ? "credit" : "paymentmethod"},logo-${i}.png`);
    }
    line += i % 3 === 0 ? 2 : 1;
  }
  return { text: "\uFEFF" + rows.join("\r\n") + "\r\n", bad };
}

test("CSV by extension: physical line numbers over 1 MiB chunks, --out, --errors, the summary", () => {
  const { text, bad } = csvFile(40000);
  assert.ok(text.length > 1 << 20);
  const file = join(dir, "import.csv");
  writeFileSync(file, text);
  const out = join(dir, "csv-valid.ndjson");
  const errors = join(dir, "csv-errors.csv");
  const r = run(["check", "--model", "customer", "--format", "json", "--out", out, "--errors", errors, file]);
  assert.equal(r.code, 1, r.err);
  const reported = r.out.trim().split("\n").map((l) => JSON.parse(l)).map((x) => [x.line, x.errors[0].code]);
  assert.deepEqual(reported, bad);
  // The one-call API's answer to the same bytes is the oracle: the same normalized records.
  const oracle = v.validateCsv("customer", readFileSync(file), { output: "bytes", rejected: true });
  assert.equal(readFileSync(out, "utf8"), Buffer.from(oracle.bytes).toString("utf8"));
  assert.equal(readFileSync(errors, "utf8"), oracle.rejected);
  const rejected = oracle.rejected.split("\r\n");
  assert.equal(rejected[0], "Name,Credit,Default Bill Method,Logo,errors");
  assert.equal(rejected[1], 'Customer 101,1.5,credit,,"/credit: must be of type integer, not string"');
  const count = (code) => bad.filter(([, c]) => c === code).length;
  assert.deepEqual([count("type"), count("csv_cells")], [395, 130]);
  assert.match(r.err, /40,000 records: 39,475 valid, 525 invalid; most frequent errors: type ×395, csv_cells ×130/);
});

test("CSV from standard input needs --input csv; --no-coerce; a header that cannot be read exits 2", () => {
  const text = "name,credit\na,5\nb,x\n";
  const r = run(["check", "--model", "customer", "--input", "csv", "-"], text);
  assert.equal(r.code, 1, r.err);
  assert.equal(r.out, "line 3: /credit type must be of type integer, not string\n");
  const strict = run(["check", "--model", "customer", "--input", "csv", "--no-coerce", "-"], text);
  assert.equal(strict.out, "line 2: /credit type must be of type integer, not string\nline 3: /credit type must be of type integer, not string\n");
  const dup = run(["check", "--model", "customer", "--input", "csv", "-"], "name,Name\na,b\n");
  assert.equal(dup.code, 2);
  assert.match(dup.err, /column 2 \(Name\) names the same field as column 1/);
  const unknown = run(["check", "--model", "customer", "--input", "csv", "--unknown", "reject", "-"], "name,Region\na,eu\n");
  assert.equal(unknown.out, "line 2: /Region unknown_property is not a property of Customers\n");
  assert.match(unknown.err, /column "Region" names no field of customer/);
  const both = run(["check", "--model", "customer", "--coerce", "--no-coerce", "-"], "");
  assert.equal(both.code, 2);
});

test("--errors of NDJSON: line, record and messages; a folder is refused", () => {
  const errors = join(dir, "ndjson-errors.csv");
  const r = run(["check", "--model", "customer", "--errors", errors, "-"], '{"name":"a"}\n{"name":1}\nnot json\n');
  assert.equal(r.code, 1, r.err);
  assert.equal(readFileSync(errors, "utf8"), 'line,record,errors\r\n2,"{""name"":1}","/name: must be of type string, not integer"\r\n3,not json,is not valid JSON: expected ident at line 1 column 1\r\n');
  const refused = run(["check", "--model", "customer", "--errors", dir, "-"], "");
  assert.equal(refused.code, 2);
  assert.match(refused.err, /is a directory/);
});

test("--nulls absent: a null is as if not sent", () => {
  const input = '{"number":"+14155551234","extension":null}\n';
  assert.equal(run(["check", "--model", "createCustomerDto", "-"], input).out, "line 1: /extension type must be of type string, not null\n");
  const out = join(dir, "nulls.ndjson");
  const r = run(["check", "--model", "createCustomerDto", "--nulls", "absent", "--out", out, "-"], input);
  assert.equal(r.code, 0, r.err);
  assert.equal(readFileSync(out, "utf8"), '{"numberE164CheckEnabled":true,"number":"+14155551234"}\n');
  assert.equal(run(["check", "--model", "customer", "--nulls", "maybe", "-"], "").code, 2);
});
