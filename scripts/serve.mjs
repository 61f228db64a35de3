// Serves the built admin form (www/dist) as a production server would: the hashed files
// under /assets/ cached for good (their names change when they do), the page revalidated on
// every load, and everything compressed (Brotli or gzip, once per file and encoding, on its
// first request: Brotli at quality 11 takes about 3 s for the 2 MB phone module, which most
// loads never ask for): the .wasm is 360 KB as built and about 150 KB gzipped.
//   node scripts/serve.mjs [folder] [--port N] [--host H]
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, extname, relative, sep } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const port = Number(option("--port", process.env.PORT ?? 8080));
const host = option("--host", "127.0.0.1");
const folder = args[0] ?? fileURLToPath(new URL("../www/dist", import.meta.url));

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".json": "application/json", ".ico": "image/x-icon" };

const COMPRESS = {
  gzip: (body) => gzipSync(body, { level: 9 }),
  br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
};

/** Every file of the folder by URL path; its compressed forms are made when first asked for. */
function load(dir) {
  const files = new Map();
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (!statSync(path).isFile()) continue;
    const body = readFileSync(path);
    const url = "/" + relative(dir, path).split(sep).join("/");
    files.set(url, {
      body,
      type: TYPES[extname(path)] ?? "application/octet-stream",
      encoded: {},
      // Hashed names (Vite's assets) never change content; the page must be checked each time.
      cache: url.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
    });
  }
  return files;
}

const files = load(folder);
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = files.get(path === "/" ? "/index.html" : path);
  if (!file) return res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  const accepts = String(req.headers["accept-encoding"] ?? "");
  const encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : undefined;
  const body = encoding ? (file.encoded[encoding] ??= COMPRESS[encoding](file.body)) : file.body;
  const headers = { "content-type": file.type, "cache-control": file.cache, vary: "accept-encoding", "content-length": body.length, "x-content-type-options": "nosniff" };
  if (encoding) headers["content-encoding"] = encoding;
  res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
});
server.listen(port, host, () => console.log(`Admin form: http://${host}:${port}/`));
