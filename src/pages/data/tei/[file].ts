import type { APIRoute, GetStaticPaths } from "astro";
import { teiDocuments, teiEdition } from "../../../data/tei.ts";
import { anchorLookup, teiDocument } from "../../../lib/tei.ts";

/** Each document as a TEI P5 file, `data/tei/SLUG.xml` (src/lib/tei.ts). */
export const getStaticPaths = (async () =>
  (await teiDocuments()).map(({ speech }) => ({ params: { file: `${speech.slug}.xml` } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const documents = await teiDocuments();
  const entry = documents.find(({ speech }) => `${speech.slug}.xml` === params["file"]);
  if (!entry) throw new Error(`no document for data/tei/${params["file"] ?? ""}`);
  return new Response(teiDocument(entry, teiEdition(), anchorLookup(documents)), {
    headers: { "Content-Type": "application/tei+xml; charset=utf-8" },
  });
};
