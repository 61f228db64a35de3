import type { BulkOptions, BulkResult, CsvOptions, CreatedTypes, Customer, CustomerCreated, CreateCustomerDto, CreateCustomerDtoCreated, ModelId, ModelTypes, PatchCustomer, ValidateOptions, ValidationResult } from "./types";

/** Options that ask for patch mode, or leave the mode to the model (create where offered). */
type Patch = ValidateOptions & { mode: "patch" };
type Create = ValidateOptions & { mode?: "create" };

/** Validates a Circuit ID customer: in create mode (the default) its required and defaulted fields are typed as present. */
export declare function validateCustomer(input: unknown, options: Patch): ValidationResult<Customer>;
export declare function validateCustomer(input: unknown, options?: Create): ValidationResult<CustomerCreated>;
export declare function validateCustomer(input: unknown, options?: ValidateOptions): ValidationResult<Customer>;
/** Validates a Vapi CreateCustomerDTO (create mode by default). */
export declare function validateCreateCustomerDto(input: unknown, options: Patch): ValidationResult<CreateCustomerDto>;
export declare function validateCreateCustomerDto(input: unknown, options?: Create): ValidationResult<CreateCustomerDtoCreated>;
export declare function validateCreateCustomerDto(input: unknown, options?: ValidateOptions): ValidationResult<CreateCustomerDto>;
/** Validates an Evo Voice PatchCustomer (patch mode only). */
export declare function validatePatchCustomer(input: unknown, options?: ValidateOptions): ValidationResult<PatchCustomer>;
/** Validates a record of the model `model`, typed by it (and by the mode). */
export declare function validate<M extends ModelId>(model: M, input: unknown, options: Patch): ValidationResult<ModelTypes[M]>;
export declare function validate<M extends ModelId>(model: M, input: unknown, options?: Create): ValidationResult<CreatedTypes[M]>;
export declare function validate<M extends ModelId>(model: M, input: unknown, options?: ValidateOptions): ValidationResult<ModelTypes[M]>;

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

/** CSV in chunks of any size, split anywhere (inside a quoted cell too), its first row the header: each push validates the rows it completes; failures carry the line a row starts on (the header is line 1). */
export declare class CsvValidator {
  constructor(model: ModelId, options?: CsvOptions);
  /** Validates the rows `chunk` completes; `null` while it completes none. The result that reads the header carries `columns`. */
  push(chunk: string | Uint8Array): BulkResult | null;
  /** Validates a last row without a final line break; `null` if there is none. */
  end(): BulkResult | null;
}

/** Validates an async iterable of NDJSON chunks (a Node stream, a fetch body), yielding one result per chunk that completes a line. */
export declare function validateNdjsonStream(model: ModelId, source: AsyncIterable<string | Uint8Array>, options?: BulkOptions): AsyncGenerator<BulkResult>;
/** Validates an async iterable of chunks of one JSON array, yielding one result per chunk that completes an element. */
export declare function validateJsonArrayStream(model: ModelId, source: AsyncIterable<string | Uint8Array>, options?: BulkOptions): AsyncGenerator<BulkResult>;
/** Validates an async iterable of CSV chunks, yielding one result per chunk that completes a row. */
export declare function validateCsvStream(model: ModelId, source: AsyncIterable<string | Uint8Array>, options?: CsvOptions): AsyncGenerator<BulkResult>;

/** The Standard Schema v1 interface (https://standardschema.dev), as its spec declares it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** A Standard Schema v1 validator of a model, for libraries that take one (react-hook-form, TanStack Form, tRPC...): vendor "customer-validation"; issues carry the message and the path as keys. */
export declare function schema<M extends ModelId>(model: M, options?: ValidateOptions): StandardSchemaV1<unknown, ModelTypes[M]>;
