// Standard Schema in a real form library: react-hook-form with
// @hookform/resolvers/standard-schema over `schema("customer")` from the installed tarball,
// bundled by esbuild, in Chromium, by keyboard and mouse. The messages shown and the value
// submitted are the package's own answers for the same input (asked in Node).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { serve, launchChromium, installPacked, root } from "./static.mjs";

let project;
let server;
let browser;

const APP = `import { createRoot } from "react-dom/client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { init, schema } from "customer-validation";
import wasmUrl from "customer-validation/wasm";

const customer = schema("customer", { mode: "create" });
// An empty text box is a field not sent.
const optional = { setValueAs: (v) => (v === "" ? undefined : v) };

function CustomerForm() {
  const { register, handleSubmit, formState: { errors } } = useForm({ resolver: standardSchemaResolver(customer), mode: "onTouched" });
  const [sent, setSent] = useState(null);
  const field = (name, label) => (
    <p>
      <label htmlFor={name}>{label}</label>
      <input id={name} aria-invalid={errors[name] ? "true" : "false"} aria-describedby={name + "-error"} {...register(name, optional)} />
      <span id={name + "-error"}>{errors[name]?.message}</span>
    </p>
  );
  return (
    <form noValidate onSubmit={handleSubmit(setSent)}>
      {field("name", "Name")}
      {field("websiteUrl", "Website URL")}
      {field("adminUserId", "Admin user ID")}
      <button type="submit">Save</button>
      {sent && <pre id="sent">{JSON.stringify(sent)}</pre>}
    </form>
  );
}

await init({ module_or_path: wasmUrl });
createRoot(document.getElementById("root")).render(<CustomerForm />);
`;

before(async () => {
  project = installPacked("react-hook-form");
  mkdirSync(join(project, "dist"));
  writeFileSync(join(project, "app.jsx"), APP);
  // customer-validation from the scratch project; React and the form library from ours.
  await build({ entryPoints: [join(project, "app.jsx")], bundle: true, format: "esm", jsx: "automatic", outdir: join(project, "dist"), loader: { ".wasm": "file" }, nodePaths: [join(root, "node_modules")], define: { "process.env.NODE_ENV": '"production"' }, logLevel: "silent" });
  server = await serve(join(project, "dist"), '<!doctype html><html lang="en"><title>form</title><div id="root"></div><script type="module" src="./app.js"></script></html>');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("react-hook-form's standardSchemaResolver: our messages at the fields, our normalized value submitted", async () => {
  const v = createRequire(import.meta.url)(join(project, "node_modules/customer-validation"));
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.origin + "/");
  await page.locator("form").waitFor({ timeout: 10_000 }).catch(() => assert.fail(errors.join("\n") || "the form did not render"));
  const name = page.getByLabel("Name");
  const message = async (label) => (await page.locator(`#${await page.getByLabel(label).getAttribute("id")}-error`).textContent()).trim();

  // Mouse: into Name, type 46 emoji, Tab away (onTouched validates on leaving a field).
  await name.click();
  await page.keyboard.type("😀".repeat(46));
  await page.keyboard.press("Tab");
  await page.keyboard.type("example.com");
  await page.keyboard.press("Tab");
  await page.keyboard.type("0123456789abcdef0123456");
  await page.getByRole("button", { name: "Save" }).click();
  const bad = { name: "😀".repeat(46), websiteUrl: "example.com", adminUserId: "0123456789abcdef0123456" };
  const expected = Object.fromEntries(v.schema("customer", { mode: "create" })["~standard"].validate(bad).issues.map((i) => [i.path[0], i.message]));
  assert.deepEqual(expected, {
    name: "must be at most 45 characters long (it has 46)",
    websiteUrl: "must be an absolute http(s) URL such as https://example.com",
    adminUserId: "must be an ObjectId: exactly 24 hexadecimal digits",
  });
  await page.waitForFunction(() => document.getElementById("adminUserId-error").textContent !== "");
  for (const [field, label] of [["name", "Name"], ["websiteUrl", "Website URL"], ["adminUserId", "Admin user ID"]]) {
    assert.equal(await message(label), expected[field], label);
    assert.equal(await page.getByLabel(label).getAttribute("aria-invalid"), "true", label);
  }
  // react-hook-form focuses the first field in error on submit.
  assert.ok(await name.evaluate((n) => n === document.activeElement), "the first field in error has focus");
  assert.equal(await page.locator("#sent").count(), 0, "nothing submitted");

  // Keyboard: fix the three, Enter submits; the value is the package's normalized one (defaults filled).
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace"); // one emoji (two UTF-16 units) less
  await name.blur();
  assert.equal(await message("Name"), "", "45 emoji are fine");
  await page.getByLabel("Website URL").fill("https://example.com");
  await page.getByLabel("Admin user ID").fill("0123456789abcdef01234567");
  await page.keyboard.press("Enter");
  await page.locator("#sent").waitFor();
  const good = { name: "😀".repeat(45), websiteUrl: "https://example.com", adminUserId: "0123456789abcdef01234567" };
  const value = v.validateCustomer(good, { mode: "create" }).value;
  assert.equal(value.status, "active", "create mode fills the defaults");
  assert.deepEqual(JSON.parse(await page.locator("#sent").textContent()), value);
  assert.deepEqual(errors, []);
  await page.close();
});
