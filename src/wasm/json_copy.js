// The body of a factory compiled once by src/wasm/mod.rs: it returns `copyJson(x, levels)`,
// a snapshot of `x` in which every property of `x` was read exactly once, after which
// `copyJson.pure` says whether `x` is plain JSON data nesting at most `levels` containers
// deep (then `JSON.stringify(copy)` is its JSON text, and the copy shares no object with `x`).
//
// What it reads is what `JSON.stringify` would: the own enumerable string keys of an object
// (whatever its prototype: a class instance is read as its own properties) and array items; a
// member holding `undefined` is left out. What JSON would carry differently is kept as it is
// and makes the copy impure: functions, symbols, bigints, NaN and infinities, holes and
// `undefined` in arrays, values JSON writes as something else (Dates and other objects with a
// `toJSON` method, boxed primitives), revoked Proxies and Proxies whose traps throw,
// containers past `levels` or past 100,000 nodes in all. A getter that
// throws becomes a getter that throws the same in the copy. The in-place reader takes an
// impure copy from there: it reads only the copy, and what the copy kept as it was.
const define = Object.defineProperty;
// Prototypes of objects JSON writes as something else than their own properties.
const valueLike = new Set([Date.prototype, String.prototype, Number.prototype, Boolean.prototype]);
const throwing = (e) => ({ enumerable: true, configurable: true, get: () => { throw e; } });
// The state of the copy being made (saved and restored around a copy made inside one, by a getter).
let pure = true;
let budget = 0;
function copy(x, left) {
  const t = typeof x;
  if (t === "string" || t === "boolean" || x === null) return x;
  if (t === "number") {
    if (x - x !== 0) pure = false;
    return x;
  }
  if (t !== "object" || left === 0 || budget <= 0) {
    pure = false;
    return x;
  }
  try {
    if (Array.isArray(x)) {
      const n = x.length;
      if (n > budget) {
        pure = false;
        return x;
      }
      budget -= n + 1;
      const out = new Array(n);
      for (let i = 0; i < n; i++) {
        if (!(i in x)) {
          pure = false;
          continue;
        }
        let e;
        try {
          e = x[i];
        } catch (error) {
          define(out, i, throwing(error));
          pure = false;
          continue;
        }
        if (e === undefined) pure = false;
        out[i] = copy(e, left - 1);
      }
      return out;
    }
    const proto = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null && (valueLike.has(proto) || typeof x.toJSON === "function")) {
      pure = false;
      return x;
    }
    const keys = Object.keys(x);
    budget -= keys.length + 1;
    const out = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      let e;
      try {
        e = x[k];
      } catch (error) {
        define(out, k, throwing(error));
        pure = false;
        continue;
      }
      if (e === undefined) continue;
      const c = copy(e, left - 1);
      // A `__proto__` key is data, as `JSON.parse` makes it (assigning would set the prototype).
      if (k === "__proto__") define(out, k, { value: c, writable: true, enumerable: true, configurable: true });
      else out[k] = c;
    }
    return out;
  } catch {
    // A revoked Proxy, or a trap that threw before anything was read: kept as it is.
    pure = false;
    return x;
  }
}
// `copyJson(x, levels)`: the copy; `copyJson.pure` then says whether it is plain JSON data.
function copyJson(x, levels) {
  const outerPure = pure;
  const outerBudget = budget;
  pure = true;
  budget = 100000;
  try {
    return copy(x, levels);
  } finally {
    copyJson.pure = pure;
    pure = outerPure;
    budget = outerBudget;
  }
}
copyJson.pure = false;
return copyJson;
