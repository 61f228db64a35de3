// Faults at the boundary (issue 11): input of any shape gets an answer in the documented
// shape, never an exception; results never outgrow what JS can hold; a trap never leaves the
// module broken. Each case here threw, lost data or answered wrongly before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const v = createRequire(import.meta.url)(join(root, "pkg"));

const revoked = () => {
  const p = Proxy.revocable({}, {});
  p.revoke();
  return p.proxy;
};
const codes = (errors) => errors.map((e) => [e.path, e.code]);
const typeError = (path, expected, actual) => ({
  path,
  code: "type",
  message: `must be of type ${expected}, not ${actual}`,
  params: { expected, actual },
});

test("output 'values' is JSON.parse of each normalized line: big integers, lone surrogates, deep values, __proto__", () => {
  let deep = "1";
  for (let i = 0; i < 127; i++) deep = `[${deep}]`; // with the record: 128 levels, the limit
  const lines = [
    '{"name":"b","extId":9007199254740993}',
    '{"name":"c","note":"\\ud800"}',
    `{"name":"d","x":${deep}}`,
    '{"name":"a","__proto__":{"isAdmin":true}}',
  ];
  for (const call of [(t) => v.validateNdjson("customer", t.join("\n"), { output: "values" }), (t) => v.validateJsonArray("customer", `[${t.join(",")}]`, { output: "values" })]) {
    const asValues = call(lines);
    const asText = v.validateNdjson("customer", lines.join("\n"));
    assert.deepEqual([asValues.records, asValues.valid], [4, 4]);
    assert.deepEqual(asValues.values, asText.normalized.trimEnd().split("\n").map((l) => JSON.parse(l)));
    assert.equal(asValues.values[0].extId, 9007199254740992);
    assert.equal(asValues.values[1].note, "\ud800");
    const proto = asValues.values[3];
    assert.equal(Object.getPrototypeOf(proto), Object.prototype);
    assert.ok(Object.hasOwn(proto, "__proto__"));
    assert.equal(proto.isAdmin, undefined);
  }
});

test("a revoked Proxy anywhere is an error in the answer, never an exception", () => {
  const unreadable = (path, expected) => [typeError(path, expected, "unreadable value")];
  assert.deepEqual(v.validateCustomer(revoked()).errors, unreadable("", "object"));
  assert.deepEqual(v.validatePatchCustomer({ data: revoked() }).errors, unreadable("/data", "object"));
  assert.deepEqual(v.validateCustomer({ name: revoked() }).errors, unreadable("/name", "string"));
  assert.deepEqual(v.validateField("customer", "name", revoked()), unreadable("/name", "string"));
  const chunk = v.validateNdjson("customer", revoked());
  assert.deepEqual(chunk, { records: 0, valid: 0, invalid: 0, errors: [{ errors: [typeError("", "string or Uint8Array", "unreadable value")] }] });
  const model = v.validate(revoked(), {});
  assert.deepEqual(codes(model.errors), [["", "unknown_model"]]);
  assert.equal(model.errors[0].message, "unknown model (an unreadable value); models: customer, createCustomerDto, patchCustomer");
  const asOptions = { path: "", code: "invalid_option", message: "option options must be one of: an object", params: { option: "options", allowed: ["an object"] } };
  assert.deepEqual(v.validateCustomer({ name: "a" }, revoked()).errors, [asOptions]);
  assert.deepEqual(v.validateNdjson("customer", "{}", revoked()).errors, [{ errors: [asOptions] }]);
  assert.deepEqual(new v.NdjsonValidator("customer", revoked()).push("{}\n").errors, [{ errors: [asOptions] }]);
  // A Proxy whose keys cannot be listed, a getter that throws on an option.
  assert.deepEqual(v.validateCustomer(new Proxy({}, { ownKeys() { throw new Error("no keys"); } })).errors, unreadable("", "object"));
  const option = v.validateCustomer({ name: "a" }, { get mode() { throw new Error("no mode"); } });
  assert.deepEqual(codes(option.errors), [["", "invalid_option"]]);
  assert.equal(option.errors[0].params.option, "mode");
});

test("names of values in messages never run their code (a throwing Symbol.toStringTag, numbers)", () => {
  const tag = { get [Symbol.toStringTag]() { throw new Error("tag"); } };
  const field = v.validateField("customer", tag, "x");
  assert.equal(field[0].message, "customer has no field (a value of type object)");
  assert.equal(v.validateField("customer", 5, "x")[0].message, "customer has no field (a value of type integer)");
  assert.equal(v.validate(tag, {}).errors[0].params.model, "(a value of type object)");
});

test("options: a message template that is not a string, a firstLine past 2^32, maxErrors", () => {
  const type5 = v.validateCustomer({ name: 1 }, { messages: { type: 5 } }).errors;
  assert.deepEqual(type5, [{ path: "", code: "invalid_option", message: "option messages.type must be one of: a string", params: { option: "messages.type", allowed: "a string" } }]);
  const far = v.validateNdjson("customer", '{"name":1}\n{"name":2}', { firstLine: 4294967295 });
  assert.deepEqual(far.errors.map((f) => f.line), [4294967295, 4294967296]);
  for (const [name, value] of [["firstLine", 2 ** 53], ["firstLine", 0], ["maxErrors", 0], ["maxErrors", 1.5], ["maxBytes", 2 ** 30], ["maxErrorsPerCall", -1]]) {
    const r = v.validateNdjson("customer", "{}", { [name]: value });
    assert.deepEqual(r.errors[0].errors.map((e) => [e.code, e.params.option]), [["invalid_option", name]], `${name} ${value}`);
  }
});

