// The per-record JS paths of the differential test that run in child processes:
//   node [--disallow-code-generation-from-strings] record-child.mjs PKG CASES OUT FROM MODE
// (CASES: NDJSON, the cases of the mode only, each line starting with {"i":N,)
// MODE "noeval" (started with --disallow-code-generation-from-strings: `new Function` throws,
// as under a Content-Security-Policy without 'unsafe-eval', so validate() cannot compile its
// per-model functions and reads inputs in place): validate(model, input, opts) on every case
// the JS-object paths take. MODE "js": the JS-value cases through J.validate,
// J.validate+messages and J.twin (a JS value can crash the process: a child's crash is the
// case's answer, and the test starts the next child past it).
// From case index FROM on, OUT gets one line before each call, {"begin":[i,path]}, and one
// after, {i, path, answer, shared, reread}, written unbuffered so that they survive a crash;
// the first line says whether code generation was refused, the last {"done":true,"reloads":n}.
import { openSync, readFileSync, writeSync } from "node:fs";
import { Pkg, runRecord, runTwin, useModels } from "./common.mjs";

const [pkgDir, casesFile, outFile, from, mode] = process.argv.slice(2);
let codegen = true;
try {
  new Function("return 1")();
} catch {
  codegen = false;
}
const pkg = new Pkg(pkgDir);
useModels(pkg.v);
const out = openSync(outFile, "w");
const line = (o) => writeSync(out, JSON.stringify(o) + "\n");
line({ codegen });
for (const text of readFileSync(casesFile, "utf8").split("\n")) {
  // Lines start {"i":N,...: the cases before FROM (a restart past a crash) are not parsed.
  if (!text || Number(text.slice(5, text.indexOf(","))) < Number(from)) continue;
  const c = JSON.parse(text);
  const paths = mode === "noeval" ? (c.kind === "js" || c.parse === "ok" ? ["J.noeval"] : []) : c.kind === "js" ? ["J.validate", "J.validate+messages", "J.twin"] : [];
  for (const path of paths) {
    line({ begin: [c.i, path] });
    if (path === "J.twin") {
      const answer = runTwin(pkg, c);
      line({ i: c.i, path, answer });
    } else {
      const { answer, shared, reread } = runRecord(pkg, c, path === "J.validate+messages");
      line({ i: c.i, path, answer, shared, reread });
    }
  }
}
line({ done: true, reloads: pkg.reloads });
