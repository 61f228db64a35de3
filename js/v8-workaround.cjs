// Node 20's V8 (11.x) aborts the process ("Fatal error: unreachable code" in
// Deoptimizer::DoComputeBuiltinContinuation) when optimized JS that inlined a call into
// WebAssembly is deoptimized during that call. Measured here: the benchmark harness crashed
// in 4 of 4 runs, and in 0 of 3 with this inlining turned off. Applied where it was seen.
if (Number.parseInt(process.versions.v8, 10) <= 11) {
  require("node:v8").setFlagsFromString("--no-turbo-inline-js-wasm-calls");
}
