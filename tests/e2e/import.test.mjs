// The admin form's Import tab (www/src/import/) in Debian's Chromium (playwright-core): a
// generated file of 100,000 records (IMPORT_RECORDS=n for another size) checked in the page's
// Web Worker, its counts, error codes, invalid rows and downloads compared with the package's
// own answer for the same text in Node (the oracle: no number here is restated by hand).
// The page is built from the existing pkg/ into a temporary folder and served by
// scripts/serve.mjs; nothing runs scripts/start.sh. Timings and memory are printed, never
// asserted.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root, launchChromium } from "./static.mjs";

const RECORDS = Number(process.env.IMPORT_RECORDS ?? 100_000);
const MODEL = "customer";
/**
 * The options the page's worker passes (www/src/import/worker.js: with the English page's
 * message templates, from words.js), so that the oracle answers the same question.
 */
// (words.js is an ES module in a folder whose package.json has no "type": it is imported as
// its text, which Node would otherwise reparse with a warning on every run.)
const { LANGUAGES } = await import(`data:text/javascript;base64,${readFileSync(join(root, "www/src/words.js")).toString("base64")}`);
const OPTIONS = { mode: "create", profile: "strict", output: "bytes", rejected: true, maxErrorsPerCall: 2 ** 30, messages: LANGUAGES.en.messages };
const PAGE_ROWS = 50;
/** The oracle answers in one call, so its output may be as large as a call's can be (a 100 MB file's is over the default 256 MiB). */
const ORACLE = { ...OPTIONS, maxBytes: 536_870_888 };

const pkg = await import(pathToFileURL(join(root, "pkg/index.mjs")).href);

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

let dist;
let server;
let browser;
let URL_;

before(async () => {
  dist = mkdtempSync(join(tmpdir(), "cv-import-www-"));
  const vite = join(root, "node_modules/.bin/vite");
  let build;
  for (let attempt = 0; attempt < 3; attempt++) {
    build = spawnSync(vite, ["build", "--config", "www/vite.config.mjs", "--outDir", dist, "--emptyOutDir", "--logLevel", "warn"], { cwd: root, encoding: "utf8" });
    if (build.status === 0) break;
    await new Promise((r) => setTimeout(r, 30_000)); // pkg/ mid-rebuild
  }
  assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  server = spawn(process.execPath, [join(root, "scripts/serve.mjs"), dist, "--host", "127.0.0.1", "--port", String(port)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  URL_ = `http://127.0.0.1:${port}/`;
  for (const deadline = Date.now() + 30_000; ; ) {
    if (server.exitCode !== null) throw new Error(`scripts/serve.mjs exited (${server.exitCode})`);
    try {
      if ((await fetch(URL_)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${URL_} did not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  if (dist) rmSync(dist, { recursive: true, force: true });
});

// ---- the generated file: ~90% valid customers, ~10% invalid with known errors ----
const STATUSES = ["active", "suspended", "terminated", "fraud"];
/** Record i as fields (undefined: a line that is not JSON). */
function customer(i) {
  if (i % 10 !== 3) return { name: `Acme ${i}`, credit: i % 1000, status: STATUSES[i % 4], websiteUrl: `https://acme${i}.example.com` };
  switch (Math.floor(i / 10) % 5) {
    case 0:
      return { name: `Acme ${i}`, credit: "x" }; // type
    case 1:
      return { credit: 5, status: "closed" }; // required, enum
    case 2:
      return { name: "n".repeat(46), websiteUrl: "acme.example.com" }; // max_length, url
    case 3:
      return { name: `Acme ${i}`, credit: 1.5, adminUserId: "nope" }; // int32, object_id
    default:
      return undefined; // json
  }
}
function ndjsonText(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const r = customer(i);
    lines.push(r === undefined ? `not json ${i}` : JSON.stringify(r));
  }
  return lines.join("\n") + "\n";
}
/** The last column names no field of the model (kept as it is: `unknown` is "allow"). */
const CSV_FIELDS = ["name", "credit", "status", "websiteUrl", "adminUserId", "note"];
const csvCell = (v) => {
  const s = v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function csvText(n) {
  const lines = [CSV_FIELDS.join(",")];
  for (let i = 0; i < n; i++) {
    const r = { ...(customer(i) ?? { name: `Acme ${i}`, status: "not a status" }), note: i % 7 ? `note ${i}` : "" };
    lines.push(CSV_FIELDS.map((f) => csvCell(r[f])).join(","));
  }
  return lines.join("\n") + "\n";
}

// ---- what the page should show, from the oracle ----
/** The table's rows as the oracle gives them: one per error of each failure with a line or index. */
const rowsOf = (oracle) => oracle.errors.filter((f) => f.line !== undefined || f.index !== undefined).flatMap((f) => f.errors.map((e) => ({ line: f.line, index: f.index, path: e.path, message: e.message, record: f.record })));
function topCodes(oracle) {
  const codes = new Map();
  for (const f of oracle.errors) if (f.line !== undefined || f.index !== undefined) for (const e of f.errors) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
  return [...codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
}
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const fmt = (n) => n.toLocaleString("en");

const AXE = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(" "))]));
}

/** Main-thread long tasks, from the page's start: `window.__longTasks` [startTime, duration]. */
const LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
};

async function openImport() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(URL_ + "#import");
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, errors };
}

