// Generated from the model declarations by src/typescript.rs. Do not edit.

export type ModelId = "customer" | "createCustomerDto";

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
  | "json"
  | "invalid_option"
  | "unsupported_mode"
  | "unknown_model"
  | "unknown_field";

export type Mode = "create" | "patch";
export type Profile = "strict" | "api";
export type UnknownPolicy = "allow" | "strip" | "reject";

export interface ValidateOptions {
  /** `create` (default where offered) fills defaults and checks required fields; `patch` checks only what is present and refuses `{}`. */
  mode?: Mode;
  /** `strict` (default) adds format checks to the upstream API's own rules (`api`). */
  profile?: Profile;
  /** HTML-form coercion: decimal strings to int32, "true"/"false" to booleans, "" to absent. Off by default. */
  coerce?: boolean;
  /** Properties the model does not declare: kept (`allow`, default), dropped (`strip`) or errors (`reject`). */
  unknown?: UnknownPolicy;
  /** Message templates by error code, `{param}` replaced by the error's params. */
  messages?: Partial<Record<ErrorCode, string>>;
}

export interface FieldOptions extends ValidateOptions {
  /** Sibling values the field's rules depend on (e.g. `numberE164CheckEnabled` for `number`). */
  context?: Record<string, unknown>;
}

export interface SchemaOptions {
  mode?: Mode;
  profile?: Profile;
  unknown?: UnknownPolicy;
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
}

export interface ModelDescription {
  id: ModelId;
  title: string;
  description: string;
  modes: Mode[];
  fields: FieldDescription[];
}

export type JsonSchema = Record<string, unknown>;

/** A Vapi customer, as sent with a call or a batch of calls. */
export interface CreateCustomerDto {
  /** When true (the default), number must be E.164; when false, letters and digits with an optional leading +. Default in create mode: true. */
  numberE164CheckEnabled?: boolean;
  /** Dialled after the call is answered. */
  extension?: string;
  /** Overrides of the assistant's settings and template variables for this customer. */
  assistantOverrides?: Record<string, unknown>;
  /** The customer's phone number. */
  number?: string;
  sipUri?: string;
  /** For your own reference. */
  name?: string;
  email?: string;
  externalId?: string;
  /** Properties the model does not declare (see the `unknown` option). */
  [property: string]: unknown;
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
  /** RFC 3339 date-time with an offset */
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
  /** Properties the model does not declare (see the `unknown` option). */
  [property: string]: unknown;
}

export interface ModelTypes {
  customer: Customer;
  createCustomerDto: CreateCustomerDto;
}
