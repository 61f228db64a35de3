// The few DOM helpers every control uses.

let uid = 0;
/** A fresh element id for a field's control. */
export const nextId = (name) => `f-${name || "item"}-${++uid}`;

/** An element with attributes (`class`, `text`; `false`/`undefined` left out) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

/** Code points, as the rules count length (not UTF-16 units, which `.length` counts). */
export const codePoints = (s) => [...s].length;

/** Sets a node's text only when it changes (a screen reader re-reads rewritten text). */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
