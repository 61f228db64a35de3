// Builds www/ with pkg/ aliased as "customer-validation" and serves the result; nothing is
// loaded from a CDN, so the page works offline.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  resolve: {
    alias: [
      // The phone module is its own chunk: loaded on the first E.164 error only.
      { find: /^customer-validation\/phone$/, replacement: here("../pkg/phone/web/index.js") },
      { find: /^customer-validation$/, replacement: here("../pkg/web/index.js") },
    ],
  },
  // Top-level await (the module's init) needs ES2022.
  build: { target: "es2022", outDir: here("dist"), emptyOutDir: true },
  server: { fs: { allow: [here("..")] } },
  clearScreen: false,
});
