// Seeded generator of records near the rules' boundaries, for the agreement tests (and the
// benchmarks). It reads field types from describe(), and knows nothing of the verdicts:
// values are picked from pools of likely-good and likely-bad candidates.

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, "0");
const hex = (rnd, n) => Array.from({ length: n }, () => pick(rnd, [..."0123456789abcdefABCDEF"])).join("");

const formatPools = {
  object_id: (rnd) => (rnd() < 0.7 ? hex(rnd, 24) : pick(rnd, [hex(rnd, 23), hex(rnd, 25), hex(rnd, 23) + "g", "", " " + hex(rnd, 23)])),
  e164: (rnd) =>
    pick(rnd, [
      "+" + int(rnd, 1, 9) + String(int(rnd, 0, 1e9)).slice(0, int(rnd, 1, 9)),
      "+1415555" + pad(int(rnd, 0, 9999), 4),
      "+0" + int(rnd, 10, 1e9),
      "+1" + "2".repeat(int(rnd, 13, 15)),
      "14155551234",
      "+1 415 555 1234",
      "+1",
      "abc",
      "+44" + "7".repeat(int(rnd, 8, 12)),
    ]),
  alphanumeric: (rnd) => pick(rnd, ["abc", "+abc123", "1234", "+001234567890", "ab-c", "++1", "a b", "😀ab", "ab"]),
  date: (rnd) => `${pad(pick(rnd, [1900, 2000, 2023, 2024]), 4)}-${pad(int(rnd, 0, 13), 2)}-${pad(int(rnd, 0, 32), 2)}${pick(rnd, ["", "", "T00:00:00Z"])}`,
  time: (rnd) => `${pad(int(rnd, 0, 25), pick(rnd, [2, 2, 1]))}:${pad(int(rnd, 0, 61), 2)}${pick(rnd, ["", ":00", ":60", "Z"])}`,
  date_time: (rnd) => {
    const y = pick(rnd, [1900, 2000, 2023, 2024, 2100]);
    const mo = int(rnd, 0, 13);
    const d = int(rnd, 0, 32);
    const h = int(rnd, 0, 25);
    const mi = int(rnd, 0, 61);
    const s = int(rnd, 0, 60);
    const frac = pick(rnd, ["", ".5", ".123456", "."]);
    const tz = pick(rnd, ["Z", "z", "+05:30", "-08:00", "+24:00", "+01:60", "+0100", "", "+01"]);
    const sep = pick(rnd, ["T", "T", "t", " "]);
    return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}${tz}`;
  },
  ip: (rnd) => {
    if (rnd() < 0.5) {
      const octet = () => pick(rnd, [String(int(rnd, 0, 255)), String(int(rnd, 0, 255)), "256", "01", "300", "00"]);
      return Array.from({ length: pick(rnd, [4, 4, 4, 3, 5]) }, octet).join(".");
    }
    const group = () => pick(rnd, [hex(rnd, int(rnd, 1, 4)), hex(rnd, 5), "0"]);
    const n = int(rnd, 1, 8);
    const groups = Array.from({ length: n }, group);
    const form = int(rnd, 0, 3);
    if (form === 0 && n === 8) return groups.join(":");
    if (form === 1) return groups.slice(0, n >> 1).join(":") + "::" + groups.slice(n >> 1).join(":");
    if (form === 2) return "::ffff:" + [int(rnd, 0, 255), int(rnd, 0, 255), int(rnd, 0, 255), int(rnd, 0, 256)].join(".");
    return groups.join(":") + pick(rnd, ["::", ":::", "%eth0", ""]);
  },
  url: (rnd) =>
    pick(rnd, ["https://", "http://", "HTTP://", "ftp://", "//", "https:/", ""]) +
    pick(rnd, ["example.com", "a.b.c", "-bad.com", "münchen.de", "[::1]", "10.0.0.1", "", "ex ample.com", "a..b", "user:pw@host.io"]) +
    pick(rnd, ["", ":8080", ":", ":123456"]) +
    pick(rnd, ["", "/", "/path?q=1#frag", "/a b", "/ü", "?x"]),
  email: (rnd) =>
    pick(rnd, ["first.last", "a", "x+tag", "a b", "", "!#$%&'*+/=?^_`{|}~-", "ü"]) +
    pick(rnd, ["@", "@", "@@", ""]) +
    pick(rnd, ["example.com", "localhost", "-ex.com", "ex-.com", "a..b", "x".repeat(63) + ".io", "x".repeat(64) + ".io", ""]),
  sip_uri: (rnd) =>
    pick(rnd, ["sip:", "sips:", "SIP:", "tel:", "sip", ""]) +
    pick(rnd, ["alice@", "+14155551234@", "bob:secret@", "", "a b@", "@"]) +
    pick(rnd, ["example.com", "10.0.0.1", "[2001:db8::1]", "", "-x.com"]) +
    pick(rnd, ["", ":5061", ";transport=tls", "?subject=hi", ";lr;maddr=10.0.0.1"]),
  dtmf: (rnd) => Array.from({ length: int(rnd, 0, 11) }, () => pick(rnd, [..."0123456789ABCD*#", "a", "E", " "])).join(""),
};

