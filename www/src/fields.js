// Controls built from describe(model) field descriptors. Nothing here knows a rule: kinds of
// input come from the descriptor's type, limits from its min/max length, and every verdict
// from validateField(). A control turns what the person typed into the value sent (form
// strings; the engine's `coerce` option turns decimal strings into int32s).

let uid = 0;
const nextId = (name) => `f-${name || "item"}-${++uid}`;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}
export { el };

/** Code points, as the rules count length (not UTF-16 units, which `.length` counts). */
export const codePoints = (s) => [...s].length;

/**
 * A node of the form tree. Scalars read their control; objects and lists read their children.
 * `pointer()` is computed from the parent chain, so removing a list row renumbers the rest.
 */
class Node {
  constructor(field, parent, key) {
    this.field = field;
    this.parent = parent;
    this.key = key; // a field name, or () => index for list rows
    this.touched = false;
  }
  pointer() {
    const key = typeof this.key === "function" ? this.key() : this.key;
    return `${this.parent ? this.parent.pointer() : ""}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
  }
}

/** Builds the control of one field; `form` supplies validation and the current options. */
export function buildField(field, parent, form, key = field.name) {
  switch (field.type) {
    case "object":
      return new ObjectNode(field, parent, form, key);
    case "list":
      return field.items.type === "object" ? new ObjectListNode(field, parent, form, key) : new ScalarListNode(field, parent, form, key);
    case "map":
    case "any-object":
      return new JsonNode(field, parent, form, key);
    default:
      return new ScalarNode(field, parent, form, key);
  }
}

class ScalarNode extends Node {
  constructor(field, parent, form, key) {
    super(field, parent, key);
    this.form = form;
    const id = nextId(field.name);
    this.errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    const required = field.required && field.default === undefined;
    // The required marker sits beside the label, not in it: the accessible name stays the label; aria-required says it.
    const label = el("span", { class: "label" }, el("label", { for: id, text: field.label }), required ? el("span", { class: "req", "aria-hidden": "true", title: "required", text: " *" }) : null);
    const describedBy = [this.errorId, field.description ? hintId : undefined].filter(Boolean).join(" ");
    const common = { id, name: field.name, "aria-describedby": describedBy, "aria-required": required ? "true" : undefined };

    if (field.type === "enum") {
      this.input = el("select", common, el("option", { value: "", text: field.default !== undefined ? `(default: ${field.default})` : "—" }));
      for (const value of field.enum) this.input.append(el("option", { value, text: value }));
    } else if (field.type === "boolean" || field.type === "flag") {
      this.input = el("input", { ...common, type: "checkbox", role: "switch", class: "switch" });
      this.input.checked = field.default === true || field.default === 1;
    } else if (field.type === "int32" || field.type === "number") {
      this.input = el("input", {
        ...common,
        type: "number",
        step: field.type === "int32" ? "1" : "any",
        inputmode: field.type === "int32" ? "numeric" : "decimal",
        placeholder: field.default !== undefined ? `default: ${field.default}` : undefined,
      });
    } else {
      // Text. No maxlength attribute: it counts UTF-16 units and would cut off valid emoji.
      this.input = el("input", { ...common, type: field.formats.some((f) => f.name === "email") ? "email" : "text", autocomplete: "off", spellcheck: "false" });
      if (field.formats.some((f) => f.name === "email")) this.input.setAttribute("novalidate", "");
    }
    this.node = el("div", { class: `field field-${field.type}` }, label);
    const row = el("div", { class: "control" }, this.input);
    if (field.formats.some((f) => f.name === "date_time")) {
      // A picker for the local date and time, written into the text field as RFC 3339 UTC.
      const picker = el("input", { type: "datetime-local", step: "1", "aria-label": `${field.label}: pick a date and time`, class: "picker" });
      picker.addEventListener("change", () => {
        if (!picker.value) return;
        const d = new Date(picker.value);
        if (!Number.isNaN(d.valueOf())) {
          this.input.value = d.toISOString().replace(/\.\d{3}Z$/, "Z");
          this.changed(true);
        }
      });
      row.append(picker);
    }
    if (field.maxLength !== undefined) {
      this.counter = el("span", { class: "counter", "aria-live": "off" });
      row.append(this.counter);
    }
    this.node.append(row);
    if (field.description) this.node.append(el("p", { class: "hint", id: hintId, text: field.description }));
    this.hint = el("div", { class: "suggestion", hidden: true });
    this.error = el("p", { class: "error", id: this.errorId, "aria-live": "polite" });
    this.node.append(this.error, this.hint);

    const event = this.input.type === "checkbox" || this.input.tagName === "SELECT" ? "change" : "input";
    this.input.addEventListener(event, () => this.changed(event === "change"));
    this.input.addEventListener("blur", () => this.touched && this.check());
    this.updateCounter();
  }

  changed(now) {
    this.touched = true;
    this.updateCounter();
    this.form.scheduleCheck(this, now);
  }

  updateCounter() {
    if (!this.counter) return;
    const n = codePoints(this.input.value);
    this.counter.textContent = `${n}/${this.field.maxLength}`;
    this.counter.classList.toggle("over", n > this.field.maxLength);
  }

  /** The value to send, or undefined for "left empty". */
  read() {
    const i = this.input;
    if (i.type === "checkbox") return this.field.type === "flag" ? (i.checked ? 1 : 0) : i.checked;
    if (i.type === "number") {
      if (i.validity.badInput) return "not a number"; // the engine reports it as a type error
      if (i.value === "") return undefined;
      return this.field.type === "number" ? Number(i.value) : i.value;
    }
    return i.value === "" ? undefined : i.value;
  }

  set(value) {
    if (this.input.type === "checkbox") this.input.checked = value === true || value === 1;
    else this.input.value = value;
    this.changed(true);
  }

  check() {
    this.form.checkField(this);
  }

  showErrors(errors) {
    const mine = errors.filter((e) => e.path === this.pointer() || e.path.startsWith(this.pointer() + "/"));
    this.error.textContent = mine.map((e) => `${this.field.label} ${e.message}.`).join(" ");
    if (mine.length) this.input.setAttribute("aria-invalid", "true");
    else this.input.removeAttribute("aria-invalid");
    this.form.afterCheck?.(this, mine);
  }

  focus() {
    this.input.focus();
  }

  leaves() {
    return [this];
  }
}

/** Lists of scalars (tag IDs, BYMONTH ...): one text input, comma-separated. */
class ScalarListNode extends ScalarNode {
  constructor(field, parent, form, key) {
    super({ ...field, type: "string", description: field.description || "Comma-separated." }, parent, form, key);
    this.listField = field;
  }
  read() {
    const text = this.input.value.trim();
    if (text === "") return undefined;
    return text.split(",").map((s) => s.trim());
  }
}

/** Free-form JSON (Struct maps, assistant overrides): a textarea parsed on each change. */
class JsonNode extends ScalarNode {
  constructor(field, parent, form, key) {
    super({ ...field, type: "string", description: field.description || "JSON object." }, parent, form, key);
    const area = el("textarea", { id: this.input.id, name: field.name, rows: "3", "aria-describedby": this.input.getAttribute("aria-describedby"), spellcheck: "false" });
    this.input.replaceWith(area);
    this.input = area;
    area.addEventListener("input", () => this.changed(false));
    area.addEventListener("blur", () => this.touched && this.check());
  }
  read() {
    const text = this.input.value.trim();
    if (text === "") return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text; // not JSON: the engine reports a string where an object belongs
    }
  }
}

class ObjectNode extends Node {
  constructor(field, parent, form, key) {
    super(field, parent, key);
    this.node = el("fieldset", { class: "group" }, el("legend", { text: field.label || "Item" }));
    this.children = field.fields.map((f) => buildField(f, this, form));
    const body = el("div", { class: "grid" });
    for (const c of this.children) body.append(c.node);
    this.node.append(body);
  }
  read() {
    const out = {};
    for (const c of this.children) {
      if (!c.isTouched()) continue;
      const v = c.read();
      if (v !== undefined) out[c.field.name] = v;
    }
    return out;
  }
  isTouched() {
    return this.children.some((c) => c.isTouched());
  }
  leaves() {
    return this.children.flatMap((c) => c.leaves());
  }
}

/** Lists of objects (schedule rules, BYDAY entries): rows that can be added and removed. */
class ObjectListNode extends Node {
  constructor(field, parent, form, key) {
    super(field, parent, key);
    this.form = form;
    this.rows = [];
    this.list = el("div", { class: "rows" });
    const add = el("button", { type: "button", class: "add", text: `Add ${field.label.replace(/s$/, "").toLowerCase() || "item"}` });
    add.addEventListener("click", () => this.addRow());
    this.node = el("fieldset", { class: "group list" }, el("legend", { text: field.label }), this.list, add);
  }
  addRow() {
    const self = this;
    const row = new ObjectNode({ ...this.field.items, label: "" }, this, this.form, () => self.rows.indexOf(row));
    const remove = el("button", { type: "button", class: "remove" });
    remove.addEventListener("click", () => {
      this.rows.splice(this.rows.indexOf(row), 1);
      row.node.remove();
      this.touched = true;
      this.renumber();
    });
    row.remove = remove;
    row.node.append(remove);
    this.rows.push(row);
    this.list.append(row.node);
    this.touched = true;
    this.renumber();
    row.children[0]?.focus?.();
    return row;
  }
  renumber() {
    this.rows.forEach((r, i) => {
      r.node.querySelector("legend").textContent = `${this.field.label.replace(/s$/, "")} ${i + 1}`;
      r.remove.textContent = `Remove ${this.field.label.replace(/s$/, "").toLowerCase()} ${i + 1}`;
    });
  }
  read() {
    return this.rows.map((r) => r.read());
  }
  isTouched() {
    return this.touched || this.rows.some((r) => r.isTouched());
  }
  leaves() {
    return this.rows.flatMap((r) => r.leaves());
  }
}

// Scalars: touched means the person changed them.
Node.prototype.isTouched = function () {
  return this.touched;
};
