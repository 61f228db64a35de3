// The V8 workaround (js/v8-workaround.cjs) is opt-in, and it prevents the crash it is for.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const repro = (env, ...args) =>
  spawnSync(process.execPath, [join(root, "tests/node/v8/repro.mjs"), join(root, "pkg"), ...args], {
    encoding: "utf8",
    env: { ...process.env, CUSTOMER_VALIDATION_V8_WORKAROUND: env },
  });
const oldV8 = Number.parseInt(process.versions.v8, 10) <= 11;
const ran = (r) => [r.status, r.signal, r.stdout, r.stderr.slice(0, 300)];

test("opted in by the environment or by useV8Workaround(), the reproduction runs to its end", () => {
  assert.deepEqual(ran(repro("1")), [0, null, "no crash\n", ""]);
  assert.deepEqual(ran(repro("", "opt-in")), [0, null, "no crash\n", ""]);
});

test("loading the package alone sets no flag: on V8 11 the reproduction then aborts the process", { skip: !oldV8 && "V8 past 11 does not need it" }, () => {
  const r = repro("");
  // SIGTRAP: "Fatal error ... unreachable code" in Deoptimizer::DoComputeBuiltinContinuation.
  assert.deepEqual([r.status, r.signal], [null, "SIGTRAP"], r.stdout + r.stderr.slice(0, 300));
  assert.match(r.stderr, /unreachable code/);
});
