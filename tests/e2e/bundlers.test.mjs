// The packed package as a bundled app uses it, in Chromium: installed from its tarball into a
// fresh project, bundled by esbuild (which does not emit the .wasm itself: the app imports its
// URL from `customer-validation/wasm` and passes it to init), on the page and in a Web Worker
// that validates an NDJSON file with the stream.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { serve, launchChromium } from "./static.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(join(tmpdir(), "cv-bundlers-"));
const project = join(work, "app");
const dist = join(project, "dist");
let server;
let browser;
let origin;

before(async () => {
  const pack = spawnSync("npm", ["pack", join(root, "pkg"), "--pack-destination", work, "--json"], { cwd: work, encoding: "utf8" });
  assert.equal(pack.status, 0, pack.stderr);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true }));
  const install = spawnSync("npm", ["install", join(work, JSON.parse(pack.stdout)[0].filename), "--offline", "--no-audit", "--no-fund"], { cwd: project, encoding: "utf8" });
  assert.equal(install.status, 0, install.stderr);
  writeFileSync(
    join(project, "app.js"),
    `import { init, validateCustomer } from "customer-validation";
import wasmUrl from "customer-validation/wasm";
await init({ module_or_path: wasmUrl });
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const fromWorker = new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
worker.postMessage(new File(['{"name":"a"}\\n{"name":1}\\n', '{"credit":"x"}'], "import.ndjson"));
window.answer = fromWorker.then((w) => ({ page: validateCustomer({ name: "Acme" }).value.status, worker: w }));
`,
  );
  writeFileSync(
    join(project, "worker.js"),
    `import { init, validateNdjsonStream } from "customer-validation";
import wasmUrl from "customer-validation/wasm";
const ready = init({ module_or_path: wasmUrl });
self.onmessage = async (e) => {
  await ready;
  const failures = [];
  let records = 0;
  for await (const r of validateNdjsonStream("customer", e.data.stream())) {
    records += r.records;
    failures.push(...r.errors.map((f) => [f.line, f.errors.map((x) => x.code)]));
  }
  self.postMessage({ records, failures });
};
`,
  );
  mkdirSync(dist, { recursive: true });
  await build({ entryPoints: [join(project, "app.js"), join(project, "worker.js")], bundle: true, format: "esm", platform: "browser", outdir: dist, loader: { ".wasm": "file" }, logLevel: "silent" });
  server = await serve(dist, '<!doctype html><title>app</title><script type="module" src="./app.js"></script>');
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("esbuild: the bundled app validates on the page and, with the stream, in a Web Worker", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(origin + "/");
  // The app's module awaits init() before it sets its answer.
  await page.waitForFunction(() => window.answer !== undefined);
  const answer = await page.evaluate(() => window.answer);
  assert.deepEqual(errors, []);
  assert.deepEqual(answer, { page: "active", worker: { records: 3, failures: [[2, ["type"]], [3, ["required", "type"]]] } });
  await page.close();
});
