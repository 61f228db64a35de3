#!/usr/bin/env node
// customer-validation check: validates and normalizes an NDJSON, JSON array or CSV import,
// streaming, with the same rules as the browser and the server.
import { createReadStream, createWriteStream, statSync, renameSync, rmSync, realpathSync, readFileSync } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join, basename, extname } from "node:path";

/** The help text; the model ids come from the module (`models()`), never restated here. */
const usage = () => `Usage: customer-validation check --model MODEL [options] FILE|-

Validates every record of FILE (NDJSON, a JSON array, or CSV with a header row) and reports
the invalid ones. '-' reads standard input. Both are streamed: memory stays flat whatever the
file's size.

Options:
  --model MODEL        ${loadModule().models().join(" | ")} (required)
  --mode MODE          create | patch (default: create where the model offers it)
  --profile PROFILE    strict | api (default: strict)
  --coerce             HTML-form coercion: decimal strings to numbers, "true"/"false" to booleans, "" to absent
                       (on for CSV, whose cells are text; --no-coerce turns it off)
  --no-coerce          no coercion, for CSV too
  --unknown POLICY     allow | strip | reject properties the model does not declare (default: allow)
  --nulls NULLS        reject | absent: a null property is an error, or as if not sent (default:
                       the model's: absent for patchCustomer, else reject)
  --format FORMAT      text (default): one line per error; json: one JSON object per invalid record
  --input FORMAT       ndjson | json (a JSON array) | csv | auto (default: by the file's extension,
                       .csv, .json or .ndjson/.jsonl, else by its start, which tells NDJSON from a
                       JSON array only; one it cannot tell is an error)
  --out FILE           write the valid records, normalized, as NDJSON (written to a temporary
                       file beside it, renamed to FILE once complete)
  --errors FILE        write the invalid records as CSV to fix in a spreadsheet and import again:
                       a CSV's own header and cells, else line (or index) and record, then a
                       column "errors" with the messages (written as --out is)
  --quiet              no summary and no progress on stderr
  -h, --help           this help

Exit status: 0 all records valid, 1 some invalid, 2 usage, I/O or internal error (then --out is not written).`;

const EXIT_INVALID = 1;
const EXIT_USAGE = 2;
const CHUNK = 1 << 20;
/** How much of the start is read to tell NDJSON from a JSON array before giving up. */
const SNIFF_LIMIT = 64 << 20;
/** A line or array element may be as long as the module allows (a JS string's length). */
const MAX_BYTES = 536870888;

/** Files to remove if the run stops early (the temporary --out). */
const leftovers = new Set();

function fail(message) {
  for (const file of leftovers) rmSync(file, { force: true });
  process.stderr.write(`customer-validation: ${message}\n`);
  process.exit(EXIT_USAGE);
}

function loadModule() {
  // Installed, this file is the package's bin/; in the repository, pkg/ is the package.
  const here = dirname(fileURLToPath(import.meta.url));
  const installed = join(here, "..");
  let pkg = join(here, "../pkg");
  try {
    if (JSON.parse(readFileSync(join(installed, "package.json"), "utf8")).name === "customer-validation") pkg = installed;
  } catch {}
  try {
    const cv = createRequire(import.meta.url)(pkg);
    // This process is ours: on Node 20 it avoids V8's abort (js/v8-workaround.cjs).
    cv.useV8Workaround();
    return cv;
  } catch (e) {
    fail(`cannot load the validation module from ${pkg} (build it with: npm run build): ${e.message}`);
  }
}

