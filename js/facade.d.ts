import type { BulkOptions, BulkResult, ModelId } from "./types";

/** NDJSON in chunks of any size, split anywhere: each push validates the lines it completes. */
export declare class NdjsonValidator {
  constructor(model: ModelId, options?: BulkOptions);
  /** Validates the lines `chunk` completes; `null` while it completes none. */
  push(chunk: string | Uint8Array): BulkResult | null;
  /** Validates a last line without a final line feed; `null` if there is none. */
  end(): BulkResult | null;
}

/** One JSON array in chunks of any size, read element by element: failures carry the element's index. */
export declare class JsonArrayValidator {
  constructor(model: ModelId, options?: BulkOptions);
  /** Validates the elements `chunk` completes; `null` while it completes none. */
  push(chunk: string | Uint8Array): BulkResult | null;
  /** The end of the array's text: an unfinished array is a failure; `null` if nothing is left. */
  end(): BulkResult | null;
}

/** Validates an async iterable of NDJSON chunks (a Node stream, a fetch body), yielding one result per chunk that completes a line. */
export declare function validateNdjsonStream(model: ModelId, source: AsyncIterable<string | Uint8Array>, options?: BulkOptions): AsyncGenerator<BulkResult>;
/** Validates an async iterable of chunks of one JSON array, yielding one result per chunk that completes an element. */
export declare function validateJsonArrayStream(model: ModelId, source: AsyncIterable<string | Uint8Array>, options?: BulkOptions): AsyncGenerator<BulkResult>;
