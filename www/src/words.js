// The form's words, by language: the message templates it passes to the library (its
// `messages` option, by error code, or by code and a param's value, `type[expected=integer]`:
// the rules stay the library's, only their wording is the form's), the hints it words from
// describe()'s formats and their params, and its own few messages about what was typed
// (JSON that does not parse, an empty item in a list), and the words of the Import tab.

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
  import: {
    tab: "Import",
    tabName: "Import a file of records",
    heading: "Import a file of records",
    lead: "Checks every record of a CSV, NDJSON or JSON array file in this browser, in the background: nothing is uploaded. The valid records come back normalized, the invalid ones with their messages.",
    drop: "Drop a file here, or choose one.",
    file: "File (.csv, .ndjson, .jsonl or .json)",
    noFileYet: "No file chosen yet.",
    chosen: (name, size, format) => `${name}, ${size}, ${format}.`,
    formats: { csv: "CSV", ndjson: "NDJSON", json: "JSON array" },
    byContent: "NDJSON or a JSON array: told by its first bytes",
    detected: (format) => `${format} (told by its first bytes)`,
    model: "Model of the records",
    mode: "Mode",
    profile: "Profile",
    modeHint: "Create fills in defaults and checks required fields; patch checks only what each record holds.",
    patchOnly: "This model is a patch only.",
    profileHint: "Strict adds format checks to the upstream API's own rules.",
    start: "Start",
    cancel: "Cancel",
    noFile: "Choose a file first.",
    started: (name) => `Checking ${name}…`,
    cancelled: "The import was cancelled.",
    finished: (records, valid, invalid) => `Checked: ${records} records, ${valid} valid, ${invalid} invalid.`,
    failedStatus: "The file could not be checked.",
    progressLabel: "Progress of the import",
    progress: (read, total, records, rate) => `${read} of ${total} · ${records} records · ${rate} records/s`,
    result: "Result",
    records: "Records",
    valid: "Valid",
    invalid: "Invalid",
    format: "Format",
    topCodes: "Most frequent errors",
    columns: "Column → field",
    unmatched: "not a field of this model",
    downloadValid: (n, shown) => (n === 1 ? "Download the 1 valid record (NDJSON)" : `Download the ${shown} valid records (NDJSON)`),
    downloadInvalid: (n, shown) => (n === 1 ? "Download the 1 invalid row with its messages (CSV)" : `Download the ${shown} invalid rows with their messages (CSV)`),
    capped: (kept) => `The table lists the first ${kept} invalid records only (this tab keeps no more); the counts are exact.`,
    unlisted: (n) => `${n} invalid records were counted but not listed.`,
    noRejected: "This version of the validation package does not return the invalid rows' text, so they cannot be downloaded or opened in the form.",
    callFailed: "The file could not be checked as a whole:",
    formatUnknown: "The start of the file does not tell whether it is NDJSON or a JSON array: give it a .ndjson or .json name.",
    unsupported: (format) => `This version of the validation package cannot read ${format} files.`,
    workerFailed: (message) => `The check stopped: ${message}`,
    rowsCaption: "Invalid rows, one per error",
    where: "Line",
    field: "Field",
    message: "Message",
    form: "Form",
    line: (n) => `line ${n}`,
    record: (n) => `record ${n}`,
    wholeRecord: "(the record)",
    open: "Open in form",
    openLabel: (where, field) => `Open in form: ${where}, ${field}`,
    noRecord: "—",
    previous: "Previous",
    next: "Next",
    range: (from, to, total) => `rows ${from}–${to} of ${total}`,
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
    csv_cells: "hat {actual} Zellen, die Kopfzeile hat {expected}",
    encoding: "ist kein UTF-8-Text (Spalte {column}): speichern Sie die Datei als UTF-8",
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
  import: {
    tab: "Import",
    tabName: "Eine Datei mit Datensätzen importieren",
    heading: "Eine Datei mit Datensätzen importieren",
    lead: "Prüft jeden Datensatz einer CSV-, NDJSON- oder JSON-Array-Datei in diesem Browser, im Hintergrund: nichts wird hochgeladen. Die gültigen Datensätze kommen normalisiert zurück, die ungültigen mit ihren Meldungen.",
    drop: "Eine Datei hier ablegen oder auswählen.",
    file: "Datei (.csv, .ndjson, .jsonl oder .json)",
    noFileYet: "Noch keine Datei ausgewählt.",
    chosen: (name, size, format) => `${name}, ${size}, ${format}.`,
    formats: { csv: "CSV", ndjson: "NDJSON", json: "JSON-Array" },
    byContent: "NDJSON oder ein JSON-Array: an den ersten Bytes erkannt",
    detected: (format) => `${format} (an den ersten Bytes erkannt)`,
    model: "Modell der Datensätze",
    mode: "Modus",
    profile: "Profil",
    modeHint: "Create ergänzt Standardwerte und prüft Pflichtfelder; patch prüft nur, was jeder Datensatz enthält.",
    patchOnly: "Dieses Modell ist nur ein Patch.",
    profileHint: "Strict ergänzt die Regeln der Upstream-API um Formatprüfungen.",
    start: "Starten",
    cancel: "Abbrechen",
    noFile: "Zuerst eine Datei auswählen.",
    started: (name) => `${name} wird geprüft…`,
    cancelled: "Der Import wurde abgebrochen.",
    finished: (records, valid, invalid) => `Geprüft: ${records} Datensätze, ${valid} gültig, ${invalid} ungültig.`,
    failedStatus: "Die Datei konnte nicht geprüft werden.",
    progressLabel: "Fortschritt des Imports",
    progress: (read, total, records, rate) => `${read} von ${total} · ${records} Datensätze · ${rate} Datensätze/s`,
    result: "Ergebnis",
    records: "Datensätze",
    valid: "Gültig",
    invalid: "Ungültig",
    format: "Format",
    topCodes: "Häufigste Fehler",
    columns: "Spalte → Feld",
    unmatched: "kein Feld dieses Modells",
    downloadValid: (n, shown) => (n === 1 ? "Den 1 gültigen Datensatz herunterladen (NDJSON)" : `Die ${shown} gültigen Datensätze herunterladen (NDJSON)`),
    downloadInvalid: (n, shown) => (n === 1 ? "Die 1 ungültige Zeile mit ihren Meldungen herunterladen (CSV)" : `Die ${shown} ungültigen Zeilen mit ihren Meldungen herunterladen (CSV)`),
    capped: (kept) => `Die Tabelle listet nur die ersten ${kept} ungültigen Datensätze (mehr hält dieser Tab nicht); die Zahlen sind genau.`,
    unlisted: (n) => `${n} ungültige Datensätze wurden gezählt, aber nicht aufgelistet.`,
    noRejected: "Diese Version des Validierungspakets liefert den Text der ungültigen Zeilen nicht: sie können weder heruntergeladen noch im Formular geöffnet werden.",
    callFailed: "Die Datei konnte als Ganzes nicht geprüft werden:",
    formatUnknown: "Der Anfang der Datei verrät nicht, ob sie NDJSON oder ein JSON-Array ist: bitte .ndjson oder .json als Endung geben.",
    unsupported: (format) => `Diese Version des Validierungspakets kann keine ${format}-Dateien lesen.`,
    workerFailed: (message) => `Die Prüfung ist abgebrochen: ${message}`,
    rowsCaption: "Ungültige Zeilen, eine je Fehler",
    where: "Zeile",
    field: "Feld",
    message: "Meldung",
    form: "Formular",
    line: (n) => `Zeile ${n}`,
    record: (n) => `Datensatz ${n}`,
    wholeRecord: "(der Datensatz)",
    open: "Im Formular öffnen",
    openLabel: (where, field) => `Im Formular öffnen: ${where}, ${field}`,
    noRecord: "—",
    previous: "Zurück",
    next: "Weiter",
    range: (from, to, total) => `Zeilen ${from}–${to} von ${total}`,
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
