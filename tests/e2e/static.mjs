// What the browser tests of the package share: the packed package installed into a scratch
// project, a static server of one folder (`/` answers `index`, an HTML page's text) and
// Debian's Chromium.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize, extname } from "node:path";
import { chromium } from "playwright-core";

export const root = join(fileURLToPath(new URL("../..", import.meta.url)));

/** `npm pack`s pkg/ and installs the tarball (offline: it has no dependencies) into a fresh project; its folder. */
export function installPacked(name) {
  const work = mkdtempSync(join(tmpdir(), `cv-${name}-`));
  const project = join(work, "app");
  const pack = spawnSync("npm", ["pack", join(root, "pkg"), "--pack-destination", work, "--json"], { cwd: work, encoding: "utf8" });
  assert.equal(pack.status, 0, pack.stderr);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true }));
  const install = spawnSync("npm", ["install", join(work, JSON.parse(pack.stdout)[0].filename), "--offline", "--no-audit", "--no-fund"], { cwd: project, encoding: "utf8" });
  assert.equal(install.status, 0, install.stderr);
  return project;
}

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };

/** Serves `folder` on a free port, `/` as `index` (with `headers`, e.g. a CSP); `{ origin, close }`. */
export async function serve(folder, index, headers = {}) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/") return res.writeHead(200, { "content-type": "text/html", ...headers }).end(index);
    const file = normalize(join(folder, path));
    const body = file.startsWith(folder) ? await readFile(file).catch(() => null) : null;
    if (body === null) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Headless Chromium as root may run it (README: the machine's facts). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
