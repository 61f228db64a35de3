import type { BulkOptions, BulkResult, ModelId } from "./types";

/** Feeds NDJSON chunks of any size to validateNdjson; a record split across chunks is carried over. */
export declare class NdjsonValidator {
  constructor(model: ModelId, options?: BulkOptions);
  /** Validates the complete lines received so far; `null` while no line is complete. */
  push(chunk: string | Uint8Array): BulkResult | null;
  /** Validates a last line without a final newline; `null` if there is none. */
  end(): BulkResult | null;
}

/** Validates an async iterable of chunks (a Node stream, a fetch body), yielding one result per chunk. */
export declare function validateNdjsonStream(model: ModelId, source: AsyncIterable<string | Uint8Array>, options?: BulkOptions): AsyncGenerator<BulkResult>;