/** Candidates that are likely good, for "clean" records. */
const goodPools = {
  object_id: (rnd) => hex(rnd, 24),
  e164: (rnd) => "+1415555" + pad(int(rnd, 0, 9999), 4),
  alphanumeric: (rnd) => pick(rnd, ["+14155551234", "+4930123456"]),
  date_time: (rnd) => `20${pad(int(rnd, 0, 99), 2)}-${pad(int(rnd, 1, 12), 2)}-${pad(int(rnd, 1, 28), 2)}T${pad(int(rnd, 0, 23), 2)}:${pad(int(rnd, 0, 59), 2)}:00Z`,
  ip: (rnd) => pick(rnd, [`10.${int(rnd, 0, 255)}.${int(rnd, 0, 255)}.${int(rnd, 100, 255)}`, "2001:db8::8a2e:370:7334", "::ffff:192.168.1.1"]),
  url: (rnd) => pick(rnd, ["https://example.com/", "http://a.b.c:8080/x?y#z", "https://münchen.de"]),
  email: (rnd) => pick(rnd, ["first.last@example.com", "x+tag@a.io", "root@localhost"]),
  sip_uri: (rnd) => pick(rnd, ["sip:alice@example.com", "sips:+14155551234@10.0.0.1:5061", "sip:example.com;transport=tls"]),
  dtmf: (rnd) => pick(rnd, ["123", "#*0", "ABCD", ""]),
  date: (rnd) => `20${pad(int(rnd, 0, 99), 2)}-${pad(int(rnd, 1, 12), 2)}-${pad(int(rnd, 1, 28), 2)}`,
  time: (rnd) => `${pad(int(rnd, 0, 23), 2)}:${pad(int(rnd, 0, 59), 2)}${pick(rnd, ["", ":30"])}`,
};

/** Candidates for int32s that carry a range check. */
function rangedInt(field, rnd, clean) {
  const name = field.formats[0]?.name;
  if (name === "range") return clean ? int(rnd, 1, 12) : int(rnd, -2, 70);
  if (name === "signed_range") return clean ? pick(rnd, [1, -1, 31, -31]) : pick(rnd, [0, 1, -1, 53, 54, -54, 366, 367, 31, 32]);
  if (name === "non_negative") return clean ? int(rnd, 0, 10) : int(rnd, -3, 10);
  return undefined;
}

/** A string of exactly n code points, ASCII or emoji. */
function sized(rnd, n) {
  return rnd() < 0.5 ? "a".repeat(n) : "😀".repeat(n);
}

