import type { APIRoute, GetStaticPaths } from "astro";
import { siteData } from "../../../data/site-data.ts";
import { citedEdition } from "../../../data/edition.ts";
import { citationFormats, cslItem, type CitationFormat } from "../../../lib/citation-formats.ts";
import { citedDocumentOf } from "../../../lib/document-view.ts";
import { absoluteUrl } from "../../../lib/site-address.ts";
import { urls } from "../../../lib/urls.ts";

/**
 * Each document's citation as a file in each machine-readable format:
 * `data/cite/SLUG.bib`, `.ris` and `.json` (CSL-JSON). They carry the
 * document's absolute URL when the site has a public address (SITE_URL), and
 * its site-relative path in the note otherwise; a page with JavaScript writes
 * the same formats with the address it is read at and the access date.
 */
export const getStaticPaths = (async () => {
  const { documents } = await siteData();
  return documents.flatMap((document) =>
    (Object.keys(citationFormats) as CitationFormat[]).map((format) => ({
      params: { file: `${document.slug}.${citationFormats[format].extension}` },
      props: { slug: document.slug, format },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { slug, format } = props as { slug: string; format: CitationFormat };
  const { documents } = await siteData();
  const document = documents.find((candidate) => candidate.slug === slug);
  if (!document) throw new Error(`no document ${slug}`);
  const path = urls.speech(slug);
  const item = cslItem({
    document: citedDocumentOf(documents, document),
    key: slug,
    url: absoluteUrl(path, site),
    path,
    edition: citedEdition(),
  });
  const { write, mediaType } = citationFormats[format];
  return new Response(write(item), { headers: { "Content-Type": `${mediaType}; charset=utf-8` } });
};
