// Generated from the model declarations by src/typescript.rs. Do not edit.

export type ModelId = "customer" | "createCustomerDto" | "patchCustomer";

export type ErrorCode =
  | "required"
  | "type"
  | "enum"
  | "min_length"
  | "max_length"
  | "int32"
  | "range"
  | "signed_range"
  | "non_negative"
  | "object_id"
  | "date_time"
  | "date"
  | "time"
  | "ip"
  | "url"
  | "email"
  | "sip_uri"
  | "dtmf"
  | "e164"
  | "alphanumeric"
  | "unknown_property"
  | "min_properties"
  | "max_depth"
  | "max_items"
  | "json"
  | "invalid_option"
  | "unsupported_mode"
  | "unknown_model"
  | "unknown_field"
  | "too_many_errors"
  | "csv_header"
  | "csv_cells"
  | "encoding"
  | "too_large"
  | "stream_ended"
  | "internal";

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

/** Colors of Evo Voice tags (in responses). */
export type TagColor = "Magenta" | "Red" | "Volcano" | "Orange" | "Gold" | "Lime" | "Green" | "Cyan" | "Blue" | "GeekBlue" | "Purple";

/** Evo Voice PATCH /customers/{customerId}: only what is sent is changed. */
export interface PatchCustomer {
  /** The ID of the customer to update. */
  customerId?: string;
  /** The name for the customer. */
  name?: string;
  parentCustomerId?: string;
  /** The ID in a third-party system. */
  referenceId?: string;
  /** Data values for this customer. */
  data?: Record<string, Value>;
  tagIds?: Array<string>;
  schedule?: Schedule;
  /** Otherwise inherited from the parent. */
  overrideBillingSettings?: boolean;
  billingSettings?: BillingSettings;
  /** Otherwise inherited from the parent. */
  overrideAppSettings?: boolean;
  appSettings?: AppSettings;
}

/** App and portal settings. */
export interface AppSettings {
  enablePhoneNumberManagement?: boolean;
  enableDeviceManagement?: boolean;
  enableDialer?: boolean;
  enableCallHistory?: boolean;
  enableAssistants?: boolean;
  showFileNameInMessageCenter?: boolean;
  chakraTheme?: string;
  customCss?: string;
  pageTitle?: string;
  stringMappings?: string;
  /** Where the portal goes after signing out. */
  logoutUrl?: string;
  /** Where customers ask to bring their number. */
  portMyNumberUrl?: string;
}

/** Prices of the twelve billable items. */
export interface BillingSettings {
  base?: BillingItem;
  localNumbers?: BillingItem;
  tollFreeNumbers?: BillingItem;
  inboundVoiceCalls?: BillingItem;
  outboundVoiceCalls?: BillingItem;
  inboundFaxes?: BillingItem;
  outboundFaxes?: BillingItem;
  inboundSmsMessages?: BillingItem;
  outboundSmsMessages?: BillingItem;
  aiInsights?: BillingItem;
  aiLiveMinutes?: BillingItem;
  aiMessages?: BillingItem;
}

/** The price of one billable item. */
export interface BillingItem {
  baseCost?: number;
  rawUnitMultiplier?: number;
  unitCost?: number;
  allowance?: number;
}

/** A customer's schedule: a time zone, rules and a default state. */
export interface Schedule {
  timeZoneId?: string;
  inherit?: boolean;
  forceClosed?: boolean;
  rules?: Array<SchedulingRule>;
  defaultState?: string;
}

/** One rule of a schedule, with iCalendar RRULE parts. */
export interface SchedulingRule {
  id?: string;
  name?: string;
  priority?: number;
  state?: string;
  source?: string;
  condition?: string;
  simpleRuleType?: "Always" | "CustomerState" | "Time";
  customerState?: string;
  flowId?: string;
  flowParams?: Record<string, Value>;
  isAllDay?: boolean;
  /** The first day the rule applies. */
  startDate?: string;
  /** When the rule starts each day. */
  startTime?: string;
  /** When the rule ends each day. */
  endTime?: string;
  /** Which of the matching occurrences count: 1 the first, -1 the last. */
  bySetPosition?: Array<number>;
  /** Months of the year: 1 is January. */
  byMonth?: Array<number>;
  /** Weeks of the year: -1 is the last. */
  byWeekNo?: Array<number>;
  /** Days of the year: -1 is the last. */
  byYearDay?: Array<number>;
  /** Days of the month: -1 is the last. */
  byMonthDay?: Array<number>;
  byDay?: Array<ScheduleDay>;
  /** Hours of the day. */
  byHour?: Array<number>;
  /** Minutes of the hour. */
  byMinute?: Array<number>;
  /** Every how many periods the rule repeats. */
  interval?: number;
  /** How many times the rule repeats. */
  count?: number;
  /** The last day the rule applies. */
  untilDate?: string;
  frequency?: "None" | "Secondly" | "Minutely" | "Hourly" | "Daily" | "Weekly" | "Monthly" | "Yearly";
}

