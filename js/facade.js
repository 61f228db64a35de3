// The package's entry over the wasm-bindgen module `core` (in scope, with `loaded`: the Node
// and browser entries that scripts/assemble-pkg.mjs writes around this file bring them in;
// `loaded.ready` is whether the WebAssembly module is instantiated: always in Node, after
// `init()` in the browser).
//
// Each function is core's, guarded: an exception out of WebAssembly (a trap: a bug, or memory
// exhausted) never reaches the caller and never leaves the module broken. The module is
// restarted (a fresh instance, by wasm-bindgen's `__wbg_reset_state`) and the call answers
// in its usual shape with one `internal` error, made by the restarted module. Nothing about
// validation is decided here.

/** How many times the module was restarted: a stream made before a restart is over. */
let generation = 0;

/** A call before the browser build's `init()`: the one error that is thrown for it. */
function notLoaded() {
  return new Error("customer-validation: the WebAssembly module is not loaded yet: await init() (the default export) once before calling it");
}

/** Restarts the module after `e` escaped it; the answer of a call of shape `kind`. */
function restarted(e, kind) {
  // (Checked here, after a call failed, so that calls pay nothing for it.)
  if (!loaded.ready) throw notLoaded();
  core.__wbg_reset_state();
  generation++;
  let detail = "an exception";
  try {
    if (e instanceof Error) detail = `${e.name}: ${e.message}`;
  } catch {}
  return core.internalFailure(kind, detail);
}

/** A function that answers or throws an `Error` (an unknown model id): after a trap, tried once more on the fresh module. */
function retried(call) {
  try {
    return call();
  } catch (e) {
    if (!loaded.ready) throw notLoaded();
    if (!(e instanceof WebAssembly.RuntimeError || e instanceof RangeError)) throw e;
    core.__wbg_reset_state();
    return call();
  }
}

/**
 * `f`, guarded: after an exception out of it, the restarted module's answer of shape `kind`.
 * Fixed arity (the most any export takes): a rest parameter cost more on every call.
 */
function guarded(f, kind) {
  return (a, b, c, d) => {
    try {
      return f(a, b, c, d);
    } catch (e) {
      return restarted(e, kind);
    }
  };
}

const api = {
  validateCustomer: guarded(core.validateCustomer, "result"),
  validateCreateCustomerDto: guarded(core.validateCreateCustomerDto, "result"),
  validatePatchCustomer: guarded(core.validatePatchCustomer, "result"),
  validate: guarded(core.validate, "result"),
  validateField: guarded(core.validateField, "errors"),
  validateNdjson: guarded(core.validateNdjson, "bulk"),
  validateJsonArray: guarded(core.validateJsonArray, "bulk"),
  validateCsv: guarded(core.validateCsv, "bulk"),
  detectFormat(head, complete) {
    try {
      return core.detectFormat(head, complete);
    } catch (e) {
      restarted(e, "errors");
      return undefined;
    }
  },
  describe: (model) => retried(() => core.describe(model)),
  jsonSchema: (model, options) => retried(() => core.jsonSchema(model, options)),
  models: () => retried(() => core.models()),
};

/**
 * Chunks of any size in, split anywhere; each push validates the records it completes and
 * answers with a BulkResult (`null` when it completed none). Over core's BulkStream, which
 * holds the unfinished record: memory is a chunk plus one record, time linear in the input.
 * After a trap the stream is over: every later call answers with the same `internal` failure.
 */
