import type { APIRoute } from "astro";
import { teiDocuments, teiEdition } from "../../data/tei.ts";
import { teiCorpus } from "../../lib/tei.ts";

/** The whole edition as one TEI P5 `<teiCorpus>`, `data/tei.xml` (src/lib/tei.ts). */
export const GET: APIRoute = async () =>
  new Response(teiCorpus(await teiDocuments(), teiEdition()), {
    headers: { "Content-Type": "application/tei+xml; charset=utf-8" },
  });
