import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createGzip } from "node:zlib";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
};

export interface StaticServer {
  /** Origin and base path, such as `http://127.0.0.1:41234/corpus/`. */
  url: string;
  close(): Promise<void>;
}

/** Types a compressing host sends gzip-encoded; anything else (WASM, Pagefind's and the search data's gzip files) as is. */
const compressible = new Set([".html", ".css", ".js", ".json", ".xml", ".svg"]);

export interface ServeOptions {
  /**
   * Encode text responses with gzip when the client accepts it, as most
   * static hosts do (nginx with `gzip on`, GitHub Pages, Netlify). Off by
   * default: a plain server is the harder case for page weight.
   */
  gzip?: boolean;
}

/**
 * Serves a built site from `dir` under `base` on a free loopback port, as any
 * static host would: `dir/index.html` for a folder, 404 outside the base.
 */
export async function serveStatic(dir: string, base = "/", options: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (!path.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      response.end("not found");
      return;
    }
    const headers: Record<string, string> = { "content-type": types[extname(file)] ?? "application/octet-stream" };
    const encode =
      options.gzip === true &&
      compressible.has(extname(file)) &&
      /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (encode) headers["content-encoding"] = "gzip";
    response.writeHead(200, headers);
    const body = createReadStream(file);
    if (encode) body.pipe(createGzip()).pipe(response);
    else body.pipe(response);
  });
  // Longer than a search's slowest step: a client that reuses an idle connection the server has just
  // closed gets a reset, which browsers retry and Node's fetch does not.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
