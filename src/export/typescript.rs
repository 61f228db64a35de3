//! TypeScript declarations of the models, generated from their declarations into
//! `ts/types.d.ts` (shipped in `pkg/`). `tests::types_file_is_current` fails when the file
//! is stale; `UPDATE_TYPES=1 cargo test --lib typescript` rewrites it.

use crate::report::error::Code;
use crate::schema::decl::{Lit, ObjectDecl, Ty};
use crate::schema::models;
use std::collections::BTreeSet;
use std::fmt::Write;

const API_TYPES: &str = r#"
export type Mode = "create" | "patch";
export type Profile = "strict" | "api";
export type UnknownPolicy = "allow" | "strip" | "reject";

export interface ValidateOptions {
  /** `create` (default where offered) fills defaults and checks required fields; `patch` checks only what is present and refuses `{}`. */
  mode?: Mode;
  /** `strict` (default) adds format checks to the upstream API's own rules (`api`). */
  profile?: Profile;
  /** What a null property means: `reject` (a type error; the default of customer and createCustomerDto) or `absent` (as if not sent: dropped, defaults filled; the default of patchCustomer). */
  nulls?: "reject" | "absent";
  /** HTML-form coercion: digit strings to int32, decimal strings ("0.012", never "0,012") to numbers, "true"/"false" to booleans, "" to absent. Off by default. */
  coerce?: boolean;
  /** Properties the model does not declare: kept (`allow`, default), dropped (`strip`) or errors (`reject`). */
  unknown?: UnknownPolicy;
  /** Message templates by error code, `{param}` replaced by the error's params. */
  messages?: Partial<Record<ErrorCode, string>>;
  /** Errors reported per record (default 100); past it, one `too_many_errors` error gives how many more there were. */
  maxErrors?: number;
}

export interface FieldOptions extends ValidateOptions {
  /** Sibling values the field's rules depend on (e.g. `numberE164CheckEnabled` for `number`). */
  context?: Record<string, unknown>;
}

export interface SchemaOptions {
  mode?: Mode;
  profile?: Profile;
  unknown?: UnknownPolicy;
  nulls?: "reject" | "absent";
}

export interface ValidationError {
  /** JSON Pointer (RFC 6901) to the offending value; "" is the root. */
  path: string;
  code: ErrorCode;
  message: string;
  params: Record<string, string | number | Array<string | number>>;
}

export type ValidationResult<T> =
  | { valid: true; value: T; errors: [] }
  | { valid: false; value?: undefined; errors: ValidationError[] };

export interface FormatInfo {
  name: string;
  profile: Profile;
  /** For a format chosen by a flag field: the flag value that selects it. */
  when?: boolean;
  /** What it allows, as its error's params (`min`, `max` of a range), when it has any. */
  params?: Record<string, unknown>;
}

export interface FieldDescription {
  name: string;
  label: string;
  description: string;
  type: "string" | "int32" | "flag" | "boolean" | "number" | "enum" | "object" | "any-object" | "list" | "map";
  required: boolean;
  default?: string | number | boolean;
  enum?: Array<string | number>;
  minLength?: number;
  maxLength?: number;
  formats: FormatInfo[];
  dependsOn?: string;
  fields?: FieldDescription[];
  items?: FieldDescription;
  /** For a map: its values' object type, in `ModelDescription.definitions`. */
  ref?: string;
  /** `servicestack`: in the `api` profile this enum is also read by any case of a name, and by the member's number (declared order from 0), as a number or a string of digits. */
  enumParse?: "servicestack";
}

export interface ModelDescription {
  id: ModelId;
  /** The upstream schema's title. */
  title: string;
  /** What a record is called, and the API it comes from: a form's heading is `${label} (${upstream})`. */
  label: string;
  upstream: string;
  /** The upstream version the declaration follows, and how later ones differ. */
  upstreamVersion: string;
  /** What a null property means unless `nulls` says: `reject` or `absent`. */
  nulls: "reject" | "absent";
  description: string;
  modes: Mode[];
  /** The profiles, the default first. */
  profiles: Profile[];
  fields: FieldDescription[];
  definitions: Record<string, FieldDescription[]>;
}

