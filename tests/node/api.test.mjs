// The JS API end to end, loaded from pkg/ the way a user loads it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const v = require(join(root, "pkg"));
const CUSTOMER_DEFAULTS = JSON.parse(readFileSync(join(root, "tests/fixtures/customer-defaults.json"), "utf8"));
const pathsAndCodes = (r) => (Array.isArray(r) ? r : r.errors).map((e) => [e.path, e.code]);

test("require('./pkg') needs no initialisation", () => {
  const out = execFileSync(
    process.execPath,
    ["-e", "const v=require('./pkg'); console.log(JSON.stringify(v.validateCreateCustomerDto({number:'+001234567890'})))"],
    { cwd: root, encoding: "utf8" },
  );
  const r = JSON.parse(out);
  assert.equal(r.valid, false);
  assert.deepEqual(pathsAndCodes(r), [["/number", "e164"]]);
});

test("import by package name (ESM) and require give the same functions' results", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cv-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(join(root, "pkg"), join(dir, "node_modules/customer-validation"), "dir");
  writeFileSync(
    join(dir, "esm.mjs"),
    "import { validateCustomer } from 'customer-validation'; import cv from 'customer-validation';\n" +
      "console.log(JSON.stringify([validateCustomer({ name: 'Acme' }).valid, typeof cv.describe]));\n",
  );
  writeFileSync(join(dir, "cjs.cjs"), "console.log(JSON.stringify(require('customer-validation').validateCustomer({}).errors[0].code));\n");
  assert.equal(execFileSync(process.execPath, [join(dir, "esm.mjs")], { encoding: "utf8" }).trim(), '[true,"function"]');
  assert.equal(execFileSync(process.execPath, [join(dir, "cjs.cjs")], { encoding: "utf8" }).trim(), '"required"');
});

test("create mode fills every default of SPEC section 1", () => {
  const r = v.validateCustomer({ name: "Acme" }, { mode: "create" });
  assert.equal(r.valid, true);
  assert.deepEqual(r.errors, []);
  // SPEC section 1's defaults, written out once for the JS tests.
  assert.deepEqual(r.value, { name: "Acme", ...CUSTOMER_DEFAULTS });
});

test("all errors are reported, with path, code, message and params", () => {
  const r = v.validateCustomer({
    name: "😀".repeat(46),
    status: "closed",
    adminUserId: "0123456789abcdef0123456",
    createdByIP: "::1",
    lowBalanceAlertAt: "2024-02-30T00:00:00Z",
    holdMusic: 2,
  });
  assert.equal(r.valid, false);
  assert.equal(r.value, undefined);
  assert.deepEqual(r.errors[0], {
    path: "/name",
    code: "max_length",
    message: "must be at most 45 characters long (it has 46)",
    params: { max: 45, actual: 46 },
  });
  assert.deepEqual(pathsAndCodes(r), [
    ["/name", "max_length"],
    ["/status", "enum"],
    ["/adminUserId", "object_id"],
    ["/lowBalanceAlertAt", "date_time"],
    ["/createdByIP", "min_length"],
    ["/holdMusic", "enum"],
  ]);
  assert.deepEqual(r.errors[1].params, { allowed: ["active", "suspended", "terminated", "fraud"] });
});

test("profiles: api keeps upstream parity, strict adds formats", () => {
  const input = { name: "a", websiteUrl: "not a url", createdByIP: "999.1.1.1" };
  assert.equal(v.validateCustomer(input, { profile: "api" }).valid, true);
  assert.deepEqual(pathsAndCodes(v.validateCustomer(input)), [
    ["/websiteUrl", "url"],
    ["/createdByIP", "ip"],
  ]);
});

test("unknown properties: allow, strip, reject", () => {
  const input = { name: "a", extra: { x: 1 } };
  assert.deepEqual(v.validateCustomer(input, { mode: "patch" }).value, { name: "a", extra: { x: 1 } });
  assert.deepEqual(v.validateCustomer(input, { mode: "patch", unknown: "strip" }).value, { name: "a" });
  assert.deepEqual(pathsAndCodes(v.validateCustomer(input, { unknown: "reject" })), [["/extra", "unknown_property"]]);
});

test("validateField follows the E.164 switch given in context", () => {
  assert.deepEqual(pathsAndCodes(v.validateField("createCustomerDto", "number", "+001234567890")), [["/number", "e164"]]);
  assert.deepEqual(v.validateField("createCustomerDto", "number", "+001234567890", { context: { numberE164CheckEnabled: false } }), []);
  assert.deepEqual(pathsAndCodes(v.validateField("createCustomerDto", "number", "+1 415", { context: { numberE164CheckEnabled: false } })), [
    ["/number", "alphanumeric"],
  ]);
});

