// Fields that hold fields: declared objects (a schedule, billing settings) and lists of them
// (schedule rules, by-day entries), whose rows can be added and removed.
import { el } from "./dom.js";
import { Node, readTouched } from "./node.js";
import { buildField } from "./build.js";

export class ObjectNode extends Node {
  constructor(field, parent, form, key) {
    super(field, parent, key);
    this.form = form;
    this.legend = el("legend", { text: field.label || "Item" });
    this.node = el("fieldset", { class: "group" }, this.legend);
    this.children = field.fields.map((f) => buildField(f, this, form));
    this.body = el("div", { class: "grid" });
    for (const c of this.children) this.body.append(c.element());
    this.node.append(this.body);
    // Nested groups (the twelve billing items) start folded: a page of 48 inputs otherwise.
    if (parent instanceof ObjectNode && field.label) {
      this.details = el("details", { class: "fold" }, el("summary", { text: field.label }), this.node);
      this.legend.classList.add("visually-hidden");
    }
    this.outer = this.details ?? this.node;
    /** A flag field that says whether this group is sent at all (`overrideBillingSettings`). */
    this.gate = null;
  }
  /** The element to place in the page. */
  element() {
    return this.outer;
  }
  /** Sent only while its gate is on: off, the group is disabled and says so. */
  gatedBy(flag, note) {
    this.gate = flag;
    this.note = el("p", { class: "hint gate-note", text: note });
    this.node.insertBefore(this.note, this.body);
    this.applyGate();
  }
  applyGate() {
    if (!this.gate) return;
    const on = this.gate.input.checked && !this.gate.input.indeterminate;
    this.node.disabled = !on;
    this.note.hidden = on;
  }
  open() {
    if (this.details) this.details.open = true;
    if (this.parent instanceof Node && this.parent.open) this.parent.open();
  }
  read() {
    return readTouched(this.children);
  }
  isTouched() {
    if (this.gate && this.node.disabled) return false;
    return this.children.some((c) => c.isTouched());
  }
  leaves() {
    return this.children.flatMap((c) => c.leaves());
  }
  applyMode() {
    for (const c of this.children) c.applyMode();
  }
}

/** Lists of objects (schedule rules, BYDAY entries): rows that can be added and removed. */
export class ObjectListNode extends Node {
  constructor(field, parent, form, key) {
    super(field, parent, key);
    this.form = form;
    this.rows = [];
    this.singular = field.label.replace(/s$/, "");
    this.list = el("div", { class: "rows" });
    this.add = el("button", { type: "button", class: "add", text: `Add ${this.singular.toLowerCase() || "item"}` });
    this.add.addEventListener("click", () => this.addRow());
    this.node = el("fieldset", { class: "group list" }, el("legend", { text: field.label }), this.list, this.add);
  }
  addRow() {
    const self = this;
    const row = new ObjectNode({ ...this.field.items, label: "" }, this, this.form, () => self.rows.indexOf(row));
    const remove = el("button", { type: "button", class: "remove" });
    remove.addEventListener("click", () => this.removeRow(row));
    row.remove = remove;
    row.node.append(remove);
    this.rows.push(row);
    this.list.append(row.element());
    this.touched = true;
    this.renumber();
    row.leaves()[0]?.focus();
    this.form.changed(this, true, true);
    return row;
  }
  removeRow(row) {
    const at = this.rows.indexOf(row);
    this.rows.splice(at, 1);
    row.element().remove();
    this.touched = true;
    this.renumber();
    // Focus stays in the list: the row that took this one's place, else the one before, else Add.
    (this.rows[at]?.remove ?? this.rows[at - 1]?.remove ?? this.add).focus();
    this.form.changed(this, true, true);
  }
  renumber() {
    this.rows.forEach((r, i) => {
      r.legend.textContent = `${this.singular} ${i + 1}`;
      r.remove.textContent = `Remove ${this.singular.toLowerCase()} ${i + 1}`;
    });
  }
  read() {
    return this.rows.map((r) => r.read());
  }
  /** Sent with rows, or emptied after a load (a loaded record's rules removed is a change). */
  isTouched() {
    return this.rows.length > 0 || this.loadedRows > 0;
  }
  leaves() {
    return this.rows.flatMap((r) => r.leaves());
  }
  applyMode() {
    for (const r of this.rows) r.applyMode();
  }
  open() {
    if (this.parent instanceof Node && this.parent.open) this.parent.open();
  }
}
