import { existsSync } from "node:fs";
import { join } from "node:path";
import type { EditorialData } from "../../src/schemas/editorial.ts";
import { vocabularySchema, type Vocabulary } from "../../src/schemas/vocabulary.ts";
import { InputError, type IssueCollector } from "./issues.ts";
import { readYamlFile, type YamlPath } from "./yaml-file.ts";

export const VOCABULARY_FILE = "content/vocabulary.yaml";

/** Reads and validates the editorial vocabulary. */
export function readVocabulary(root: string): Vocabulary {
  const path = join(root, VOCABULARY_FILE);
  if (!existsSync(path)) {
    throw new InputError([
      {
        file: VOCABULARY_FILE,
        problem: "the editorial vocabulary is missing",
        fix: "restore content/vocabulary.yaml: it declares every reason and block kind the editorial data may name",
      },
    ]);
  }
  return readYamlFile(root, VOCABULARY_FILE, vocabularySchema).data;
}

/** Every name of a reason or block kind that an editorial file uses, with where it stands. */
export function vocabularyUses(
  editorial: EditorialData,
): { kind: "reasons" | "blockKinds"; name: string; path: YamlPath }[] {
  const uses: { kind: "reasons" | "blockKinds"; name: string; path: YamlPath }[] = [];
  const reason = (name: string, path: YamlPath) => uses.push({ kind: "reasons", name, path });
  editorial.omissions.forEach((omission, index) => reason(omission.reason, ["omissions", index, "reason"]));
  editorial.documents.forEach((document, at) => {
    const path = ["documents", at];
    document.body.forEach((item, index) => {
      if (typeof item === "object") reason(item.gap, [...path, "body", index, "gap"]);
    });
    document.joins.forEach((join, index) => reason(join.reason, [...path, "joins", index, "reason"]));
    document.unterminated.forEach((entry, index) => reason(entry.reason, [...path, "unterminated", index, "reason"]));
    document.kinds.forEach((entry, index) =>
      uses.push({ kind: "blockKinds", name: entry.kind, path: [...path, "kinds", index, "kind"] }),
    );
  });
  return uses;
}

/** Reports every reason or block kind that the vocabulary does not declare. */
export function checkVocabularyUses(
  editorial: EditorialData,
  vocabulary: Vocabulary,
  where: { file: string; lineOf(path: YamlPath): number | undefined },
  issues: IssueCollector,
): void {
  for (const use of vocabularyUses(editorial)) {
    const declared = Object.keys(vocabulary[use.kind]);
    if (declared.includes(use.name)) continue;
    const what = use.kind === "reasons" ? "reason" : "block kind";
    issues.add({
      file: where.file,
      line: where.lineOf(use.path),
      problem: `${use.name} is not a ${what} of the editorial vocabulary`,
      fix: `use one of ${declared.join(", ")}; or, if none fits, declare ${use.name} under ${use.kind} in ${VOCABULARY_FILE} with a description in Chinese and English`,
    });
  }
}
