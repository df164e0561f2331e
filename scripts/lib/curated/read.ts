import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  milestonesFileSchema,
  principlesFileSchema,
  termsFileSchema,
  type MilestonesFile,
  type PrinciplesFile,
  type TermsFile,
} from "../../../src/schemas/curated.ts";
import { InputError, IssueCollector } from "../issues.ts";
import { readYamlFile, type LocatedYaml } from "../yaml-file.ts";

export const CURATED_DIR = "content/curated";

/** A curated YAML file, validated, with its path for error reports. */
export interface CuratedFile<T> extends LocatedYaml<T> {
  file: string;
}

export interface CuratedData {
  principles: CuratedFile<PrinciplesFile>;
  milestones: CuratedFile<MilestonesFile>;
  terms: CuratedFile<TermsFile>;
}

/** Reads and validates the three curated files; every problem in any of them is reported together. */
export function readCurated(root: string): CuratedData {
  const issues = new IssueCollector();
  const read = <T>(name: string, schema: Parameters<typeof readYamlFile>[2]): CuratedFile<T> | undefined => {
    const file = `${CURATED_DIR}/${name}`;
    const path = join(root, file);
    if (!existsSync(path)) {
      issues.add({
        file,
        problem: "file is missing",
        fix: `restore it (git checkout -- ${file}); see content/README.md`,
      });
      return undefined;
    }
    try {
      return { ...(readYamlFile(root, file, schema) as LocatedYaml<T>), file };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      error.issues.forEach((issue) => issues.add(issue));
      return undefined;
    }
  };
  const principles = read<PrinciplesFile>("principles.yaml", principlesFileSchema);
  const milestones = read<MilestonesFile>("milestones.yaml", milestonesFileSchema);
  const terms = read<TermsFile>("terms.yaml", termsFileSchema);
  issues.throwIfAny();
  if (!principles || !milestones || !terms) throw new Error("unreachable: a curated file failed without an issue");
  return { principles, milestones, terms };
}