/** Sets the file, presses Start, waits for the summary; the figures measured on the way. */
async function runImport(page, file) {
  // playwright takes buffers up to 50 MB: a larger generated file goes by a temporary path.
  let big;
  if (file.buffer.length > 40e6) {
    big = mkdtempSync(join(tmpdir(), "cv-import-file-"));
    writeFileSync(join(big, file.name), file.buffer);
    file = join(big, file.name);
  }
  await page.getByLabel("File (.csv, .ndjson, .jsonl or .json)").setInputFiles(file);
  await page.getByLabel("Model of the records", { exact: true }).selectOption(MODEL);
  await page.locator("#import-mode-create").check();
  await page.locator("#import-profile-strict").check();
  const [t0, heapBefore] = await page.evaluate(() => [performance.now(), performance.memory?.usedJSHeapSize]);
  const wall = Date.now();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  // The summary, or an alert (which fails the run at once rather than at the timeout).
  await page.waitForFunction(() => !document.querySelector(".import-result").hidden || document.querySelector("#import-alert").textContent !== "", null, { timeout: 300_000 });
  const ms = Date.now() - wall;
  if (big) rmSync(big, { recursive: true, force: true }); // (the page's File reads it until the end)
  assert.equal(await page.locator("#import-alert").textContent(), "", "no alert");
  const figures = await page.evaluate((t0) => {
    const during = window.__longTasks.filter(([start]) => start >= t0).map(([, d]) => d);
    return { longest: during.length ? Math.max(...during) : 0, longTasks: during.length, heap: performance.memory?.usedJSHeapSize };
  }, t0);
  return { ms, heapBefore, byBuffer: !big, ...figures };
}

const counts = (page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll(".counts dd[data-count]")].map((d) => [d.dataset.count, [Number(d.dataset.value), d.textContent]])));
const shownCodes = (page) => page.evaluate(() => [...document.querySelectorAll(".codes li")].map((li) => [li.dataset.code, Number(li.dataset.value)]));
/** The table's rows as shown: line or index, the field cell's text, the message. */
const shownRows = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#import-rows tbody tr")].map((tr) => ({
      line: tr.dataset.line === undefined ? undefined : Number(tr.dataset.line),
      index: tr.dataset.index === undefined ? undefined : Number(tr.dataset.index),
      where: tr.cells[0].textContent,
      path: tr.cells[1].textContent,
      message: tr.cells[2].textContent,
    })),
  );
const expectedRows = (rows, from) =>
  rows.slice(from, from + PAGE_ROWS).map((r) => ({
    line: r.line,
    index: r.index,
    where: r.index !== undefined ? `record ${fmt(r.index)}` : `line ${fmt(r.line)}`,
    path: r.path === "" ? "(the record)" : r.path,
    message: r.message,
  }));
