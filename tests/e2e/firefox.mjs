// Firefox ESR for the e2e tests, driven by puppeteer-core over WebDriver BiDi (playwright-core
// drives only its own patched Firefox), behind the part of playwright's API the tests use, so
// one test file runs in both browsers. Actions are real input where it matters: clicks are
// mouse events at the element, keys are key events; `fill` inserts text into the focused,
// all-selected control as typing does (execCommand insertText: input events), and locators
// resolve by the same rules as playwright's (label, role and accessible name, text), strict:
// an action on a locator that matches more than one element fails.
import puppeteer from "puppeteer-core";

const TIMEOUT = 10_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A RegExp crosses into the page as its source. */
const portable = (want) => (want instanceof RegExp ? { source: want.source, flags: want.flags } : want);

/** Runs in the page: the elements the steps select, in document order. */
function resolveSteps(steps) {
  const norm = (s) => (s ?? "").replace(/\s+/g, " ").trim();
  const matches = (text, want, exact) => {
    text = norm(text);
    if (want && typeof want === "object") return new RegExp(want.source, want.flags).test(text);
    return exact ? text === want : text.toLowerCase().includes(String(want).toLowerCase());
  };
  const visible = (n) => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== "hidden" && !n.closest("[aria-hidden=true]");
  const byIds = (n, attr) =>
    (n.getAttribute(attr) ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
  const roleOf = (n) => {
    const explicit = n.getAttribute("role");
    if (explicit) return explicit.split(/\s+/)[0];
    if (n.tagName === "BUTTON" || (n.tagName === "INPUT" && ["button", "submit", "reset"].includes(n.type))) return "button";
    if (n.tagName === "FIELDSET") return "group";
    if (n.tagName === "A" && n.hasAttribute("href")) return "link";
    return null;
  };
  const nameOf = (n) => {
    if (n.hasAttribute("aria-labelledby")) return byIds(n, "aria-labelledby");
    if (n.hasAttribute("aria-label")) return n.getAttribute("aria-label");
    if (n.labels?.length) return [...n.labels].map((l) => l.textContent).join(" ");
    if (n.tagName === "FIELDSET") return n.querySelector(":scope > legend")?.textContent ?? "";
    if (n.tagName === "INPUT") return n.value;
    return n.textContent;
  };
  const labelsOf = (n) => [n.hasAttribute("aria-labelledby") && byIds(n, "aria-labelledby"), n.getAttribute("aria-label"), ...[...(n.labels ?? [])].map((l) => l.textContent)].filter((t) => typeof t === "string");
  const within = (scopes) => [...new Set(scopes.flatMap((s) => [...s.querySelectorAll("*")]))];
  let set = [document];
  for (const step of steps) {
    if (step.css) set = [...new Set(set.flatMap((s) => [...s.querySelectorAll(step.css)]))];
    else if (step.label !== undefined) set = within(set).filter((n) => labelsOf(n).some((t) => matches(t, step.label, step.exact)));
    else if (step.role) set = within(set).filter((n) => roleOf(n) === step.role && visible(n) && (step.name === undefined || matches(nameOf(n), step.name, step.exact)));
    else if (step.hasText !== undefined) set = set.filter((n) => matches(n.textContent, step.hasText, false));
    else if (step.text !== undefined) {
      // The deepest elements whose text matches, as playwright's getByText finds them.
      const hits = within(set).filter((n) => visible(n) && matches(n.textContent, step.text, step.exact));
      set = hits.filter((n) => !hits.some((m) => m !== n && n.contains(m)));
    }
    else if (step.nth !== undefined) set = set.slice(step.nth, step.nth + 1);
  }
  return set;
}

class Locator {
  constructor(page, steps) {
    this._page = page;
    this.steps = steps;
  }
  #then(step) {
    return new Locator(this._page, [...this.steps, step]);
  }
  locator(css) {
    return this.#then({ css });
  }
  getByLabel(label, { exact = false } = {}) {
    return this.#then({ label: portable(label), exact });
  }
  getByRole(role, { name, exact = false } = {}) {
    return this.#then({ role, name: portable(name), exact });
  }
  getByText(text, { exact = false } = {}) {
    return this.#then({ text: portable(text), exact });
  }
  filter({ hasText }) {
    return this.#then({ hasText: portable(hasText) });
  }
  first() {
    return this.#then({ nth: 0 });
  }
  page() {
    return this._page;
  }
  async #all() {
    const list = await this._page.raw.evaluateHandle(resolveSteps, this.steps);
    const elements = [...(await list.getProperties()).values()].map((h) => h.asElement()).filter(Boolean);
    await list.dispose();
    return elements;
  }
  /** The one element (waiting for it, visible unless `attached`); more than one is an error. */
  async #one({ attached = false } = {}) {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const all = await this.#all();
      if (all.length > 1) throw new Error(`strict mode: ${JSON.stringify(this.steps)} matched ${all.length} elements`);
      if (all.length === 1 && (attached || ((await all[0].isVisible()) && (await all[0].evaluate((n) => !n.matches(":disabled")))))) return all[0];
      if (Date.now() > deadline) throw new Error(`timeout: ${JSON.stringify(this.steps)} matched nothing visible`);
      await sleep(50);
    }
  }
  async count() {
    return (await this.#all()).length;
  }
  async waitFor() {
    await this.#one();
  }
  async isVisible() {
    const all = await this.#all();
    return all.length === 1 && (await all[0].isVisible());
  }
  async click() {
    await (await this.#one()).click();
  }
  async focus() {
    await (await this.#one({ attached: true })).focus();
  }
  async blur() {
    await (await this.#one({ attached: true })).evaluate((n) => n.blur());
  }
  async fill(value) {
    const element = await this.#one();
    await element.focus();
    await element.evaluate((n, text) => {
      n.select();
      document.execCommand(text === "" ? "delete" : "insertText", false, text);
    }, value);
  }
  async #setChecked(want) {
    const element = await this.#one({ attached: true });
    if ((await element.evaluate((n) => n.checked)) !== want) await element.click();
    if ((await element.evaluate((n) => n.checked)) !== want) throw new Error(`${JSON.stringify(this.steps)}: clicking did not make it ${want ? "checked" : "unchecked"}`);
  }
  check() {
    return this.#setChecked(true);
  }
  uncheck() {
    return this.#setChecked(false);
  }
  async selectOption(valueOrLabel) {
    const element = await this.#one();
    const value = await element.evaluate((n, want) => [...n.options].find((o) => o.value === want || o.label === want)?.value, valueOrLabel);
    if (value === undefined) throw new Error(`no option ${valueOrLabel}`);
    await element.select(value);
  }
  async inputValue() {
    return (await this.#one({ attached: true })).evaluate((n) => n.value);
  }
  async getAttribute(name) {
    return (await this.#one({ attached: true })).evaluate((n, a) => n.getAttribute(a), name);
  }
  async textContent() {
    return (await this.#one({ attached: true })).evaluate((n) => n.textContent);
  }
  async evaluate(f) {
    return (await this.#one({ attached: true })).evaluate(f);
  }
}

class Page {
  constructor(raw) {
    this.raw = raw;
    this.keyboard = raw.keyboard;
  }
  goto(url) {
    return this.raw.goto(url);
  }
  reload() {
    return this.raw.reload();
  }
  setViewportSize(size) {
    return this.raw.setViewport(size);
  }
  waitForSelector(css) {
    return this.raw.waitForSelector(css, { timeout: TIMEOUT });
  }
  evaluate(f, arg) {
    return this.raw.evaluate(f, arg);
  }
  waitForTimeout(ms) {
    return sleep(ms);
  }
  screenshot(options) {
    return this.raw.screenshot(options);
  }
  waitForLoadState() {
    return this.raw.waitForNetworkIdle({ idleTime: 500, timeout: TIMEOUT });
  }
  on(event, listener) {
    if (event === "pageerror") this.raw.on("pageerror", (e) => listener(e));
    else if (event === "request") this.raw.on("request", (r) => listener({ url: () => r.url() }));
    else if (event === "response") this.raw.on("response", (r) => listener({ url: () => r.url(), status: () => r.status(), body: () => r.buffer() }));
    else throw new Error(`firefox.mjs: no ${event} event`);
  }
  /** Only `**\/*.ext` patterns, as the tests use them. */
  async route(pattern, handler) {
    const suffix = pattern.replace(/^\*\*\/\*/, "");
    await this.raw.setRequestInterception(true);
    this.raw.on("request", (r) => (r.url().endsWith(suffix) ? handler({ abort: () => r.abort() }) : r.continue()));
  }
  locator(css) {
    return new Locator(this, [{ css }]);
  }
  getByRole(role, options) {
    return new Locator(this, []).getByRole(role, options);
  }
  getByLabel(label, options) {
    return new Locator(this, []).getByLabel(label, options);
  }
  getByText(text, options) {
    return new Locator(this, []).getByText(text, options);
  }
}

/** Firefox ESR with `newContext({ viewport })`, `newPage()` and `close()` as playwright's browser has. */
export async function launchFirefox() {
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr", headless: true });
  const newContext = async ({ viewport = { width: 1280, height: 720 } } = {}) => {
    const context = await browser.createBrowserContext();
    return {
      async newPage() {
        const page = await context.newPage();
        await page.setViewport(viewport);
        return new Page(page);
      },
      close: () => context.close(),
    };
  };
  return {
    newContext,
    newPage: async () => (await newContext()).newPage(),
    close: () => browser.close(),
  };
}