test("describe gives what a form needs", () => {
  const d = v.describe("createCustomerDto");
  assert.deepEqual(d.modes, ["create", "patch"]);
  const number = d.fields.find((f) => f.name === "number");
  assert.deepEqual(
    { type: number.type, min: number.minLength, max: number.maxLength, dependsOn: number.dependsOn, formats: number.formats },
    {
      type: "string",
      min: 3,
      max: 40,
      dependsOn: "numberE164CheckEnabled",
      formats: [
        { name: "e164", profile: "api", when: true },
        { name: "alphanumeric", profile: "api", when: false },
      ],
    },
  );
  const status = v.describe("customer").fields.find((f) => f.name === "status");
  assert.deepEqual([status.type, status.default, status.enum], ["enum", "active", ["active", "suspended", "terminated", "fraud"]]);
  assert.throws(() => v.describe("nope"), /unknown model nope/);
});

test("PatchCustomer: nested paths, patch only, deep nesting", () => {
  const r = v.validatePatchCustomer({
    schedule: { rules: [{}, {}, {}, { byDay: [{ dayOfWeek: "Funday", offset: 60 }], byMonth: [0, 12] }] },
    billingSettings: { aiMessages: { unitCost: -1, allowance: 1.5 } },
    data: { plan: { structValue: { tier: { numberValue: "gold" } } } },
    appSettings: { logoutUrl: "nope" },
  });
  assert.deepEqual(pathsAndCodes(r), [
    ["/data/plan/structValue/tier/numberValue", "type"],
    ["/schedule/rules/3/byMonth/0", "range"],
    ["/schedule/rules/3/byDay/0/offset", "range"],
    ["/schedule/rules/3/byDay/0/dayOfWeek", "enum"],
    ["/billingSettings/aiMessages/unitCost", "non_negative"],
    ["/billingSettings/aiMessages/allowance", "int32"],
    ["/appSettings/logoutUrl", "url"],
  ]);
  assert.deepEqual(pathsAndCodes(v.validatePatchCustomer({ name: "x" }, { mode: "create" })), [["", "unsupported_mode"]]);
  const ok = v.validatePatchCustomer({ name: "x", tagIds: ["a"] });
  assert.deepEqual(ok, { valid: true, value: { name: "x", tagIds: ["a"] }, errors: [] });
  let deep = {};
  for (let i = 0; i < 100000; i++) deep = { k: { structValue: deep } };
  const refused = v.validatePatchCustomer({ data: deep });
  assert.deepEqual(pathsAndCodes(refused), [["/data" + "/k/structValue".repeat(32), "max_depth"]]);
  assert.equal(v.validatePatchCustomer({ name: "still works" }).valid, true);
  assert.deepEqual(pathsAndCodes(v.validateField("patchCustomer", "/schedule/rules/0/byHour", [24])), [["/schedule/rules/0/byHour/0", "range"]]);
  assert.deepEqual(pathsAndCodes(v.validateField("patchCustomer", "/billingSettings/aiMessages/unitCost", -1, { profile: "api" })), []);
});

