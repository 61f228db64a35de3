// Fields that hold JSON: free-form objects (assistant overrides) as a text area, and Struct
// maps (data, flow params: each key holds one typed value, `{"plan": {"stringValue":
// "gold"}}`) as a key/value editor, with the raw JSON as the other view.
import { validateJsonArray } from "customer-validation";
import { el, nextId, setText } from "./dom.js";
import { ScalarNode } from "./scalar.js";

/**
 * JSON.parse, and where a text that does not parse breaks, as line and column. Browsers
 * word and place syntax errors differently (V8 often gives no position): the library's JSON
 * reader places them, the same in every browser. (It reads the text as the one element of an
 * array; only its syntax error is used.)
 */
export function parseJson(text) {
  try {
    return { value: JSON.parse(text) };
  } catch {}
  const failures = validateJsonArray("customer", `[${text}]`, { output: "none" }).errors;
  for (const f of failures) {
    const e = f.errors.find((x) => x.code === "json");
    if (!e) continue;
    // A break inside the element is placed in its text; one after it, in "[text]".
    const { line, column } = e.params;
    const inText = f.index === 0 || line > 1 ? column : column - 1;
    return { error: { detail: String(e.params.detail).replace(/ at line \d+ column \d+$/, ""), line, column: inText } };
  }
  return { error: { detail: "not one JSON value", line: 1, column: 1 } };
}

/** Free-form JSON objects: a text area parsed on each change. */
export class JsonNode extends ScalarNode {
  constructor(field, parent, form, key) {
    super({ ...field, type: "string" }, parent, form, key);
    this.field = field;
    this.applyMode();
  }
  /** A text area (the base class wires its input and blur events as for any text). */
  textControl(common) {
    return el("textarea", { ...common, rows: "3", spellcheck: "false", class: "json" });
  }
  parsed() {
    const text = this.input.value.trim();
    return text === "" ? { value: undefined } : parseJson(text);
  }
  /** Not JSON: said where it breaks; nothing is sent until it parses. */
  read() {
    const { value } = this.parsed();
    return value;
  }
  inputErrors() {
    const { error } = this.parsed();
    return error ? [this.form.words.input.json(error.detail, error.line, error.column)] : [];
  }
}

// ---- Struct maps ----

const invalid = (input, bad) => (bad ? input.setAttribute("aria-invalid", "true") : input.removeAttribute("aria-invalid"));

const KINDS = [
  ["stringValue", "text"],
  ["numberValue", "number"],
  ["boolValue", "yes/no"],
  ["structValue", "group of keys"],
  ["listValue", "list of groups"],
];

/** Plain JSON as a Struct ({"plan": "gold"} → {"plan": {"stringValue": "gold"}}), or undefined if it has no such form. */
export function plainToStruct(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string") out[k] = { stringValue: v };
    else if (typeof v === "number") out[k] = { numberValue: v };
    else if (typeof v === "boolean") out[k] = { boolValue: v };
    else if (Array.isArray(v)) {
      const items = v.map(plainToStruct);
      if (items.some((i) => i === undefined)) return undefined;
      out[k] = { listValue: items };
    } else {
      const inner = plainToStruct(v);
      if (inner === undefined) return undefined;
      out[k] = { structValue: inner };
    }
  }
  return out;
}

/** Whether `value` is already written as a Struct (every key holds one typed value). */
const isStruct = (value) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => KINDS.some(([name]) => name === k)));

/** One level of key/value rows; nested groups and lists hold editors of their own. */
class StructEditor {
  constructor(owner, label) {
    this.owner = owner;
    this.label = label;
    this.rows = [];
    this.list = el("div", { class: "kv-rows" });
    this.add = el("button", { type: "button", class: "add", text: "Add key", "aria-label": `Add key to ${label}` });
    this.add.addEventListener("click", () => this.addRow().keyInput.focus());
    this.node = el("div", { class: "kv" }, this.list, this.add);
  }