function stringValue(field, rnd, clean) {
  const formats = field.formats.map((f) => f.name);
  if (clean) {
    if (formats.length) return goodPools[formats[0]](rnd);
    return sized(rnd, int(rnd, field.minLength ?? 0, field.maxLength ?? 20));
  }
  if (formats.length && rnd() < 0.75) return formatPools[pick(rnd, formats)](rnd);
  const lengths = [0, 1, 2, 3];
  if (field.maxLength) lengths.push(field.maxLength - 1, field.maxLength, field.maxLength + 1);
  if (field.minLength) lengths.push(field.minLength - 1, field.minLength, field.minLength + 1);
  return sized(rnd, Math.max(0, pick(rnd, lengths)));
}

const INT_POOL = [0, 1, -1, 42, 2147483647, 2147483648, -2147483648, -2147483649, 1.5, 3.0, 1e300];
const WRONG = [null, true, "1", [], {}, 1.25];

const GOOD_INTS = [0, 1, -1, 42, 2147483647, -2147483648, 3.0];

function value(field, rnd, clean) {
  if (!clean && rnd() < 0.05) return pick(rnd, WRONG);
  switch (field.type) {
    case "string":
      return stringValue(field, rnd, clean);
    case "int32":
      return rangedInt(field, rnd, clean) ?? pick(rnd, clean ? GOOD_INTS : INT_POOL);
    case "flag":
      return pick(rnd, clean ? [0, 1] : [0, 1, 0, 1, 2, -1, 0.5]);
    case "boolean":
      return pick(rnd, clean ? [true, false] : [true, false, true, false, "true", 0]);
    case "number":
      return pick(rnd, clean ? [0, 1.5, 1e9] : [0, 1.5, -2, -0.01, 1e9, "1"]);
    case "enum":
      return clean || rnd() < 0.85 ? pick(rnd, field.enum) : pick(rnd, ["X", String(field.enum[0]).toUpperCase(), ""]);
    case "any-object":
      return pick(rnd, clean ? [{}, { a: 1 }] : [{}, { a: 1 }, { nested: { deep: [1, 2] } }, [], "x"]);
    case "object":
      return record(field.fields, rnd, 0.3, clean);
    case "list":
      return Array.from({ length: int(rnd, 0, 3) }, () => value(field.items, rnd, clean));
    case "map": {
      // Struct values nest: go at most 3 levels down.
      const depth = (value.depth = (value.depth ?? 0) + 1);
      try {
        const entries = depth > 3 ? [] : Array.from({ length: int(rnd, 0, 2) }, (_, i) => [`k${i}`, record(definitions[field.ref] ?? [], rnd, 0.4, clean)]);
        return Object.fromEntries(entries);
      } finally {
        value.depth--;
      }
    }
    default:
      throw new Error(`no generator for type ${field.type}`);
  }
}

function record(fields, rnd, presence, clean) {
  const out = {};
  for (const f of fields) {
    if (rnd() < presence) out[f.name] = value(f, rnd, clean);
  }
  return out;
}

/**
 * Returns a function that makes one record. Half of the records are "clean" (few fields,
 * no deliberate wrong types), so that valid and invalid records both occur often.
 */
let definitions = {};

export function generator(description, rnd) {
  return () => {
    definitions = description.definitions;
    const clean = rnd() < 0.5;
    const r = record(description.fields, rnd, clean ? 0.4 : 0.3, clean);
    if (Object.keys(r).length === 0 && rnd() < 0.8) {
      const f = pick(rnd, description.fields);
      r[f.name] = value(f, rnd, clean);
    }
    if (rnd() < 0.3 && description.fields.some((f) => f.required)) {
      for (const f of description.fields) if (f.required && f.type === "string") r[f.name] = "Acme";
    }
    if (rnd() < 0.1) r.extraProperty = pick(rnd, [1, "x", { y: 2 }]);
    return r;
  };
}

// The pools, for generators built on this one (tests/node/differential/generate.mjs).
export { formatPools, goodPools, INT_POOL, WRONG };
