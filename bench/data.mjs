// Seeded generator of realistic Customer (Circuit ID) and CreateCustomerDTO (Vapi) records for
// the benchmarks: several shapes (different subsets of fields), about 90% valid, 10% with one
// realistic mistake. Deterministic: the same seed gives the same records.
//
// bench/native/src/data.rs ports `customerRecord` call for call (same PRNG, same draws in the
// same order), so the native benchmark validates the very same Customer records; keep the two in
// step when changing either.

// mulberry32: the tests' seeded PRNG (every draw an exact multiple of 2^-32), re-exported.
import { mulberry32 } from "../tests/node/generate.mjs";
export { mulberry32 };

export class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** An integer in lo..=hi. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** n lowercase hex digits. */
  hex(n) {
    let s = "";
    for (let i = 0; i < n; i++) s += HEX[Math.floor(this.next() * 16)];
    return s;
  }
  /** n decimal digits. */
  digits(n) {
    let s = "";
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}

const HEX = "0123456789abcdef";
const pad2 = (n) => String(n).padStart(2, "0");

// ---------------------------------------------------------------- shared vocabulary

export const COMPANY_FIRST = [
  "Acme", "Nordwind", "Blue Harbor", "Müller & Söhne", "Café Olé", "Żabka", "São Paulo", "Ørsted",
  "Brightline", "Kettle & Co", "Northwind", "Sunrise", "Zürich", "Helios", "東京", "Pinecrest", "Atlas",
  "Crédit Rural", "Greenfield", "Vega",
];
export const COMPANY_SECOND = [
  "Telecom", "Logistics", "Dental Clinic", "Networks", "Hotels", "Partners", "Software", "Bakery",
  "Insurance", "Call Center", "Communications", "Realty", "Solar", "Legal Services",
];
export const COMPANY_SUFFIX = ["GmbH", "Ltd", "Inc.", "S.A.", "LLC", "AG", "Co., Ltd.", "BV", "Oy"];
export const SLUGS = [
  "acme", "nordwind", "blueharbor", "mueller-soehne", "cafe-ole", "zabka", "saopaulo", "orsted",
  "brightline", "kettleandco", "northwind", "sunrise", "helios", "pinecrest", "atlas-tel", "vega",
];
export const TLDS = [".com", ".de", ".co.uk", ".io", ".net", ".fr", ".com.br"];

// ---------------------------------------------------------------- Customer (Circuit ID)

/** Customer fields in the model's declaration order. */
export const CUSTOMER_FIELDS = [
  "name", "status", "websiteUrl", "logo", "credit", "adminUserId", "billingUserId", "callRecordingUserId",
  "callForwardingCallLimit", "supportUserId", "automaticRefillAmount", "lowBalanceAlertAmount",
  "lowBalanceAlertAt", "lowBalanceAlertCount", "lastAutomaticRefillInvoice", "internationalCalling",
  "createdByIP", "callDebug", "mediaBypass", "accountLock", "callRecording", "cdrRetention", "cnamLookUps",
  "holdMusic", "transcribeCalls", "maxOutboundCallRate", "defaultBillMethod",
];

/** Which fields a record of each shape carries (in declaration order). */
export const CUSTOMER_SHAPES = {
  minimal: ["name"],
  signup: ["name", "websiteUrl", "createdByIP", "defaultBillMethod"],
  billing: [
    "name", "status", "credit", "billingUserId", "automaticRefillAmount", "lowBalanceAlertAmount",
    "lowBalanceAlertAt", "lowBalanceAlertCount", "lastAutomaticRefillInvoice", "defaultBillMethod",
  ],
  telephony: [
    "name", "callRecordingUserId", "callForwardingCallLimit", "internationalCalling", "callDebug", "mediaBypass",
    "callRecording", "cdrRetention", "cnamLookUps", "holdMusic", "transcribeCalls", "maxOutboundCallRate",
  ],
  admin: ["name", "status", "websiteUrl", "logo", "adminUserId", "supportUserId", "createdByIP", "accountLock"],
  full: CUSTOMER_FIELDS,
};
/** Shape draw: ten slots, so full records are 30%, billing and telephony 20% each. */
export const CUSTOMER_SHAPE_DRAW = ["minimal", "signup", "billing", "billing", "telephony", "telephony", "admin", "full", "full", "full"];

