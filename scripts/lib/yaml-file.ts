import { LineCounter, isNode, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { InputError, type InputIssue } from "./issues.ts";
import { readUtf8File } from "./utf8.ts";

export type YamlPath = readonly (string | number)[];

/** Parsed, validated YAML and a way back from a data path to its line. */
export interface LocatedYaml<T> {
  data: T;
  /** The 1-based line of the value at `path`, or of its nearest ancestor. */
  lineOf(path: YamlPath): number | undefined;
}

/**
 * Parses YAML text and validates it with a zod schema. Syntax errors and
 * schema errors are reported with the file and line they concern.
 */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): LocatedYaml<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (path: YamlPath) => lineOfPath(document, lineCounter, path);

  if (document.errors.length > 0) {
    throw new InputError(
      document.errors.map((error) => ({
        file,
        line: error.linePos?.[0].line,
        problem: `YAML syntax: ${error.message.split("\n")[0] ?? error.code}`,
        fix:
          error.code === "BLOCK_AS_IMPLICIT_KEY"
            ? "a value here contains a half-width colon followed by a space, which YAML reads as a new key: put the whole value in double quotes, or write the colon full-width (：)"
            : "correct the YAML syntax at this line (indentation, quotes, a missing colon)",
      })),
    );
  }

  const result = schema.safeParse(document.toJS());
  if (!result.success) {
    const issues: InputIssue[] = result.error.issues.map((issue) => {
      const cut = issue.code === "unrecognized_keys" ? issue.keys.filter((key) => !fieldName.test(key)) : [];
      return cut.length > 0
        ? {
            file,
            line: lineOf(issue.path as YamlPath),
            problem: `${formatPath(issue.path as YamlPath)}: ${cut.map((key) => `“${key}”`).join(", ")} is not a field name but looks like the rest of a value that YAML cut at a half-width comma`,
            fix: 'put the whole value in double quotes ("…, …"), or write the comma full-width (，)',
          }
        : !document.hasIn(issue.path) && issue.path.length > 0 && issue.code !== "unrecognized_keys"
          ? {
              file,
              line: lineOf(issue.path as YamlPath),
              problem: `${formatPath(issue.path as YamlPath)} is missing: ${issue.message}`,
              fix: `add the field ${String(issue.path.at(-1))} here; the schema in src/schemas/ documents it`,
            }
          : {
              file,
              line: lineOf(issue.path as YamlPath),
              problem: `${formatPath(issue.path as YamlPath)}: ${issue.message}`,
              fix: fixFor(issue),
            };
    });
    throw new InputError(issues);
  }
  return { data: result.data, lineOf };
}

/**
 * Reads a YAML file of the project (`file`, relative to `root`) as UTF-8 and
 * validates it: bytes that are not UTF-8, syntax and schema errors are
 * reported with the file and line they concern.
 */
export function readYamlFile<S extends z.ZodType>(root: string, file: string, schema: S): LocatedYaml<z.output<S>> {
  return parseYaml(readUtf8File(root, file), file, schema);
}

/** What the editorial and curated schemas' field names look like: ASCII words in camel case. */
const fieldName = /^[A-Za-z][A-Za-z0-9]*$/;

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `give a value of type ${issue.expected} here`;
    case "unrecognized_keys":
      return `remove or rename ${issue.keys.join(", ")}; see the schema in src/schemas/ for the fields allowed here`;
    default:
      return "change the value as the message says; the schema in src/schemas/ documents each field";
  }
}

export function formatPath(path: YamlPath): string {
  if (path.length === 0) return "(top level)";
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("");
}

function lineOfPath(document: Document, lineCounter: LineCounter, path: YamlPath): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node: unknown = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
