/** The value of an object of fields: each touched one that holds a value, by name. */
export function readTouched(nodes) {
  const out = {};
  for (const n of nodes) {
    if (!n.isTouched()) continue;
    const v = n.read();
    if (v !== undefined) out[n.field.name] = v;
  }
  return out;
}

// A node of the form tree. Scalars read their control; objects and lists read their
// children. `pointer()` is computed from the parent chain, so removing a list row renumbers
// the rest.
export class Node {
  constructor(field, parent, key) {
    this.field = field;
    this.parent = parent;
    this.key = key; // a field name, or () => index for list rows
    this.touched = false;
  }
  pointer() {
    const key = typeof this.key === "function" ? this.key() : this.key;
    return `${this.parent ? this.parent.pointer() : ""}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
  }
  /** The element to place in the page. */
  element() {
    return this.node;
  }
  /** Touched: the person changed it, so it is sent. */
  isTouched() {
    return this.touched;
  }
  /** What the person typed that cannot become a value (JSON that does not parse, ...). */
  inputErrors() {
    return [];
  }
}
