// The Import tab: a file (picked or dropped), a model, mode and profile; the validation runs
// in a Web Worker (worker.js), which posts progress and, at the end, the counts, the most
// frequent error codes and the Blobs to download; the table (table.js) asks it for one page of
// invalid rows at a time. The page itself does nothing heavy.
import { describe, models } from "customer-validation";
import { el, setText } from "../fields/dom.js";
import { RowsTable } from "./table.js";

/** The format a file's extension names; otherwise the worker reads it from the file's start. */
const FORMATS = { csv: "csv", ndjson: "ndjson", jsonl: "ndjson", json: "json" };
const formatByName = (name) => FORMATS[/\.([^.]+)$/.exec(name)?.[1].toLowerCase()];

export class ImportPage {
  constructor(portal) {
    this.portal = portal;
    this.labels = [];
    this.node = el("section", { class: "import", id: "panel-import", role: "tabpanel", "aria-labelledby": "tab-import", hidden: true });
    this.node.append(this.label(el("h2"), (w) => w.heading), this.label(el("p", { class: "lead" }), (w) => w.lead), this.picker(), this.choices(), this.controls(), this.progressBox(), this.resultBox());
    this.applyWords();
  }

  get words() {
    return this.portal.words;
  }

  /** A node whose text is `text(words.import)`, again after each change of language. */
  label(node, text) {
    this.labels.push(() => setText(node, text(this.words.import)));
    return node;
  }

  number(n, options) {
    return new Intl.NumberFormat(document.documentElement.lang || "en", options).format(n);
  }

  /** Bytes as "12.3 MB" (decimal units, three significant digits). */
  bytes(n) {
    const [unit, size] = n >= 1e9 ? ["GB", 1e9] : n >= 1e6 ? ["MB", 1e6] : n >= 1e3 ? ["kB", 1e3] : ["B", 1];
    return `${this.number(n / size, { maximumSignificantDigits: 3 })} ${unit}`;
  }

  // ---- the file ----
  picker() {
    this.input = el("input", { type: "file", id: "import-file", accept: ".csv,.ndjson,.jsonl,.json,text/csv,application/x-ndjson,application/json", "aria-describedby": "import-file-info" });
    this.info = el("p", { class: "hint", id: "import-file-info" });
    this.input.addEventListener("change", () => this.choose(this.input.files[0]));
    const zone = el(
      "div",
      { class: "dropzone", role: "group", "aria-labelledby": "import-drop-label" },
      this.label(el("p", { id: "import-drop-label", class: "drop-label" }), (w) => w.drop),
      this.label(el("label", { for: this.input.id }), (w) => w.file),
      this.input,
      this.info,
    );
    zone.addEventListener("dragover", (e) => {
      e.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("over");
      const files = e.dataTransfer?.files;
      if (!files?.length) return;
      // The input shows the dropped file too (one source of the choice).
      try {
        this.input.files = files;
      } catch {}
      this.choose(files[0]);
    });
    return zone;
  }

  choose(file) {
    this.file = file;
    this.showFileInfo();
  }

  showFileInfo() {
    const w = this.words.import;
    if (!this.file) return setText(this.info, w.noFileYet);
    const format = formatByName(this.file.name);
    setText(this.info, w.chosen(this.file.name, this.bytes(this.file.size), format ? w.formats[format] : w.byContent));
  }

  // ---- model, mode, profile ----
  choices() {
    this.model = el("select", { id: "import-model" });
    for (const id of models()) {
      let text = id;
      try {
        text = describe(id).label ?? id;
      } catch {}
      this.model.append(el("option", { value: id, text }));
    }
    this.model.addEventListener("change", () => this.fillSwitches());
    this.modeSet = el("fieldset", { class: "switch-group" });
    this.profileSet = el("fieldset", { class: "switch-group" });
    this.choice = { mode: undefined, profile: undefined };
    return el(
      "div",
      { class: "switches" },
      el("div", { class: "switch-group model-choice" }, this.label(el("label", { for: this.model.id }), (w) => w.model), this.model),
      this.modeSet,
      this.profileSet,
    );
  }

  /** The mode and profile radios of the chosen model (patchCustomer: patch only). */
  fillSwitches() {
    const w = this.words.import;
    const info = describe(this.model.value);
    const group = (set, name, legend, values, hint) => {
      if (!values.includes(this.choice[name])) this.choice[name] = values[0];
      set.replaceChildren(el("legend", { text: legend }));
      for (const v of values) {
        const input = el("input", { type: "radio", name: `import-${name}`, id: `import-${name}-${v}`, value: v, checked: v === this.choice[name] });
        input.addEventListener("change", () => (this.choice[name] = v));
        set.append(el("label", { for: input.id, class: "radio" }, input, document.createTextNode(` ${v}`)));
      }
      if (hint) set.append(el("p", { class: "hint", text: hint }));
    };
    group(this.modeSet, "mode", w.mode, info.modes, info.modes.length === 1 ? w.patchOnly : w.modeHint);
    group(this.profileSet, "profile", w.profile, info.profiles, w.profileHint);
  }

