// JS operations that may throw (a getter, a Proxy trap, a revoked Proxy, toJSON, BigInt),
// with the exception caught here: an exception caught by wasm-bindgen's `catch` leaks one
// slot of the module's table of JS values per exception (the discarded return value's,
// wasm-bindgen 0.2.130). Each returns `undefined` (or 2, for the yes/no ones) and sets
// `failure` when the operation threw; `failed()` reads and clears it.
let failure = false;
const threw = () => {
  failure = true;
  return undefined;
};
export function failed() {
  const f = failure;
  failure = false;
  return f;
}
export function get(o, k) {
  try {
    return Reflect.get(o, k);
  } catch {
    return threw();
  }
}
export function has(o, k) {
  try {
    return Reflect.has(o, k) ? 1 : 0;
  } catch {
    return 2;
  }
}
export function isArray(v) {
  try {
    return Array.isArray(v) ? 1 : 0;
  } catch {
    return 2;
  }
}
export function keys(o) {
  try {
    return Object.keys(o);
  } catch {
    return threw();
  }
}
export function prototypeOf(o) {
  try {
    return Object.getPrototypeOf(o);
  } catch {
    return threw();
  }
}
export function call2(f, a, b) {
  try {
    return f(a, b);
  } catch {
    return threw();
  }
}
export function stringify(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return threw();
  }
}
