// Drafts: each model's form state in localStorage, so a reload keeps it. A browser that
// refuses storage (private mode, quota) just has no drafts.
const key = (model) => `customer-admin:draft:${model}`;

export function saveDraft(model, state) {
  try {
    localStorage.setItem(key(model), JSON.stringify(state));
  } catch {}
}

export function loadDraft(model) {
  try {
    const text = localStorage.getItem(key(model));
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function dropDraft(model) {
  try {
    localStorage.removeItem(key(model));
  } catch {}
}
