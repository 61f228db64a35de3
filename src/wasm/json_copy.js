// The body of a factory compiled once by src/wasm/mod.rs: it returns `copyJson(x, levels)`,
// a fresh copy of `x` when `x` is plain JSON data nesting at most `levels` containers deep,
// else `undefined`. What it reads is what `JSON.stringify` would: own enumerable string
// keys of plain objects (prototype `Object.prototype` or `null`) and array items, each
// property read exactly once; a member holding `undefined` is left out. It gives up on
// anything JSON would carry differently from the value itself (functions, symbols, bigints,
// NaN and infinities, holes and `undefined` in arrays, objects that are not plain: Dates,
// boxed primitives, class instances), on nesting past `levels`, on more than 100,000 nodes,
// and on any exception (a throwing getter, a revoked Proxy): the in-place reader, which
// reports such values precisely, then takes over. The copy never shares an object with `x`.
const fail = {};
const define = Object.defineProperty;
function copy(x, left, budget) {
  const t = typeof x;
  if (t === "string" || t === "boolean" || x === null) return x;
  if (t === "number") {
    if (x - x !== 0) throw fail;
    return x;
  }
  if (t !== "object" || left === 0) throw fail;
  if (Array.isArray(x)) {
    const n = x.length;
    if ((budget.n -= n + 1) < 0) throw fail;
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      if (!(i in x)) throw fail;
      const e = x[i];
      if (e === undefined) throw fail;
      out[i] = copy(e, left - 1, budget);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) throw fail;
  const keys = Object.keys(x);
  if ((budget.n -= keys.length + 1) < 0) throw fail;
  const out = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const e = x[k];
    if (e === undefined) continue;
    const c = copy(e, left - 1, budget);
    // A `__proto__` key is data, as `JSON.parse` makes it (assigning would set the prototype).
    if (k === "__proto__") define(out, k, { value: c, writable: true, enumerable: true, configurable: true });
    else out[k] = c;
  }
  return out;
}
return function copyJson(x, levels) {
  try {
    return copy(x, levels, { n: 100000 });
  } catch {
    return undefined;
  }
};
