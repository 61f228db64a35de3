// Hand-written zod 4 schemas with the rules of the `customer` and `createCustomerDto` models
// (create mode, strict profile, unknown properties allowed): the zod peer of the benchmark.
//
// - Lengths count code points, as the models do: zod's .min/.max count UTF-16 units, so they are
//   refinements on [...s].length (skipped for max when s.length <= max: a string never has more
//   code points than UTF-16 units).
// - Patterns are the ones the module's own JSON Schema export states, so the three validators
//   compare the same regular expressions (with the `u` flag, as ajv compiles them).
// - int32 is z.int32() (an integer in -2^31..2^31-1), a flag is the literal 0 or 1, and every
//   default of create mode is a .default().
// - Unknown properties are kept (z.looseObject), as the models do by default.
import * as z from "zod";

const maxCp = (max) => (s) => s.length <= max || [...s].length <= max;
const minCp = (min) => (s) => s.length >= min && [...s].length >= min;

/** The `pattern` of a property of an exported JSON Schema, as a RegExp with the `u` flag. */
function patternOf(schema, field) {
  const p = schema.properties[field]?.pattern;
  if (typeof p !== "string") throw new Error(`the JSON Schema has no pattern for ${field}`);
  return new RegExp(p, "u");
}

/** The two number patterns of createCustomerDto's if/then/else on numberE164CheckEnabled. */
function numberPatterns(schema) {
  const cond = schema.allOf.find((s) => s.if?.properties?.numberE164CheckEnabled);
  return { whenOff: new RegExp(cond.then.properties.number.pattern, "u"), whenOn: new RegExp(cond.else.properties.number.pattern, "u") };
}

/** RFC 3339 date-time arithmetic (the pattern already fixed the layout): a real day of the month,
 *  hours 0..23, minutes 0..59, offsets up to 23:59, and a leap second only at 23:59 UTC. */
function isDateTime(s) {
  const year = +s.slice(0, 4);
  const month = +s.slice(5, 7);
  const day = +s.slice(8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!days || day < 1 || day > days) return false;
  const h = +s.slice(11, 13);
  const m = +s.slice(14, 16);
  const sec = +s.slice(17, 19);
  if (h > 23 || m > 59 || sec > 60) return false;
  const last = s[s.length - 1];
  let offset = 0;
  if (last !== "Z" && last !== "z") {
    const oh = +s.slice(-5, -3);
    const om = +s.slice(-2);
    if (oh > 23 || om > 59) return false;
    offset = (s[s.length - 6] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  if (sec === 60) return (((h * 60 + m - offset) % 1440) + 1440) % 1440 === 23 * 60 + 59;
  return true;
}

/**
 * @param customerSchema v.jsonSchema("customer", { mode: "create", profile: "strict" })
 * @param dtoSchema v.jsonSchema("createCustomerDto", { mode: "create", profile: "strict" })
 */
export function zodSchemas(customerSchema, dtoSchema) {
  const OBJECT_ID = patternOf(customerSchema, "adminUserId");
  const HTTP_URL = patternOf(customerSchema, "websiteUrl");
  const DATE_TIME = patternOf(customerSchema, "lowBalanceAlertAt");

  const objectId = () => z.string().regex(OBJECT_ID, "must be an ObjectId of 24 hex digits").optional();
  const int = (d) => z.int32().default(d);
  const flag = (d) => z.literal([0, 1]).default(d);

  const customer = z.looseObject({
    name: z.string().refine(maxCp(45), "at most 45 characters"),
    status: z.enum(["active", "suspended", "terminated", "fraud"]).default("active"),
    websiteUrl: z.string().refine(maxCp(255), "at most 255 characters").regex(HTTP_URL, "must be an http(s) URL").optional(),
    logo: z.string().refine(maxCp(255), "at most 255 characters").optional(),
    credit: int(0),
    adminUserId: objectId(),
    billingUserId: objectId(),
    callRecordingUserId: objectId(),
    callForwardingCallLimit: int(10),
    supportUserId: objectId(),
    automaticRefillAmount: int(0),
    lowBalanceAlertAmount: int(0),
    lowBalanceAlertAt: z.string().regex(DATE_TIME, "must be an RFC 3339 date-time").refine(isDateTime, "must be a real date and time").optional(),
    lowBalanceAlertCount: int(0),
    lastAutomaticRefillInvoice: objectId(),
    internationalCalling: flag(0),
    createdByIP: z
      .string()
      .refine(minCp(8), "at least 8 characters")
      .refine(maxCp(45), "at most 45 characters")
      .pipe(z.union([z.ipv4(), z.ipv6()]))
      .optional(),
    callDebug: flag(0),
    mediaBypass: flag(0),
    accountLock: flag(1),
    callRecording: flag(0),
    cdrRetention: int(12),
    cnamLookUps: flag(0),
    holdMusic: flag(0),
    transcribeCalls: z.literal([0, 1]).optional(),
    maxOutboundCallRate: int(1),
    defaultBillMethod: z.enum(["credit", "paymentmethod"]).default("credit"),
  });

  const DTMF = patternOf(dtoSchema, "extension");
  const SIP_URI = patternOf(dtoSchema, "sipUri");
  const EMAIL = patternOf(dtoSchema, "email");
  const NUMBER = numberPatterns(dtoSchema);

  const createCustomerDto = z
    .looseObject({
      numberE164CheckEnabled: z.boolean().default(true),
      extension: z.string().refine(maxCp(10), "at most 10 characters").regex(DTMF, "DTMF characters only").optional(),
      assistantOverrides: z.record(z.string(), z.unknown()).optional(),
      number: z.string().refine(minCp(3), "at least 3 characters").refine(maxCp(40), "at most 40 characters").optional(),
      sipUri: z.string().regex(SIP_URI, "must be a sip: or sips: URI").optional(),
      name: z.string().refine(maxCp(40), "at most 40 characters").optional(),
      email: z.string().refine(maxCp(40), "at most 40 characters").regex(EMAIL, "must be an e-mail address").optional(),
      externalId: z.string().refine(maxCp(40), "at most 40 characters").optional(),
    })
    .superRefine((o, ctx) => {
      // number's pattern depends on its sibling (after the default of numberE164CheckEnabled).
      if (typeof o.number !== "string") return;
      const off = o.numberE164CheckEnabled === false;
      if (!(off ? NUMBER.whenOff : NUMBER.whenOn).test(o.number)) {
        ctx.addIssue({ code: "custom", path: ["number"], message: off ? "letters and digits only" : "must be an E.164 number" });
      }
    });

  return { customer, createCustomerDto };
}