test("maxErrors: a record's errors past it are counted in one too_many_errors error", () => {
  // 100,000 undeclared properties, each an error under unknown: "reject".
  const record = { name: "a" };
  for (let i = 0; i < 100000; i++) record[`u${i}`] = 1;
  const text = JSON.stringify(record);
  for (const r of [v.validateCustomer(record, { unknown: "reject" }), v.validateNdjson("customer", text, { unknown: "reject" }).errors[0]]) {
    assert.equal(r.errors.length, 101);
    assert.deepEqual(r.errors[100], { path: "", code: "too_many_errors", message: "and 99900 more errors (maxErrors is 100)", params: { omitted: 99900, max: 100 } });
  }
  const two = v.validateCustomer(record, { unknown: "reject", maxErrors: 2 }).errors;
  assert.deepEqual(codes(two), [["/u0", "unknown_property"], ["/u1", "unknown_property"], ["", "too_many_errors"]]);
});

test("results too big for a JS string: failures past maxErrorsPerCall are counted, output past maxBytes is refused", () => {
  const many = v.validateNdjson("customer", "{}\n".repeat(6e6));
  assert.deepEqual([many.records, many.valid, many.invalid, many.errors.length, many.unlisted], [6e6, 0, 6e6, 10000, 5990000]);
  assert.deepEqual(many.errors.at(-1), { line: 10000, errors: [{ path: "/name", code: "required", message: "is required", params: {} }] });
  // `{}` gains its defaults: the output outgrows the input.
  const grown = v.validateNdjson("createCustomerDto", "{}\n".repeat(1000), { maxBytes: 10000 });
  assert.deepEqual(grown, {
    records: 1000,
    valid: 1000,
    invalid: 0,
    errors: [{ errors: [{ path: "", code: "too_large", message: "the normalized output is larger than 10000 bytes (maxBytes)", params: { what: "the normalized output", max: 10000 } }] }],
  });
  const input = v.validateJsonArray("customer", new Uint8Array(11), { maxBytes: 10 });
  assert.deepEqual(input.errors[0].errors[0].message, "the input is larger than 10 bytes (maxBytes)");
  assert.equal(input.records, 0);
});

test("2 M valid records in one chunk: refused past maxBytes instead of throwing (a child process: 700 MB)", () => {
  const script = `
    const v = require(${JSON.stringify(join(root, "pkg"))});
    const r = v.validateNdjson("customer", '{"name":"a"}\\n'.repeat(2e6));
    console.log(JSON.stringify([r.records, r.valid, r.normalized === undefined, r.errors[0].errors[0].code]));`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), [2e6, 2e6, true, "too_large"]);
});

test("a JSON array that does not parse still counts its records: records = valid + invalid", () => {
  const broken = v.validateJsonArray("customer", '[{"name":"a"},{"name":1},{"name":');
  assert.deepEqual([broken.records, broken.valid, broken.invalid], [3, 1, 2]);
  assert.deepEqual(broken.errors.map((f) => [f.index, f.errors[0].code]), [[1, "type"], [2, "json"]]);
  assert.deepEqual(v.validateJsonArray("customer", "[1,").errors.map((f) => [f.index, f.errors[0].message]), [
    [0, "must be of type object, not integer"],
    [1, "is not valid JSON: EOF while parsing a list at line 1 column 4"],
  ]);
  const notArray = v.validateJsonArray("customer", "{}");
  assert.deepEqual([notArray.records, notArray.invalid, notArray.errors[0].errors[0].message], [1, 1, "must be of type array, not object"]);
});

test("a trap inside WebAssembly: the call answers internal, the module is restarted and keeps working", () => {
  const before = v.__testing.resources();
  assert.deepEqual(v.__testing.trap(), {
    valid: false,
    errors: [{ path: "", code: "internal", message: "the validation module failed (RuntimeError: unreachable) and was restarted; this is a bug, please report it", params: { detail: "RuntimeError: unreachable" } }],
  });
  // The trap left the per-record cache borrowed: the old instance could no longer use it.
  const after = v.__testing.resources();
  assert.ok(after[0] <= before[0], `memory ${before[0]} -> ${after[0]}`);
  const nested = v.validateCustomer({ name: "a", x: { y: [1] } });
  assert.deepEqual([nested.valid, nested.value.x], [true, { y: [1] }]);
  assert.equal(v.validateNdjson("customer", '{"name":"a"}\n{}').invalid, 1);
  assert.equal(v.describe("customer").id, "customer");
});

