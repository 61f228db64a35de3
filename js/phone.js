// The phone module's entry (customer-validation/phone) over its wasm-bindgen module, `core`,
// written into pkg/phone/node/index.cjs and pkg/phone/web/index.js by scripts/assemble-pkg.mjs.
// Bad input of any shape is an answer ({ error, detail }), never an exception.

function notLoadedPhone() {
  return new Error("customer-validation/phone: the WebAssembly module is not loaded yet: await init() (the default export) once before calling it");
}

/** `text` as a phone number, by the numbering plan; `options.region` places a national number. */
function parsePhone(text, options) {
  if (typeof text !== "string") return { error: "type", detail: `text must be a string, not ${text === null ? "null" : typeof text}` };
  let region;
  try {
    region = options === undefined || options === null ? undefined : options.region;
  } catch (e) {
    return { error: "type", detail: `options could not be read: ${e}` };
  }
  if (region !== undefined && typeof region !== "string") return { error: "type", detail: `region must be a string, not ${region === null ? "null" : typeof region}` };
  if (!loaded.ready) throw notLoadedPhone();
  return JSON.parse(core.parsePhone(text, region));
}

/** The regions the metadata knows (ISO 3166-1 alpha-2), sorted. */
function regions() {
  if (!loaded.ready) throw notLoadedPhone();
  return core.regions().split(",");
}
