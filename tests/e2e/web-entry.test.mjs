// The package's browser entry (pkg/web/index.js) in Chromium, as a page imports it: init,
// then a trap inside WebAssembly, which must restart the module (js/facade.js) and leave
// every call working; a call before init(); streams in the browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { serve, launchChromium } from "./static.mjs";

const web = join(dirname(fileURLToPath(import.meta.url)), "../../pkg/web");
let server;
let browser;
let origin;

before(async () => {
  // pkg/web as static files, and an empty page to import it from.
  server = await serve(web, "<!doctype html><title>entry</title>");
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("browser entry: a trap answers internal, restarts the module, and calls go on", async () => {
  const page = await browser.newPage();
  await page.goto(origin + "/");
  const answers = await page.evaluate(async () => {
    const m = await import("/index.js");
    await m.default();
    const before = m.validateCustomer({ name: "a", x: { y: 1 } }).valid;
    const trapped = m.__testing.trap();
    const after = m.validateCustomer({ name: "a", x: { y: 1 } });
    const bulk = m.validateNdjson("customer", '{"name":"a"}\n{}');
    const s = new m.JsonArrayValidator("customer");
    const parts = [...'[{"name":"a"},{"name":2}]'].map((ch) => s.push(ch)).concat(s.end()).filter(Boolean);
    return { before, trapped, after: [after.valid, after.value.x], bulk: [bulk.records, bulk.invalid], stream: parts.map((r) => [r.records, r.errors.map((f) => f.index)]) };
  });
  assert.equal(answers.before, true);
  assert.deepEqual(answers.trapped.errors.map((e) => [e.code, e.params.detail]), [["internal", "RuntimeError: unreachable"]]);
  assert.deepEqual(answers.after, [true, { y: 1 }]);
  assert.deepEqual(answers.bulk, [2, 1]);
  assert.deepEqual(answers.stream, [[1, []], [1, [1]]]);
  await page.close();
});

test("browser entry: a call before init() throws one clear Error, schema() does not; streams read a File's ReadableStream", async () => {
  const page = await browser.newPage();
  await page.goto(origin + "/");
  const answers = await page.evaluate(async () => {
    const m = await import("/index.js");
    let before;
    try {
      m.validateCustomer({ name: "a" });
    } catch (e) {
      before = [e.constructor.name, e.message];
    }
    // Schemas are made at module start, before init(): made then, checked at first use.
    const early = m.schema("customer");
    const misspelt = m.schema("customers");
    await m.init();
    let unknown;
    try {
      misspelt["~standard"].validate({});
    } catch (e) {
      unknown = e.message;
    }
    const schema = [early["~standard"].validate({ name: 1 }), unknown];
    const file = new File(['{"name":"a"}\n{"name":2}\n', '{"name":"b"}'], "import.ndjson");
    const results = [];
    for await (const r of m.validateNdjsonStream("customer", file.stream())) results.push([r.records, r.errors.map((f) => f.line)]);
    return { before, results, schema };
  });
  assert.deepEqual(answers.schema, [{ issues: [{ message: "must be of type string, not integer", path: ["name"] }] }, "unknown model customers; models: customer, createCustomerDto, patchCustomer"]);
  assert.deepEqual(answers.before, ["Error", "customer-validation: the WebAssembly module is not loaded yet: await init() (the default export) once before calling it"]);
  assert.deepEqual(answers.results.flatMap(([n]) => [n]).reduce((a, b) => a + b, 0), 3);
  assert.deepEqual(answers.results.flatMap(([, lines]) => lines), [2]);
  await page.close();
});

/** The page's module: the same answers whatever the CSP lets it do, and the time per call. */
const PROBE = `import * as m from "/index.js";
window.answer = m.init().then(() => {
  const inputs = [{ name: "Acme" }, { name: 5, credit: "x" }, { name: "a", websiteUrl: "example.com", extra: [1] }, {}];
  const answers = inputs.map((x) => m.validateCustomer(x, { mode: "create" }));
  const t0 = performance.now();
  for (let i = 0; i < 20000; i++) m.validateCustomer(inputs[i & 3]);
  return { answers, perCall: (performance.now() - t0) / 20000 };
}, (e) => ({ failed: e.constructor.name + ": " + e.message }));`;

test("Content-Security-Policy: 'wasm-unsafe-eval' is enough (same answers; 'unsafe-eval' only speeds calls up), and without it init() rejects", async () => {
  const policies = {
    none: null,
    "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'": null,
    "script-src 'self' 'wasm-unsafe-eval'": null,
    "script-src 'self'": null,
  };
  for (const policy of Object.keys(policies)) {
    const site = await serve(web, '<!doctype html><title>csp</title><script type="module" src="/probe.js"></script>', policy === "none" ? {} : { "content-security-policy": policy });
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("**/probe.js", (route) => route.fulfill({ contentType: "text/javascript", body: PROBE }));
    await page.goto(site.origin + "/");
    await page.waitForFunction(() => window.answer !== undefined);
    policies[policy] = await page.evaluate(() => window.answer);
    assert.deepEqual(errors, [], policy);
    await page.close();
    site.close();
  }
  const { none, ...restricted } = policies;
  assert.equal(none.answers.length, 4);
  assert.deepEqual(restricted["script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'"].answers, none.answers);
  assert.deepEqual(restricted["script-src 'self' 'wasm-unsafe-eval'"].answers, none.answers);
  assert.match(restricted["script-src 'self'"].failed, /^CompileError: .*(Content Security Policy|CSP)/i);
  for (const [policy, r] of Object.entries(policies)) console.log(`# CSP ${policy}: ${r.perCall ? `${(r.perCall * 1000).toFixed(2)} µs per validateCustomer call` : r.failed}`);
});
