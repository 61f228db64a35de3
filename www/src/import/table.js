// The invalid rows of an import, one table row per error, a page at a time: the rows stay
// in the worker, which answers each page asked for (so 100,000 invalid rows cost the page
// the 50 it shows).
import { el, setText } from "../fields/dom.js";

export const PAGE_ROWS = 50;

export class RowsTable {
  /**
   * `fetchRows(from, count)` resolves to `{ rows, total }`; `open(row)` opens a row's record
   * in the form; `words()` the current words; `number(n)` a count as the page writes it.
   */
  constructor({ fetchRows, open, words, number }) {
    Object.assign(this, { fetchRows, open, words, number });
    this.from = 0;
    this.total = 0;
    this.rows = [];
    this.asked = 0;
    this.caption = el("caption");
    this.head = el("tr");
    this.body = el("tbody");
    this.table = el("table", { class: "rows", id: "import-rows" }, this.caption, el("thead", {}, this.head), this.body);
    this.previous = el("button", { type: "button", "aria-controls": this.table.id });
    this.next = el("button", { type: "button", "aria-controls": this.table.id });
    this.range = el("p", { class: "range", id: "import-rows-range" });
    this.previous.addEventListener("click", () => this.go(this.from - PAGE_ROWS, this.previous));
    this.next.addEventListener("click", () => this.go(this.from + PAGE_ROWS, this.next));
    this.node = el("div", { class: "rows-box" }, el("div", { class: "table-scroll" }, this.table), el("div", { class: "pager actions" }, this.previous, this.range, this.next));
    this.node.hidden = true;
    // Named from the start (hidden until a run has rows, but never unlabelled).
    setText(this.previous, words().import.previous);
    setText(this.next, words().import.next);
  }

  /** A new run's rows: its first page. */
  async reset(total) {
    this.total = total;
    this.node.hidden = total === 0;
    if (total) await this.go(0);
  }

  async go(from, button) {
    if (from < 0 || from >= this.total) return;
    const asked = ++this.asked;
    const { rows, total } = await this.fetchRows(from, PAGE_ROWS);
    if (asked !== this.asked) return; // a later page was asked for meanwhile
    Object.assign(this, { from, rows, total });
    this.render();
    // The button pressed may now be disabled (the first or last page): keep the focus in the pager.
    if (button?.disabled) (button === this.next ? this.previous : this.next).focus();
  }

  render() {
    const w = this.words().import;
    setText(this.caption, w.rowsCaption);
    this.head.replaceChildren(...[w.where, w.field, w.message, w.form].map((text) => el("th", { scope: "col", text })));
    this.body.replaceChildren(...this.rows.map((row) => this.row(row, w)));
    setText(this.previous, w.previous);
    setText(this.next, w.next);
    this.previous.disabled = this.from === 0;
    this.next.disabled = this.from + this.rows.length >= this.total;
    setText(this.range, w.range(this.number(this.from + 1), this.number(this.from + this.rows.length), this.number(this.total)));
  }

  row(row, w) {
    const where = row.index !== undefined ? w.record(this.number(row.index)) : w.line(this.number(row.line));
    let action = el("span", { class: "hint", text: w.noRecord });
    if (typeof row.record === "string") {
      action = el("button", { type: "button", class: "open", text: w.open, "aria-label": w.openLabel(where, row.path || w.wholeRecord) });
      action.addEventListener("click", () => this.open(row));
    }
    return el(
      "tr",
      { "data-line": row.line, "data-index": row.index },
      el("td", { class: "where", text: where }),
      el("td", { class: "path" }, row.path ? el("code", { text: row.path }) : document.createTextNode(w.wholeRecord)),
      el("td", { class: "message", text: row.message }),
      el("td", {}, action),
    );
  }
}
