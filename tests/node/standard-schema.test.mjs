// Standard Schema v1 (https://standardschema.dev): `schema(modelId, options)` as a library
// that takes one calls it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const v = createRequire(import.meta.url)(join(dirname(fileURLToPath(import.meta.url)), "../../pkg"));

test("~standard: version 1, our vendor, the validate result as value or issues with key paths", () => {
  const dto = v.schema("createCustomerDto", { mode: "create" });
  const std = dto["~standard"];
  assert.deepEqual([std.version, std.vendor], [1, "customer-validation"]);
  assert.deepEqual(std.validate({ number: "+14155551234" }), { value: v.validateCreateCustomerDto({ number: "+14155551234" }).value });
  assert.deepEqual(std.validate({ number: "12ab", name: 5 }), {
    issues: [
      { message: "must be an E.164 number such as +14155551234", path: ["number"] },
      { message: "must be of type string, not integer", path: ["name"] },
    ],
  });
  // Nested paths: list indexes are numbers, escaped pointer segments are keys again; the root has no path.
  const patch = v.schema("patchCustomer");
  assert.deepEqual(patch["~standard"].validate({ schedule: { rules: [{}, { byMonth: [13] }] } }).issues, [{ message: "must be between 1 and 12", path: ["schedule", "rules", 1, "byMonth", 0] }]);
  assert.deepEqual(patch["~standard"].validate({ "a/b~c": 1 }, {}).value, { "a/b~c": 1 });
  assert.deepEqual(v.schema("customer", { unknown: "reject" })["~standard"].validate({ name: "a", "a/b~c": 1 }).issues[0].path, ["a/b~c"]);
  assert.deepEqual(patch["~standard"].validate([]).issues, [{ message: "must be of type object, not array", path: undefined }]);
  assert.throws(() => v.schema("customers"), /unknown model customers/);
});
