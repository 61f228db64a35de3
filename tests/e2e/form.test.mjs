// End-to-end tests of the admin form in Debian's Chromium (playwright-core) and Firefox ESR
// (puppeteer-core over WebDriver BiDi, tests/e2e/firefox.mjs), the same tests in both, against
// the page served by the project's own command (scripts/start.sh, i.e. `npm start`).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, copyFileSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { launchChromium } from "./static.mjs";
import { launchFirefox } from "./firefox.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const PORT = Number(process.env.E2E_PORT ?? 8181);
const URL = `http://127.0.0.1:${PORT}/`;
const shots = join(root, "test-results");
mkdirSync(shots, { recursive: true });

let server;
let browser;

async function waitForServer(deadline) {
  while (Date.now() < deadline) {
    // A build that failed ends the server script: fail now, not at the deadline.
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`scripts/start.sh exited (${server.exitCode ?? server.signalCode}) before serving`);
    try {
      if ((await fetch(URL)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${URL} did not answer`);
}

before(async () => {
  server = spawn("bash", ["scripts/start.sh"], { cwd: root, env: { ...process.env, PORT: String(PORT) }, detached: true, stdio: ["ignore", "inherit", "inherit"] });
  await waitForServer(Date.now() + 240_000);
});

after(async () => {
  if (server) process.kill(-server.pid, "SIGTERM");
});

async function open(hash = "", viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(URL + hash);
  await page.waitForSelector("body[data-ready=true]");
  return { page, context, errors };
}

const panel = (page, id) => page.locator(`#panel-${id}`);
const field = (page, id, label) => panel(page, id).getByLabel(label, { exact: true });
/** The inline message of a field, through its aria-describedby. */
async function messageOf(locator) {
  const ids = (await locator.getAttribute("aria-describedby")).split(" ");
  return (await locator.page().locator(`[id="${ids[0]}"]`).textContent()).trim();
}
async function typeAndCheck(page, locator, value, expected) {
  await locator.fill(value);
  await locator.blur();
  await page.waitForTimeout(20);
  assert.equal(await messageOf(locator), expected, `message after typing ${JSON.stringify(value).slice(0, 60)}`);
  assert.equal(await locator.getAttribute("aria-invalid"), expected ? "true" : null);
}
async function payload(page, id) {
  await panel(page, id).getByRole("button", { name: "Check and show payload" }).click();
  return JSON.parse(await panel(page, id).locator("pre.payload").textContent());
}

const BROWSERS = { chromium: launchChromium, firefox: launchFirefox };
// E2E_BROWSERS=chromium runs one (while working on the form); the test command runs both.
const only = process.env.E2E_BROWSERS?.split(",");
for (const [engine, launch] of Object.entries(BROWSERS).filter(([name]) => !only || only.includes(name))) {
  describe(engine, () => {
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });
    /** Chromium's screenshots keep their names (the README's comes from one). */
    const shot = (name) => join(shots, engine === "chromium" ? name : `${engine}-${name}`);

    test("loads offline, measures transfer size and time to usable", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const external = [];
      const sizes = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(URL)) external.push(r.url());
      });
      page.on("response", async (r) => {
        try {
          sizes.push({ url: r.url(), gzip: gzipSync(await r.body()).length });
        } catch {}
      });
      const start = Date.now();
      await page.goto(URL);
      await page.waitForSelector("body[data-ready=true]");
      const usable = await page.evaluate(() => performance.getEntriesByName("form-ready")[0].startTime);
      await page.waitForLoadState("networkidle");
      const total = sizes.reduce((n, s) => n + s.gzip, 0);
      console.log(`# e2e: form usable ${usable.toFixed(0)} ms after navigation start (wall ${Date.now() - start} ms); transfer ${sizes.length} files, ${(total / 1024).toFixed(1)} KiB gzipped`);
      for (const s of sizes) console.log(`#   ${s.url.replace(URL, "/")} ${(s.gzip / 1024).toFixed(1)} KiB gz`);
      assert.deepEqual(external, [], "the page loaded something from outside");
      await context.close();
    });

    test("says clearly when the WebAssembly module fails to load", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route("**/*.wasm", (route) => route.abort());
      await page.goto(URL);
      await page.getByRole("alert").filter({ hasText: "failed to load" }).waitFor();
      await context.close();
    });

    test("Customer: inline messages on six fields appear and clear", async () => {
      const { page, context, errors } = await open("#customer");
      await typeAndCheck(page, field(page, "customer", "Name"), "😀".repeat(46), "Name must be at most 45 characters long (it has 46).");
      await typeAndCheck(page, field(page, "customer", "Name"), "😀".repeat(45), "");
      assert.equal(await panel(page, "customer").locator(".counter").first().textContent(), "45/45");
      await typeAndCheck(page, field(page, "customer", "Website URL"), "example.com", "Website URL must be an absolute http(s) URL such as https://example.com.");
      await typeAndCheck(page, field(page, "customer", "Website URL"), "https://example.com", "");
      await typeAndCheck(page, field(page, "customer", "Admin user ID"), "0123456789abcdef0123456", "Admin user ID must be an ObjectId: exactly 24 hexadecimal digits.");
      await typeAndCheck(page, field(page, "customer", "Admin user ID"), "0123456789abcdef01234567", "");
      await typeAndCheck(
        page,
        field(page, "customer", "Created by IP"),
        "1.1.1.1",
        "Created by IP must be at least 8 characters long (it has 7): the upstream API requires at least 8 characters, so short addresses such as 1.1.1.1 and ::1 are refused there too.",
      );
      await typeAndCheck(page, field(page, "customer", "Created by IP"), "10.0.0.1", "");
      await typeAndCheck(page, field(page, "customer", "Low balance alert at"), "2024-02-30T00:00:00Z", "Low balance alert at must be a date and time with its time zone, such as 2024-05-01T12:00:00Z.");
      await typeAndCheck(page, field(page, "customer", "Low balance alert at"), "2024-02-29T00:00:00Z", "");
      await typeAndCheck(page, field(page, "customer", "Credit"), "2147483648", "Credit must be a whole number between -2147483648 and 2147483647.");
      await typeAndCheck(page, field(page, "customer", "Credit"), "-2147483648", "");
      // api profile: the URL format is not a rule there.
      await typeAndCheck(page, field(page, "customer", "Website URL"), "example.com", "Website URL must be an absolute http(s) URL such as https://example.com.");
      await panel(page, "customer").getByLabel("api").check();
      assert.equal(await messageOf(field(page, "customer", "Website URL")), "");
      await panel(page, "customer").getByLabel("strict").check();
      for (const [label, value] of [
        ["Name", "😀".repeat(46)],
        ["Admin user ID", "0123456789abcdef0123456"],
        ["Created by IP", "1.1.1.1"],
        ["Credit", "2147483648"],
      ]) {
        await field(page, "customer", label).fill(value);
        await field(page, "customer", label).blur();
      }
      await page.screenshot({ path: shot("customer-errors.png"), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });

    test("Customer: 45 emoji accepted, 46 refused in name; defaults in the create payload", async () => {
      const { page, context } = await open("#customer");
      // (Let the inline message settle first: it moves the button down.)
      await typeAndCheck(page, field(page, "customer", "Name"), "😀".repeat(46), "Name must be at most 45 characters long (it has 46).");
      await panel(page, "customer").getByRole("button", { name: "Check and show payload" }).click();
      const summary = panel(page, "customer").locator(".summary");
      assert.match(await summary.textContent(), /1 problem to fix.*Name \(\/name\): must be at most 45 characters long \(it has 46\)/);
      await field(page, "customer", "Name").fill("😀".repeat(45));
      const value = await payload(page, "customer");
      assert.deepEqual(value, { name: "😀".repeat(45), ...JSON.parse(readFileSync(join(root, "tests/fixtures/customer-defaults.json"), "utf8")) });
      await context.close();
    });

    test("Customer: patch mode sends only the touched fields", async () => {
      const { page, context } = await open("#customer");
      await panel(page, "customer").getByLabel("patch").check();
      await field(page, "customer", "Logo").fill("logo.png");
      await field(page, "customer", "Hold music").check();
      await field(page, "customer", "Cdr retention".replace("Cdr", "CDR")).fill("24");
      assert.deepEqual(await payload(page, "customer"), { logo: "logo.png", cdrRetention: 24, holdMusic: 1 });
      await context.close();
    });

    test("keyboard only: error summary focuses the field, Enter submits", async () => {
      const { page, context } = await open("#customer");
      await page.locator("#tab-customer").focus();
      await page.keyboard.press("Tab"); // first radio of the mode switch
      const name = field(page, "customer", "Name");
      for (let i = 0; i < 10 && !(await name.evaluate((n) => n === document.activeElement)); i++) await page.keyboard.press("Tab");
      assert.ok(await name.evaluate((n) => n === document.activeElement), "Tab reaches the name field");
      await page.keyboard.press("Enter"); // submit with name empty
      const link = panel(page, "customer").locator(".summary a").first();
      await link.waitFor();
      assert.ok(await panel(page, "customer").locator(".summary").evaluate((n) => n === document.activeElement), "the summary takes focus");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      assert.ok(await name.evaluate((n) => n === document.activeElement), "the summary link focuses the field");
      await page.keyboard.type("Acme");
      await page.keyboard.press("Enter");
      await panel(page, "customer").locator("pre.payload").waitFor();
      assert.equal(JSON.parse(await panel(page, "customer").locator("pre.payload").textContent()).name, "Acme");
      await context.close();
    });

    test("CreateCustomerDTO: six fields, the E.164 switch and the E.164 suggestion", async () => {
      const { page, context, errors } = await open("#createCustomerDto");
      const id = "createCustomerDto";
      await typeAndCheck(page, field(page, id, "Extension"), "12a", "Extension may contain only the DTMF characters 0-9, A-D, * and #.");
      await typeAndCheck(page, field(page, id, "Extension"), "12#", "");
      await typeAndCheck(page, field(page, id, "SIP URI"), "alice@example.com", "SIP URI must be a sip: or sips: URI such as sip:alice@example.com.");
      await typeAndCheck(page, field(page, id, "SIP URI"), "sip:alice@example.com", "");
      await typeAndCheck(page, field(page, id, "E-mail"), "alice@", "E-mail must be an e-mail address such as name@example.com.");
      await typeAndCheck(page, field(page, id, "E-mail"), "alice@example.com", "");
      await typeAndCheck(page, field(page, id, "Name"), "é".repeat(41), "Name must be at most 40 characters long (it has 41).");
      await typeAndCheck(page, field(page, id, "Name"), "é".repeat(40), "");
      await typeAndCheck(page, field(page, id, "External ID"), "x".repeat(41), "External ID must be at most 40 characters long (it has 41).");
      await typeAndCheck(page, field(page, id, "Assistant overrides"), "[1, 2]", 'Assistant overrides must be a JSON object, in braces, such as {"key": "value"}.');
      await typeAndCheck(page, field(page, id, "Assistant overrides"), '{"voice": "x"}', "");

      const number = field(page, id, "Number");
      await typeAndCheck(page, number, "+1 (415) 555-1234", "Number must be an E.164 number such as +14155551234.");
      const use = panel(page, id).getByRole("button", { name: "Use +14155551234" });
      await use.click();
      assert.equal(await number.inputValue(), "+14155551234");
      assert.equal(await messageOf(number), "");
      await typeAndCheck(page, number, "0044 20 7946 0958", "Number must be an E.164 number such as +14155551234.");
      await panel(page, id).getByRole("button", { name: "Use +442079460958" }).click();
      assert.equal(await number.inputValue(), "+442079460958");

      await typeAndCheck(page, number, "abc123", "Number must be an E.164 number such as +14155551234.");
      await field(page, id, "E.164 check").uncheck();
      assert.equal(await messageOf(number), "", "turning the E.164 check off re-checks number at once");
      await field(page, id, "E.164 check").check();
      assert.equal(await messageOf(number), "Number must be an E.164 number such as +14155551234.");
      for (const [label, value] of [
        ["Extension", "12a"],
        ["SIP URI", "alice@example.com"],
        ["E-mail", "alice@"],
        ["Number", "+1 (415) 555-1234"],
      ]) {
        await field(page, id, label).fill(value);
        await field(page, id, label).blur();
      }
      await panel(page, id).getByRole("button", { name: "Use +14155551234" }).waitFor();
      await page.screenshot({ path: shot("createCustomerDto-errors.png"), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });

    test("PatchCustomer: nested rules, billing and app settings; add and remove rules", async () => {
      const { page, context, errors } = await open("#patchCustomer");
      const id = "patchCustomer";
      const p = panel(page, id);
      await p.getByRole("button", { name: "Add rule" }).click();
      await p.getByRole("button", { name: "Add rule" }).click();
      const rule2 = p.getByRole("group", { name: "Rule 2", exact: true });
      await typeAndCheck(page, rule2.getByLabel("By month", { exact: true }), "1, 13", "By month: item 2 must be between 1 and 12.");
      await typeAndCheck(page, rule2.getByLabel("By month", { exact: true }), "1, 12", "");
      await typeAndCheck(page, rule2.getByLabel("Start time", { exact: true }), "9am", "Start time must be a time such as 08:30 or 08:30:00.");
      await typeAndCheck(page, rule2.getByLabel("Start time", { exact: true }), "09:00", "");
      await typeAndCheck(page, rule2.getByLabel("Interval", { exact: true }), "-1", "Interval must be zero or more.");
      await typeAndCheck(page, rule2.getByLabel("Interval", { exact: true }), "2", "");
      await rule2.getByRole("button", { name: "Add by day" }).click();
      await typeAndCheck(page, rule2.getByLabel("Offset", { exact: true }), "60", "Offset must be between -53 and 53.");
      await typeAndCheck(page, rule2.getByLabel("Offset", { exact: true }), "-1", "");
      await rule2.getByLabel("Day of week", { exact: true }).selectOption("Friday");
      // Billing settings are sent only with their override on; each item starts folded.
      await field(page, id, "Override billing settings").check();
      await p.locator("details > summary").filter({ hasText: /^AI messages$/ }).click();
      const aiMessages = p.getByRole("group", { name: "AI messages", exact: true });
      await typeAndCheck(page, aiMessages.getByLabel("Unit cost", { exact: true }), "-0.5", "Unit cost must be zero or more.");
      await typeAndCheck(page, aiMessages.getByLabel("Unit cost", { exact: true }), "0.02", "");
      await field(page, id, "Override app settings").check();
      await typeAndCheck(page, field(page, id, "Logout URL"), "logout", "Logout URL must be an absolute http(s) URL such as https://example.com.");
      await typeAndCheck(page, field(page, id, "Logout URL"), "https://example.com/bye", "");
      // Data: a key/value editor; the error is at the key.
      await p.getByRole("button", { name: "Data: add a key" }).click();
      await p.getByLabel("Data: key").fill("plan");
      await p.getByLabel("Data: kind of value").selectOption("numberValue");
      await typeAndCheck(page, p.getByLabel("Data: value"), "x", "plan must be a number, with a point for decimals (such as 0.012).");
      await typeAndCheck(page, p.getByLabel("Data: value"), "3", "");
      await typeAndCheck(page, rule2.getByLabel("By month", { exact: true }), "0", "By month: item 1 must be between 1 and 12.");
      await page.screenshot({ path: shot("patchCustomer-errors.png"), fullPage: true });
      await typeAndCheck(page, rule2.getByLabel("By month", { exact: true }), "12", "");
      // Remove the first rule: the second becomes rule 1, and the payload follows.
      await p.getByRole("button", { name: "Remove rule 1" }).click();
      assert.equal(await p.getByRole("button", { name: /^Remove rule/ }).count(), 1);
      const value = await payload(page, id);
      assert.deepEqual(value, {
        data: { plan: { numberValue: 3 } },
        overrideBillingSettings: true,
        overrideAppSettings: true,
        schedule: { rules: [{ startTime: "09:00", byMonth: [12], byDay: [{ offset: -1, dayOfWeek: "Friday" }], interval: 2 }] },
        billingSettings: { aiMessages: { unitCost: 0.02 } },
        appSettings: { logoutUrl: "https://example.com/bye" },
      });
      assert.deepEqual(errors, []);
      await context.close();
    });

    test("reads well at 390 px: no horizontal scrolling", async () => {
      for (const id of ["customer", "createCustomerDto", "patchCustomer"]) {
        const { page, context } = await open(`#${id}`, { width: 390, height: 844 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${id} scrolls sideways by ${overflow}px at 390px`);
        if (id === "customer") await page.screenshot({ path: shot("customer-390.png") });
        await context.close();
      }
    });

    test("every control has a label", async () => {
      const { page, context } = await open("#patchCustomer");
      await panel(page, "patchCustomer").getByRole("button", { name: "Add rule" }).click();
      const unlabeled = await page.evaluate(() =>
        [...document.querySelectorAll("input, select, textarea, button")]
          .filter((n) => !(n.labels?.length || n.getAttribute("aria-label") || n.textContent.trim()))
          .map((n) => n.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(unlabeled, []);
      await context.close();
    });
  });
}

test("keep a screenshot for the README", () => {
  mkdirSync(join(root, "docs"), { recursive: true });
  if (process.env.UPDATE_SCREENSHOT) copyFileSync(join(shots, "createCustomerDto-errors.png"), join(root, "docs/form.png"));
});
