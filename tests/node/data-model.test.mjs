// The data model of input (README, "JSON input") from JavaScript: each case here disagreed
// between two entry points before the rule was one. The differential test runs generated
// inputs through every path; these are the named cases, with their exact answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const v = createRequire(import.meta.url)(join(root, "pkg"));
const codes = (errors) => errors.map((e) => [e.path, e.code]);
/** The answer of each JS path to one JSON text: per record (as a parsed object, and by the
 * general path), and in bulk (NDJSON string and bytes, every output; JSON array). */
function answers(model, text, options = {}) {
  const record = (r) => ({ valid: r.valid, errors: codes(r.errors), value: r.valid ? JSON.stringify(r.value) : undefined });
  const bulk = (b, value) => ({ valid: b.valid === 1, errors: codes(b.errors[0]?.errors ?? []), value: b.valid === 1 ? value(b) : undefined });
  const line = (s) => JSON.stringify(JSON.parse(s));
  const out = {
    flat: record(v.validate(model, JSON.parse(text), options)),
    general: record(v.validate(model, JSON.parse(text), { ...options, messages: {} })),
    ndjson: bulk(v.validateNdjson(model, text, options), (b) => line(b.normalized)),
    bytes: bulk(v.validateNdjson(model, new TextEncoder().encode(text), { ...options, output: "bytes" }), (b) => line(new TextDecoder().decode(b.bytes))),
    values: bulk(v.validateNdjson(model, text, { ...options, output: "values" }), (b) => JSON.stringify(b.values[0])),
    array: bulk(v.validateJsonArray(model, `[${text}]`, { ...options, output: "values" }), (b) => JSON.stringify(b.values[0])),
  };
  return out;
}
function oneAnswer(model, text, options) {
  const all = answers(model, text, options);
  for (const [name, answer] of Object.entries(all)) assert.deepEqual(answer, all.flat, `${name} and flat disagree on ${text}`);
  return all.flat;
}

test("a repeated key counts once, with its last value at its first place, on every path", () => {
  assert.deepEqual(oneAnswer("patchCustomer", '{"data":{"k":1,"k":{"boolValue":true}}}'), {
    valid: true,
    errors: [],
    value: '{"data":{"k":{"boolValue":true}}}',
  });
  assert.deepEqual(oneAnswer("customer", '{"name":"a","x":1,"x":2}', { unknown: "reject" }).errors, [["/x", "unknown_property"]]);
  const kept = oneAnswer("customer", '{"x":1,"name":"a","x":2}', { mode: "patch" });
  assert.equal(kept.value, '{"name":"a","x":2}');
  assert.equal(v.validateNdjson("customer", '{"name":"a","x":1,"x":2}', { mode: "patch" }).normalized, '{"name":"a","x":2}\n');
});

test("one nesting limit: 128 levels, the record counting as one", () => {
  const nested = (n) => "[".repeat(n) + "1" + "]".repeat(n);
  for (const options of [{}, { coerce: true }]) {
    assert.equal(oneAnswer("customer", `{"name":"a","x":${nested(127)}}`, options).valid, true);
    assert.deepEqual(oneAnswer("customer", `{"name":"a","x":${nested(128)}}`, options).errors, [["/x", "max_depth"]]);
    assert.deepEqual(oneAnswer("createCustomerDto", `{"assistantOverrides":{"a":${nested(127)}}}`, options).errors, [["/assistantOverrides", "max_depth"]]);
  }
  const deep = v.validateNdjson("customer", `{"name":"a","x":${nested(128)}}`).errors[0].errors[0];
  assert.deepEqual(deep.params, { max: 128 });
});

test("numbers are read correctly rounded, and past an f64's range are not JSON", () => {
  assert.deepEqual(oneAnswer("customer", '{"name":"a","automaticRefillAmount":10.000000000000001}').errors, [["/automaticRefillAmount", "int32"]]);
  assert.equal(oneAnswer("customer", '{"name":"a","automaticRefillAmount":10.0000000000000001}').valid, true);
  for (const text of ['{"name":"a","credit":1e400}', '{"name":"a","x":[-1e309]}']) {
    const [bulk] = v.validateNdjson("customer", text).errors;
    assert.deepEqual(codes(bulk.errors), [["", "json"]]);
    assert.match(bulk.errors[0].message, /number out of range/);
    assert.deepEqual(codes(v.validateJsonArray("customer", `[${text}]`).errors[0].errors), [["", "json"]]);
  }
  // Integers past 2^53 are numbers as JSON.parse reads them, on every path and output.
  assert.equal(oneAnswer("customer", '{"name":"b","extId":9007199254740993}').value.endsWith('"extId":9007199254740992}'), true);
});

test("lone surrogates are accepted and count as one character", () => {
  assert.equal(oneAnswer("customer", `{"name":"${"\\ud83d".repeat(45)}"}`).valid, true);
  assert.deepEqual(oneAnswer("customer", `{"name":"${"\\ud83d".repeat(46)}"}`).errors, [["/name", "max_length"]]);
});

test("errors come in input order", () => {
  assert.deepEqual(
    oneAnswer("customer", '{"zzz":1,"name":"a","aaa":2}', { unknown: "reject" }).errors.map(([p]) => p),
    ["/zzz", "/aaa"],
  );
});

