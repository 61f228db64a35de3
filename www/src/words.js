// The form's words, by language: the message templates it passes to the library (its
// `messages` option, by error code, or by code and a param's value, `type[expected=integer]`:
// the rules stay the library's, only their wording is the form's), the hints it words from
// describe()'s formats and their params, and its own few messages about what was typed
// (JSON that does not parse, an empty item in a list).

const en = {
  name: "English",
  messages: {
    "type[expected=integer]": "must be a whole number",
    "type[expected=number]": "must be a number, with a point for decimals (such as 0.012)",
    "type[expected=object]": 'must be a JSON object, in braces, such as {"key": "value"}',
    "type[expected=string]": "must be text",
    "type[expected=array]": "must be a list",
    date_time: "must be a date and time with its time zone, such as 2024-05-01T12:00:00Z",
    signed_range: "must be between -{max} and {max}, but not 0",
    min_properties: "must change at least {min} field",
  },
  item: (n) => `item ${n}`,
  ui: {
    problems: (n) => `${n} problem${n === 1 ? "" : "s"} to fix`,
    e164Question: "Did you mean an E.164 number?",
    dateTimeQuestion: "Did you mean a date and time with its time zone?",
    use: (v) => `Use ${v}`,
    useInZone: (v) => `Use ${v} (your time zone)`,
    useUtc: (v) => `Use ${v} (UTC)`,
    structQuestion: 'Each key holds one typed value, such as {"plan": {"stringValue": "gold"}}.',
    useStruct: "Convert to keys and values",
    cleared: "left empty: a patch cannot clear a value, so it is not sent",
  },
  hints: {
    list: "Comma-separated.",
    listOf: (what) => `Comma-separated ${what}.`,
    wholeNumbers: "whole numbers",
    range: (min, max) => `${min} to ${max}`,
    signedRange: (max) => `-${max} to ${max}, not 0`,
    zeroOrMore: "zero or more",
    number: "A number; a point for decimals (0.012).",
    dateTime: "A date and time with its time zone, such as 2024-05-01T12:00:00Z.",
    date: "A date such as 2024-05-01.",
    time: "A time such as 08:30.",
    json: "A JSON object.",
  },
  input: {
    json: (detail, line, column) => `is not valid JSON: ${detail} at line ${line} column ${column}`,
    emptyItems: (items) => `has ${items.length === 1 ? "an empty item" : `${items.length} empty items`} (${items.join(", ")}): remove the extra comma${items.length === 1 ? "" : "s"}`,
  },
};

