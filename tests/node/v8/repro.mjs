// V8 11.x (Node 20): a lazy deoptimization of optimized JS during an inlined JS->Wasm call
// aborts the process. `hot` is optimized by TurboFan, which inlines the call into
// WebAssembly; then a getter, run from inside that call, changes a global `hot` depends on.
// Run by tests/node/v8-workaround.test.mjs: argv[2] is the package's directory; with
// argv[3] "opt-in" it calls useV8Workaround() first.
const cv = await import(process.argv[2] + "/index.mjs");
if (process.argv[3] === "opt-in") cv.useV8Workaround();
globalThis.G = 1;
let flip = false;
const record = { get name() { if (flip) globalThis.G = 2; return "Acme"; } };
const hot = (x) => cv.validateCustomer(x).valid && G === 1;
for (let i = 0; i < 20000; i++) hot(record);
flip = true;
hot(record);
console.log("no crash");