const OBJECT_ID_FIELDS = ["adminUserId", "billingUserId", "callRecordingUserId", "supportUserId", "lastAutomaticRefillInvoice"];
const FLAG_FIELDS = ["internationalCalling", "callDebug", "mediaBypass", "callRecording", "cnamLookUps", "holdMusic", "transcribeCalls"];

export const CUSTOMER_FAULTS = [
  "name_long", "name_missing", "status", "object_id", "url", "ip_short", "ip_bad", "date", "credit_float",
  "int_range", "flag", "bill", "string_int", "null",
];

function companyName(r) {
  let s = r.pick(COMPANY_FIRST) + " " + r.pick(COMPANY_SECOND);
  if (r.chance(0.5)) s += " " + r.pick(COMPANY_SUFFIX);
  return s;
}

function websiteUrl(r) {
  return r.pick(["https://", "https://www.", "http://"]) + r.pick(SLUGS) + r.pick(TLDS) + r.pick(["", "/", "/contact", "/en/about-us", "/?ref=crm"]);
}

/** RFC 3339 date-time with an offset; days 1..28 so every month has them. */
function dateTime(r) {
  const y = r.int(2020, 2026);
  const mo = r.int(1, 12);
  const d = r.int(1, 28);
  const h = r.int(0, 23);
  const mi = r.int(0, 59);
  const s = r.int(0, 59);
  const frac = r.pick(["", "", ".000", ".123", ".5"]);
  const tz = r.pick(["Z", "Z", "+00:00", "+01:00", "+02:00", "-05:00", "+05:30", "-08:00"]);
  return `${y}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${frac}${tz}`;
}

/** IPv4 (75%; a first octet of two or three digits keeps it at 8+ characters) or IPv6. */
function ipAddress(r) {
  if (r.chance(0.75)) {
    return `${r.pick([10, 81, 94, 172, 185, 192, 203])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  }
  const g = () => r.hex(r.int(1, 4));
  if (r.chance(0.5)) return `2001:db8:${g()}::${g()}:${g()}`;
  return `2a02:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}`;
}

function customerValue(r, field) {
  switch (field) {
    case "name": return companyName(r);
    case "status": return r.pick(["active", "active", "active", "active", "active", "active", "suspended", "terminated", "fraud"]);
    case "websiteUrl": return websiteUrl(r);
    case "logo": return `https://cdn.${r.pick(SLUGS)}.com/assets/logo-${r.int(100, 999)}.png`;
    case "credit": return r.int(0, 500000);
    case "adminUserId":
    case "billingUserId":
    case "callRecordingUserId":
    case "supportUserId":
    case "lastAutomaticRefillInvoice":
      return r.hex(24);
    case "callForwardingCallLimit": return r.pick([5, 10, 20, 50]);
    case "automaticRefillAmount": return r.pick([0, 1000, 2500, 5000, 10000]);
    case "lowBalanceAlertAmount": return r.pick([0, 500, 1000]);
    case "lowBalanceAlertAt": return dateTime(r);
    case "lowBalanceAlertCount": return r.int(0, 5);
    case "createdByIP": return ipAddress(r);
    case "accountLock": return r.chance(0.8) ? 1 : 0;
    case "cdrRetention": return r.pick([3, 6, 12, 24, 36]);
    case "maxOutboundCallRate": return r.int(1, 20);
    case "defaultBillMethod": return r.pick(["credit", "credit", "paymentmethod"]);
    default: // the flags
      return r.chance(0.3) ? 1 : 0;
  }
}