const de = {
  name: "Deutsch",
  messages: {
    required: "ist ein Pflichtfeld",
    type: "muss vom Typ {expected} sein, nicht {actual}",
    "type[expected=integer]": "muss eine ganze Zahl sein",
    "type[expected=number]": "muss eine Zahl sein, mit Punkt für Dezimalstellen (etwa 0.012)",
    "type[expected=object]": 'muss ein JSON-Objekt in geschweiften Klammern sein, etwa {"key": "value"}',
    "type[expected=string]": "muss Text sein",
    "type[expected=array]": "muss eine Liste sein",
    enum: "muss einer dieser Werte sein: {allowed}",
    min_length: "muss mindestens {min} Zeichen lang sein (es sind {actual})",
    max_length: "darf höchstens {max} Zeichen lang sein (es sind {actual})",
    int32: "muss eine ganze Zahl zwischen {min} und {max} sein",
    range: "muss zwischen {min} und {max} liegen",
    signed_range: "muss zwischen -{max} und {max} liegen, aber nicht 0",
    non_negative: "darf nicht negativ sein",
    object_id: "muss eine ObjectId sein: genau 24 Hexadezimalziffern",
    date_time: "muss Datum und Uhrzeit mit Zeitzone sein, etwa 2024-05-01T12:00:00Z",
    date: "muss ein Datum sein, etwa 2024-05-01",
    time: "muss eine Uhrzeit sein, etwa 08:30 oder 08:30:00",
    ip: "muss eine IPv4- oder IPv6-Adresse sein",
    url: "muss eine absolute http(s)-URL sein, etwa https://example.com",
    email: "muss eine E-Mail-Adresse sein, etwa name@example.com",
    sip_uri: "muss eine sip:- oder sips:-URI sein, etwa sip:alice@example.com",
    dtmf: "darf nur die DTMF-Zeichen 0-9, A-D, * und # enthalten",
    e164: "muss eine E.164-Nummer sein, etwa +14155551234",
    alphanumeric: "darf nur Buchstaben und Ziffern enthalten, vorn optional ein +",
    unknown_property: "ist kein Feld von {model}",
    min_properties: "muss mindestens {min} Feld ändern",
    max_depth: "ist tiefer als {max} Ebenen verschachtelt",
    max_items: "hat mehr als {max} Einträge",
    json: "ist kein gültiges JSON: {detail}",
    too_many_errors: "und {omitted} weitere Fehler",
  },
  item: (n) => `Eintrag ${n}`,
  ui: {
    problems: (n) => `${n} ${n === 1 ? "Problem" : "Probleme"} zu beheben`,
    e164Question: "Meinten Sie eine E.164-Nummer?",
    dateTimeQuestion: "Meinten Sie Datum und Uhrzeit mit Zeitzone?",
    use: (v) => `${v} übernehmen`,
    useInZone: (v) => `${v} übernehmen (Ihre Zeitzone)`,
    useUtc: (v) => `${v} übernehmen (UTC)`,
    structQuestion: 'Jeder Schlüssel hat einen typisierten Wert, etwa {"plan": {"stringValue": "gold"}}.',
    useStruct: "In Schlüssel und Werte umwandeln",
    cleared: "geleert: ein Patch kann keinen Wert löschen, er wird nicht gesendet",
  },
  hints: {
    list: "Durch Kommas getrennt.",
    listOf: (what) => `Durch Kommas getrennte ${what}.`,
    wholeNumbers: "ganze Zahlen",
    range: (min, max) => `${min} bis ${max}`,
    signedRange: (max) => `-${max} bis ${max}, nicht 0`,
    zeroOrMore: "null oder mehr",
    number: "Eine Zahl; Dezimalstellen mit Punkt (0.012).",
    dateTime: "Datum und Uhrzeit mit Zeitzone, etwa 2024-05-01T12:00:00Z.",
    date: "Ein Datum, etwa 2024-05-01.",
    time: "Eine Uhrzeit, etwa 08:30.",
    json: "Ein JSON-Objekt.",
  },
  input: {
    json: (detail, line, column) => `ist kein gültiges JSON: ${detail} in Zeile ${line}, Spalte ${column}`,
    emptyItems: (items) => `hat ${items.length === 1 ? "einen leeren Eintrag" : `${items.length} leere Einträge`} (${items.join(", ")}): überzählige Kommas entfernen`,
  },
};

export const LANGUAGES = { en, de };

/** The language to start in: the saved choice, else the browser's if we have it. */
export function startLanguage(saved) {
  if (saved && LANGUAGES[saved]) return saved;
  const browser = (navigator.language || "en").slice(0, 2);
  return LANGUAGES[browser] ? browser : "en";
}

/** The hint of a field's rules, worded from describe(): what a person may type. */
export function ruleHint(words, field, profile) {
  const h = words.hints;
  const applies = (f) => f.profile === "api" || profile === "strict";
  const bounds = (formats) => {
    for (const f of formats.filter(applies)) {
      if (f.name === "range") return h.range(f.params.min, f.params.max);
      if (f.name === "signed_range") return h.signedRange(f.params.max);
      if (f.name === "non_negative") return h.zeroOrMore;
    }
    return undefined;
  };
  if (field.type === "list") {
    const items = field.items;
    if (items.type !== "int32") return h.list;
    const range = bounds(items.formats);
    return h.listOf(range ? `${h.wholeNumbers}, ${range}` : h.wholeNumbers);
  }
  const names = field.formats.filter(applies).map((f) => f.name);
  if (names.includes("date_time")) return h.dateTime;
  if (names.includes("date")) return h.date;
  if (names.includes("time")) return h.time;
  if (field.type === "number") return h.number;
  return undefined;
}