/** A BYDAY entry: a weekday, with an optional ordinal (0 = every). */
export interface ScheduleDay {
  /** Ordinal of the weekday in the period; 0 = every. */
  offset?: number;
  dayOfWeek?: "Sunday" | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday";
}

/** One value of a Struct: a boolean, string, number, list of Structs or Struct. */
export interface Value {
  boolValue?: boolean;
  stringValue?: string;
  numberValue?: number;
  listValue?: Array<Record<string, Value>>;
  structValue?: Record<string, Value>;
}

/** A Vapi customer, as sent with a call or a batch of calls. */
export interface CreateCustomerDto {
  /** When true (the default), number must be E.164; when false, letters and digits with an optional leading +. Default in create mode: true. */
  numberE164CheckEnabled?: boolean;
  /** Dialled after the call is answered. */
  extension?: string;
  /** Overrides of the assistant's settings and template variables for this customer. */
  assistantOverrides?: Record<string, unknown>;
  /** Overrides of the squad's settings and template variables for this customer (Vapi, 2026-07-30 on). */
  squadOverrides?: Record<string, unknown>;
  /** The customer's phone number. */
  number?: string;
  sipUri?: string;
  /** For your own reference. */
  name?: string;
  email?: string;
  externalId?: string;
}

/** A Circuit ID customer: POST /customers and PATCH /customers/{id} share this schema. */
export interface Customer {
  name?: string;
  /** Default in create mode: "active". */
  status?: "active" | "suspended" | "terminated" | "fraud";
  websiteUrl?: string;
  logo?: string;
  /** Default in create mode: 0. */
  credit?: number;
  /** ObjectId (unique 12 bytes ID): 24 hexadecimal digits */
  adminUserId?: string;
  /** ObjectId (unique 12 bytes ID): 24 hexadecimal digits */
  billingUserId?: string;
  /** ObjectId (unique 12 bytes ID): 24 hexadecimal digits */
  callRecordingUserId?: string;
  /** Default in create mode: 10. */
  callForwardingCallLimit?: number;
  /** ObjectId (unique 12 bytes ID): 24 hexadecimal digits */
  supportUserId?: string;
  /** Default in create mode: 0. */
  automaticRefillAmount?: number;
  /** Default in create mode: 0. */
  lowBalanceAlertAmount?: number;
  /** When the last low balance alert was sent. */
  lowBalanceAlertAt?: string;
  /** Default in create mode: 0. */
  lowBalanceAlertCount?: number;
  /** ObjectId (unique 12 bytes ID): 24 hexadecimal digits */
  lastAutomaticRefillInvoice?: string;
  /** Default in create mode: 0. */
  internationalCalling?: 0 | 1;
  createdByIP?: string;
  /** Default in create mode: 0. */
  callDebug?: 0 | 1;
  /** Default in create mode: 0. */
  mediaBypass?: 0 | 1;
  /** Default in create mode: 1. */
  accountLock?: 0 | 1;
  /** Default in create mode: 0. */
  callRecording?: 0 | 1;
  /** Default in create mode: 12. */
  cdrRetention?: number;
  /** Default in create mode: 0. */
  cnamLookUps?: 0 | 1;
  /** Default in create mode: 0. */
  holdMusic?: 0 | 1;
  transcribeCalls?: 0 | 1;
  /** Default in create mode: 1. */
  maxOutboundCallRate?: number;
  /** Default in create mode: "credit". */
  defaultBillMethod?: "credit" | "paymentmethod";
}

/** A valid Customer in create mode: its required and defaulted fields are there. */
export type CustomerCreated = Customer & {
  name: string;
  status: "active" | "suspended" | "terminated" | "fraud";
  credit: number;
  callForwardingCallLimit: number;
  automaticRefillAmount: number;
  lowBalanceAlertAmount: number;
  lowBalanceAlertCount: number;
  internationalCalling: 0 | 1;
  callDebug: 0 | 1;
  mediaBypass: 0 | 1;
  accountLock: 0 | 1;
  callRecording: 0 | 1;
  cdrRetention: number;
  cnamLookUps: 0 | 1;
  holdMusic: 0 | 1;
  maxOutboundCallRate: number;
  defaultBillMethod: "credit" | "paymentmethod";
};

/** A valid CreateCustomerDto in create mode: its required and defaulted fields are there. */
export type CreateCustomerDtoCreated = CreateCustomerDto & {
  numberE164CheckEnabled: boolean;
};

/** The normalized value of each model (patch mode: what was sent). */
export interface ModelTypes {
  customer: Customer;
  createCustomerDto: CreateCustomerDto;
  patchCustomer: PatchCustomer;
}

/** The normalized value of each model in its default mode (create where offered). */
export interface CreatedTypes {
  customer: CustomerCreated;
  createCustomerDto: CreateCustomerDtoCreated;
  patchCustomer: PatchCustomer;
}
