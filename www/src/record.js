// Editing an existing record: what changed between the record as loaded and the form now.

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The patch that turns `before` into `after` (only changed keys; objects compared key by
 * key, lists and scalars whole), and the changes as [pointer, old, new] for people to read.
 */
export function diff(before, after, base = "") {
  const patch = {};
  const changes = [];
  // Keys the record had that the form no longer sends: left empty (a patch cannot clear them).
  for (const key of Object.keys(before ?? {})) if (!(key in after)) changes.push([`${base}/${key}`, before[key], undefined]);
  for (const [key, value] of Object.entries(after)) {
    const old = before?.[key];
    const at = `${base}/${key}`;
    if (same(old, value)) continue;
    const plain = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
    if (plain(value) && plain(old)) {
      const inner = diff(old, value, at);
      if (Object.keys(inner.patch).length) patch[key] = inner.patch;
      changes.push(...inner.changes);
    } else {
      patch[key] = value;
      changes.push([at, old, value]);
    }
  }
  return { patch, changes };
}

/** A value as a person reads it in a list of changes. */
export const shown = (v) => (v === undefined ? "(not set)" : JSON.stringify(v));
