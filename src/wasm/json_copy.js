// The body of a factory compiled once by src/wasm/mod.rs: it returns `copyJson(x, levels)`,
// `[copy, pure]`: a snapshot of `x` in which every property of `x` was read exactly once,
// and whether `x` is plain JSON data nesting at most `levels` containers deep (then
// `JSON.stringify(copy)` is its JSON text, and the copy shares no object with `x`).
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
function copy(x, left, st) {
  const t = typeof x;
  if (t === "string" || t === "boolean" || x === null) return x;
  if (t === "number") {
    if (x - x !== 0) st.pure = false;
    return x;
  }
  if (t !== "object" || left === 0 || st.n <= 0) {
    st.pure = false;
    return x;
  }
  try {
    if (Array.isArray(x)) {
      const n = x.length;
      if (n > st.n) {
        st.pure = false;
        return x;
      }
      st.n -= n + 1;
      const out = new Array(n);
      for (let i = 0; i < n; i++) {
        if (!(i in x)) {
          st.pure = false;
          continue;
        }
        let e;
        try {
          e = x[i];
        } catch (error) {
          define(out, i, throwing(error));
          st.pure = false;
          continue;
        }
        if (e === undefined) st.pure = false;
        out[i] = copy(e, left - 1, st);
      }
      return out;
    }
    const proto = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null && (valueLike.has(proto) || typeof x.toJSON === "function")) {
      st.pure = false;
      return x;
    }
    const keys = Object.keys(x);
    st.n -= keys.length + 1;
    const out = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      let e;
      try {
        e = x[k];
      } catch (error) {
        define(out, k, throwing(error));
        st.pure = false;
        continue;
      }
      if (e === undefined) continue;
      const c = copy(e, left - 1, st);
      // A `__proto__` key is data, as `JSON.parse` makes it (assigning would set the prototype).
      if (k === "__proto__") define(out, k, { value: c, writable: true, enumerable: true, configurable: true });
      else out[k] = c;
    }
    return out;
  } catch {
    // A revoked Proxy, or a trap that threw before anything was read: kept as it is.
    st.pure = false;
    return x;
  }
}
return function copyJson(x, levels) {
  const st = { n: 100000, pure: true };
  const c = copy(x, levels, st);
  return [c, st.pure];
};