export type JsonSchema = Record<string, unknown>;

/** A normalized value with the properties its model does not declare readable too (kept under `unknown: "allow"`). */
export type WithUnknown<T> = T & Record<string, unknown>;

export interface BulkOptions extends ValidateOptions {
  /** The line number of the chunk's first line (NDJSON streams validated chunk by chunk). Default 1, at most 2^53 - 1. */
  firstLine?: number;
  /** Errors listed per call over all its failures (default 10,000): the invalid records past it are counted in `invalid` and `unlisted`, not listed. */
  maxErrorsPerCall?: number;
  /** Bytes of input per call, of one streamed record, and of a call's normalized output (default 256 MiB, at most 536,870,888): past it, a `too_large` error. */
  maxBytes?: number;
  /** Keep the valid records as an NDJSON string (`ndjson`, default), as NDJSON bytes (`bytes`), as values (`values`), or not at all (`none`). */
  output?: "ndjson" | "bytes" | "values" | "none";
  /** Keep the invalid records for a person to fix: each failure's `record`, and the result's `rejected` CSV. Default false. */
  rejected?: boolean;
}

/** Options of `validateCsv` and `CsvValidator`: `coerce` is on unless set to false (cells are text). */
export interface CsvOptions extends BulkOptions {}

/** Where a CSV column's cells go. */
export interface CsvColumn {
  /** The header cell, as written. */
  header: string;
  /** The JSON Pointer each row's cell is set at (`/billingSettings/base/unitCost`; `/Extra` for a column that names no field). */
  path: string;
  /** Whether that is a declared field (else an undeclared property, which the `unknown` option decides about, or a map key). */
  declared: boolean;
}

export interface BulkFailure {
  /** NDJSON: the record's 1-based line number (absent for a failure of the call rather than of a record: bad options, model or input type, a limit). */
  line?: number;
  /** JSON array: the record's 0-based index. */
  index?: number;
  errors: ValidationError[];
  /** With `rejected: true`: the record's JSON text as read (a CSV row as the object its cells make); absent for a record that was not read (over `maxBytes`, a ragged CSV row). */
  record?: string;
}

export interface BulkResult {
  /** Records seen (blank lines are not records); always `valid + invalid`. */
  records: number;
  valid: number;
  invalid: number;
  /** One entry per invalid record as far as `maxErrorsPerCall` lists them (a line that is not JSON has a `json` error), then the call's own failures (no line or index). */
  errors: BulkFailure[];
  /** Invalid records not listed in `errors` (past `maxErrorsPerCall`); absent when all are listed. */
  unlisted?: number;
  /** The valid records, normalized, one JSON text per line (output `ndjson`). */
  normalized?: string;
  /** The same NDJSON as UTF-8 bytes (output `bytes`): no decoding into a string, for writing to a file. */
  bytes?: Uint8Array;
  /** The valid records, normalized (output `values`). */
  values?: Record<string, unknown>[];
  /** With `rejected: true`: this call's invalid records as CSV (CRLF), each row the record as it came (a CSV input's cells; `line`/`index` and `record` otherwise) plus a last column `errors` with the messages; the first rows of an input follow a header row, so the `rejected` of every call of a stream, concatenated, is one file. */
  rejected?: string;
  /** CSV: the header's columns and where their cells go, in the result of the call that read the header. */
  columns?: CsvColumn[];
}
"#;

