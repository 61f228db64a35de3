// One model's form: built from describe(), each field checked by validateField() once the
// person has left it (then live while they type), the whole record by validate() on submit.
// Submitting sends nothing anywhere: it shows the normalized payload that would be sent, the
// changes to a loaded record, and the upstream request as cURL.
import { describe, validate, validateField } from "customer-validation";
import { buildField } from "./fields/build.js";
import { el, setText } from "./fields/dom.js";
import { readTouched } from "./fields/node.js";
import { withLocalOffset } from "./fields/scalar.js";
import { parseJson } from "./fields/json.js";
import { diff, shown } from "./record.js";
import { curl } from "./upstream.js";
import { saveDraft, loadDraft, dropDraft } from "./draft.js";

const DEBOUNCE_MS = 150;

/** The phone module (libphonenumber's metadata, 590 KB gzipped): loaded on the first E.164 error. */
let phoneModule;
const loadPhone = () => (phoneModule ??= import("customer-validation/phone").then(async (m) => (await m.default(), m)));
/** The browser's region (en-US → US), the default country of national numbers. */
const browserRegion = () => (navigator.language.split("-")[1] ?? "").toUpperCase();
/** A model's heading, from its description. */
export const heading = (info) => `${info.label} (${info.upstream})`;

/** Typed phone numbers as E.164 would write them: separators, the trunk "(0)", 00 and 011 dropped. */
function e164Candidate(text) {
  return text
    .normalize("NFKC") // full-width digits and plus
    .replace(/\(0\)/g, "")
    .replace(/[\s\u2010-\u2015\u2212\-.()/]/g, "")
    .replace(/^(00|011)/, "+");
}

/** "2024-05-01 10:00" as a date-time with this browser's offset, and in UTC. */
function dateTimeCandidates(text, ui) {
  const m = text.trim().match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/);
  if (!m) return [];
  const local = `${m[1]}T${m[2]}${m[3] ?? ":00"}`;
  const inZone = withLocalOffset(new Date(local));
  const utc = `${local}Z`;
  return inZone === utc ? [[utc, ui.use(utc)]] : [[inZone, ui.useInZone(inZone)], [utc, ui.useUtc(utc)]];
}

/** The value at a JSON Pointer, or undefined. */
const at = (value, pointer) =>
  pointer
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), value);