test("streams: any chunking (1 byte, whitespace-only chunks, split characters) answers as one call", () => {
  const text = '  \n\n{"name":"Zürich 😀"}\r\n{"name":5}\nnot json\n{"credit":1.5}\n{"name":"last"}';
  const whole = v.validateNdjson("customer", text);
  const bytes = Buffer.from(text);
  for (const size of [1, 2, 3, 1000]) {
    const s = new v.NdjsonValidator("customer");
    const results = [];
    for (let i = 0; i < bytes.length; i += size) results.push(s.push(bytes.subarray(i, i + size)));
    results.push(s.end());
    const done = results.filter(Boolean);
    assert.deepEqual(done.flatMap((r) => r.errors), whole.errors, `chunks of ${size}`);
    assert.equal(done.map((r) => r.normalized).join(""), whole.normalized);
    assert.equal(done.reduce((n, r) => n + r.records, 0), whole.records);
  }
  const array = '\ufeff[{"name":"a"},\n {"name":"b\\"]"}, 5, {"name":2}]';
  const asOne = v.validateJsonArray("customer", array);
  const s = new v.JsonArrayValidator("customer");
  const parts = [...array].map((ch) => s.push(ch)).concat(s.end()).filter(Boolean);
  assert.deepEqual(parts.flatMap((r) => r.errors), asOne.errors);
  assert.deepEqual(asOne.errors.map((f) => f.index), [2, 3]);
  assert.equal(parts.map((r) => r.normalized).join(""), asOne.normalized);
});

test("streams: a 64 MB line in 64 KiB chunks is one record (the line is not re-copied per chunk)", () => {
  const line = Buffer.from(`{"name":"big","notes":"${"x".repeat(64 << 20)}"}\n{"name":1}\n`);
  const s = new v.NdjsonValidator("customer", { output: "none", maxBytes: 100 << 20 });
  const results = [];
  for (let i = 0; i < line.length; i += 1 << 16) {
    const r = s.push(line.subarray(i, i + (1 << 16)));
    if (r) results.push(r);
  }
  assert.equal(s.end(), null);
  assert.deepEqual(results.map((r) => [r.records, r.valid, r.errors.map((f) => f.line)]), [[2, 1, [2]]]);
});

test("streams misused or given odd chunks answer with errors and restart nothing", () => {
  const open = new v.NdjsonValidator("customer");
  open.push('{"name":"a"}\n');
  const ended = new v.NdjsonValidator("customer");
  assert.equal(ended.end(), null);
  const after = { records: 0, valid: 0, invalid: 0, errors: [{ errors: [{ path: "", code: "stream_ended", message: "the stream has ended: nothing can be pushed after end()", params: {} }] }] };
  assert.deepEqual(ended.end(), after);
  assert.deepEqual(ended.push("{}\n"), after);
  // A view of a detached buffer, a subclass whose getters throw.
  const buffer = new ArrayBuffer(8);
  const view = new Uint8Array(buffer);
  structuredClone(buffer, { transfer: [buffer] });
  assert.deepEqual(v.validateNdjson("customer", view).errors, [{ errors: [typeError("", "string or Uint8Array", "unreadable value")] }]);
  class Odd extends Uint8Array {
    get length() {
      throw new Error("length");
    }
  }
  assert.deepEqual(v.validateNdjson("customer", new Odd(Buffer.from('{"name":1}\n'))).errors.map((f) => f.line), [1]);
  // The stream opened first still has its state: nothing was restarted.
  assert.deepEqual(open.push('{"name":5}\n').errors.map((f) => f.line), [2]);
});

test("a string stream split inside a surrogate pair keeps the character", () => {
  const text = '{"name":"a😀"}\n[{"name":"b😀"}]';
  const cut = text.indexOf("😀") + 1;
  const s = new v.NdjsonValidator("customer", { mode: "patch" });
  assert.equal(s.push(text.slice(0, cut)), null);
  assert.equal(s.push(text.slice(cut, text.indexOf("\n") + 1)).normalized, '{"name":"a😀"}\n');
  const a = new v.JsonArrayValidator("customer", { mode: "patch" });
  const array = text.slice(text.indexOf("\n") + 1);
  const parts = [a.push(array.slice(0, array.indexOf("😀") + 1)), a.push(array.slice(array.indexOf("😀") + 1)), a.end()].filter(Boolean);
  assert.equal(parts.map((r) => r.normalized).join(""), '{"name":"b😀"}\n');
});

test("after a trap, a stream from before it answers internal without restarting again; later ones work", async () => {
  const before = new v.NdjsonValidator("customer");
  v.__testing.trap();
  const later = new v.NdjsonValidator("customer");
  assert.equal(later.push('{"name":"a"}\n').valid, 1);
  assert.deepEqual(before.push("{}\n").errors[0].errors.map((e) => e.code), ["internal"]);
  assert.equal(later.push('{"name":"b"}\n{"name":2}\n').invalid, 1, "the later stream kept its state");
  // A source that is not an iterable of chunks: the stream's answer to such a chunk.
  const results = [];
  for await (const r of v.validateNdjsonStream("customer", null)) results.push(r);
  assert.deepEqual(results.map((r) => r.errors[0].errors[0].message), ["must be of type string or Uint8Array, not null"]);
});