pub fn render() -> String {
    let mut out = String::from("// Generated from the model declarations by src/typescript.rs. Do not edit.\n");
    let ids: Vec<String> = models::ALL.iter().map(|m| format!("{:?}", m.id)).collect();
    let _ = writeln!(out, "\nexport type ModelId = {};", ids.join(" | "));
    let codes: Vec<String> = Code::ALL.iter().map(|c| format!("{:?}", c.as_str())).collect();
    let _ = writeln!(out, "\nexport type ErrorCode =\n  | {};", codes.join("\n  | "));
    out.push_str(API_TYPES);
    let colors: Vec<String> = models::patch_customer::TAG_COLORS.iter().map(|c| format!("{c:?}")).collect();
    let _ = writeln!(out, "\n/** Colors of Evo Voice tags (in responses). */\nexport type TagColor = {};", colors.join(" | "));
    let mut done = BTreeSet::new();
    let mut pending: Vec<&ObjectDecl> = models::ALL.iter().map(|m| m.root).collect();
    while let Some(decl) = pending.pop() {
        if done.insert(decl.name) {
            object(&mut out, decl, &mut pending);
        }
    }
    // What create mode guarantees: the required fields and those with a default are present.
    for m in models::ALL.iter().filter(|m| m.supports_create) {
        let name = type_name(m.root.name);
        let _ = writeln!(out, "\n/** A valid {name} in create mode: its required and defaulted fields are there. */");
        let _ = writeln!(out, "export type {name}Created = {name} & {{");
        let mut pending = Vec::new();
        for f in m.root.fields.iter().filter(|f| f.required || f.default.is_some()) {
            let _ = writeln!(out, "  {}: {};", f.name, ty(&f.ty, &mut pending));
        }
        out.push_str("};\n");
    }
    out.push_str("\n/** The normalized value of each model (patch mode: what was sent). */\nexport interface ModelTypes {\n");
    for m in models::ALL {
        let _ = writeln!(out, "  {}: {};", m.id, type_name(m.root.name));
    }
    out.push_str("}\n");
    out.push_str("\n/** The normalized value of each model in its default mode (create where offered). */\nexport interface CreatedTypes {\n");
    for m in models::ALL {
        let suffix = if m.supports_create { "Created" } else { "" };
        let _ = writeln!(out, "  {}: {}{suffix};", m.id, type_name(m.root.name));
    }
    out.push_str("}\n");
    out
}

fn type_name(decl_name: &str) -> String {
    match decl_name {
        "Customers" => "Customer".into(),
        "CreateCustomerDTO" => "CreateCustomerDto".into(),
        other => other.into(),
    }
}

fn object<'a>(out: &mut String, decl: &'a ObjectDecl, pending: &mut Vec<&'a ObjectDecl>) {
    let _ = writeln!(out, "\n/** {} */\nexport interface {} {{", decl.description, type_name(decl.name));
    for f in decl.fields {
        let mut doc = f.description.to_string();
        if let Some(d) = f.default {
            let d = match d {
                Lit::Str(s) => format!("{s:?}"),
                Lit::Int(i) => i.to_string(),
                Lit::Bool(b) => b.to_string(),
            };
            doc = format!("{doc}{}Default in create mode: {d}.", if doc.is_empty() { "" } else { " " });
        }
        if !doc.is_empty() {
            let _ = writeln!(out, "  /** {doc} */");
        }
        // All optional: patch-mode values carry only what was sent.
        let _ = writeln!(out, "  {}?: {};", f.name, ty(&f.ty, pending));
    }
    // No index signature: a misspelt field is a type error. Properties the model does not
    // declare (kept under `unknown: "allow"`) are there at runtime: see `WithUnknown`.
    out.push_str("}\n");
}

fn ty<'a>(t: &'a Ty, pending: &mut Vec<&'a ObjectDecl>) -> String {
    match t {
        Ty::String => "string".into(),
        Ty::Int32 | Ty::Number => "number".into(),
        Ty::Flag => crate::validate::rules::types::FLAG_VALUES.iter().map(i64::to_string).collect::<Vec<_>>().join(" | "),
        Ty::Boolean => "boolean".into(),
        Ty::Enum(values) | Ty::ServiceStackEnum(values) => values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(" | "),
        Ty::AnyObject => "Record<string, unknown>".into(),
        Ty::Object(decl) => {
            pending.push(decl);
            type_name(decl.name)
        }
        Ty::List(item) => format!("Array<{}>", ty(item, pending)),
        Ty::Map(entry) => format!("Record<string, {}>", ty(entry, pending)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn types_file_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ts/types.d.ts");
        let fresh = super::render();
        if std::env::var_os("UPDATE_TYPES").is_some() {
            std::fs::write(path, &fresh).unwrap();
        }
        let current = std::fs::read_to_string(path).unwrap_or_default();
        assert!(current == fresh, "ts/types.d.ts is stale: run UPDATE_TYPES=1 cargo test --lib typescript");
    }
}
