// The package's entry over the wasm-bindgen module `core` (in scope: the Node and browser
// entries that scripts/assemble-pkg.mjs writes around this file bring it in).
//
// Each function is core's, guarded: an exception out of WebAssembly (a trap: a bug, or memory
// exhausted) never reaches the caller and never leaves the module broken. The module is
// restarted (a fresh instance, by wasm-bindgen's `__wbg_reset_state`) and the call answers
// in its usual shape with one `internal` error, made by the restarted module. Nothing about
// validation is decided here.

/** Restarts the module after `e` escaped it; the answer of a call of shape `kind`. */
function restarted(e, kind) {
  core.__wbg_reset_state();
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
    if (!(e instanceof WebAssembly.RuntimeError || e instanceof RangeError)) throw e;
    core.__wbg_reset_state();
    return call();
  }
}

const api = {
  validateCustomer(input, options) {
    try {
      return core.validateCustomer(input, options);
    } catch (e) {
      return restarted(e, "result");
    }
  },
  validateCreateCustomerDto(input, options) {
    try {
      return core.validateCreateCustomerDto(input, options);
    } catch (e) {
      return restarted(e, "result");
    }
  },
  validatePatchCustomer(input, options) {
    try {
      return core.validatePatchCustomer(input, options);
    } catch (e) {
      return restarted(e, "result");
    }
  },
  validate(model, input, options) {
    try {
      return core.validate(model, input, options);
    } catch (e) {
      return restarted(e, "result");
    }
  },
  validateField(model, field, value, options) {
    try {
      return core.validateField(model, field, value, options);
    } catch (e) {
      return restarted(e, "errors");
    }
  },
  validateNdjson(model, chunk, options) {
    try {
      return core.validateNdjson(model, chunk, options);
    } catch (e) {
      return restarted(e, "bulk");
    }
  },
  validateJsonArray(model, text, options) {
    try {
      return core.validateJsonArray(model, text, options);
    } catch (e) {
      return restarted(e, "bulk");
    }
  },
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
  constructor(format, model, options) {
    try {
      this.#stream = new core.BulkStream(format, model, options);
    } catch (e) {
      this.#failed = restarted(e, "bulk");
    }
  }
  #call(push, chunk) {
    if (this.#failed) return this.#failed;
    try {
      return push ? this.#stream.push(chunk) : this.#stream.end();
    } catch (e) {
      this.#stream = null;
      return (this.#failed = restarted(e, "bulk"));
    }
  }
  /** Validates what `chunk` (string or bytes) completes; `null` if it completes no record. */
  push(chunk) {
    const result = this.#call(true, chunk);
    return result.records === 0 && result.errors.length === 0 ? null : result;
  }
  /** The end of the input: what is left (a last line without a line feed, an unfinished array); `null` if nothing is. */
  end() {
    const result = this.#call(false);
    // The Rust side's memory goes now, not when the collector gets to it.
    this.#stream?.free();
    this.#stream = null;
    return result.records === 0 && result.errors.length === 0 ? null : result;
  }
}

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

/** Validates an async iterable of chunks (a Node stream, a fetch body): one result per chunk that completes a record. */
async function* validated(validator, source) {
  for await (const chunk of source) {
    const result = validator.push(chunk);
    if (result) yield result;
  }
  const last = validator.end();
  if (last) yield last;
}

api.NdjsonValidator = NdjsonValidator;
api.JsonArrayValidator = JsonArrayValidator;
api.validateNdjsonStream = (model, source, options) => validated(new NdjsonValidator(model, options), source);
api.validateJsonArrayStream = (model, source, options) => validated(new JsonArrayValidator(model, options), source);
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