/** One mistake a client could make; every one of them makes the record invalid. */
function customerFault(r, rec) {
  switch (r.pick(CUSTOMER_FAULTS)) {
    case "name_long": rec.name = r.pick(COMPANY_FIRST) + " International Telecommunications Holding Group"; break;
    case "name_missing": delete rec.name; break;
    case "status": rec.status = r.pick(["inactive", "Active", "closed"]); break;
    case "object_id": rec[r.pick(OBJECT_ID_FIELDS)] = r.hex(23); break;
    case "url": rec.websiteUrl = "www." + r.pick(SLUGS) + ".com"; break;
    case "ip_short": rec.createdByIP = r.pick(["1.1.1.1", "8.8.8.8", "::1"]); break;
    case "ip_bad": rec.createdByIP = `192.168.${r.int(0, 255)}.256`; break;
    case "date": rec.lowBalanceAlertAt = r.pick(["2024-02-30T10:00:00Z", "2024-05-01 10:00:00", "2024-05-01T10:00:00"]); break;
    case "credit_float": rec.credit = 12.5; break;
    case "int_range": rec.maxOutboundCallRate = 3000000000; break;
    case "flag": rec[r.pick(FLAG_FIELDS)] = 2; break;
    case "bill": rec.defaultBillMethod = "invoice"; break;
    case "string_int": rec.cdrRetention = "12"; break;
    case "null": rec.logo = null; break;
  }
}

/** One Customer record: a shape, its values, and one mistake in 10% of the records. */
export function customerRecord(r) {
  const shape = r.pick(CUSTOMER_SHAPE_DRAW);
  const rec = {};
  for (const f of CUSTOMER_SHAPES[shape]) rec[f] = customerValue(r, f);
  if (r.chance(0.1)) customerFault(r, rec);
  return rec;
}

/** A full, valid Customer record (every field present), the same for every call with one seed. */
export function fullCustomer(seed = 1) {
  const r = new Rng(seed);
  const rec = {};
  for (const f of CUSTOMER_FIELDS) rec[f] = customerValue(r, f);
  return rec;
}

// ---------------------------------------------------------------- CreateCustomerDTO (Vapi)

const FIRST_NAMES = ["Anna", "José", "Zoë", "Åsa", "Liam", "Mei", "Olu", "Sven", "Priya", "Noah", "Chloé", "Jürgen"];
const LAST_NAMES = ["Smith", "García", "Nguyễn", "O'Connor", "Müller", "Kowalski", "Tanaka", "Okafor", "Dubois", "Rossi", "李"];
const EMAIL_LOCALS = ["anna", "j.smith", "max.mustermann", "info", "support+crm", "o'brien", "sales", "k.tanaka"];

export const DTO_SHAPES = {
  phone: ["number"],
  phoneExt: ["number", "extension", "name"],
  sip: ["sipUri", "name"],
  crm: ["number", "name", "email", "externalId"],
  alnum: ["numberE164CheckEnabled", "number", "name"],
  full: ["numberE164CheckEnabled", "extension", "assistantOverrides", "number", "sipUri", "name", "email", "externalId"],
};
const DTO_SHAPE_DRAW = ["phone", "phone", "phoneExt", "sip", "crm", "crm", "alnum", "full", "full", "full"];
const DTO_FAULTS = [
  "e164_zero", "e164_no_plus", "e164_spaces", "number_short", "ext_letters", "ext_long", "email", "sip",
  "name_long", "external_long", "check_string",
];

function e164(r) {
  switch (r.int(0, 5)) {
    case 0: return "+1" + r.pick(["415", "212", "646", "312", "617"]) + r.int(2, 9) + r.digits(6);
    case 1: return "+447" + r.digits(9);
    case 2: return "+49" + r.pick(["30", "89", "151", "176"]) + r.digits(r.int(7, 8));
    case 3: return "+336" + r.digits(8);
    case 4: return "+8190" + r.digits(8);
    default: return "+614" + r.digits(8);
  }
}