test("from JS, only own enumerable properties count, each is read once, and nothing is shared", () => {
  const hidden = {};
  Object.defineProperty(hidden, "name", { value: "x", enumerable: false });
  for (const options of [undefined, { messages: {} }]) {
    assert.deepEqual(codes(v.validateCustomer(hidden, options).errors), [["/name", "required"]]);
    const inherited = Object.create({ credit: 1.5 });
    inherited.name = "a";
    assert.equal(v.validateCustomer(inherited, options).valid, true);
    assert.equal(v.validateCustomer(inherited, options).value.credit, 0);
    // An own key holding undefined is absent; an inherited declared name still does not count.
    const undefinedOwn = Object.assign(Object.create({ credit: 1.5 }), { name: "a", logo: undefined });
    assert.equal(v.validateCustomer(undefinedOwn, options).value.credit, 0);
  }
  // A getter read twice could answer "ok" to the check and something else to the result.
  for (const options of [undefined, { messages: {} }]) {
    let reads = 0;
    const shifty = {
      get name() {
        return reads++ === 0 ? "ok" : { evil: true };
      },
    };
    const r = v.validateCustomer(shifty, options);
    assert.equal(reads, 1, "read once");
    assert.deepEqual([r.valid, r.value.name], [true, "ok"]);
  }
  // Also when the per-record path gives up after reading (a value it does not take): the
  // general path validates what was read, and nothing is read again.
  for (const other of [[1], { nested: true }, () => 1]) {
    let reads = 0;
    const input = { get name() { reads++; return reads === 1 ? "ok" : 5; }, status: other };
    const r = v.validateCustomer(input);
    assert.equal(reads, 1, `read once beside ${typeof other}`);
    assert.deepEqual(codes(r.errors), [["/status", "type"]]);
  }
  // And when it gives up after reading for the text's size (over its 64 KiB buffer).
  let longReads = 0;
  const long = { get name() { longReads++; return "x".repeat(70_000); } };
  assert.deepEqual(codes(v.validateCustomer(long).errors), [["/name", "max_length"]]);
  assert.equal(longReads, 1, "a long string is read once");
  let thrown = 0;
  const throwing = { name: "a", status: [1], get logo() { thrown++; throw new Error("no"); } };
  assert.deepEqual(codes(v.validateCustomer(throwing).errors), [["/status", "type"], ["/logo", "type"]]);
  assert.equal(thrown, 1, "a throwing getter is called once");
  // A Proxy whose keys cannot be listed is unreadable where it stands, never read as {}.
  const keyless = new Proxy({ name: "A" }, { ownKeys() { throw new Error("no"); } });
  for (const options of [undefined, { mode: "patch" }, { messages: {} }]) {
    const r = v.validateCustomer(keyless, options);
    assert.deepEqual([codes(r.errors), r.errors[0].params.actual], [[["", "type"]], "unreadable value"]);
  }
  const inside = v.validateCreateCustomerDto({ assistantOverrides: keyless });
  assert.deepEqual([codes(inside.errors), inside.errors[0].params.actual], [[["/assistantOverrides", "type"]], "unreadable value"]);
  // Values JSON has no form for are kept as they are where passed through: holes stay holes.
  const holey = v.validateCreateCustomerDto({ zz: [1, , 2] }).value.zz;
  assert.deepEqual([holey.length, 1 in holey, holey[2]], [3, false, 2]);
  // Too large to copy (an array of length 2^32 - 1): refused, never shared with the input.
  const huge = [];
  huge.length = 4294967295;
  for (const options of [undefined, { messages: {} }, { mode: "patch", unknown: "allow" }]) {
    for (const [field, value] of [["squadOverrides", { list: huge }], ["assistantOverrides", { a: { b: huge } }], ["extra", huge]]) {
      const r = v.validateCreateCustomerDto({ number: "+14155550123", [field]: value }, options);
      assert.deepEqual([codes(r.errors), r.errors[0].params, r.value], [[[`/${field}`, "max_items"]], { max: 1000000 }, undefined], field);
    }
  }
  // The normalized value is a copy on every path.
  const overrides = { firstMessage: "Hi", nested: { a: [1] } };
  for (const options of [undefined, { messages: {} }]) {
    const r = v.validateCreateCustomerDto({ number: "+14155550123", assistantOverrides: overrides }, options);
    assert.deepEqual(r.value.assistantOverrides, overrides);
    assert.notEqual(r.value.assistantOverrides, overrides);
    assert.notEqual(r.value.assistantOverrides.nested, overrides.nested);
    const withUnknown = v.validateCustomer({ name: "a", extra: overrides }, options);
    assert.notEqual(withUnknown.value.extra, overrides);
  }
});

test("bulk values are what JSON.parse makes of each record: __proto__ stays data", () => {
  const { values } = v.validateJsonArray("customer", '[{"name":"a","__proto__":{"isAdmin":true}}]', { output: "values" });
  assert.equal(values[0].isAdmin, undefined);
  assert.deepEqual(Object.getOwnPropertyDescriptor(values[0], "__proto__").value, { isAdmin: true });
  assert.equal(Object.getPrototypeOf(values[0]), Object.prototype);
});