  addRow(key = "", kind = "stringValue", value) {
    const id = nextId("key");
    const row = { keyInput: el("input", { id, class: "kv-key", "aria-label": `${this.label}: key`, autocomplete: "off", spellcheck: "false", value: key }), kind: el("select", { class: "kv-kind", "aria-label": `${this.label}: kind of value` }) };
    for (const [name, text] of KINDS) row.kind.append(el("option", { value: name, text, selected: name === kind }));
    row.error = el("p", { class: "error", id: `${id}-error` });
    row.keyInput.setAttribute("aria-describedby", row.error.id);
    row.remove = el("button", { type: "button", class: "remove" });
    row.slot = el("div", { class: "kv-value" });
    row.node = el("div", { class: "kv-row" }, row.keyInput, row.kind, row.slot, row.remove, row.error);
    const build = (v) => {
      row.slot.replaceChildren();
      row.nested = null;
      row.valueInput = null;
      const what = row.kind.value;
      if (what === "structValue") {
        row.nested = new StructEditor(this.owner, `${this.label} › ${row.keyInput.value || "key"}`);
        if (v) row.nested.load(v);
        row.slot.append(row.nested.node);
      } else if (what === "listValue") {
        row.nested = new StructList(this.owner, `${this.label} › ${row.keyInput.value || "key"}`);
        if (v) row.nested.load(v);
        row.slot.append(row.nested.node);
      } else if (what === "boolValue") {
        row.valueInput = el("input", { type: "checkbox", class: "switch", role: "switch", "aria-label": `${this.label}: value`, "aria-describedby": row.error.id, checked: v === true });
        row.slot.append(row.valueInput);
      } else {
        row.valueInput = el("input", { class: "kv-input", "aria-label": `${this.label}: value`, "aria-describedby": row.error.id, inputmode: what === "numberValue" ? "decimal" : undefined, autocomplete: "off", value: v === undefined ? "" : String(v) });
        row.slot.append(row.valueInput);
      }
    };
    build(value);
    row.kind.addEventListener("change", () => {
      build(undefined);
      this.owner.changed(true);
    });
    row.node.addEventListener("input", () => this.owner.changed(false));
    row.node.addEventListener("change", (e) => e.target !== row.kind && this.owner.changed(true));
    row.remove.addEventListener("click", () => {
      const at = this.rows.indexOf(row);
      this.rows.splice(at, 1);
      row.node.remove();
      this.renumber();
      // Focus stays in the editor: on the row that took this one's place, else on "Add key".
      (this.rows[at]?.remove ?? this.rows[at - 1]?.remove ?? this.add).focus();
      this.owner.changed(true);
    });
    this.rows.push(row);
    this.list.append(row.node);
    this.renumber();
    return row;
  }

  renumber() {
    this.rows.forEach((r, i) => {
      r.remove.textContent = `Remove key ${i + 1}`;
      r.remove.setAttribute("aria-label", `${this.label}: remove key ${i + 1}${r.keyInput.value ? ` (${r.keyInput.value})` : ""}`);
    });
  }

  load(struct) {
    for (const [k, v] of Object.entries(struct)) {
      const [kind] = Object.keys(v);
      this.addRow(k, kind, v[kind]);
    }
  }

  /** The Struct; a number that is not one is sent as typed, for the library to report. */
  read() {
    const out = {};
    for (const r of this.rows) {
      const kind = r.kind.value;
      let v;
      if (r.nested) v = r.nested.read();
      else if (kind === "boolValue") v = r.valueInput.checked;
      else if (kind === "numberValue") v = r.valueInput.value.trim();
      else v = r.valueInput.value;
      out[r.keyInput.value] = { [kind]: v };
    }
    return out;
  }

  /** Errors at `base`/key/...: each at its row, by key. */
  showErrors(errors, base, words) {
    for (const r of this.rows) {
      const key = r.keyInput.value.replace(/~/g, "~0").replace(/\//g, "~1");
      const at = `${base}/${key}`;
      const kind = r.kind.value;
      const mine = errors.filter((e) => (e.path === at || e.path.startsWith(at + "/")) && !(r.nested && e.path.startsWith(`${at}/${kind}/`)));
      setText(r.error, mine.map((e) => `${r.keyInput.value || "(no key)"} ${e.message}.`).join(" "));
      invalid(r.valueInput ?? r.keyInput, mine.length > 0);
      r.nested?.showErrors(errors, `${at}/${kind}`, words);
    }
  }

  inputErrors(words) {
    const keys = this.rows.map((r) => r.keyInput.value);
    const errors = [];
    if (keys.includes("")) errors.push(words.input.emptyKey ?? "has a row without a key");
    const twice = keys.filter((k, i) => k !== "" && keys.indexOf(k) !== i);
    if (twice.length) errors.push(`has the key ${twice[0]} twice`);
    return errors.concat(this.rows.flatMap((r) => r.nested?.inputErrors(words) ?? []));
  }
}

/** A Struct's list value: a list of groups of keys. */
class StructList {
  constructor(owner, label) {
    this.owner = owner;
    this.label = label;
    this.items = [];
    this.list = el("ol", { class: "kv-list" });
    this.add = el("button", { type: "button", class: "add", text: "Add group", "aria-label": `Add group to ${label}` });
    this.add.addEventListener("click", () => this.addItem().add.focus());
    this.node = el("div", { class: "kv-listbox" }, this.list, this.add);
  }
  addItem(struct) {
    const editor = new StructEditor(this.owner, `${this.label} › ${this.items.length + 1}`);
    if (struct) editor.load(struct);
    this.items.push(editor);
    this.list.append(el("li", {}, editor.node));
    return editor;
  }
  load(list) {
    for (const s of list) this.addItem(s);
  }
  read() {
    return this.items.map((e) => e.read());
  }
  showErrors(errors, base, words) {
    this.items.forEach((e, i) => e.showErrors(errors, `${base}/${i}`, words));
  }
  inputErrors(words) {
    return this.items.flatMap((e) => e.inputErrors(words));
  }
}

/** A Struct map: the key/value editor, or its raw JSON; the two views show the same value. */
export class StructNode extends JsonNode {
  constructor(field, parent, form, key) {
    super(field, parent, form, key);
    this.view = "editor";
    this.node.classList.add("field-full");
    this.editor = new StructEditor(this, field.label);
    this.toggle = el("button", { type: "button", class: "view", "aria-pressed": "false", text: "Edit as JSON" });
    this.toggle.addEventListener("click", () => this.switchView());
    this.input.hidden = true;
    this.input.closest(".control").prepend(this.editor.node);
    this.input.closest(".control").after(this.toggle);
  }