function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: "string" },
        mode: { type: "string" },
        profile: { type: "string" },
        coerce: { type: "boolean" },
        "no-coerce": { type: "boolean" },
        unknown: { type: "string" },
        nulls: { type: "string" },
        format: { type: "string", default: "text" },
        input: { type: "string", default: "auto" },
        out: { type: "string" },
        errors: { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    fail(`${e.message}\n\n${usage()}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage() + "\n");
    process.exit(0);
  }
  const [command, file, ...extra] = positionals;
  if (command !== "check") fail(command ? `unknown command '${command}'\n\n${usage()}` : usage());
  if (!values.model) fail(`--model is required (${loadModule().models().join(", ")})`);
  if (!file) fail("no input: give a FILE, or - for standard input");
  if (extra.length) fail(`unexpected arguments: ${extra.join(" ")}`);
  if (!["text", "json"].includes(values.format)) fail(`--format must be text or json, not '${values.format}'`);
  if (!["auto", "ndjson", "json", "csv"].includes(values.input)) fail(`--input must be ndjson, json, csv or auto, not '${values.input}'`);
  if (values.coerce && values["no-coerce"]) fail("--coerce and --no-coerce contradict each other");
  if (values.out && values.errors && values.out === values.errors) fail("--out and --errors must be different files");
  return { ...values, file };
}

/** Writes with backpressure: memory stays bounded when the output is slower than the input. */
async function write(stream, text) {
  if (text && !stream.write(text)) await once(stream, "drain");
}

class Progress {
  constructor(total, enabled) {
    this.total = total;
    this.enabled = enabled;
    this.start = performance.now();
    this.last = 0;
  }
  update(bytes, records, force = false) {
    const now = performance.now();
    if (!this.enabled || (!force && now - this.last < 200)) return;
    this.last = now;
    const rate = Math.round(records / ((now - this.start) / 1000 || 1));
    const share = this.total ? Math.min(1, bytes / this.total) : 0;
    const width = 24;
    const bar = this.total ? `[${"#".repeat(Math.round(share * width)).padEnd(width, ".")}] ${(share * 100).toFixed(0).padStart(3)}% ` : "";
    process.stderr.write(`\r${bar}${records.toLocaleString("en")} records, ${rate.toLocaleString("en")} records/s `);
  }
  done() {
    if (this.enabled) process.stderr.write("\r\x1b[K");
  }
}

// Interrupted: no temporary --out is left behind.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    for (const file of leftovers) rmSync(file, { force: true });
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
  });
}

// Output that cannot be written (a closed pipe, a full disk) ends the run with status 2:
// a report that was cut short is never a success.
process.stdout.on("error", (e) => fail(`cannot write to standard output: ${e.code ?? e.message}`));

/** The format an extension names, if any. */
function formatOf(file) {
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".csv") return "csv";
  if ([".ndjson", ".jsonl", ".jsonlines"].includes(ext)) return "ndjson";
  return undefined;
}

/**
 * An output file: a regular file (or a new one) is written to a temporary file beside it
 * (beside its target, for a symbolic link), renamed once complete by `close()`; anything else
 * that is not a folder (a pipe, a device) is written to directly.
 */
function output(path, flag) {
  let st = null;
  try {
    st = statSync(path);
  } catch {}
  if (st?.isDirectory()) fail(`cannot write ${path}: it is a directory (${flag} takes a file)`);
  let target = path;
  let temporary = null;
  if (!st || st.isFile()) {
    if (st) target = realpathSync(path);
    temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    leftovers.add(temporary);
  }
  const stream = createWriteStream(temporary ?? target);
  stream.on("error", (e) => fail(`cannot write ${path}: ${e.message}`));
  const close = async () => {
    stream.end();
    await once(stream, "finish");
    if (!temporary) return;
    try {
      renameSync(temporary, target);
    } catch (e) {
      fail(`cannot write ${path}: ${e.message}`);
    }
    leftovers.delete(temporary);
  };
  return { stream, close };
}

async function main() {
  const args = parse(process.argv.slice(2));
  const cv = loadModule();
  if (!cv.models().includes(args.model)) fail(`unknown model '${args.model}'; models: ${cv.models().join(", ")}`);
  // Left unset, coerce is the module's default for the format (on for CSV).
  const coerce = args.coerce ? true : args["no-coerce"] ? false : undefined;
  const options = { profile: args.profile, mode: args.mode, unknown: args.unknown, nulls: args.nulls, coerce };
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  // Let the module judge the options (one source of truth for what is allowed).
  const probe = cv.validateNdjson(args.model, "", { ...options, output: "none" });
  if (probe.errors.length) fail(probe.errors[0].errors.map((e) => e.message).join("; "));

  let size = 0;
  let input;
  if (args.file === "-") {
    input = process.stdin;
  } else {
    try {
      const st = statSync(args.file);
      if (st.isDirectory()) fail(`cannot read ${args.file}: it is a directory`);
      size = st.size;
    } catch (e) {
      fail(`cannot read ${args.file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
    }
    input = createReadStream(args.file, { highWaterMark: CHUNK });
  }
  input.on("error", (e) => fail(`cannot read ${args.file}: ${e.message}`));

  const out = args.out ? output(args.out, "--out") : null;
  const errorsOut = args.errors ? output(args.errors, "--errors") : null;
  // Normalized records are kept only for --out, as bytes: decoding them into strings would cost more than validating.
  // Every failure is listed (chunks are small), and a record may be as long as the module allows.
  const bulkOptions = { ...options, output: out ? "bytes" : "none", maxErrorsPerCall: 4294967295, maxBytes: MAX_BYTES, rejected: Boolean(errorsOut) };
  const progress = new Progress(size, process.stderr.isTTY && !args.quiet);
  const totals = { records: 0, valid: 0, invalid: 0, unlisted: 0, bytes: 0, codes: new Map() };
  const started = performance.now();

  const report = async (result) => {
    totals.records += result.records;
    totals.valid += result.valid;
    totals.invalid += result.invalid;
    totals.unlisted += result.unlisted ?? 0;
    let text = "";
    for (const failure of result.errors) {
      if (failure.line === undefined && failure.index === undefined) {
        // A failure of the call, not of a record (the module restarted after a fault, a limit).
        fail(failure.errors.map((e) => e.message).join("; "));
      }
      const where = failure.line !== undefined ? `line ${failure.line}` : `record ${failure.index}`;
      for (const e of failure.errors) totals.codes.set(e.code, (totals.codes.get(e.code) ?? 0) + 1);
      if (args.format === "json") text += JSON.stringify({ ...(failure.line !== undefined ? { line: failure.line } : { index: failure.index }), errors: failure.errors }) + "\n";
      else for (const e of failure.errors) text += `${where}: ${e.path || "(record)"} ${e.code} ${e.message}\n`;
    }
    if (result.columns && !args.quiet) {
      // The header's mapping, said once: which columns name no field of the model.
      const unmatched = result.columns.filter((c) => !c.declared);
      for (const c of unmatched) process.stderr.write(`column ${JSON.stringify(c.header)} names no field of ${args.model}: its cells are the property ${c.path.slice(1)} (--unknown decides)\n`);
    }
    await write(process.stdout, text);
    if (out && result.bytes?.length) await write(out.stream, result.bytes);
    if (errorsOut && result.rejected) await write(errorsOut.stream, result.rejected);
  };

  // The format: given, by extension, or by the start of the input (held until it tells).
  let format = args.input !== "auto" ? args.input : args.file === "-" ? undefined : formatOf(args.file);
  let validator = null;
  let head = [];
  let headBytes = 0;
  const start = (chunk, complete) => {
    head.push(chunk);
    headBytes += chunk.length;
    // The start tells at its first chunk, at a line feed, or at the end: read it again only then.
    if (head.length > 1 && !complete && !chunk.includes(0x0a) && headBytes <= SNIFF_LIMIT) return null;
    const text = Buffer.concat(head);
    format ??= cv.detectFormat(text, complete);
    if (!format) {
      if (headBytes > SNIFF_LIMIT) fail(`cannot tell NDJSON from a JSON array in the first ${SNIFF_LIMIT >> 20} MiB of ${args.file}: give --input ndjson or --input json`);
      return null;
    }
    const Validator = { json: cv.JsonArrayValidator, csv: cv.CsvValidator, ndjson: cv.NdjsonValidator }[format];
    validator = new Validator(args.model, bulkOptions);
    head = null;
    return text;
  };
  for await (const chunk of input) {
    totals.bytes += chunk.length;
    const bytes = validator ? chunk : start(chunk, false);
    if (bytes === null) continue;
    const result = validator.push(bytes);
    if (result) await report(result);
    progress.update(totals.bytes, totals.records);
  }
  if (!validator) {
    const bytes = start(Buffer.alloc(0), true);
    const result = validator.push(bytes);
    if (result) await report(result);
  }
  const last = validator.end();
  if (last) await report(last);
  progress.done();

  for (const o of [out, errorsOut]) if (o) await o.close();
  // Everything reported has been handed to stdout: wait until it is written (or fails).
  await new Promise((resolve) => process.stdout.write("", resolve));
  if (!args.quiet) {
    const seconds = (performance.now() - started) / 1000;
    const top = [...totals.codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const codes = top.length ? `; most frequent errors: ${top.map(([c, n]) => `${c} ×${n}`).join(", ")}` : "";
    const unlisted = totals.unlisted ? ` (${totals.unlisted.toLocaleString("en")} not listed)` : "";
    process.stderr.write(
      `${totals.records.toLocaleString("en")} records: ${totals.valid.toLocaleString("en")} valid, ${totals.invalid.toLocaleString("en")} invalid${unlisted}${codes}\n` +
        `${(totals.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s (${Math.round(totals.records / (seconds || 1)).toLocaleString("en")} records/s)\n`,
    );
  }
  process.exitCode = totals.invalid > 0 ? EXIT_INVALID : 0;
}

await main();
