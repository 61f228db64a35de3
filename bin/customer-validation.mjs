#!/usr/bin/env node
// customer-validation check: validates and normalizes an NDJSON (or JSON array) import,
// streaming, with the same rules as the browser and the server.
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The help text; the model ids come from the module (`models()`), never restated here. */
const usage = () => `Usage: customer-validation check --model MODEL [options] FILE|-

Validates every record of FILE (NDJSON, or a JSON array) and reports the invalid ones.
'-' reads standard input.

Options:
  --model MODEL        ${loadModule().models().join(" | ")} (required)
  --mode MODE          create | patch (default: create where the model offers it)
  --profile PROFILE    strict | api (default: strict)
  --coerce             HTML-form coercion: decimal strings to int32, "true"/"false" to booleans, "" to absent
  --unknown POLICY     allow | strip | reject properties the model does not declare (default: allow)
  --format FORMAT      text (default): one line per error; json: one JSON object per invalid record
  --out FILE           write the valid records, normalized, as NDJSON
  --quiet              no summary and no progress on stderr
  -h, --help           this help

Exit status: 0 all records valid, 1 some invalid, 2 usage or I/O error.`;

const EXIT_INVALID = 1;
const EXIT_USAGE = 2;
const CHUNK = 1 << 20;

function fail(message) {
  process.stderr.write(`customer-validation: ${message}\n`);
  process.exit(EXIT_USAGE);
}

function loadModule() {
  const pkg = join(dirname(fileURLToPath(import.meta.url)), "../pkg");
  try {
    return createRequire(import.meta.url)(pkg);
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
        coerce: { type: "boolean", default: false },
        unknown: { type: "string" },
        format: { type: "string", default: "text" },
        out: { type: "string" },
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

// A closed pipe (`... | head`) ends the run quietly.
process.stdout.on("error", (e) => process.exit(e.code === "EPIPE" ? 0 : EXIT_USAGE));

async function main() {
  const args = parse(process.argv.slice(2));
  const cv = loadModule();
  if (!cv.models().includes(args.model)) fail(`unknown model '${args.model}'; models: ${cv.models().join(", ")}`);
  const options = { profile: args.profile, mode: args.mode, unknown: args.unknown, coerce: args.coerce };
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

  const out = args.out ? createWriteStream(args.out) : null;
  out?.on("error", (e) => fail(`cannot write ${args.out}: ${e.message}`));
  // Normalized records are kept only for --out, as bytes: decoding them into strings would cost more than validating.
  const output = out ? "bytes" : "none";
  const progress = new Progress(size, process.stderr.isTTY && !args.quiet);
  const totals = { records: 0, valid: 0, invalid: 0, bytes: 0, codes: new Map() };
  const started = performance.now();

  const report = async (result, label) => {
    totals.records += result.records;
    totals.valid += result.valid;
    totals.invalid += result.invalid;
    let text = "";
    for (const failure of result.errors) {
      const where = failure.line !== undefined ? `line ${failure.line}` : `record ${failure.index}`;
      for (const e of failure.errors) totals.codes.set(e.code, (totals.codes.get(e.code) ?? 0) + 1);
      if (args.format === "json") text += JSON.stringify({ [label]: failure.line ?? failure.index, errors: failure.errors }) + "\n";
      else for (const e of failure.errors) text += `${where}: ${e.path || "(record)"} ${e.code} ${e.message}\n`;
    }
    await write(process.stdout, text);
    if (out && result.bytes) await write(out, result.bytes);
  };

  // NDJSON streams chunk by chunk; a JSON array (first byte '[') is read whole.
  let validator = null;
  let arrayParts = null;
  for await (const chunk of input) {
    totals.bytes += chunk.length;
    if (!validator && !arrayParts) {
      const first = chunk.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
      if (first === undefined) continue;
      if (first === 0x5b) arrayParts = [];
      else validator = new cv.NdjsonValidator(args.model, { ...options, output });
    }
    if (arrayParts) {
      arrayParts.push(chunk);
      continue;
    }
    const result = validator.push(chunk);
    if (result) await report(result, "line");
    progress.update(totals.bytes, totals.records);
  }
  if (validator) {
    const last = validator.end();
    if (last) await report(last, "line");
  }
  if (arrayParts) await report(cv.validateJsonArray(args.model, Buffer.concat(arrayParts), { ...options, output }), "index");
  progress.done();

  if (out) {
    out.end();
    await once(out, "finish");
  }
  if (!args.quiet) {
    const seconds = (performance.now() - started) / 1000;
    const top = [...totals.codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const codes = top.length ? `; most frequent errors: ${top.map(([c, n]) => `${c} ×${n}`).join(", ")}` : "";
    process.stderr.write(
      `${totals.records.toLocaleString("en")} records: ${totals.valid.toLocaleString("en")} valid, ${totals.invalid.toLocaleString("en")} invalid${codes}\n` +
        `${(totals.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s (${Math.round(totals.records / (seconds || 1)).toLocaleString("en")} records/s)\n`,
    );
  }
  process.exitCode = totals.invalid > 0 ? EXIT_INVALID : 0;
}

await main();
