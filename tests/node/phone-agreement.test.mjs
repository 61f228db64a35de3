// customer-validation/phone (libphonenumber's metadata through the `phonenumber` crate)
// against libphonenumber-js (its own port of the same metadata), on generated numbers across
// every region both know: each region's example mobile number, then variants of it (a digit
// changed, one cut off, one added, written nationally with the region, or in an international
// format with spaces). Agreement is reported per property; the disagreements that remain are
// printed with both answers (the two metadata releases differ, see the note at the end).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { mulberry32 } from "./generate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const lib = require("libphonenumber-js/max");
const examples = require("libphonenumber-js/examples.mobile.json");
const phone = await import(pathToFileURL(join(root, "pkg/phone/index.mjs")).href);
await phone.default();

/** Generated cases: `[text, region | undefined]`. */
function cases(rnd) {
  const ours = new Set(phone.regions());
  const out = [];
  const digit = () => String(Math.floor(rnd() * 10));
  for (const region of Object.keys(examples).filter((r) => ours.has(r)).sort()) {
    const example = lib.parsePhoneNumberFromString(examples[region], region);
    if (!example) continue;
    const e164 = example.number;
    const national = example.nationalNumber;
    out.push([e164, undefined], [examples[region], region], [example.formatInternational(), undefined]);
    for (let k = 0; k < 10; k++) {
      const at = 1 + Math.floor(rnd() * (national.length - 1));
      const changed = national.slice(0, at) + digit() + national.slice(at + 1);
      const variant = [changed, national.slice(0, -1), national + digit()][k % 3];
      out.push([`+${example.countryCallingCode}${variant}`, undefined], [variant, region]);
    }
  }
  return out;
}

/** Our type names for libphonenumber-js's. */
const TYPE = (t) => (t === undefined ? null : t.toLowerCase());

test("customer-validation/phone agrees with libphonenumber-js on generated numbers across regions", () => {
  const all = cases(mulberry32(0x9b0e));
  assert.ok(all.length > 3000, `${all.length} cases`);
  const count = { cases: all.length, parsed: 0, valid: 0, possible: 0, e164: 0, region: 0, type: 0, bothValid: 0 };
  const differ = { valid: [], possible: [], e164: [], region: [], type: [] };
  for (const [text, region] of all) {
    const theirs = lib.parsePhoneNumberFromString(text, region);
    const ours = phone.parsePhone(text, region ? { region } : undefined);
    const parsed = !ours.error;
    if (parsed !== Boolean(theirs)) {
      differ.valid.push({ text, region, ours, theirs: theirs ? theirs.number : null });
      continue;
    }
    count.parsed++;
    if (!parsed) {
      count.valid++;
      count.possible++;
      count.e164++;
      continue;
    }
    const same = (k, a, b, detail) => (a === b ? count[k]++ : differ[k]?.push({ text, region, ours: detail.ours, theirs: detail.theirs }));
    same("valid", ours.valid, theirs.isValid(), { ours: ours.valid, theirs: theirs.isValid() });
    same("possible", ours.possible, theirs.isPossible(), { ours: ours.possible, theirs: theirs.isPossible() });
    same("e164", ours.e164, theirs.number, { ours: ours.e164, theirs: theirs.number });
    if (ours.valid && theirs.isValid()) {
      count.bothValid++;
      same("region", ours.region, theirs.country ?? null, { ours: ours.region, theirs: theirs.country });
      same("type", ours.type, TYPE(theirs.getType()), { ours: ours.type, theirs: theirs.getType() });
    }
  }
  const share = (n, of) => `${n.toLocaleString("en")} of ${of.toLocaleString("en")} (${((100 * n) / of).toFixed(2)}%)`;
  console.log(`# phone agreement: ${all.length.toLocaleString("en")} numbers from ${Object.keys(examples).length} regions' examples and their variants`);
  console.log(`#   parsed or refused alike: ${share(count.parsed, all.length)}`);
  console.log(`#   valid: ${share(count.valid, all.length)}; possible: ${share(count.possible, count.parsed)}; E.164: ${share(count.e164, count.parsed)}`);
  console.log(`#   both valid: ${count.bothValid.toLocaleString("en")}; region: ${share(count.region, count.bothValid)}; type: ${share(count.type, count.bothValid)}`);
  for (const [k, list] of Object.entries(differ)) for (const d of list.slice(0, 5)) console.log(`#   differs in ${k}: ${JSON.stringify(d)}`);
  // The numbers both libraries agree a number is valid and where it is: nearly all. What
  // differs comes from the metadata releases (the crate's 9.0.33; libphonenumber-js's own),
  // whose ranges move as regulators assign numbers (Benin's 01 prefix, Bosnia's 61), and from
  // how a national number that starts with the country code is read (Kazakhstan's 7 7...:
  // the crate takes the 7 for the country code).
  assert.ok(count.parsed / all.length > 0.98, "parse verdicts");
  assert.ok(count.valid / all.length > 0.95, "validity");
  // Ours counts local-only lengths as possible (libphonenumber's isPossibleNumber does);
  // libphonenumber-js's isPossible() does not: Bolivia's 7-digit local numbers, say.
  assert.ok(count.possible / count.parsed > 0.97, "possible");
  assert.ok(count.e164 / count.parsed > 0.99, "E.164 form");
  assert.ok(count.region / count.bothValid > 0.99, "region");
  assert.ok(count.type / count.bothValid > 0.9, "type");
});
