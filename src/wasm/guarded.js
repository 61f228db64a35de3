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
// The typed-array getters themselves: a subclass or an own property cannot replace them.
const typedArray = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (name) => Object.getOwnPropertyDescriptor(typedArray, name).get;
const [bufferOf, offsetOf, lengthOf] = ["buffer", "byteOffset", "byteLength"].map(getter);
const tagOf = Object.getOwnPropertyDescriptor(typedArray, Symbol.toStringTag).get;
/** A plain Uint8Array over the bytes of `v` if it is one (null if not), read without running its code. */
export function uint8(v) {
  try {
    if (!ArrayBuffer.isView(v) || tagOf.call(v) !== "Uint8Array") return null;
    return new Uint8Array(bufferOf.call(v), offsetOf.call(v), lengthOf.call(v));
  } catch {
    // A detached buffer.
    return threw();
  }
}
