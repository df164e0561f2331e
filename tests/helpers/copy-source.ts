import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isScalar, parseDocument, visit } from "yaml";

/**
 * Adds to the project at `root` a copy of the source `file` under a new
 * name, with its manifest and editorial data, its documents' slugs suffixed
 * with `-suffix` (slugs are URLs and must stay unique) and its relations to
 * documents of other sources left out. Returns the new
 * source's file name. The copy is well-formed input: the ingest must accept it.
 */
export function addCopyOfSource(root: string, file: string, suffix: string): string {
  const stem = file.replace(/\.txt$/, "");
  const copy = `${stem}-${suffix}`;
  const sources = join(root, "content", "sources");
  cpSync(join(sources, file), join(sources, `${copy}.txt`));
  const manifest = parseDocument(readFileSync(join(sources, `${stem}.manifest.yaml`), "utf8"));
  manifest.set("file", `${copy}.txt`);
  writeFileSync(join(sources, `${copy}.manifest.yaml`), manifest.toString());
  const editorialDir = join(root, "content", "editorial");
  const editorial = parseDocument(readFileSync(join(editorialDir, `${stem}.yaml`), "utf8"));
  editorial.set("source", `${copy}.txt`);
  const slugs = new Map<string, string>();
  visit(editorial, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "slug" && isScalar(pair.value)) {
        const slug = String(pair.value.value);
        slugs.set(slug, `${slug}-${suffix}`);
        pair.value.value = `${slug}-${suffix}`;
      }
    },
  });
  // Contents entries and relations within the source follow the renamed slugs; a relation to a
  // document of another source is dropped, since that document does not record it for the copy.
  visit(editorial, {
    Map(_, map) {
      const target = map.get("target");
      if (typeof target !== "string") return undefined;
      const renamed = slugs.get(target);
      if (renamed) map.set("target", renamed);
      else if (map.has("type")) return visit.REMOVE;
      return undefined;
    },
  });
  writeFileSync(join(editorialDir, `${copy}.yaml`), editorial.toString());
  return `${copy}.txt`;
}