/** A blob: link's content, as its size and SHA-256 (fetched in the page). */
const blobDigest = (page, href) =>
  page.evaluate(async (href) => {
    const buffer = await (await fetch(href)).arrayBuffer();
    const hash = await crypto.subtle.digest("SHA-256", buffer);
    return { size: buffer.byteLength, sha256: [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, "0")).join("") };
  }, href);

function report(what, text, figures) {
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  const heap = figures.heap === undefined ? "n/a" : `${(figures.heap / 1e6).toFixed(1)} MB (${(figures.heapBefore / 1e6).toFixed(1)} MB before Start${figures.byBuffer ? ", with playwright's copy of the buffer it set as the file" : ""})`;
  console.log(`# import ${what}: ${fmt(RECORDS)} records (${mb} MB): Start to summary ${figures.ms} ms; longest main-thread task during it ${figures.longest.toFixed(0)} ms (${figures.longTasks} over 50 ms); page JS heap at the end ${heap}`);
}

describe("Import tab, NDJSON", () => {
  const text = ndjsonText(RECORDS);
  const oracle = pkg.validateNdjson(MODEL, text, ORACLE);
  const rows = rowsOf(oracle);
  let page;
  let context;
  let errors;

  before(async () => {
    ({ page, context, errors } = await openImport());
  });
  after(async () => {
    await context?.close();
  });

  test("the Import tab follows the model tabs, in the same tab list and keys", async () => {
    assert.equal(await page.locator("#tab-import").getAttribute("aria-selected"), "true", "#import selects it");
    assert.equal(await page.locator("#panel-import").isVisible(), true);
    assert.equal(await page.locator("nav [role=tablist] [role=tab]").last().getAttribute("id"), "tab-import");
    await page.locator("#tab-import").focus();
    await page.keyboard.press("Home");
    assert.equal(await page.evaluate(() => location.hash), "#customer");
    await page.keyboard.press("End");
    assert.equal(await page.evaluate(() => [location.hash, document.activeElement.id].join(" ")), "#import tab-import");
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.evaluate(() => location.hash), "#customer", "wraps around");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.evaluate(() => location.hash), "#import");
    // patchCustomer offers patch mode only.
    await page.getByLabel("Model of the records", { exact: true }).selectOption("patchCustomer");
    assert.deepEqual(await page.locator("input[name=import-mode]").evaluateAll((ns) => ns.map((n) => n.value)), ["patch"]);
    await page.getByLabel("Model of the records", { exact: true }).selectOption(MODEL);
    assert.deepEqual(await page.locator("input[name=import-mode]").evaluateAll((ns) => ns.map((n) => n.value)), ["create", "patch"]);
    // A file dropped on the drop zone is the file chosen.
    await page.getByRole("group", { name: "Drop a file here, or choose one." }).evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File(['{"name":"a"}\n'], "dropped.jsonl"));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    assert.equal(await page.locator("#import-file-info").textContent(), "dropped.jsonl, 13 B, NDJSON.");
    assert.equal(await page.locator("#import-file").evaluate((input) => input.files[0]?.name), "dropped.jsonl");
  });

  test(`${fmt(RECORDS)} records: the summary's counts and error codes are the package's`, async () => {
    assert.ok(oracle.invalid > 0 && oracle.valid > 0, "the generated file mixes valid and invalid records");
    const figures = await runImport(page, { name: "customers.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(text) });
    report("NDJSON", text, figures);
    const shown = await counts(page);
    assert.deepEqual(shown, {
      records: [oracle.records, fmt(oracle.records)],
      valid: [oracle.valid, fmt(oracle.valid)],
      invalid: [oracle.invalid, fmt(oracle.invalid)],
    });
    assert.deepEqual(await shownCodes(page), topCodes(oracle));
    assert.match(await page.locator("#import-status").textContent(), new RegExp(`${fmt(oracle.records)} records, ${fmt(oracle.valid)} valid, ${fmt(oracle.invalid)} invalid`));
    assert.equal(await page.locator("#import-progress").evaluate((p) => p.value === p.max), true, "the bar is full");
    assert.match(await page.locator("#import-progress-text").textContent(), new RegExp(`^(\\S+ MB) of \\1 · ${fmt(oracle.records)} records · [\\d,]+ records/s$`));
    assert.equal(await page.locator("#import-alert").textContent(), "", "no failure of the call");
    assert.deepEqual(errors, []);
  });

  test("the first page of invalid rows is the package's; Next by keyboard shows the second", async () => {
    assert.deepEqual(await shownRows(page), expectedRows(rows, 0));
    assert.equal(await page.locator("#import-rows-range").textContent(), `rows 1–${PAGE_ROWS} of ${fmt(rows.length)}`);
    const previous = page.getByRole("button", { name: "Previous", exact: true });
    assert.equal(await previous.isDisabled(), true);
    await page.getByRole("button", { name: "Next", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.locator("#import-rows-range").filter({ hasText: `rows ${PAGE_ROWS + 1}–${2 * PAGE_ROWS} of` }).waitFor();
    assert.deepEqual(await shownRows(page), expectedRows(rows, PAGE_ROWS));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Next", "the focus stays on Next");
    await page.keyboard.press("Space");
    await page.locator("#import-rows-range").filter({ hasText: `rows ${2 * PAGE_ROWS + 1}–` }).waitFor();
    assert.deepEqual(await shownRows(page), expectedRows(rows, 2 * PAGE_ROWS));
    await page.keyboard.press("Shift+Tab"); // the range text is not focusable: back to Previous
    await page.keyboard.press("Enter");
    await page.locator("#import-rows-range").filter({ hasText: `rows ${PAGE_ROWS + 1}–` }).waitFor();
    assert.deepEqual(await shownRows(page), expectedRows(rows, PAGE_ROWS));
  });

  test("the valid records' download is the package's normalized bytes", async () => {
    const link = page.getByRole("link", { name: `Download the ${fmt(oracle.valid)} valid records (NDJSON)` });
    const got = await blobDigest(page, await link.getAttribute("href"));
    assert.deepEqual(got, { size: oracle.bytes.length, sha256: sha256(oracle.bytes) });
  });

  test("the invalid rows' download is the package's rejected CSV", async () => {
    const link = page.getByRole("link", { name: `Download the ${fmt(oracle.invalid)} invalid rows with their messages (CSV)` });
    const got = await blobDigest(page, await link.getAttribute("href"));
    const expected = Buffer.from(oracle.rejected);
    assert.deepEqual(got, { size: expected.length, sha256: sha256(expected) });
  });

  test("axe-core: no violations on the result", async () => {
    assert.deepEqual(await axe(page), []);
  });

  test("Open in form: the customer tab, with that record loaded", async () => {
    const first = rows[PAGE_ROWS]; // the page shown is the second
    const expected = JSON.parse(first.record);
    await page.locator("#import-rows tbody tr").first().getByRole("button", { name: /^Open in form/ }).click();
    await page.locator("#tab-customer[aria-selected=true]").waitFor();
    assert.equal(await page.locator("#panel-customer").isVisible(), true);
    assert.equal(await page.locator("#panel-customer").getByLabel("Name", { exact: true }).inputValue(), String(expected.name ?? ""));
    assert.equal(await page.evaluate(() => location.hash), "#customer");
  });
});

describe("Import tab, CSV", () => {
  test(`${fmt(RECORDS)} CSV rows: counts, rows and downloads are the package's`, async () => {
    const text = csvText(RECORDS);
    const oracle = pkg.validateCsv(MODEL, text, ORACLE);
    const rows = rowsOf(oracle);
    assert.ok(oracle.invalid > 0 && oracle.valid > 0, "the generated file mixes valid and invalid rows");
    const { page, context, errors } = await openImport();
    try {
      const figures = await runImport(page, { name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
      report("CSV", text, figures);
      assert.deepEqual(await counts(page), {
        records: [oracle.records, fmt(oracle.records)],
        valid: [oracle.valid, fmt(oracle.valid)],
        invalid: [oracle.invalid, fmt(oracle.invalid)],
      });
      assert.deepEqual(await shownCodes(page), topCodes(oracle));
      assert.deepEqual(await shownRows(page), expectedRows(rows, 0));
      assert.deepEqual(
        await page.locator(".column-map li").evaluateAll((lis) => lis.map((li) => li.textContent)),
        oracle.columns.map((c) => `${c.header} → ${c.path}${c.declared ? "" : " (not a field of this model)"}`),
        "the header's columns are listed",
      );
      const valid = await blobDigest(page, await page.getByRole("link", { name: `Download the ${fmt(oracle.valid)} valid records (NDJSON)` }).getAttribute("href"));
      assert.deepEqual(valid, { size: oracle.bytes.length, sha256: sha256(oracle.bytes) });
      const rejected = await blobDigest(page, await page.getByRole("link", { name: `Download the ${fmt(oracle.invalid)} invalid rows with their messages (CSV)` }).getAttribute("href"));
      assert.deepEqual(rejected, { size: Buffer.byteLength(oracle.rejected), sha256: sha256(Buffer.from(oracle.rejected)) });
      assert.deepEqual(await axe(page), []);
      await page.locator("#import-rows tbody tr").first().getByRole("button", { name: /^Open in form/ }).click();
      await page.locator("#tab-customer[aria-selected=true]").waitFor();
      assert.equal(await page.locator("#panel-customer").getByLabel("Name", { exact: true }).inputValue(), String(JSON.parse(rows[0].record).name ?? ""));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

describe("Import tab, JSON arrays and failures of the call", () => {
  let page;
  let context;
  let errors;
  before(async () => {
    ({ page, context, errors } = await openImport());
  });
  after(async () => {
    await context?.close();
  });

  test("a JSON array: failures are `record N` by index, as the package says", async () => {
    const records = Array.from({ length: 1000 }, (_, i) => customer(i) ?? 42);
    const text = JSON.stringify(records, null, 2);
    const oracle = pkg.validateJsonArray(MODEL, text, ORACLE);
    await runImport(page, { name: "customers.json", mimeType: "application/json", buffer: Buffer.from(text) });
    assert.deepEqual(await counts(page), { records: [oracle.records, fmt(oracle.records)], valid: [oracle.valid, fmt(oracle.valid)], invalid: [oracle.invalid, fmt(oracle.invalid)] });
    const rows = rowsOf(oracle);
    assert.ok(rows[0].index !== undefined);
    assert.deepEqual(await shownRows(page), expectedRows(rows, 0));
    assert.deepEqual(errors, []);
  });

  test("Cancel stops a run: no result, Start again", async () => {
    const text = ndjsonText(100_000); // (a run of a few hundred milliseconds, cancelled at once)
    await page.getByLabel("File (.csv, .ndjson, .jsonl or .json)").setInputFiles({ name: "cancel.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "Start", exact: true }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), "import-cancel", "Start gives the focus to Cancel");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#import-status").textContent(), "The import was cancelled.");
    assert.equal(await page.locator(".import-result").isHidden(), true);
    assert.equal(await page.locator("#import-cancel").isHidden(), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), "import-start", "the focus back on Start");
  });

  test("a CSV header the package refuses is an alert, with its message", async () => {
    const text = "name,credit,name\nAcme,1,Acme\n";
    const oracle = pkg.validateCsv(MODEL, text, ORACLE);
    const failure = oracle.errors.find((f) => f.line === undefined && f.index === undefined);
    assert.ok(failure, "the package refuses the header");
    await page.getByLabel("File (.csv, .ndjson, .jsonl or .json)").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "Start", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: failure.errors[0].message });
    await alert.waitFor();
    assert.equal(await alert.locator("li").count(), failure.errors.length, "each failure once");
    assert.deepEqual(await counts(page), { records: [oracle.records, fmt(oracle.records)], valid: [oracle.valid, fmt(oracle.valid)], invalid: [oracle.invalid, fmt(oracle.invalid)] });
    assert.deepEqual(await axe(page), []);
  });
});
