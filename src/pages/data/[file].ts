import type { APIRoute, GetStaticPaths } from "astro";
import { getCollection } from "astro:content";
import { ui } from "../../i18n/ui.ts";
import { corpusFile, dataFileJson, dataFileSchemaJson, milestonesCsv } from "../../lib/open-data.ts";
import { urls } from "../../lib/urls.ts";
import type { OpenDataName } from "../../schemas/open-data.ts";

/** The open data files: `NAME.json` and its `NAME.schema.json` for each data set, and `milestones.csv`. */
const names: readonly OpenDataName[] = ["corpus", "principles", "milestones", "terms"];

export const getStaticPaths = (() => [
  ...names.flatMap((name) => [{ params: { file: `${name}.json` } }, { params: { file: `${name}.schema.json` } }]),
  { params: { file: "milestones.csv" } },
]) satisfies GetStaticPaths;

/** Entries' data in id order, so the files are the same on every build. */
const dataOf = (entries: readonly { id: string; data: unknown }[]) =>
  [...entries].sort((a, b) => a.id.localeCompare(b.id)).map((entry) => entry.data);

async function dataSet(name: OpenDataName): Promise<unknown> {
  switch (name) {
    case "corpus":
      return corpusFile(
        ui.siteName,
        (await getCollection("speeches")).map((entry) => entry.data),
        (await getCollection("passages")).map((entry) => entry.data),
        (await getCollection("provenance")).map((entry) => entry.data),
      );
    case "principles":
      return {
        sets: dataOf(await getCollection("principleSets")),
        principles: dataOf(await getCollection("principles")),
      };
    case "milestones":
      return { milestones: dataOf(await getCollection("milestones")) };
    case "terms":
      return { terms: dataOf(await getCollection("terms")) };
  }
}

export const GET: APIRoute = async ({ params, site }) => {
  const file = params["file"] ?? "";
  if (file === "milestones.csv") {
    const milestones = (await getCollection("milestones")).map((entry) => entry.data);
    return new Response(milestonesCsv(milestones), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
  }
  const [, name = "", schema] = /^(\w+)(\.schema)?\.json$/.exec(file) ?? [];
  if (!names.includes(name as OpenDataName)) throw new Error(`No open data file “${file}”.`);
  const body = schema
    ? dataFileSchemaJson(name as OpenDataName, new URL(urls.data(file), site).href)
    : dataFileJson(name as OpenDataName, await dataSet(name as OpenDataName));
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
