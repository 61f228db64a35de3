// The packed package as bundled apps use it, in Chromium: installed from its tarball into a
// fresh project and bundled by Vite, webpack 5, esbuild (ES module and IIFE output) and
// `bun build` (the Bun that scripts/setup.sh --test installs for the runtime tests). Vite
// and webpack emit the .wasm that the web build names with `new URL(..., import.meta.url)`,
// so the app there is isomorphic code (`await cv()`); esbuild and Bun do not, so their app imports
// the URL from `customer-validation/wasm` and passes it to init. Each app validates on the
// page and (but the IIFE, a classic script) in a Web Worker that validates an NDJSON File
// with the stream.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { homedir } from "node:os";
import { build as esbuild } from "esbuild";
import { build as vite } from "vite";
import webpack from "webpack";
import { serve, launchChromium, installPacked } from "./static.mjs";

let project;
let browser;

/** The page's module: `load` is how it gets the module ready (the bundler decides). */
const app = (imports, load) => `import cv, { validateCustomer } from "customer-validation";
${imports}
${load}
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const fromWorker = new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
worker.postMessage(new File(['{"name":"a"}\\n{"name":1}\\n', '{"credit":"x"}'], "import.ndjson"));
window.answer = fromWorker.then((w) => ({ page: validateCustomer({ name: "Acme" }).value.status, same: cv.validateCustomer === validateCustomer, worker: w }));
`;
const worker = (imports, load) => `import { init, validateNdjsonStream } from "customer-validation";
${imports}
const ready = ${load};
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
`;
const EXPECTED = { page: "active", same: true, worker: { records: 3, failures: [[2, ["type"]], [3, ["required", "type"]]] } };
const PAGE = (script, type = "module") => `<!doctype html><html lang="en"><title>app</title><script type="${type}" src="${script}"></script></html>`;

/** Builds one app into dist/<name>: each returns the folder to serve and its index page. */
const bundlers = {
  async esbuild() {
    const src = join(project, "esbuild");
    mkdirSync(src, { recursive: true });
    const url = 'import wasmUrl from "customer-validation/wasm";';
    writeFileSync(join(src, "app.js"), app(url, "await cv({ module_or_path: wasmUrl });"));
    writeFileSync(join(src, "worker.js"), worker(url, "init({ module_or_path: wasmUrl })"));
    const out = join(project, "dist/esbuild");
    await esbuild({ entryPoints: [join(src, "app.js"), join(src, "worker.js")], bundle: true, format: "esm", platform: "browser", outdir: out, loader: { ".wasm": "file" }, logLevel: "silent" });
    return [out, PAGE("./app.js")];
  },
  // Bun's bundler emits the imported .wasm as an asset, as esbuild's file loader does.
  async "bun build"() {
    const src = join(project, "bun");
    mkdirSync(src, { recursive: true });
    const url = 'import wasmUrl from "customer-validation/wasm";';
    writeFileSync(join(src, "app.js"), app(url, "await cv({ module_or_path: wasmUrl });"));
    writeFileSync(join(src, "worker.js"), worker(url, "init({ module_or_path: wasmUrl })"));
    const out = join(project, "dist/bun");
    const bun = join(process.env.CV_RUNTIMES ?? join(homedir(), ".cache/customer-validation/runtimes"), "bun/node_modules/.bin/bun");
    const r = spawnSync(bun, ["build", join(src, "app.js"), join(src, "worker.js"), "--outdir", out, "--target", "browser"], { encoding: "utf8" });
    assert.equal(r.status, 0, `${bun}: ${r.stderr}${r.error ?? ""}`);
    return [out, PAGE("./app.js")];
  },
  // A classic script: no top-level await, no import.meta.url (esbuild empties it); the URL is given.
  async "esbuild IIFE"() {
    const src = join(project, "iife");
    mkdirSync(src, { recursive: true });
    writeFileSync(
      join(src, "app.js"),
      `import { init, validateCustomer, validateNdjson } from "customer-validation";
import wasmUrl from "customer-validation/wasm";
window.answer = init({ module_or_path: wasmUrl }).then(() => ({ page: validateCustomer({ name: "Acme" }).value.status, same: true,
  worker: (({ records, errors }) => ({ records, failures: errors.map((f) => [f.line, f.errors.map((x) => x.code)]) }))(validateNdjson("customer", '{"name":"a"}\\n{"name":1}\\n{"credit":"x"}')) }));
`,
    );
    const out = join(project, "dist/iife");
    await esbuild({ entryPoints: [join(src, "app.js")], bundle: true, format: "iife", platform: "browser", outdir: out, loader: { ".wasm": "file" }, logLevel: "silent" });
    return [out, PAGE("./app.js", "text/javascript")];
  },
  async vite() {
    const src = join(project, "vite");
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, "index.html"), PAGE("./app.js"));
    writeFileSync(join(src, "app.js"), app("", "await cv();"));
    writeFileSync(join(src, "worker.js"), worker("", "init()"));
    const out = join(project, "dist/vite");
    await vite({ root: src, configFile: false, logLevel: "silent", build: { outDir: out, target: "es2022" }, worker: { format: "es" } });
    return [out, readFileSync(join(out, "index.html"), "utf8")];
  },
  async "webpack 5"() {
    const src = join(project, "webpack");
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, "app.js"), app("", "await cv();"));
    writeFileSync(join(src, "worker.js"), worker("", "init()"));
    const out = join(project, "dist/webpack");
    const stats = await new Promise((resolve, reject) =>
      webpack({ mode: "production", context: src, entry: "./app.js", output: { path: out, filename: "app.js" }, target: "web" }, (e, s) => (e ? reject(e) : resolve(s))),
    );
    assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
    return [out, PAGE("./app.js", "text/javascript")];
  },
};

before(async () => {
  project = installPacked("bundlers");
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

for (const [name, bundle] of Object.entries(bundlers)) {
  const where = name.includes("IIFE") ? "on the page, the URL of the .wasm given" : "on the page and in a Web Worker";
  test(`${name}: the bundled app validates ${where}`, async () => {
    const [out, index] = await bundle();
    const server = await serve(out, index);
    const page = await browser.newPage();
    const errors = [];
    const missing = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("response", (r) => r.status() >= 400 && missing.push(r.url()));
    try {
      await page.goto(server.origin + "/");
      // The app's module awaits init() before it sets its answer.
      await page.waitForFunction(() => window.answer !== undefined);
      const answer = await page.evaluate(() => window.answer);
      assert.deepEqual([errors, missing], [[], []]);
      assert.deepEqual(answer, EXPECTED);
    } finally {
      await page.close();
      server.close();
    }
  });
}
