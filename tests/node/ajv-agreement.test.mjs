// ajv, compiled from jsonSchema(...), and validate...() must agree: same verdict, same set of
// error paths, and (create mode) the same normalized record, on generated inputs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { generator, mulberry32 } from "./generate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const v = createRequire(import.meta.url)(join(root, "pkg"));

const RECORDS_PER_RUN = 1500;

/** Error paths as the engine reports them: ajv's `required` points at the parent object. */
function ajvPaths(errors) {
  const paths = new Set();
  for (const e of errors ?? []) {
    if (e.keyword === "if" || e.keyword === "allOf") continue; // wrappers of the real failure
    if (e.keyword === "required") paths.add(`${e.instancePath}/${e.params.missingProperty}`);
    else if (e.keyword === "additionalProperties") paths.add(`${e.instancePath}/${e.params.additionalProperty.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    else paths.add(e.instancePath);
  }
  return [...paths].sort();
}

const summary = [];

for (const model of v.models()) {
  for (const profile of ["strict", "api"]) {
    for (const mode of v.describe(model).modes) {
      for (const unknown of ["allow", "reject"]) {
        test(`${model} ${profile} ${mode} unknown=${unknown}: ajv agrees`, () => {
          const ajv = new Ajv2020({ allErrors: true, useDefaults: mode === "create", strict: false });
          addFormats(ajv);
          const check = ajv.compile(v.jsonSchema(model, { mode, profile, unknown }));
          const rnd = mulberry32(0x5eed ^ model.length ^ (profile.length << 4) ^ (mode.length << 8) ^ (unknown.length << 12));
          const gen = generator(v.describe(model), rnd);
          let valid = 0;
          let invalid = 0;
          for (let i = 0; i < RECORDS_PER_RUN; i++) {
            const input = gen();
            const ours = v.validate(model, input, { mode, profile, unknown });
            const copy = structuredClone(input);
            const theirs = check(copy);
            const context = () => JSON.stringify({ input, ours: ours.errors, ajv: check.errors });
            assert.equal(ours.valid, theirs, `verdicts differ: ${context()}`);
            const ourPaths = [...new Set(ours.errors.map((e) => e.path))].sort();
            assert.deepEqual(ourPaths, ajvPaths(check.errors), `error paths differ: ${context()}`);
            if (theirs) {
              valid++;
              assert.deepEqual(ours.value, copy, `normalized values differ: ${context()}`);
            } else {
              invalid++;
            }
          }
          summary.push({ model, profile, mode, unknown, valid, invalid });
          assert.ok(valid > RECORDS_PER_RUN / 10 && invalid > RECORDS_PER_RUN / 10, `too one-sided: ${valid} valid, ${invalid} invalid`);
        });
      }
    }
  }
}

test("agreement summary", () => {
  const total = summary.reduce((n, s) => n + s.valid + s.invalid, 0);
  for (const s of summary) console.log(`# agree ${s.model} ${s.profile} ${s.mode} unknown=${s.unknown}: ${s.valid} valid + ${s.invalid} invalid`);
  console.log(`# agree total: ${total} inputs`);
  assert.ok(total > 0);
});
