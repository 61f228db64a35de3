// Serves www/ with the freshly built pkg/ aliased as "customer-validation"; nothing from a CDN.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("../pkg/web/customer_validation.js", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: { alias: { "customer-validation": pkg } },
  server: { fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
  clearScreen: false,
  logLevel: "info",
});
