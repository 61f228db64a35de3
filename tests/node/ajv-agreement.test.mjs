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
    if (e.keyword === "if" || e.keyword === "allOf" || e.keyword === "anyOf") continue; // wrappers of the real failure
    // `nulls: absent` allows null beside a property's schema (`anyOf`): the null branch's failure is no failure of its own.
    if (e.keyword === "type" && e.params.type === "null" && e.schemaPath.endsWith("/anyOf/1/type")) continue;
    if (e.keyword === "required") paths.add(`${e.instancePath}/${e.params.missingProperty}`);
    else if (e.keyword === "additionalProperties") paths.add(`${e.instancePath}/${e.params.additionalProperty.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    else paths.add(e.instancePath);
  }
  return [...paths].sort();
}

/** A schema as it applies to a value: its `$ref`s followed, the non-null branch of a nullable `anyOf`. */
function resolved(schema, root) {
  for (;;) {
    if (schema?.$ref) schema = root.$defs[schema.$ref.slice("#/$defs/".length)];
    else if (Array.isArray(schema?.anyOf) && !schema["x-enum"]) schema = schema.anyOf[0];
    else return schema;
  }
}

/**
 * Walks a value that passed `schema` along it: `visit(object, key, memberSchema, declared)`
 * for each member of its objects (`declared`: a member of an object type, whose schema is
 * `undefined` for an undeclared one; else an entry of a map). List items are walked into.
 */
function eachMember(value, schema, root, visit) {
  schema = resolved(schema, root);
  if (value === null || typeof value !== "object" || !schema) return;
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) eachMember(item, schema.items, root, visit);
  } else if (schema.properties) {
    for (const k of Object.keys(value)) visit(value, k, schema.properties[k], true);
  } else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    for (const k of Object.keys(value)) visit(value, k, schema.additionalProperties, false);
  }
}

/**
 * What `nulls: absent` makes of a value: the null members of its objects dropped, declared or
 * not; map entries, list items and values passed through unchanged keep theirs.
 */
function dropNulls(value, schema, root) {
  eachMember(value, schema, root, function drop(object, k, member, declared) {
    if (declared && object[k] === null) delete object[k];
    else if (member) eachMember(object[k], member, root, drop);
  });
}

/**
 * ajv leaves a ServiceStack enum as written; ours writes the declared name (the `api`
 * schema's `x-enum`): the name matched in any case, or the member at that number.
 */
function canonicalEnums(value, schema, root) {
  const named = (names, v) => (typeof v === "number" ? names[v] : names.find((n) => n.toLowerCase() === v.toLowerCase()) ?? names[Number(v)]);
  eachMember(value, schema, root, function canonical(object, k, member) {
    const names = resolved(member, root)?.["x-enum"];
    if (names && object[k] !== null) object[k] = named(names, object[k]);
    else if (member) eachMember(object[k], member, root, canonical);
  });
}

const summary = [];

for (const model of v.models()) {
  for (const profile of ["strict", "api"]) {
    for (const mode of v.describe(model).modes) {
      for (const [unknown, nulls] of [["allow"], ["reject"], ["allow", "absent"], ["reject", "reject"]]) {
        const options = { mode, profile, unknown, ...(nulls ? { nulls } : {}) };
        test(`${model} ${profile} ${mode} unknown=${unknown} nulls=${nulls ?? v.describe(model).nulls}: ajv agrees`, () => {
          const ajv = new Ajv2020({ allErrors: true, useDefaults: mode === "create", strict: false });
          addFormats(ajv);
          const schema = v.jsonSchema(model, options);
          const check = ajv.compile(schema);
          const rnd = mulberry32(0x5eed ^ model.length ^ (profile.length << 4) ^ (mode.length << 8) ^ (unknown.length << 12) ^ ((nulls?.length ?? 0) << 16));
          const gen = generator(v.describe(model), rnd);
          const absent = (nulls ?? v.describe(model).nulls) === "absent";
          let valid = 0;
          let invalid = 0;
          for (let i = 0; i < RECORDS_PER_RUN; i++) {
            const input = gen();
            const ours = v.validate(model, input, options);
            const copy = structuredClone(input);
            const theirs = check(copy);
            const context = () => JSON.stringify({ input, ours: ours.errors, ajv: check.errors });
            assert.equal(ours.valid, theirs, `verdicts differ: ${context()}`);
            const ourPaths = [...new Set(ours.errors.map((e) => e.path))].sort();
            assert.deepEqual(ourPaths, ajvPaths(check.errors), `error paths differ: ${context()}`);
            if (theirs) {
              valid++;
              // ajv keeps the nulls it let through; ours are as if not sent: the input without
              // them, through ajv again (which fills in their defaults), is the value expected.
              let expected = copy;
              if (absent) {
                expected = structuredClone(input);
                dropNulls(expected, schema, schema);
                assert.ok(check(expected), `valid without its nulls: ${context()}`);
              }
              canonicalEnums(expected, schema, schema);
              assert.deepEqual(ours.value, expected, `normalized values differ: ${context()}`);
            } else {
              invalid++;
            }
          }
          summary.push({ model, profile, mode, unknown: `${unknown} nulls=${nulls ?? "(model's)"}`, valid, invalid });
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