export class ModelForm {
  constructor(id, app) {
    this.id = id;
    this.app = app;
    this.info = describe(id);
    this.timers = new Map();
    this.options = { mode: this.info.modes[0], profile: this.info.profiles[0] };
    this.original = null;
    this.dirty = false;
    this.node = el("section", { class: "model", id: `panel-${id}`, role: "tabpanel", "aria-labelledby": `tab-${id}`, hidden: true });
    this.form = el("form", { novalidate: true, "aria-label": heading(this.info) });
    this.summaryHeading = el("h3", { id: `${id}-summary-heading` });
    this.summary = el("div", { class: "summary", tabindex: "-1", hidden: true, "aria-labelledby": this.summaryHeading.id });
    this.root = { pointer: () => "", read: () => this.read(), open: () => {} };
    this.fields = this.info.fields.map((f) => buildField(f, this.root, this));
    this.gateGroups();
    this.form.append(el("h2", { text: heading(this.info) }), el("p", { class: "lead", text: this.info.description }), this.switches(), this.loader(), this.summary);
    const grid = el("div", { class: "grid" });
    for (const f of this.fields) grid.append(f.element());
    const reset = el("button", { type: "button", class: "secondary", text: "Reset the form" });
    reset.addEventListener("click", () => this.reset());
    this.form.append(grid, el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: "Check and show payload" }), reset));
    this.result = el("section", { class: "result", hidden: true, "aria-label": "Payload" });
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    this.node.append(this.form, this.result);
    this.restoreDraft();
  }

  get words() {
    return this.app.words;
  }

  /** Groups sent only when their override flag is on (overrideBillingSettings → billingSettings). */
  gateGroups() {
    for (const group of this.fields) {
      const flag = this.fields.find((f) => f.field.name === `override${group.field.name[0].toUpperCase()}${group.field.name.slice(1)}`);
      if (!flag || !group.gatedBy) continue;
      group.gatedBy(flag, `Turn on "${flag.field.label}" to send these: upstream ignores them while it is off.`);
      flag.input.addEventListener("change", () => group.applyGate());
    }
  }

  switches() {
    const group = (name, legend, values, hint) => {
      const set = el("fieldset", { class: "switch-group" }, el("legend", { text: legend }));
      for (const v of values) {
        const id = `${this.id}-${name}-${v}`;
        const input = el("input", { type: "radio", name: `${this.id}-${name}`, id, value: v, checked: v === this.options[name] });
        input.addEventListener("change", () => {
          this.options[name] = v;
          this.applyMode();
          this.recheckTouched();
          this.changed(null, false, true);
        });
        this.radios = { ...this.radios, [`${name}-${v}`]: input };
        set.append(el("label", { for: id, class: "radio" }, input, document.createTextNode(` ${v}`)));
      }
      if (hint) set.append(el("p", { class: "hint", text: hint }));
      return set;
    };
    const modeHint = this.info.modes.length === 1 ? "This model is a patch only." : "Create fills in defaults and checks required fields; patch sends only the fields you touched.";
    return el(
      "div",
      { class: "switches" },
      group("mode", "Mode", this.info.modes, modeHint),
      group("profile", "Profile", this.info.profiles, "Strict adds format checks to the upstream API's own rules."),
    );
  }

  /** "Edit an existing record": paste its JSON or open a file; the form takes its values. */
  loader() {
    const area = el("textarea", { id: `${this.id}-load`, rows: "4", spellcheck: "false", class: "json", "aria-describedby": `${this.id}-load-status` });
    const file = el("input", { type: "file", id: `${this.id}-load-file`, accept: ".json,application/json" });
    const status = el("p", { class: "hint", id: `${this.id}-load-status`, role: "status" });
    const load = el("button", { type: "button", text: "Load this record" });
    this.loadText = (text) => {
      const parsed = parseJson(text.trim());
      this.loaderBox.open = true;
      if (parsed.error) return setText(status, `Not loaded: the text ${this.words.input.json(parsed.error.detail, parsed.error.line, parsed.error.column)}.`);
      if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) return setText(status, "Not loaded: a record is a JSON object.");
      this.load(parsed.value);
      const names = new Set(this.fields.map((f) => f.field.name));
      const unknown = Object.keys(parsed.value).filter((k) => !names.has(k));
      const note = unknown.length ? ` Not fields of this form, so not loaded: ${unknown.join(", ")}.` : "";
      setText(status, `Loaded ${Object.keys(parsed.value).length - unknown.length} fields.${note} In patch mode the payload holds only what you change.`);
    };
    load.addEventListener("click", () => this.loadText(area.value));
    file.addEventListener("change", async () => file.files[0] && this.loadText(await file.files[0].text()));
    this.loaderBox = el(
      "details",
      { class: "loader" },
      el("summary", { text: "Edit an existing record" }),
      el("label", { for: area.id, text: "The record's JSON" }),
      area,
      el("div", { class: "actions" }, load, el("label", { for: file.id, class: "file", text: "or open a .json file: " }), file),
      status,
    );
    return this.loaderBox;
  }

  opts(extra = {}) {
    return { mode: this.options.mode, profile: this.options.profile, coerce: true, messages: this.words.messages, ...extra };
  }

  /** The payload: the fields the person touched (defaults are the engine's to fill). */
  read() {
    return readTouched(this.fields);
  }

  /** A field changed: checked now, or after a pause while typing, or (not left yet) not at all. */
  changed(node, live, now) {
    this.dirty = true;
    if (node?.form === this && node.leaves && live) {
      clearTimeout(this.timers.get(node));
      if (now) this.checkField(node);
      else this.timers.set(node, setTimeout(() => this.checkField(node), DEBOUNCE_MS));
      // Fields whose rules depend on this one (number on numberE164CheckEnabled) follow at once.
      for (const sibling of this.siblings(node)) {
        if (sibling.field.dependsOn === node.field.name && sibling.isTouched()) this.checkField(sibling);
      }
    }
    clearTimeout(this.timers.get(this));
    this.timers.set(
      this,
      setTimeout(() => {
        this.refreshPanels();
        this.saveDraft();
      }, DEBOUNCE_MS),
    );
  }

  siblings(node) {
    return node.parent === this.root ? this.fields : (node.parent.children ?? []);
  }

  checkField(node) {
    if (!node.showErrors) return;
    clearTimeout(this.timers.get(node));
    const context = node.parent.read();
    const value = node.read();
    node.showErrors(value === undefined ? [] : validateField(this.id, node.pointer(), value, this.opts({ context })));
  }

  /** After a field's check: offer what the person probably meant, if the library accepts it. */
  afterCheck(node, errors) {
    if (!node.offer) return;
    const here = node.pointer();
    const codes = errors.filter((e) => e.path === here).map((e) => e.code);
    const value = node.read();
    let candidates = [];
    let question = "";
    const accepted = (v) => validateField(this.id, here, v, this.opts({ context: node.parent.read() })).length === 0;
    const ui = this.words.ui;
    if (typeof value === "string" && codes.includes("e164")) {
      const candidate = e164Candidate(value);
      question = ui.e164Question;
      if (candidate !== value && accepted(candidate)) candidates = [[candidate, ui.use(candidate)]];
      else return void this.offerByPlan(node, value, accepted);
    } else if (typeof value === "string" && codes.includes("date_time")) {
      candidates = dateTimeCandidates(value, ui).filter(([v]) => accepted(v));
      question = ui.dateTimeQuestion;
    }
    node.offer(candidates, question);
  }

  /**
   * A number the separators alone do not make E.164 (a national one): the numbering plan
   * reads it, in the country chosen beside the suggestion (the browser's region at first).
   */
  async offerByPlan(node, value, accepted) {
    const phone = await loadPhone();
    if (node.read() !== value) return; // typed on meanwhile
    if (!this.regionSelect) {
      const names = new Intl.DisplayNames([navigator.language, "en"], { type: "region" });
      this.regionSelect = el("select", { class: "region", "aria-label": "Country of national numbers" }, el("option", { value: "", text: "—" }));
      for (const r of phone.regions()) this.regionSelect.append(el("option", { value: r, text: `${names.of(r) ?? r} (${r})` }));
      this.regionSelect.value = browserRegion();
      this.regionSelect.addEventListener("change", () => this.checkField(this.regionFor));
    }
    this.regionFor = node;
    const region = this.regionSelect.value || undefined;
    const info = phone.parsePhone(value, { region });
    const ui = this.words.ui;
    const candidates = info.valid && info.e164 !== value && accepted(info.e164) ? [[info.e164, ui.use(info.e164)]] : [];
    node.offer(candidates, ui.e164Question, this.regionSelect, region);
  }

  leaves() {
    return this.fields.flatMap((f) => f.leaves());
  }

  applyMode() {
    for (const f of this.fields) f.applyMode();
    for (const f of this.fields) f.applyGate?.();
  }

  recheckTouched() {
    for (const leaf of this.leaves()) if (leaf.isTouched()) this.checkField(leaf);
  }

  /** The deepest field whose pointer contains the error's path. */
  nodeFor(path) {
    let best;
    for (const leaf of this.leaves()) {
      const p = leaf.pointer();
      if ((path === p || path.startsWith(p + "/")) && (!best || p.length > best.pointer().length)) best = leaf;
    }
    return best;
  }

  /** The record as validate() answers it, with what the person typed that cannot be sent. */
  verdict() {
    const payload = this.read();
    const result = validate(this.id, payload, this.opts());
    const typed = this.leaves().flatMap((leaf) => (leaf.isTouched() ? leaf.inputErrors().map((message) => ({ leaf, message })) : []));
    return { payload, result, typed, ok: result.valid && typed.length === 0 };
  }

  /** A field's value as the library normalizes it within the form's record (undefined if the record is invalid). */
  normalized(node) {
    const r = validate(this.id, this.read(), this.opts({ mode: "patch" }));
    return r.valid ? at(r.value, node.pointer()) : undefined;
  }

  submit() {
    // A check still pending from the last keystroke must not re-render what this shows.
    clearTimeout(this.timers.get(this));
    const v = this.verdict();
    for (const leaf of this.leaves()) leaf.showErrors(v.result.errors);
    this.result.hidden = true;
    if (!v.ok) {
      this.showSummary(v);
      this.summary.focus();
      return;
    }
    this.summary.hidden = true;
    this.dirty = false;
    this.wantPayload = true;
    this.showPayload(v.result.value, true);
  }

  showSummary({ result, typed }) {
    const list = el("ul");
    const item = (node, text) => {
      const link = el("a", { href: `#${node?.input?.id ?? ""}`, text });
      link.addEventListener("click", (ev) => {
        ev.preventDefault();
        node?.parent?.open?.();
        node?.focus();
      });
      list.append(el("li", {}, link));
    };
    for (const { leaf, message } of typed) item(leaf, `${leaf.field.label}: ${message}`);
    for (const e of result.errors) {
      const node = this.nodeFor(e.path);
      item(node ?? this.leaves()[0], e.path === "" ? `The form: ${e.message}` : `${node?.field.label ?? e.path} (${e.path}): ${e.message}`);
    }
    const n = typed.length + result.errors.length;
    setText(this.summaryHeading, this.words.ui.problems(n));
    this.summary.replaceChildren(this.summaryHeading, list);
    this.summary.hidden = false;
    // Errors inside folded groups: unfold them, so the links lead somewhere visible.
    for (const e of result.errors) this.nodeFor(e.path)?.parent?.open?.();
  }

  /** Once shown, the summary and the payload follow the form (never stale). */
  refreshPanels() {
    if (this.summary.hidden && !this.wantPayload) return;
    const v = this.verdict();
    if (v.ok) {
      this.summary.hidden = true;
      // Shown once, the payload comes back as soon as the form is valid again.
      if (this.wantPayload) this.showPayload(v.result.value, false);
      return;
    }
    for (const leaf of this.leaves()) if (leaf.isTouched()) leaf.showErrors(v.result.errors);
    this.result.hidden = true;
    this.showSummary(v);
  }

  showPayload(value, focus) {
    const change = this.original && this.options.mode === "patch" ? diff(this.original, value) : null;
    const body = change ? change.patch : value;
    const json = JSON.stringify(body, null, 2);
    // The same payload: left as it is (re-rendering would drop the focus inside it).
    const state = JSON.stringify([json, change?.changes, this.words.name]);
    if (!this.result.hidden && state === this.shownState) {
      if (focus) this.result.querySelector("pre").focus();
      return;
    }
    this.shownState = state;
    const request = curl(this.id, this.options.mode, body);
    const status = el("span", { class: "copied", role: "status" });
    const copy = (text, what) => {
      const button = el("button", { type: "button", text: what });
      button.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(text);
          status.textContent = "Copied.";
        } catch {
          status.textContent = "The browser refused the clipboard; select the text instead.";
        }
      });
      return button;
    };
    const download = el("a", { class: "button", download: `${this.id}.json`, href: URL.createObjectURL(new Blob([json + "\n"], { type: "application/json" })), text: "Download" });
    const parts = [el("h3", { text: "Payload that would be sent" }), el("p", { class: "hint", text: "Nothing was sent: there is no backend. This is the normalized record." })];
    if (change) {
      const n = change.changes.length;
      const list = el("ul", { class: "changes" });
      for (const [path, old, now] of change.changes) {
        const after = now === undefined ? `${shown(old)}: ${this.words.ui.cleared}` : `${shown(old)} → ${shown(now)}`;
        list.append(el("li", {}, el("code", { text: path }), document.createTextNode(`: ${after}`)));
      }
      const sent = change.changes.filter(([, , now]) => now !== undefined).length;
      parts.push(el("p", { class: "change-count", text: sent ? `${sent} field${sent === 1 ? "" : "s"} change${sent === 1 ? "s" : ""}:` : n ? "Nothing is sent:" : "Nothing changes." }), list);
    }
    parts.push(
      el("pre", { class: "payload", tabindex: "0", "aria-label": "Payload JSON", text: json }),
      el("div", { class: "actions" }, copy(json, "Copy"), copy(request, "Copy as cURL"), download, status),
      el("details", { class: "curl" }, el("summary", { text: "The upstream request, as cURL" }), el("pre", { class: "curl-command", tabindex: "0", text: request })),
    );
    this.result.replaceChildren(...parts);
    this.result.hidden = false;
    if (focus) this.result.querySelector("pre").focus();
  }

  /** A record's values into the form (every field given counts as touched, so it is sent). */
  load(record, { original = record } = {}) {
    this.resetFields();
    const put = (nodes, value) => {
      for (const node of nodes) {
        if (!(node.field.name in value)) continue;
        const v = value[node.field.name];
        if (node.rows !== undefined && node.addRow && Array.isArray(v)) {
          for (const item of v) put(node.addRow().children, item ?? {});
          node.loadedRows = v.length;
        } else if (node.children && typeof v === "object" && v !== null) put(node.children, v);
        else if (node.set) {
          node.set(Array.isArray(v) && node.items ? v.join(", ") : v);
          node.left = true;
        }
      }
    };
    put(this.fields, record);
    // The record as the library reads it, so "12" loaded and 12 sent are no change.
    const read = original && validate(this.id, original, this.opts({ mode: "patch", unknown: "allow" }));
    this.original = read?.valid ? read.value : original;
    this.applyMode();
    this.recheckTouched();
    this.saveDraft();
  }

  resetFields() {
    for (const f of this.fields) {
      for (const list of [f, ...(f.children ?? [])].filter((n) => n.rows)) {
        while (list.rows.length) list.removeRow(list.rows[0]);
        list.loadedRows = 0;
      }
      for (const leaf of f.leaves()) if (leaf.isTouched()) leaf.reset();
    }
  }

  /** Back to an empty form: no values, no draft, no loaded record. */
  reset() {
    this.resetFields();
    this.original = null;
    this.wantPayload = false;
    this.summary.hidden = true;
    this.result.hidden = true;
    this.dirty = false;
    dropDraft(this.id);
    this.leaves()[0]?.focus();
  }

  saveDraft() {
    saveDraft(this.id, { options: this.options, payload: this.read(), original: this.original, dirty: this.dirty });
  }

  restoreDraft() {
    const draft = loadDraft(this.id);
    if (!draft) return;
    for (const name of ["mode", "profile"]) {
      const radio = this.radios?.[`${name}-${draft.options?.[name]}`];
      if (radio) {
        radio.checked = true;
        this.options[name] = draft.options[name];
      }
    }
    if (draft.payload && Object.keys(draft.payload).length) this.load(draft.payload, { original: draft.original });
    this.dirty = draft.dirty === true;
  }
}
