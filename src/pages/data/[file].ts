import type { APIRoute, GetStaticPaths } from "astro";
import { siteData } from "../../data/site-data.ts";
import { ui } from "../../i18n/ui.ts";
import { corpusFile, dataFileJson, dataFileSchemaJson, milestonesCsv } from "../../lib/open-data.ts";
import { citedEdition } from "../../data/edition.ts";
import {
  citationFormats,
  collectionCitationFile,
  collectionCitations,
  cslItem,
  type CitationFormat,
} from "../../lib/citation-formats.ts";
import { citedDocumentOf } from "../../lib/document-view.ts";
import { absoluteUrl } from "../../lib/site-address.ts";
import { urls } from "../../lib/urls.ts";
import type { OpenDataName } from "../../schemas/open-data.ts";

/**
 * The open data files: `NAME.json` and its `NAME.schema.json` for each data
 * set, `milestones.csv`, and every document's citation in one file per
 * format (`citations.bib`, `.ris`, `.json`), for reference managers.
 */
const names: readonly OpenDataName[] = ["corpus", "principles", "milestones", "terms"];

export const getStaticPaths = (() => [
  ...names.flatMap((name) => [{ params: { file: `${name}.json` } }, { params: { file: `${name}.schema.json` } }]),
  { params: { file: "milestones.csv" } },
  ...(Object.keys(citationFormats) as CitationFormat[]).map((format) => ({
    params: { file: collectionCitationFile(format) },
  })),
]) satisfies GetStaticPaths;

/** Entries in id order, so the files are the same on every build. */
const byId = <T extends { id: string }>(entries: readonly T[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));

async function dataSet(name: OpenDataName): Promise<unknown> {
  const site = await siteData();
  switch (name) {
    case "corpus":
      return corpusFile(ui.siteName, site.documents, [...site.passages.values()], [...site.provenance.values()]);
    case "principles":
      return { sets: byId(site.entities.sets), principles: byId(site.entities.principles) };
    case "milestones":
      return { milestones: byId(site.entities.milestones) };
    case "terms":
      return { terms: byId(site.entities.terms) };
  }
}

export const GET: APIRoute = async ({ params, site }) => {
  const file = params["file"] ?? "";
  if (file === "milestones.csv") {
    const { milestones } = (await siteData()).entities;
    return new Response(milestonesCsv(milestones), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
  }
  const format = (Object.keys(citationFormats) as CitationFormat[]).find(
    (candidate) => collectionCitationFile(candidate) === file,
  );
  if (format) {
    const { documents } = await siteData();
    const items = documents.map((document) => {
      const path = urls.speech(document.slug);
      return cslItem({
        document: citedDocumentOf(documents, document),
        key: document.slug,
        url: absoluteUrl(path, site),
        path,
        edition: citedEdition(),
      });
    });
    const { mediaType } = citationFormats[format];
    return new Response(collectionCitations(items, format), {
      headers: { "Content-Type": `${mediaType}; charset=utf-8` },
    });
  }
  const [, name = "", schema] = /^(\w+)(\.schema)?\.json$/.exec(file) ?? [];
  if (!names.includes(name as OpenDataName)) throw new Error(`No open data file “${file}”.`);
  const body = schema
    ? dataFileSchemaJson(name as OpenDataName, absoluteUrl(urls.data(file), site))
    : dataFileJson(name as OpenDataName, await dataSet(name as OpenDataName));
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