  switchView() {
    if (this.view === "editor") {
      const value = this.form.normalized?.(this, this.editor.read()) ?? this.editor.read();
      this.input.value = this.editor.rows.length ? JSON.stringify(value, null, 2) : "";
      this.view = "json";
    } else {
      const { value, error } = this.parsed();
      const struct = error ? undefined : value === undefined ? {} : isStruct(value) ? value : plainToStruct(value);
      // JSON that does not parse, or no Struct: said at the field; the view and the text stay.
      if (struct === undefined) {
        this.left = true;
        return this.check();
      }
      this.editor.rows.splice(0).forEach((r) => r.node.remove());
      this.editor.load(struct);
      this.view = "editor";
    }
    this.input.hidden = this.view === "editor";
    this.editor.node.hidden = this.view === "json";
    this.toggle.textContent = this.view === "editor" ? "Edit as JSON" : "Edit as keys and values";
    this.toggle.setAttribute("aria-pressed", String(this.view === "json"));
    (this.view === "json" ? this.input : this.editor.rows[0]?.keyInput ?? this.editor.add).focus();
  }

  read() {
    if (this.view === "editor") return this.editor.rows.length ? this.editor.read() : undefined;
    return super.read();
  }

  inputErrors() {
    if (this.view === "editor") return this.editor.inputErrors(this.form.words);
    return super.inputErrors();
  }

  showErrors(errors) {
    if (this.view === "editor") {
      // Errors under a key are shown at its row; the field says how many there are.
      const here = this.pointer();
      this.editor.showErrors(errors, here, this.form.words);
      const own = errors.filter((e) => e.path === here);
      const under = errors.filter((e) => e.path.startsWith(here + "/")).length;
      const text = [...this.inputErrors().map((m) => `${this.field.label} ${m}.`), ...own.map((e) => `${this.field.label} ${e.message}.`), under ? `${this.field.label}: ${under} value${under === 1 ? "" : "s"} to fix, shown at ${under === 1 ? "its key" : "their keys"}.` : ""].filter(Boolean).join(" ");
      setText(this.error, text);
      invalid(this.input, text !== "");
      return;
    }
    super.showErrors(errors);
    // Plain JSON where a Struct belongs: offer it as a Struct.
    const { value } = this.parsed();
    const struct = value !== undefined && !isStruct(value) ? plainToStruct(value) : undefined;
    this.offer(struct ? [[JSON.stringify(struct), this.form.words.ui.useStruct]] : [], this.form.words.ui.structQuestion);
  }

  focus() {
    if (this.view === "editor") (this.editor.rows[0]?.keyInput ?? this.editor.add).focus();
    else this.input.focus();
  }

  reset() {
    this.editor.rows.splice(0).forEach((r) => r.node.remove());
    super.reset();
  }

  set(value) {
    if (this.view === "editor" && typeof value === "object" && value !== null && isStruct(value)) {
      this.editor.rows.splice(0).forEach((r) => r.node.remove());
      this.editor.load(value);
      this.changed(true);
      return;
    }
    if (this.view === "editor") this.switchView();
    super.set(typeof value === "string" ? value : JSON.stringify(value, null, 2));
  }
}
