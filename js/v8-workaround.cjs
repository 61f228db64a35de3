// Node 20's V8 (11.x) aborts the process ("Fatal error: unreachable code" in
// Deoptimizer::DoComputeBuiltinContinuation) when optimized JS that inlined a call into
// WebAssembly is deoptimized during that call: tests/node/v8/repro.mjs does it in 0.15 s
// (20 of 20 runs on Node 20.20.2), and the benchmark did in 4 of 7 runs. Turning that
// inlining off avoids it, but the flag is the whole process's: so it is the application's
// choice, never made by loading this package. Opt in with `useV8Workaround()` before the
// hot code runs, or CUSTOMER_VALIDATION_V8_WORKAROUND=1 in the environment.
function useV8Workaround() {
  if (Number.parseInt(process.versions.v8, 10) > 11) return false;
  require("node:v8").setFlagsFromString("--no-turbo-inline-js-wasm-calls");
  return true;
}
if (process.env.CUSTOMER_VALIDATION_V8_WORKAROUND === "1") useV8Workaround();
