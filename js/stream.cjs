"use strict";
// The streaming layer over validateNdjson: chunks of any size in, complete lines validated,
// a record split across chunks carried over to the next one. Memory stays bounded by the
// chunk size plus the longest line.
const { validateNdjson } = require("./customer_validation.js");

const NEWLINE = 10;
const encoder = new TextEncoder();

function countNewlines(bytes) {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

class NdjsonValidator {
  /**
   * @param {string} model a model id
   * @param {object} [options] validateNdjson's options (firstLine: the first line's number)
   */
  constructor(model, options = {}) {
    this.model = model;
    this.options = { ...options };
    this.nextLine = options.firstLine ?? 1;
    this.carry = new Uint8Array(0);
  }

  /** Validates the complete lines of what arrived so far; `null` if none is complete yet. */
  push(chunk) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    const cut = bytes.lastIndexOf(NEWLINE);
    if (cut === -1) {
      this.carry = concat(this.carry, bytes);
      return null;
    }
    const complete = concat(this.carry, bytes.subarray(0, cut + 1));
    // Copy the tail: keeping a view would pin the whole chunk in memory.
    this.carry = bytes.slice(cut + 1);
    return this.run(complete);
  }

  /** Validates what is left (a last line without a newline); `null` if nothing is. */
  end() {
    if (this.carry.length === 0) return null;
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    return this.run(rest);
  }

  run(bytes) {
    const result = validateNdjson(this.model, bytes, { ...this.options, firstLine: this.nextLine });
    this.nextLine += countNewlines(bytes);
    return result;
  }
}

function concat(a, b) {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Validates an async iterable of chunks (a Node stream, a fetch body): yields one result per chunk. */
async function* validateNdjsonStream(model, source, options = {}) {
  const validator = new NdjsonValidator(model, options);
  for await (const chunk of source) {
    const result = validator.push(chunk);
    if (result) yield result;
  }
  const last = validator.end();
  if (last) yield last;
}

module.exports = { NdjsonValidator, validateNdjsonStream };
