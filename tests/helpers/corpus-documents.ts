import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { projectRoot } from "./root.ts";
import { speechSchema, type Speech } from "../../src/schemas/speech.ts";

/** Every published document, from the frontmatter of the committed `content/generated/speeches/` entries, in corpus order. */
export function publishedDocuments(): Speech[] {
  const dir = join(projectRoot, "content", "generated", "speeches");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".mdx"))
    .map((file) => {
      const [, frontmatter = ""] = readFileSync(join(dir, file), "utf8").split(/^---$/m);
      return speechSchema.parse(parse(frontmatter));
    })
    .sort((a, b) => a.order - b.order);
}
