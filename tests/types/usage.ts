// Compiled with `tsc --noEmit` by the test command: the declarations in pkg/ must type real use.
import { validateCustomer, validateField, describe, jsonSchema, type ValidationError, type Customer } from "customer-validation";

const r = validateCustomer({ name: "Acme" }, { mode: "create", profile: "api", unknown: "strip", messages: { required: "fehlt" } });
if (r.valid) {
  const c: Customer = r.value;
  const method: "credit" | "paymentmethod" | undefined = c.defaultBillMethod;
  const lock: 0 | 1 | undefined = c.accountLock;
  void method;
  void lock;
} else {
  const first: ValidationError = r.errors[0];
  const code: string = first.code;
  void code;
}
validateCustomer({});
const errors: ValidationError[] = validateField("createCustomerDto", "number", "+1", { context: { numberE164CheckEnabled: false } });
const fields: string[] = describe("customer").fields.map((f) => f.name);
jsonSchema("customer", { mode: "patch" });
void errors;
void fields;

// @ts-expect-error: not a model id
describe("customers");
// @ts-expect-error: not a mode
validateCustomer({}, { mode: "upsert" });
// @ts-expect-error: not an error code
validateCustomer({}, { messages: { too_long: "x" } });

// Bulk and streaming.
import { validateNdjson, NdjsonValidator, validateCsv, CsvValidator, type BulkResult, type CsvColumn } from "customer-validation";
const csv = validateCsv("customer", "name\nAcme\n", { rejected: true, coerce: false });
const mapped: CsvColumn[] | undefined = csv.columns;
const fix: string | undefined = csv.rejected ?? csv.errors[0]?.record;
const csvStream = new CsvValidator("patchCustomer", { mode: "patch" });
const csvPushed: BulkResult | null = csvStream.push(new Uint8Array([0x61]));
void [mapped, fix, csvPushed];
// @ts-expect-error rejected is a boolean
validateCsv("customer", "", { rejected: "yes" });
const bulk: BulkResult = validateNdjson("customer", '{"name":"a"}\n', { firstLine: 10, output: "none" });
const lines: Array<number | undefined> = bulk.errors.map((f) => f.line);
const streaming = new NdjsonValidator("patchCustomer", { mode: "patch" });
const partial: BulkResult | null = streaming.push(new Uint8Array([123]));
void lines;
void partial;
// @ts-expect-error: not an output kind
validateNdjson("customer", "", { output: "csv" });

// Standard Schema v1.
import { schema, type StandardSchemaV1, type CreateCustomerDto } from "customer-validation";
const dto = schema("createCustomerDto", { mode: "create" });
type DtoOut = StandardSchemaV1.InferOutput<typeof dto>;
const out: DtoOut = { number: "+14155551234" } as CreateCustomerDto;
const checked = dto["~standard"].validate({ number: "+1" });
if (!(checked instanceof Promise) && checked.issues) {
  const where: ReadonlyArray<PropertyKey | StandardSchemaV1.PathSegment> | undefined = checked.issues[0].path;
  void where;
}
void out;
// @ts-expect-error: not a model id
schema("customers");
// The same schema as the Standard Schema project's own types see it (what form libraries take).
import type { StandardSchemaV1 as Spec } from "@standard-schema/spec";
const asSpec: Spec<unknown, CreateCustomerDto> = dto;
const specOut: Spec.InferOutput<typeof asSpec> = { number: "+14155551234", numberE164CheckEnabled: true };
// @ts-expect-error: a misspelt field of the inferred output
const misspelt: Spec.InferOutput<typeof dto> = { nubmer: "+14155551234" };
void specOut, misspelt;

// Results typed by model and mode.
import { validate, validatePatchCustomer, type WithUnknown } from "customer-validation";
const created = validateCustomer({ name: "Acme" }, { mode: "create" });
if (created.valid) {
  const name: string = created.value.name; // create mode: required, so present
  const credit: number = created.value.credit; // defaulted, so present
  const site: string | undefined = created.value.websiteUrl;
  // @ts-expect-error: a misspelt field is no property of the value
  void created.value.nmae;
  const extra: unknown = (created.value as WithUnknown<typeof created.value>).extraProperty;
  void name, credit, site, extra;
}
const patched = validateCustomer({ name: "Acme" }, { mode: "patch" });
if (patched.valid) {
  // @ts-expect-error: patch mode: only what was sent, possibly undefined
  const name: string = patched.value.name;
  void name;
}
const byId = validate("createCustomerDto", {});
if (byId.valid) {
  const check: boolean = byId.value.numberE164CheckEnabled;
  void check;
}
const byIdPatch = validate("customer", {}, { mode: "patch" });
if (byIdPatch.valid) {
  const credit: number | undefined = byIdPatch.value.credit;
  void credit;
}
const evo = validatePatchCustomer({ name: "x" });
if (evo.valid) {
  const id: string | undefined = evo.value.customerId;
  void id;
}
