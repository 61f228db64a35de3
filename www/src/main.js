// The admin portal: one form per model (model-form.js), as tabs, and an Import tab
// (import/page.js); the language of the messages; leaving with unsent changes asks first.
import init, { models } from "customer-validation";
import { ModelForm, heading } from "./model-form.js";
import { ImportPage } from "./import/page.js";
import { el } from "./fields/dom.js";
import { LANGUAGES, startLanguage } from "./words.js";

const app = document.getElementById("app");
const status = document.getElementById("status");

try {
  await init();
} catch (e) {
  status.className = "fatal";
  status.setAttribute("role", "alert");
  status.textContent = `The WebAssembly validation module failed to load, so the form cannot check anything: ${e}`;
  throw e;
}

const LANGUAGE_KEY = "customer-admin:language";
const portal = { words: LANGUAGES[startLanguage(localStorage.getItem(LANGUAGE_KEY))] };

// ---- language of the messages ----
const language = document.getElementById("language");
for (const [code, words] of Object.entries(LANGUAGES)) language.append(el("option", { value: code, text: words.name, selected: words === portal.words }));
language.addEventListener("change", () => {
  portal.words = LANGUAGES[language.value];
  localStorage.setItem(LANGUAGE_KEY, language.value);
  document.documentElement.lang = language.value;
  for (const form of forms.values()) {
    form.applyMode();
    form.recheckTouched();
    form.refreshPanels();
  }
  importPage.applyWords();
  importTab.setAttribute("aria-label", portal.words.import.tabName);
  importTab.firstChild.textContent = portal.words.import.tab;
});
document.documentElement.lang = language.value;

// ---- tabs ----
const tabs = document.getElementById("tabs");
const forms = new Map(models().map((id) => [id, new ModelForm(id, portal)]));
status.remove();
const importPage = new ImportPage(portal);
const ids = [...forms.keys(), "import"];
const panels = new Map([...[...forms].map(([id, form]) => [id, form.node]), ["import", importPage.node]]);
function addTab(id, label, ...children) {
  const tab = el("button", { role: "tab", id: `tab-${id}`, "aria-controls": `panel-${id}`, type: "button" }, ...children);
  tab.setAttribute("aria-label", label);
  tab.addEventListener("click", () => (location.hash = id));
  tab.addEventListener("keydown", (e) => {
    const at = ids.indexOf(id);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: ids.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = ids[(next + ids.length) % ids.length];
    location.hash = target;
    document.getElementById(`tab-${target}`).focus();
  });
  tabs.append(tab);
  app.append(panels.get(id));
  return tab;
}
for (const [id, form] of forms) addTab(id, heading(form.info), el("span", { class: "tab-label", text: form.info.label }), el("span", { class: "tab-upstream", text: ` (${form.info.upstream})` }));
const importTab = addTab("import", portal.words.import.tabName, el("span", { class: "tab-label", text: portal.words.import.tab }));

/** `#customer` shows a model; `#customer?record=<JSON, URI-encoded>` also loads that record to edit. */
function show() {
  const [hash, query] = location.hash.slice(1).split("?");
  const current = panels.has(hash) ? hash : ids[0];
  const record = new URLSearchParams(query ?? "").get("record");
  if (record !== null && forms.has(current)) {
    forms.get(current).loadText(record);
    history.replaceState(null, "", `#${current}`);
  }
  for (const [id, panel] of panels) {
    const on = id === current;
    panel.hidden = !on;
    const tab = document.getElementById(`tab-${id}`);
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
  }
}
window.addEventListener("hashchange", show);
show();

// Drafts survive a reload (draft.js); leaving with changes not yet checked asks first.
window.addEventListener("beforeunload", (e) => {
  if ([...forms.values()].some((f) => f.dirty)) {
    e.preventDefault();
    e.returnValue = "";
  }
});

performance.mark("form-ready");
document.body.dataset.ready = "true";
