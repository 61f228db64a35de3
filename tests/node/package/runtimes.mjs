// Run by tests/node/package.test.mjs in each runtime, from a project the packed package is
// installed in: 1,000 generated records through the package's calls, the answers as one JSON
// text, which must be the same bytes everywhere.
import cv, { init, validate, validateNdjson, validateJsonArray, validateField, models } from "customer-validation";
// The isomorphic forms: the default export is init, carrying the API.
await cv();
await init();
if (cv.validate !== validate || cv.init !== init) throw new Error("the default export does not carry the API");
let seed = 12345;
const next = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = (a) => a[next(a.length)];
const values = ["Acme", "", "x".repeat(46), 5, 1.5, -1, 2147483648, true, null, [], {}, "+14155551234", "12ab", "2024-05-01T12:00:00Z", "sip:a@b.c", "0123456789abcdef01234567", "Zürich 😀", "\ud800"];
const fields = ["name", "status", "credit", "number", "email", "adminUserId", "websiteUrl", "cdrRetention", "numberE164CheckEnabled", "customerId", "extra"];
const out = [];
const lines = { customer: [], createCustomerDto: [], patchCustomer: [] };
for (let i = 0; i < 1000; i++) {
  const model = pick(models());
  const record = {};
  for (let k = next(5); k > 0; k--) record[pick(fields)] = pick(values);
  const options = pick([undefined, { mode: "patch" }, { profile: "api" }, { unknown: "reject" }, { coerce: true }]);
  const r = validate(model, record, model === "patchCustomer" && options?.mode !== "patch" ? { ...options, mode: "patch" } : options);
  out.push(r);
  lines[model].push(JSON.stringify(record));
}
for (const model of models()) {
  out.push(validateNdjson(model, lines[model].join("\n"), { mode: "patch" }));
  out.push(validateJsonArray(model, `[${lines[model].join(",")}]`, { mode: "patch", output: "values" }));
}
out.push(validateField("createCustomerDto", "number", "12ab"));
process.stdout.write(JSON.stringify(out));