function personName(r) {
  return r.pick(FIRST_NAMES) + " " + r.pick(LAST_NAMES);
}

function dtoValue(r, field, rec) {
  switch (field) {
    case "extension": return r.digits(r.int(1, 4)) + (r.chance(0.1) ? "#" : "");
    case "assistantOverrides":
      return { variableValues: { customerName: personName(r), tier: r.pick(["gold", "silver", "bronze"]) }, firstMessage: "Hi, this is Acme calling about your order." };
    case "number": return rec.numberE164CheckEnabled === false ? r.pick(["+4930SALES", "support123", "+1800FLOWERS", "0800123456"]) : e164(r);
    case "sipUri":
      return r.chance(0.5)
        ? `${r.pick(["sip:", "sips:"])}${r.pick(["alice", "bob", "frontdesk", "queue-7"])}@sip.${r.pick(SLUGS)}${r.pick(TLDS)}`
        : `sip:${e164(r)}@pbx.${r.pick(SLUGS)}.com;transport=${r.pick(["tls", "tcp", "udp"])}`;
    case "name": return personName(r);
    case "email": return `${r.pick(EMAIL_LOCALS)}@${r.pick(SLUGS)}${r.pick(TLDS)}`;
    case "externalId": return r.chance(0.5) ? "crm-" + r.int(10000, 999999) : r.hex(24);
  }
}

function dtoFault(r, rec) {
  switch (r.pick(DTO_FAULTS)) {
    case "e164_zero": rec.numberE164CheckEnabled = true; rec.number = "+00" + r.digits(10); break;
    case "e164_no_plus": delete rec.numberE164CheckEnabled; rec.number = "1415" + r.digits(7); break;
    case "e164_spaces": delete rec.numberE164CheckEnabled; rec.number = "+1 415 555 " + r.digits(4); break;
    case "number_short": rec.number = "+1"; break;
    case "ext_letters": rec.extension = r.digits(2) + "x"; break;
    case "ext_long": rec.extension = r.digits(11); break;
    case "email": rec.email = r.pick(["anna@", "anna.example.com", "anna@@acme.com", "an na@acme.com"]); break;
    case "sip": rec.sipUri = "tel:" + e164(r); break;
    case "name_long": rec.name = personName(r) + " of the Very Long Legal Department Name"; break;
    case "external_long": rec.externalId = "crm-" + r.hex(40); break;
    case "check_string": rec.numberE164CheckEnabled = "false"; break;
  }
}

/** One CreateCustomerDTO record: a shape, its values, and one mistake in 10% of the records. */
export function dtoRecord(r) {
  const shape = r.pick(DTO_SHAPE_DRAW);
  const rec = {};
  // `full` states the E.164 check explicitly (true), `alnum` turns it off.
  for (const f of DTO_SHAPES[shape]) rec[f] = f === "numberE164CheckEnabled" ? shape === "full" : dtoValue(r, f, rec);
  if (r.chance(0.1)) dtoFault(r, rec);
  return rec;
}

/** A full, valid CreateCustomerDTO record. */
export function fullDto(seed = 1) {
  const r = new Rng(seed);
  const rec = { numberE164CheckEnabled: true };
  for (const f of DTO_SHAPES.full.slice(1)) rec[f] = dtoValue(r, f, rec);
  return rec;
}

// ---------------------------------------------------------------- data sets

export function customers(n, seed = 0xc0ffee) {
  const r = new Rng(seed);
  return Array.from({ length: n }, () => customerRecord(r));
}

export function dtos(n, seed = 0xd70) {
  const r = new Rng(seed);
  return Array.from({ length: n }, () => dtoRecord(r));
}

/** n Customer records as NDJSON text (one record a line, "\n" after each). */
export function customerNdjson(n, seed = 0xb01c) {
  const r = new Rng(seed);
  let out = "";
  for (let i = 0; i < n; i++) out += JSON.stringify(customerRecord(r)) + "\n";
  return out;
}