class BulkValidator {
  #stream = null;
  #failed = null;
  #generation = generation;
  /** A string chunk's last UTF-16 unit when it is the first half of a surrogate pair: it goes with the next chunk. */
  #half = "";
  constructor(format, model, options) {
    try {
      this.#stream = new core.BulkStream(format, model, options);
    } catch (e) {
      this.#failed = restarted(e, "bulk");
    }
  }
  #call(push, chunk) {
    if (this.#failed) return this.#failed;
    if (this.#generation !== generation) {
      // Its state was in the module that was restarted.
      return (this.#failed = core.internalFailure("bulk", "the module was restarted after a fault in another call, and this stream's state with it"));
    }
    try {
      return push ? this.#stream.push(chunk) : this.#stream.end(chunk);
    } catch (e) {
      return (this.#failed = restarted(e, "bulk"));
    }
  }
  /** Validates what `chunk` (string or bytes) completes; `null` if it completes no record. */
  push(chunk) {
    if (typeof chunk === "string") {
      // Strings are sent as UTF-8: a surrogate pair split between two chunks must not become two U+FFFD.
      chunk = this.#half + chunk;
      const last = chunk.charCodeAt(chunk.length - 1);
      this.#half = last >= 0xd800 && last <= 0xdbff ? chunk.slice(-1) : "";
      if (this.#half) chunk = chunk.slice(0, -1);
    }
    return orNull(this.#call(true, chunk));
  }
  /** The end of the input: what is left (a last line without a line feed, an unfinished array); `null` if nothing is. */
  end() {
    // A high surrogate held back goes with the end (alone, it is U+FFFD).
    const rest = this.#half || undefined;
    this.#half = "";
    return orNull(this.#call(false, rest));
  }
}

/** `null` for a result that holds nothing. */
const orNull = (r) => (r.records === 0 && r.errors.length === 0 && !r.columns ? null : r);

/** NDJSON in chunks: failures carry line numbers (from `options.firstLine`, default 1). */
class NdjsonValidator extends BulkValidator {
  constructor(model, options) {
    super("ndjson", model, options);
  }
}

/** One JSON array in chunks, read element by element: failures carry the element's index. */
class JsonArrayValidator extends BulkValidator {
  constructor(model, options) {
    super("json", model, options);
  }
}

/** CSV in chunks, its first row the header: failures carry the line a row starts on; the result that reads the header carries `columns`. */
class CsvValidator extends BulkValidator {
  constructor(model, options) {
    super("csv", model, options);
  }
}

/** Validates an async iterable of chunks (a Node stream, a fetch body): one result per chunk that completes a record. */
async function* validated(validator, source) {
  if (source != null && typeof source.getReader === "function" && typeof source[Symbol.asyncIterator] !== "function") {
    // A web ReadableStream where it is not async-iterable (Safari, older Chromium).
    source = chunksOf(source);
  }
  if (source == null || (typeof source[Symbol.asyncIterator] !== "function" && typeof source[Symbol.iterator] !== "function")) {
    // Not an iterable of chunks: the stream's own answer to a chunk that is not one.
    yield validator.push(source) ?? validator.end();
    return;
  }
  for await (const chunk of source) {
    const result = validator.push(chunk);
    if (result) yield result;
  }
  const last = validator.end();
  if (last) yield last;
}

/** The chunks of a ReadableStream, by its reader. */
async function* chunksOf(stream) {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A JSON Pointer's segments as Standard Schema path keys ("" is the root: no path). */
function pathOf(pointer) {
  if (pointer === "") return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => {
      const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key;
    });
}

/**
 * A Standard Schema v1 validator of a model (https://standardschema.dev): `validate` is
 * `validate(modelId, value, options)`, its errors as issues. An unknown model id throws, as
 * in `describe`: here, or (made before the browser build's init()) at the first validate.
 */
function schema(model, options) {
  // Schemas are made where modules start (`const customer = schema("customer")`), which in
  // the browser is before init(): then the model id is checked at the first validate.
  let checked = loaded.ready && (api.describe(model), true);
  const validate = (value) => {
    if (!checked) checked = (api.describe(model), true);
    const r = api.validate(model, value, options);
    return r.valid ? { value: r.value } : { issues: r.errors.map((e) => ({ message: e.message, path: pathOf(e.path) })) };
  };
  return { "~standard": { version: 1, vendor: "customer-validation", validate } };
}

api.schema = schema;
api.NdjsonValidator = NdjsonValidator;
api.JsonArrayValidator = JsonArrayValidator;
api.CsvValidator = CsvValidator;
api.validateNdjsonStream = (model, source, options) => validated(new NdjsonValidator(model, options), source);
api.validateJsonArrayStream = (model, source, options) => validated(new JsonArrayValidator(model, options), source);
api.validateCsvStream = (model, source, options) => validated(new CsvValidator(model, options), source);
// For the package's own tests (not enumerable, so not among the ES module's exports): a
// forced trap, through the same recovery as every call, and what the module holds.
Object.defineProperty(api, "__testing", {
  value: {
    trap() {
      try {
        core.__trap();
      } catch (e) {
        return restarted(e, "result");
      }
    },
    resources: () => core.__resources(),
  },
});
