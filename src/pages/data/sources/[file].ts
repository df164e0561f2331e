import type { APIRoute, GetStaticPaths } from "astro";
import { siteData } from "../../../data/site-data.ts";
import { sourceBytes } from "../../../data/sources.ts";

/**
 * Each source text, byte for byte, as `data/sources/FILE`, and
 * `data/sources/SHA256SUMS` in the format `sha256sum -c` checks.
 */
export const getStaticPaths = (async () => {
  const { provenance } = await siteData();
  return [
    ...[...provenance.values()].map(({ manifest }) => ({ params: { file: manifest.file } })),
    { params: { file: "SHA256SUMS" } },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const manifests = [...(await siteData()).provenance.values()]
    .map((record) => record.manifest)
    .sort((a, b) => a.file.localeCompare(b.file));
  if (params["file"] === "SHA256SUMS") {
    const sums = manifests.map((manifest) => `${manifest.sha256}  ${manifest.file}\n`).join("");
    return new Response(sums, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const manifest = manifests.find((candidate) => candidate.file === params["file"]);
  if (!manifest) throw new Error(`no source ${params["file"]}`);
  return new Response(new Uint8Array(sourceBytes(manifest.file, manifest.sha256)), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