  // ---- start, cancel, announcements ----
  controls() {
    this.start = this.label(el("button", { type: "button", class: "primary", id: "import-start" }), (w) => w.start);
    this.cancel = this.label(el("button", { type: "button", id: "import-cancel", hidden: true }), (w) => w.cancel);
    this.start.addEventListener("click", () => this.run());
    this.cancel.addEventListener("click", () => this.stop());
    // Start and end only (not every tick of the progress).
    this.status = el("p", { class: "hint", id: "import-status", role: "status" });
    this.alert = el("div", { class: "alert", id: "import-alert", role: "alert" });
    return el("div", {}, el("div", { class: "actions" }, this.start, this.cancel), this.status, this.alert);
  }

  progressBox() {
    this.bar = el("progress", { id: "import-progress", max: "1", value: "0" });
    this.progressText = el("p", { class: "progress-text", id: "import-progress-text" });
    this.bar.setAttribute("aria-describedby", this.progressText.id);
    this.progress = el("div", { class: "progress", hidden: true }, this.label(el("label", { for: this.bar.id }), (w) => w.progressLabel), this.bar, this.progressText);
    return this.progress;
  }

  showProgress(p) {
    this.last = p;
    this.bar.max = Math.max(p.total, 1);
    this.bar.value = p.read;
    setText(this.progressText, this.words.import.progress(this.bytes(p.read), this.bytes(p.total), this.number(p.records), this.number(Math.round(p.rate), { maximumSignificantDigits: 3 })));
  }

  // ---- the result ----
  resultBox() {
    this.resultHeading = this.label(el("h3", { id: "import-result-heading", tabindex: "-1" }), (w) => w.result);
    this.counts = el("dl", { class: "counts" });
    this.topBox = el("div", { class: "top-codes" });
    this.columnsBox = el("div", { class: "columns", hidden: true });
    this.downloads = el("div", { class: "actions downloads" });
    this.note = el("p", { class: "hint note" });
    this.table = new RowsTable({ fetchRows: (from, count) => this.ask(from, count), open: (row) => this.openInForm(row), words: () => this.words, number: (n) => this.number(n) });
    this.result = el("section", { class: "import-result", "aria-labelledby": this.resultHeading.id, hidden: true }, this.resultHeading, this.counts, this.topBox, this.columnsBox, this.downloads, this.note, this.table.node);
    return this.result;
  }

  /** The words changed: every label, and what is shown of the run, in the new words. */
  applyWords() {
    for (const set of this.labels) set();
    this.fillSwitches();
    this.showFileInfo();
    if (this.said) setText(this.status, this.said(this.words.import));
    if (this.last) this.showProgress(this.last);
    if (this.done) this.showResult(this.done);
    if (this.fatal) this.showFatal(this.fatal);
    if (!this.table.node.hidden) this.table.render();
  }

  // ---- a run ----
  run() {
    const w = this.words.import;
    if (!this.file) {
      setText(this.alert, w.noFile);
      this.input.focus();
      return;
    }
    this.reset();
    const file = this.file;
    this.runModel = this.model.value;
    this.runName = file.name;
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (e) => this.finish({ type: "fatal", message: e.message || "the worker failed" });
    this.worker.postMessage({ type: "start", file, model: this.runModel, mode: this.choice.mode, profile: this.choice.profile, messages: this.words.messages, format: formatByName(file.name) });
    this.running = true;
    this.start.disabled = true;
    this.cancel.hidden = false;
    this.progress.hidden = false;
    this.showProgress({ read: 0, total: file.size, records: 0, rate: 0 });
    this.announce((w) => w.started(file.name));
    this.cancel.focus();
  }

  /** Before a run: the last run's worker (with its rows and the blob: URLs it made) and result go. */
  reset() {
    this.worker?.terminate();
    this.worker = null;
    this.pending = new Map();
    this.asks = 0;
    this.done = null;
    this.fatal = null;
    this.last = null;
    this.columns = null;
    this.format = null;
    this.result.hidden = true;
    this.columnsBox.hidden = true;
    this.table.node.hidden = true;
    this.alert.replaceChildren();
  }

  stop() {
    if (!this.running) return;
    this.reset();
    this.running = false;
    this.start.disabled = false;
    this.cancel.hidden = true;
    this.progress.hidden = true;
    this.announce((w) => w.cancelled);
    this.start.focus();
  }

  receive(data) {
    if (data.type === "progress") this.showProgress(data);
    else if (data.type === "format") this.format = data;
    else if (data.type === "columns") this.columns = data.columns;
    else if (data.type === "rows") {
      this.pending.get(data.id)?.(data);
      this.pending.delete(data.id);
    } else if (data.type === "done" || data.type === "fatal") this.finish(data);
  }

