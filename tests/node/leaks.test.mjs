// No leak on any path (issue 11): over 2 M calls of each kind, the module's memory and the
// JS values it holds stay flat. (wasm-bindgen's `catch` leaked one table slot per exception
// caught; src/wasm/guarded.js catches them in JS instead.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const v = createRequire(import.meta.url)(join(root, "pkg"));
const CALLS = 2_000_000;

const kinds = {
  "a throwing getter": () => v.validateCustomer({ get name() { throw new Error("boom"); } }),
  "a revoked Proxy": () => {
    const p = Proxy.revocable({}, {});
    p.revoke();
    return v.validateCustomer(p.proxy);
  },
  "an invalid record": () => v.validateCustomer({ name: 5, credit: "x", x: { y: 1 } }),
  "a valid record": () => v.validateCustomer({ name: "Acme" }),
};

for (const [kind, call] of Object.entries(kinds)) {
  test(`2 M calls with ${kind}: memory and held JS values stay flat`, (t) => {
    // Warm-up: caches (interned keys, compiled plans) are filled once.
    for (let i = 0; i < 10000; i++) call();
    const [memory, held] = v.__testing.resources();
    for (let i = 0; i < CALLS; i++) call();
    const [memoryAfter, heldAfter] = v.__testing.resources();
    t.diagnostic(`${kind}: memory ${memory} -> ${memoryAfter} bytes, held JS values ${held} -> ${heldAfter}`);
    assert.ok(heldAfter - held <= 16, `held JS values grew from ${held} to ${heldAfter}`);
    assert.ok(memoryAfter - memory <= 1 << 20, `memory grew from ${memory} to ${memoryAfter} bytes`);
  });
}
