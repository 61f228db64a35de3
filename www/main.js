import init, { describe, models } from "customer-validation";

const app = document.getElementById("app");
try {
  await init();
  app.textContent = models().map((id) => `${id}: ${describe(id).fields.length} fields`).join("\n");
} catch (e) {
  app.textContent = `The WebAssembly module failed to load: ${e}`;
}
