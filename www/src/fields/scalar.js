// The controls of scalar fields, built from describe() descriptors. Nothing here knows a
// rule: the kind of input comes from the descriptor's type, hints from its formats and their
// params, and every verdict from validateField(). A control hands over what the person
// typed as form strings; the library's `coerce` option reads numbers and booleans from them.
import { el, codePoints, nextId, setText } from "./dom.js";
import { Node } from "./node.js";
import { ruleHint } from "../words.js";

/** Local date and time as datetime-local shows it, and the RFC 3339 text with the local offset. */
const pad = (n) => String(n).padStart(2, "0");
function localInput(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
export function withLocalOffset(date) {
  const minutes = -date.getTimezoneOffset();
  const offset = minutes === 0 ? "Z" : `${minutes > 0 ? "+" : "-"}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  return `${localInput(date)}${offset}`;
}

export class ScalarNode extends Node {
  constructor(field, parent, form, key) {
    super(field, parent, key);
    this.form = form;
    /** Left once: from then on the field is checked while the person types. */
    this.left = false;
    this.offered = "";
    const id = nextId(field.name);
    this.errorId = `${id}-error`;
    this.hintId = `${id}-hint`;
    const formats = field.formats.map((f) => f.name);
    this.kind = field.type === "enum" ? "select" : field.type === "boolean" || field.type === "flag" ? "checkbox" : "text";
    // The required marker sits beside the label, not in it: the accessible name stays the label; aria-required says it.
    const required = field.required && field.default === undefined;
    this.required = required;
    const label = el("span", { class: "label" }, el("label", { for: id, text: field.label }), required ? el("span", { class: "req", "aria-hidden": "true", title: "required", text: " *" }) : null);
    // No name attributes: the form is never submitted natively, and a control named "id"
    // would shadow the form's own id property.
    const common = { id, "aria-describedby": `${this.errorId} ${this.hintId}`, "aria-required": required ? "true" : undefined };

    if (this.kind === "select") {
      this.input = el("select", common, (this.emptyOption = el("option", { value: "" })));
      for (const value of field.enum) this.input.append(el("option", { value, text: value }));
    } else if (this.kind === "checkbox") {
      this.input = el("input", { ...common, type: "checkbox", role: "switch", class: "switch" });
    } else {
      this.input = this.textControl(common, field, formats);
    }
    this.node = el("div", { class: `field field-${field.type}${formats.includes("date_time") ? " field-wide" : ""}` }, label);
    const row = el("div", { class: "control" }, this.input);
    this.picker = this.makePicker(formats);
    if (this.picker) row.append(this.picker);
    if (field.maxLength !== undefined) {
      this.counter = el("span", { class: "counter", "aria-hidden": "true" });
      row.append(this.counter);
    }
    // Patch mode: a touched field is sent; this takes it back out.
    this.unsend = el("button", { type: "button", class: "unsend", hidden: true, text: "Clear", "aria-label": `Clear ${field.label}: don't send it` });
    this.unsend.addEventListener("click", () => {
      this.reset();
      this.input.focus();
    });
    row.append(this.unsend);
    this.node.append(row);
    this.hint = el("p", { class: "hint", id: this.hintId });
    this.suggestion = el("div", { class: "suggestion", hidden: true });
    this.error = el("p", { class: "error", id: this.errorId });
    this.node.append(this.hint, this.error, this.suggestion);

    const event = this.kind === "text" ? "input" : "change";
    this.input.addEventListener(event, () => this.changed(this.kind !== "text"));
    this.input.addEventListener("blur", () => {
      this.left = true;
      if (this.touched) this.check();
    });
    this.applyMode();
  }

  /**
   * The text control. Numbers are text too: a number input would turn "0,012" into 12
   * without a word. No maxlength attribute: it counts UTF-16 units and would cut off valid emoji.
   */
  textControl(common, field, formats) {
    const numeric = field.type === "int32" ? "numeric" : field.type === "number" ? "decimal" : undefined;
    const email = formats.includes("email");
    return el("input", { ...common, type: email ? "email" : "text", inputmode: numeric, autocomplete: "off", spellcheck: "false" });
  }

  /** A picker beside the text of dates and times: it writes the text, and follows it. */
  makePicker(formats) {
    const label = this.field.label;
    if (formats.includes("date_time")) {
      const picker = el("input", { type: "datetime-local", step: "1", class: "picker", "aria-label": `${label}: pick a date and time (your time zone)` });
      picker.addEventListener("change", () => {
        const d = new Date(picker.value);
        if (picker.value && !Number.isNaN(d.valueOf())) this.set(withLocalOffset(d));
      });
      this.follow = (text) => {
        const d = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : null;
        picker.value = d && !Number.isNaN(d.valueOf()) ? localInput(d) : "";
      };
      return picker;
    }
    for (const [format, type] of [["date", "date"], ["time", "time"]]) {
      if (!formats.includes(format)) continue;
      const picker = el("input", { type, step: type === "time" ? "1" : undefined, class: "picker", "aria-label": `${label}: pick a ${type}` });
      picker.addEventListener("change", () => picker.value && this.set(picker.value));
      this.follow = (text) => {
        picker.value = text;
        if (picker.value !== text) picker.value = "";
      };
      return picker;
    }
    return null;
  }

  /** Mode and profile decide what an untouched control shows (patch mode fills nothing). */
  applyMode() {
    const patch = this.form.options.mode === "patch";
    const d = this.field.default;
    if (this.kind === "select") this.emptyOption.textContent = patch ? "— not sent —" : d !== undefined ? `(default: ${d})` : "—";
    if (this.kind === "text") {
      if (!patch && d !== undefined) this.input.placeholder = `default: ${d}`;
      else this.input.removeAttribute("placeholder");
    }
    if (this.kind === "checkbox" && !this.touched) {
      this.input.checked = !patch && (d === true || d === 1);
      this.input.indeterminate = patch;
    }
    this.unsend.hidden = !(patch && this.touched);
    const hint = [this.field.description, ruleHint(this.form.words, this.field, this.form.options.profile)].filter(Boolean).join(" ");
    setText(this.hint, hint);
    this.hint.hidden = hint === "";
  }

  changed(now) {
    this.touched = true;
    if (this.kind === "checkbox") this.input.indeterminate = false;
    if (now) this.left = true;
    this.updateCounter();
    this.follow?.(this.input.value);
    this.unsend.hidden = this.form.options.mode !== "patch";
    this.form.changed(this, this.left, now);
  }

  /** Back to untouched: nothing sent, nothing shown. */
  reset() {
    this.touched = false;
    this.left = false;
    if (this.kind === "checkbox") this.input.checked = false;
    else this.input.value = "";
    this.follow?.("");
    this.updateCounter();
    this.applyMode();
    this.showErrors([]);
    this.form.changed(this, false, true);
  }

  updateCounter() {
    if (!this.counter) return;
    const n = codePoints(this.input.value);
    setText(this.counter, `${n}/${this.field.maxLength}`);
    this.counter.classList.toggle("over", n > this.field.maxLength);
  }

  /** The value to send (a form string for numbers), or undefined for "left empty". */
  read() {
    const i = this.input;
    if (this.kind === "checkbox") return this.field.type === "flag" ? (i.checked ? 1 : 0) : i.checked;
    return i.value === "" ? undefined : i.value;
  }

  set(value) {
    if (this.kind === "checkbox") this.input.checked = value === true || value === 1;
    else this.input.value = typeof value === "string" ? value : JSON.stringify(value);
    this.changed(true);
  }

  check() {
    this.form.checkField(this);
  }

  /** The errors at or under this field, and the person's words for them. */
  messages(errors) {
    const here = this.pointer();
    const words = this.form.words;
    return errors
      .filter((e) => e.path === here || e.path.startsWith(here + "/"))
      .map((e) => {
        const rest = e.path.slice(here.length + 1);
        const item = /^\d+$/.test(rest) ? `: ${words.item(Number(rest) + 1)}` : rest ? ` (${rest})` : "";
        return `${this.field.label}${item} ${e.message}.`;
      });
  }

  showErrors(errors) {
    const mine = [...this.inputErrors().map((m) => `${this.field.label} ${m}.`), ...this.messages(errors)];
    setText(this.error, mine.join(" "));
    if (mine.length) this.input.setAttribute("aria-invalid", "true");
    else this.input.removeAttribute("aria-invalid");
    this.form.afterCheck?.(this, errors);
  }

  /**
   * Offers to replace the text with `candidates` ([value, label] pairs). Rebuilt only when
   * they change: a check on leaving the field must not replace the button being clicked.
   */
  offer(candidates, question, extra, extraKey) {
    const key = JSON.stringify([candidates, extraKey ?? null, !!extra]);
    if (key === this.offered) return;
    this.offered = key;
    this.suggestion.replaceChildren();
    this.suggestion.hidden = candidates.length === 0 && !extra;
    if (extra) this.suggestion.append(extra, " ");
    if (!candidates.length) return;
    this.suggestion.append(el("span", { text: question + " " }));
    for (const [value, label] of candidates) {
      const use = el("button", { type: "button", class: "use", text: label });
      use.addEventListener("click", () => {
        this.set(value);
        this.input.focus();
      });
      this.suggestion.append(use);
    }
  }

  focus() {
    this.input.focus();
  }

  leaves() {
    return [this];
  }
}

/** Lists of scalars (tag IDs, by month ...): one text input, comma-separated. */
export class ScalarListNode extends ScalarNode {
  constructor(field, parent, form, key) {
    super({ ...field, type: "string" }, parent, form, key);
    this.field = field;
    this.applyMode();
  }
  items() {
    const text = this.input.value.trim();
    return text === "" ? [] : text.split(",").map((s) => s.trim());
  }
  read() {
    const items = this.items();
    return items.length ? items : undefined;
  }
  /** The engine's errors, but those of empty items: their slip is said once, by inputErrors. */
  messages(errors) {
    const here = this.pointer();
    const empty = new Set(this.items().flatMap((s, i) => (s === "" ? [`${here}/${i}`] : [])));
    return super.messages(errors.filter((e) => !empty.has(e.path)));
  }
  /** Empty items (`a, , b`) are typing slips: said, never sent as empty strings. */
  inputErrors() {
    const empty = this.items().flatMap((s, i) => (s === "" ? [this.form.words.item(i + 1)] : []));
    return empty.length ? [this.form.words.input.emptyItems(empty)] : [];
  }
}
