// Builds www/ with pkg/ aliased as "customer-validation" and serves the result; nothing is
// loaded from a CDN, so the page works offline.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  resolve: { alias: { "customer-validation": here("../pkg/web/index.js") } },
  // Top-level await (the module's init) needs ES2022.
  build: { target: "es2022", outDir: here("dist"), emptyOutDir: true },
  server: { fs: { allow: [here("..")] } },
  clearScreen: false,
});