test("plain objects of scalars take the flat path and get the same answers as the general path", async () => {
  const { generator, mulberry32 } = await import("./generate.mjs");
  // `messages: {}` changes nothing in a result but sends the call down the general path.
  const general = (o) => ({ ...o, messages: {} });
  let compared = 0;
  for (const model of ["customer", "createCustomerDto", "patchCustomer"]) {
    const rnd = mulberry32(0xf1a7 ^ model.length);
    const gen = generator(v.describe(model), rnd);
    for (const options of [undefined, { mode: "patch" }, { profile: "api", unknown: "strip" }, { unknown: "reject" }, { mode: "create" }]) {
      for (let i = 0; i < 400; i++) {
        const input = gen();
        const flat = v.validate(model, input, options);
        assert.deepStrictEqual(flat, v.validate(model, input, general(options ?? {})), JSON.stringify({ input, options }));
        if (flat.valid) assert.deepStrictEqual(Object.keys(flat.value), Object.keys(v.validate(model, input, general(options ?? {})).value));
        compared++;
      }
    }
  }
  assert.equal(compared, 6000);
  // Edge cases of the hand-over: UTF-16 lengths of emoji and lone surrogates, undefined and
  // null values, objects without a prototype or in dictionary mode, undeclared keys, values
  // the flat path leaves alone (arrays, nested objects, functions), getters that throw.
  const dictionary = { name: "Acme" };
  for (let i = 0; i < 40; i++) dictionary["k" + i] = i;
  for (let i = 0; i < 40; i++) delete dictionary["k" + i];
  const throwing = { name: "Acme" };
  Object.defineProperty(throwing, "logo", { enumerable: true, get: () => { throw new Error("no"); } });
  const cases = [
    { name: "😀".repeat(45), logo: "\ud800x", websiteUrl: "https://a.example/é" },
    { name: "😀".repeat(46), logo: "x".repeat(256), credit: 2 ** 31, holdMusic: true },
    { name: "Acme", logo: undefined, status: null, credit: -0, cdrRetention: 1e2 },
    Object.assign(Object.create(null), { name: "Acme", credit: NaN }),
    dictionary,
    { name: "Acme", extra: 1 },
    { name: "Acme", __proto__: null, ["__proto__"]: 1 },
    JSON.parse('{"name":"Acme","__proto__":{"x":1}}'),
    { name: ["Acme"] },
    { name: "Acme", status: () => 1 },
    throwing,
  ];
  for (const input of cases) {
    for (const options of [undefined, { mode: "patch", unknown: "reject" }]) {
      let expected;
      try {
        expected = v.validateCustomer(input, general(options ?? {}));
      } catch (e) {
        expected = e;
      }
      assert.deepStrictEqual(v.validateCustomer(input, options), expected, String(Object.keys(input)));
    }
  }
  // No strings at all: only the slots carry the record, and the growth must not lose them.
  const numbers = {};
  Object.defineProperty(numbers, "credit", {
    enumerable: true,
    get: () => (v.validateNdjson("customer", '{"name":"x"}\n'.repeat(2_000_000), { output: "none" }), 5),
  });
  assert.deepEqual(v.validateCustomer(numbers, { mode: "patch" }), { valid: true, value: { credit: 5 }, errors: [] });
  // A getter that calls back into the module, even one that makes WebAssembly memory grow
  // (detaching the views the flat path writes through), still gets the right answers.
  const reentrant = { name: "Acme" };
  let inner;
  Object.defineProperty(reentrant, "logo", {
    enumerable: true,
    get: () => {
      inner = v.validateCustomer({ name: 5 });
      v.validateNdjson("customer", '{"name":"x"}\n'.repeat(1_000_000), { output: "none" });
      return "https://cdn.example/logo.png";
    },
  });
  const outer = v.validateCustomer(reentrant);
  assert.deepEqual([outer.valid, outer.value.logo, outer.value.status], [true, "https://cdn.example/logo.png", "active"]);
  assert.deepEqual(pathsAndCodes(inner), [["/name", "type"]]);
  assert.deepEqual(v.validateCustomer({ name: "Acme", credit: 7 }).value.credit, 7, "the module works afterwards");
  const dto = { number: "+14155550123", assistantOverrides: { firstMessage: "Hi" } };
  const result = v.validateCreateCustomerDto(dto);
  assert.deepEqual(result.value.assistantOverrides, dto.assistantOverrides, "any-object fields are passed through unchanged");
  assert.notEqual(result.value.assistantOverrides, dto.assistantOverrides, "as a copy: the result never shares objects with the input");
  assert.deepEqual(v.validateCreateCustomerDto({ number: "+14155550123", assistantOverrides: [1] }).errors.map((e) => e.code), ["type"]);
  // Options the flat path does not read are still read and checked.
  assert.deepEqual(v.validateCustomer({ name: "Acme" }, { mode: "nope" }).errors.map((e) => e.code), ["invalid_option"]);
  assert.deepEqual(v.validateCustomer({ name: "Acme", credit: "12" }, { coerce: true }).value.credit, 12);
});

test("where code generation from strings is forbidden (CSP without 'unsafe-eval'), every call still works", () => {
  const script = `
    const v = require(${JSON.stringify(join(root, "pkg"))});
    const out = [
      v.validateCustomer({ name: "Acme", credit: 5 }),
      v.validateCustomer({ name: 5, holdMusic: 2 }, { mode: "patch" }),
      v.validateCreateCustomerDto({ number: "+14155550123", assistantOverrides: { a: 1 } }),
      v.validatePatchCustomer({ schedule: { rules: [{ byMonth: [13] }] } }),
      v.validateNdjson("customer", '{"name":"a"}\\n{"name":1}\\n', { output: "none" }),
    ];
    process.stdout.write(JSON.stringify(out));`;
  const forbidden = JSON.parse(execFileSync(process.execPath, ["--disallow-code-generation-from-strings", "-e", script], { encoding: "utf8" }));
  const allowed = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  assert.deepEqual(forbidden, allowed);
  assert.equal(forbidden[0].value.status, "active");
  assert.deepEqual(forbidden[1].errors.map((e) => e.path), ["/name", "/holdMusic"]);
});