  /** The status region's text: the start and end of a run only (not its progress). */
  announce(text) {
    this.said = text;
    setText(this.status, text(this.words.import));
  }

  /** One page of invalid rows, from the worker. */
  ask(from, count) {
    const id = ++this.asks;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: "rows", id, from, count });
    });
  }

  finish(data) {
    this.running = false;
    this.start.disabled = false;
    this.cancel.hidden = true;
    if (data.type === "fatal") {
      this.fatal = data;
      this.showFatal(data);
      this.progress.hidden = true;
      this.announce((w) => w.failedStatus);
      this.start.focus();
      return;
    }
    this.done = data;
    this.showProgress({ read: this.last?.read ?? 0, total: this.last?.total ?? 0, records: data.records, rate: data.seconds > 0 ? data.records / data.seconds : 0 });
    this.showResult(data);
    this.announce((w) => w.finished(this.number(data.records), this.number(data.valid), this.number(data.invalid)));
    this.result.hidden = false;
    this.table.reset(data.rows);
    // Focused after the next frame has laid the result out: focus() would lay it out now, in
    // this task, which could then pass 50 ms on a slow machine.
    requestAnimationFrame(() => setTimeout(() => this.done === data && this.resultHeading.focus()));
  }

  showFatal(data) {
    const w = this.words.import;
    const message = data.code === "format" ? w.formatUnknown : data.code === "unsupported" ? w.unsupported(w.formats[data.format] ?? data.format) : w.workerFailed(data.message);
    this.alert.replaceChildren(el("p", { text: message }));
  }

  showResult(data) {
    const w = this.words.import;
    const n = (v) => this.number(v);
    const count = (key, label, value) => [el("dt", { text: label }), el("dd", { "data-count": key, "data-value": String(value), text: n(value) })];
    this.counts.replaceChildren(
      ...count("records", w.records, data.records),
      ...count("valid", w.valid, data.valid),
      ...count("invalid", w.invalid, data.invalid),
      ...(this.format ? [el("dt", { text: w.format }), el("dd", { text: this.format.by === "extension" ? w.formats[this.format.format] : w.detected(w.formats[this.format.format]) })] : []),
    );

    const list = el("ol", { class: "codes" });
    for (const [code, times] of data.top) list.append(el("li", { "data-code": code, "data-value": String(times) }, el("code", { text: code }), document.createTextNode(` ×${n(times)}`)));
    this.topBox.replaceChildren(...(data.top.length ? [el("h4", { text: w.topCodes }), list] : []));

    this.showColumns();

    // Calls that fail as a whole (a bad header, a limit).
    this.alert.replaceChildren(...(data.callFailures.length ? [el("p", { text: w.callFailed }), el("ul", {}, ...data.callFailures.map((f) => el("li", {}, el("code", { text: f.code }), document.createTextNode(`: ${f.message}`))))] : []));

    const links = [];
    const base = (this.runName ?? "import").replace(/\.[^.]+$/, "");
    if (data.validUrl && data.valid > 0) links.push(el("a", { class: "button", href: data.validUrl, download: `${base}.valid.ndjson`, text: w.downloadValid(data.valid, n(data.valid)) }));
    if (data.rejectedUrl && data.invalid > 0) links.push(el("a", { class: "button", href: data.rejectedUrl, download: `${base}.invalid.csv`, text: w.downloadInvalid(data.invalid, n(data.invalid)) }));
    this.downloads.replaceChildren(...links);

    const notes = [];
    if (data.capped) notes.push(w.capped(n(data.kept)));
    if (data.unlisted) notes.push(w.unlisted(n(data.unlisted)));
    if (data.invalid > 0 && !data.rejectedBlob) notes.push(w.noRejected);
    setText(this.note, notes.join(" "));
    this.note.hidden = notes.length === 0;
  }

  /** A CSV header's mapping, "Column → field" (columns that name no field marked), when the library gives one. */
  showColumns() {
    const w = this.words.import;
    if (!this.columns) return void (this.columnsBox.hidden = true);
    const list = el("ul", { class: "column-map" });
    for (const c of this.columns) {
      const item = el("li", { class: c.declared ? undefined : "unmatched" }, el("code", { text: c.header }), document.createTextNode(" → "), el("code", { text: c.path }));
      if (!c.declared) item.append(document.createTextNode(` (${w.unmatched})`));
      list.append(item);
    }
    this.columnsBox.replaceChildren(el("h4", { text: w.columns }), list);
    this.columnsBox.hidden = false;
  }

  /** A row's record into its model's form: main.js loads `#model?record=<JSON>`. */
  openInForm(row) {
    location.hash = "#" + this.runModel + "?record=" + encodeURIComponent(row.record);
  }
}
