// The admin form: one form per model, built from describe(), checked by validateField() while
// a person types and by validate() on submit. Submitting sends nothing anywhere: it shows
// the normalized payload that would be sent.
import init, { describe, models, validate, validateField } from "customer-validation";
import { buildField, el } from "./fields.js";

const DEBOUNCE_MS = 150;
/** A model's heading, from its description. */
const heading = (info) => `${info.label} (${info.upstream})`;

const app = document.getElementById("app");
const status = document.getElementById("status");

try {
  await init();
} catch (e) {
  status.className = "fatal";
  status.setAttribute("role", "alert");
  status.textContent = `The WebAssembly validation module failed to load, so the form cannot check anything: ${e}`;
  throw e;
}

class ModelForm {
  constructor(id) {
    this.id = id;
    this.info = describe(id);
    this.timers = new Map();
    this.options = { mode: this.info.modes[0], profile: this.info.profiles[0] };
    this.node = el("section", { class: "model", id: `panel-${id}`, role: "tabpanel", "aria-labelledby": `tab-${id}`, hidden: true });
    this.form = el("form", { novalidate: true, "aria-label": heading(this.info) });
    this.summary = el("div", { class: "summary", tabindex: "-1", hidden: true, role: "alert" });
    this.form.append(el("h2", { text: heading(this.info) }), el("p", { class: "lead", text: this.info.description }), this.switches(), this.summary);
    this.root = { pointer: () => "", read: () => this.read() };
    this.fields = this.info.fields.map((f) => buildField(f, this.root, this));
    const grid = el("div", { class: "grid" });
    for (const f of this.fields) grid.append(f.node);
    this.form.append(grid, el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: "Check and show payload" })));
    this.result = el("section", { class: "result", hidden: true, "aria-label": "Payload" });
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    this.node.append(this.form, this.result);
  }

  switches() {
    const group = (name, legend, values, current, hint) => {
      const set = el("fieldset", { class: "switch-group" }, el("legend", { text: legend }));
      for (const v of values) {
        const id = `${this.id}-${name}-${v}`;
        const input = el("input", { type: "radio", name: `${this.id}-${name}`, id, value: v, checked: v === current });
        input.addEventListener("change", () => {
          this.options[name] = v;
          this.recheckTouched();
        });
        set.append(el("label", { for: id, class: "radio" }, input, document.createTextNode(` ${v}`)));
      }
      if (hint) set.append(el("p", { class: "hint", text: hint }));
      return set;
    };
    const modeHint = this.info.modes.length === 1 ? "This model is a patch only." : "Create fills in defaults and checks required fields; patch sends only the fields you touched.";
    return el(
      "div",
      { class: "switches" },
      group("mode", "Mode", this.info.modes, this.options.mode, modeHint),
      group("profile", "Profile", this.info.profiles, this.options.profile, "Strict adds format checks to the upstream API's own rules."),
    );
  }

  opts(extra = {}) {
    return { mode: this.options.mode, profile: this.options.profile, coerce: true, ...extra };
  }

  /** The payload: only the fields the person touched (defaults are the engine's to fill). */
  read() {
    const out = {};
    for (const f of this.fields) {
      if (!f.isTouched()) continue;
      const v = f.read();
      if (v !== undefined) out[f.field.name] = v;
    }
    return out;
  }

  scheduleCheck(node, now) {
    clearTimeout(this.timers.get(node));
    if (now) this.checkField(node);
    else this.timers.set(node, setTimeout(() => this.checkField(node), DEBOUNCE_MS));
    // Fields whose rules depend on this one (number on numberE164CheckEnabled) follow at once.
    for (const sibling of this.siblings(node)) {
      if (sibling.field.dependsOn === node.field.name && sibling.isTouched()) this.checkField(sibling);
    }
  }

  siblings(node) {
    return node.parent === this.root ? this.fields : (node.parent.children ?? []);
  }

  checkField(node) {
    clearTimeout(this.timers.get(node));
    const context = node.parent.read();
    node.showErrors(validateField(this.id, node.pointer(), node.read(), this.opts({ context })));
  }

  /** After a field's check: offer the E.164 form of a phone number typed with separators. */
  afterCheck(node, errors) {
    node.hint.hidden = true;
    node.hint.replaceChildren();
    const value = node.read();
    if (typeof value !== "string" || !errors.some((e) => e.code === "e164")) return;
    const candidate = value.replace(/[\s\-.()]/g, "").replace(/^00/, "+");
    if (candidate === value) return;
    const context = node.parent.read();
    if (validateField(this.id, node.pointer(), candidate, this.opts({ context })).length) return;
    const use = el("button", { type: "button", class: "use", text: `Use ${candidate}` });
    use.addEventListener("click", () => {
      node.set(candidate);
      node.focus();
    });
    node.hint.append(document.createTextNode("Did you mean an E.164 number? "), use);
    node.hint.hidden = false;
  }

  leaves() {
    return this.fields.flatMap((f) => f.leaves());
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
    return best ?? this.leaves().find((l) => path.startsWith(l.pointer())) ?? this.leaves()[0];
  }

  submit() {
    const payload = this.read();
    const result = validate(this.id, payload, this.opts());
    for (const leaf of this.leaves()) leaf.showErrors(result.errors);
    this.result.hidden = true;
    if (!result.valid) {
      const list = el("ul");
      for (const e of result.errors) {
        const node = this.nodeFor(e.path);
        const label = e.path === "" ? "The form" : `${node?.field.label ?? e.path} (${e.path})`;
        const link = el("a", { href: `#${node?.input.id ?? ""}`, text: `${label}: ${e.message}` });
        link.addEventListener("click", (ev) => {
          ev.preventDefault();
          node?.focus();
        });
        list.append(el("li", {}, link));
      }
      const n = result.errors.length;
      this.summary.replaceChildren(el("h3", { text: `${n} problem${n === 1 ? "" : "s"} to fix` }), list);
      this.summary.hidden = false;
      this.summary.focus();
      return;
    }
    this.summary.hidden = true;
    this.showPayload(result.value);
  }

  showPayload(value) {
    const json = JSON.stringify(value, null, 2);
    const copy = el("button", { type: "button", text: "Copy" });
    const done = el("span", { class: "copied", role: "status" });
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(json);
        done.textContent = "Copied.";
      } catch {
        done.textContent = "The browser refused the clipboard; select the text instead.";
      }
    });
    const download = el("a", { class: "button", download: `${this.id}.json`, href: URL.createObjectURL(new Blob([json + "\n"], { type: "application/json" })), text: "Download" });
    this.result.replaceChildren(
      el("h3", { text: "Payload that would be sent" }),
      el("p", { class: "hint", text: "Nothing was sent: there is no backend. This is the normalized record." }),
      el("pre", { class: "payload", tabindex: "0", text: json }),
      el("div", { class: "actions" }, copy, download, done),
    );
    this.result.hidden = false;
    this.result.querySelector("pre").focus();
  }
}

// ---- tabs ----
const tabs = document.getElementById("tabs");
const forms = new Map(models().map((id) => [id, new ModelForm(id)]));
status.remove();
for (const [id, form] of forms) {
  const tab = el("button", { role: "tab", id: `tab-${id}`, "aria-controls": `panel-${id}`, type: "button", text: heading(form.info) });
  tab.addEventListener("click", () => (location.hash = id));
  tab.addEventListener("keydown", (e) => {
    const ids = [...forms.keys()];
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = ids[(ids.indexOf(id) + step + ids.length) % ids.length];
    location.hash = next;
    document.getElementById(`tab-${next}`).focus();
  });
  tabs.append(tab);
  app.append(form.node);
}

function show() {
  const current = forms.has(location.hash.slice(1)) ? location.hash.slice(1) : forms.keys().next().value;
  for (const [id, form] of forms) {
    const on = id === current;
    form.node.hidden = !on;
    const tab = document.getElementById(`tab-${id}`);
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
  }
}
window.addEventListener("hashchange", show);
show();
performance.mark("form-ready");
document.body.dataset.ready = "true";
