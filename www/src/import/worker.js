// The import's Web Worker: reads the File in 1 MiB slices into the package's stream
// validators and keeps what the page shows (counts, the most frequent error codes, the
// invalid rows) so that the page holds nothing heavy. It answers the page's requests for one
// page of rows at a time. Nothing here decides validity: every verdict and message is the
// library's.
import init, { CsvValidator, JsonArrayValidator, NdjsonValidator, detectFormat } from "customer-validation";

const SLICE = 1 << 20;
const PROGRESS_MS = 100;
/** Failures kept for the table; past it they are counted, not kept. */
const MAX_FAILURES = 200_000;
/** Valid records' bytes are gathered into one Blob every this many bytes (the browser may keep a Blob out of the heap). */
const BLOB_EVERY = 16 << 20;
/** How far into a file without a telling extension its start is read to tell NDJSON from an array. */
const DETECT_MAX = 64 << 20;

const ready = init();

/** The run's state, for the page's requests once it is done. */
const run = {
  failures: [],
  /** failures[i]'s first row (one row per error): rows are paged by error, not by failure. */
  firstRow: [],
  rows: 0,
};

self.onmessage = async ({ data }) => {
  if (data.type === "start") {
    try {
      await validateFile(data);
    } catch (e) {
      self.postMessage({ type: "fatal", message: String(e?.message ?? e) });
    }
  } else if (data.type === "rows") {
    self.postMessage({ type: "rows", id: data.id, from: data.from, total: run.rows, rows: rowsOf(data.from, data.count) });
  }
};

/** A Blob kept as parts, folded into one Blob as it grows. */
class Parts {
  constructor(type) {
    this.type = type;
    this.blob = new Blob([], { type });
    this.parts = [];
    this.size = 0;
  }
  add(part) {
    this.parts.push(part);
    this.size += part.length;
    if (this.size >= BLOB_EVERY) this.fold();
  }
  fold() {
    this.blob = new Blob([this.blob, ...this.parts], { type: this.type });
    this.parts = [];
    this.size = 0;
  }
  done() {
    this.fold();
    return this.blob;
  }
}

async function formatOf(file, format) {
  if (format) return { format, by: "extension" };
  for (let end = Math.min(SLICE, file.size); ; end = Math.min(end * 4, file.size)) {
    const head = new Uint8Array(await file.slice(0, end).arrayBuffer());
    const found = detectFormat(head, end >= file.size);
    if (found) return { format: found, by: "content" };
    if (end >= file.size || end >= DETECT_MAX) return { format: undefined, by: "content" };
  }
}

async function validateFile({ file, model, mode, profile, messages, format: given }) {
  await ready;
  const { format, by } = await formatOf(file, given);
  if (!format) return self.postMessage({ type: "fatal", code: "format" });
  const Validator = { ndjson: NdjsonValidator, json: JsonArrayValidator, csv: CsvValidator }[format];
  if (!Validator) return self.postMessage({ type: "fatal", code: "unsupported", format });
  self.postMessage({ type: "format", format, by });

  // A 1 MiB slice holds fewer records than bytes: listing up to that many per call lists them all.
  const validator = new Validator(model, { mode, profile, messages, output: "bytes", rejected: true, maxErrorsPerCall: SLICE + 1 });
  const valid = new Parts("application/x-ndjson");
  const rejected = new Parts("text/csv");
  const counts = { records: 0, valid: 0, invalid: 0, unlisted: 0 };
  const codes = new Map();
  const callFailures = [];
  let columns;
  let hasRejected = false;
  let capped = false;
  const started = performance.now();
  let posted = 0;

  const progress = (read, force) => {
    const now = performance.now();
    if (!force && now - posted < PROGRESS_MS) return;
    posted = now;
    const seconds = (now - started) / 1000;
    self.postMessage({ type: "progress", read, total: file.size, ...counts, rate: seconds > 0 ? counts.records / seconds : 0 });
  };

  const seen = new Set();
  /** Whether the last result repeated a failure of the call and read no record: the stream refuses the rest. */
  let repeated = false;
  const take = (result) => {
    repeated = false;
    if (!result) return;
    counts.records += result.records;
    counts.valid += result.valid;
    counts.invalid += result.invalid;
    counts.unlisted += result.unlisted ?? 0;
    if (result.bytes?.length) valid.add(result.bytes);
    if (typeof result.rejected === "string" && result.rejected.length) {
      rejected.add(result.rejected);
      hasRejected = true;
    }
    if (result.columns && !columns) {
      columns = result.columns;
      self.postMessage({ type: "columns", columns });
    }
    for (const failure of result.errors) {
      if (failure.line === undefined && failure.index === undefined) {
        // A failure of the call (a bad header, a limit): the page shows it as an alert, once
        // (a stream that refuses its input answers each later chunk with the same failure).
        for (const e of failure.errors) {
          const key = `${e.code}\n${e.message}`;
          if (seen.has(key)) repeated = true;
          else {
            seen.add(key);
            callFailures.push({ code: e.code, message: e.message, path: e.path });
          }
        }
        continue;
      }
      for (const e of failure.errors) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
      if (run.failures.length >= MAX_FAILURES) {
        capped = true;
        continue;
      }
      run.firstRow.push(run.rows);
      run.rows += failure.errors.length;
      run.failures.push({
        line: failure.line,
        index: failure.index,
        // (params are not shown: only what the table needs is kept)
        errors: failure.errors.map((e) => ({ path: e.path, code: e.code, message: e.message })),
        record: failure.record,
      });
    }
  };

  let read = 0;
  while (read < file.size) {
    const end = Math.min(read + SLICE, file.size);
    const buffer = await file.slice(read, end).arrayBuffer();
    const result = validator.push(new Uint8Array(buffer));
    take(result);
    read = end;
    progress(read, false);
    if (repeated && result?.records === 0) break;
  }
  take(validator.end());
  progress(read, true);

  const validBlob = valid.done();
  const rejectedBlob = hasRejected ? rejected.done() : null;
  const top = [...codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  self.postMessage({
    type: "done",
    ...counts,
    seconds: (performance.now() - started) / 1000,
    top,
    callFailures,
    kept: run.failures.length,
    rows: run.rows,
    capped,
    validBlob,
    rejectedBlob,
    // Their blob: URLs are made here: URL.createObjectURL of a large Blob can block the page
    // for tens of milliseconds. They last as long as this worker (until the next run).
    validUrl: URL.createObjectURL(validBlob),
    rejectedUrl: rejectedBlob && URL.createObjectURL(rejectedBlob),
  });
}

/** The failure holding row `row` (binary search of firstRow). */
function failureAt(row) {
  let lo = 0;
  let hi = run.firstRow.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (run.firstRow[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows [from, from + count): one per error, with its failure's line or index and record text. */
function rowsOf(from, count) {
  const rows = [];
  if (from < 0 || from >= run.rows) return rows;
  let f = failureAt(from);
  let e = from - run.firstRow[f];
  while (rows.length < count && f < run.failures.length) {
    const failure = run.failures[f];
    if (e >= failure.errors.length) {
      f++;
      e = 0;
      continue;
    }
    rows.push({ line: failure.line, index: failure.index, ...failure.errors[e], record: failure.record });
    e++;
  }
  return rows;
}