test("nulls: patchCustomer's are as if not sent; nulls: absent for the others; every entry point", () => {
  const patch = { name: null, referenceId: "r", billingSettings: { base: { unitCost: null, allowance: 3 } }, extra: null };
  const expected = { referenceId: "r", billingSettings: { base: { allowance: 3 } } };
  assert.deepEqual(v.validatePatchCustomer(patch), { valid: true, errors: [], value: expected });
  assert.deepEqual(v.validatePatchCustomer(patch, { profile: "api", messages: {} }).value, expected);
  assert.deepEqual(v.validatePatchCustomer({ name: null }).errors.map((e) => [e.path, e.code]), [["", "min_properties"]]);
  assert.deepEqual(v.validatePatchCustomer({ name: null }, { nulls: "reject" }).errors.map((e) => [e.path, e.code]), [["/name", "type"]]);
  const bulk = v.validateNdjson("patchCustomer", JSON.stringify(patch) + "\n" + '{"name":null}\n', { output: "values" });
  assert.deepEqual([bulk.valid, bulk.values[0], bulk.errors.map((f) => [f.line, f.errors[0].code])], [1, expected, [[2, "min_properties"]]]);
  // Vapi and Circuit ID reject nulls unless asked.
  const dto = { number: "+14155551234", extension: null, unknownNull: null };
  assert.deepEqual(v.validateCreateCustomerDto(dto).errors.map((e) => [e.path, e.code]), [["/extension", "type"]]);
  for (const options of [{ nulls: "absent" }, { nulls: "absent", messages: {} }]) {
    assert.deepEqual(v.validateCreateCustomerDto(dto, options).value, { numberE164CheckEnabled: true, number: "+14155551234" });
  }
  const line = v.validateNdjson("createCustomerDto", JSON.stringify(dto) + "\n", { nulls: "absent", output: "values" });
  assert.deepEqual(line.values, [{ numberE164CheckEnabled: true, number: "+14155551234" }]);
  assert.deepEqual(v.validateCustomer({ name: "A", credit: null }, { nulls: "absent" }).value.credit, 0);
  assert.deepEqual(v.validateField("customer", "credit", null, { nulls: "absent" }), []);
  assert.deepEqual(v.validateField("customer", "name", null, { nulls: "absent" }).map((e) => e.code), ["required"]);
  assert.deepEqual(v.validateCustomer({ name: "A" }, { nulls: "never" }).errors.map((e) => [e.code, e.params.option]), [["invalid_option", "nulls"]]);
  assert.equal(v.describe("patchCustomer").nulls, "absent");
  assert.equal(v.describe("customer").nulls, "reject");
});

test("ServiceStack enums: any case and member numbers in api, the declared name out; strict offers it", () => {
  const patch = { schedule: { rules: [{ frequency: "WEEKLY", simpleRuleType: 2, byDay: [{ dayOfWeek: "6" }, { dayOfWeek: "monday" }] }] } };
  const expected = { schedule: { rules: [{ simpleRuleType: "Time", byDay: [{ dayOfWeek: "Saturday" }, { dayOfWeek: "Monday" }], frequency: "Weekly" }] } };
  for (const options of [{ profile: "api" }, { profile: "api", messages: {} }]) assert.deepEqual(v.validatePatchCustomer(patch, options).value, expected);
  const line = v.validateNdjson("patchCustomer", JSON.stringify(patch) + "\n", { profile: "api", output: "values" });
  assert.deepEqual(line.values, [expected]);
  const strict = v.validatePatchCustomer(patch).errors.map((e) => [e.path, e.code, e.params.suggestion]);
  assert.deepEqual(strict, [
    ["/schedule/rules/0/simpleRuleType", "enum", "Time"],
    ["/schedule/rules/0/byDay/0/dayOfWeek", "enum", "Saturday"],
    ["/schedule/rules/0/byDay/1/dayOfWeek", "enum", "Monday"],
    ["/schedule/rules/0/frequency", "enum", "Weekly"],
  ]);
  assert.deepEqual(v.validatePatchCustomer({ schedule: { rules: [{ frequency: 8 }] } }, { profile: "api" }).errors.map((e) => e.code), ["type"]);
  const field = (fields, name) => fields.find((f) => f.name === name);
  const rules = field(field(v.describe("patchCustomer").fields, "schedule").fields, "rules").items.fields;
  assert.deepEqual([field(rules, "frequency").enumParse, field(rules, "name").enumParse], ["servicestack", undefined]);
});
