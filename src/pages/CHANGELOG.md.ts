import { readFileSync } from "node:fs";
import type { APIRoute } from "astro";

/** The edition's changelog, published as it is kept (CHANGELOG.md at the project root), for readers of any version. */
export const GET: APIRoute = () =>
  new Response(readFileSync("CHANGELOG.md", "utf8"), { headers: { "Content-Type": "text/markdown; charset=utf-8" } });
