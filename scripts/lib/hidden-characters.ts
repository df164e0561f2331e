import { codePointLabel, isControlCharacter } from "../../src/lib/visible-text.ts";
import type { PublishedPlace } from "./conservation.ts";
import type { InputIssue } from "./issues.ts";
import { pieceLetter, type Span } from "./pieces.ts";

/**
 * Characters of a source that are not text a reader could see: a byte order
 * mark at its start, and control characters (src/lib/visible-text.ts). The
 * edition publishes none of them as text; each must be omitted with a reason
 * (`byte-order-mark`, `control-character`), which the source view and the
 * omissions then show by its code point. Published, the ingest stops here.
 */

/** A hidden character, with the reason of the vocabulary it is omitted for. */
export interface HiddenCharacter {
  reason: "byte-order-mark" | "control-character";
  line: number;
  /** 1-based, in characters (code points), as the offsets of `splits` count them. */
  column: number;
  character: string;
}

/** The hidden characters of a source, in order: a U+FEFF that begins line 1, and every control character. */
export function hiddenCharactersOf(lines: readonly string[]): HiddenCharacter[] {
  return lines.flatMap((text, index) =>
    [...text].flatMap((character, offset): HiddenCharacter[] => {
      const where = { line: index + 1, column: offset + 1, character };
      if (index === 0 && offset === 0 && character === "\uFEFF") return [{ reason: "byte-order-mark", ...where }];
      return isControlCharacter(character) ? [{ reason: "control-character", ...where }] : [];
    }),
  );
}

/** Names of the control characters a text file most often holds by accident. */
const CONTROL_NAMES: Readonly<Record<string, string>> = {
  "\0": "null",
  "\x07": "bell",
  "\b": "backspace",
  "\v": "vertical tab",
  "\f": "form feed, a page break of text extracted from PDF",
  "\x1B": "escape",
  "\x7F": "delete",
  "\x85": "next line",
};

/** `U+000C (form feed, …)`, or the code point alone. */
export function describeCharacter(character: string): string {
  const name = CONTROL_NAMES[character];
  return name ? `${codePointLabel(character)} (${name})` : codePointLabel(character);
}

/**
 * One issue per source line whose hidden characters are not omitted: where
 * they are, by line, column and code point, where they would be published
 * (a title, field, contents entry or block of `places.published`, or no
 * place at all), and the splits and omissions that omit them. `splitLines`
 * are the lines the editorial data already splits.
 */
export function hiddenCharacterIssues(
  source: { file: string; lines: readonly string[] },
  places: { published: readonly PublishedPlace[]; omitted: readonly { spans: readonly Span[] }[] },
  editorial: { file: string; splitLines: ReadonlySet<number> },
): InputIssue[] {
  const holds = (hidden: HiddenCharacter) => {
    const unit = [...(source.lines[hidden.line - 1] ?? "")].slice(0, hidden.column - 1).join("").length;
    return (place: { spans: readonly Span[] }) =>
      place.spans.some((span) => span.line === hidden.line && span.start <= unit && unit < span.end);
  };
  const byLine = new Map<number, { hidden: HiddenCharacter; where: string | undefined }[]>();
  for (const hidden of hiddenCharactersOf(source.lines)) {
    if (places.omitted.some(holds(hidden))) continue;
    const where = places.published.find(holds(hidden))?.where;
    byLine.set(hidden.line, [...(byLine.get(hidden.line) ?? []), { hidden, where }]);
  }
  return [...byLine].map(([line, found]) => {
    const fate = (entries: typeof found, how = "") => {
      const wheres = [...new Set(entries.flatMap((entry) => entry.where ?? []))];
      return wheres.length > 0
        ? `would be published${how} in ${wheres.join(", ")}`
        : "is neither published nor omitted";
    };
    const mark = found.filter((entry) => entry.hidden.reason === "byte-order-mark");
    const controls = found.filter((entry) => entry.hidden.reason === "control-character");
    const problems = [
      ...(mark.length > 0
        ? [
            `line 1 begins with a byte order mark (U+FEFF, the bytes EF BB BF), which some programs put at the start of a UTF-8 file to mark its encoding; it is not text, and as it stands it ${fate(mark, ", invisibly,")}`,
          ]
        : []),
      ...(controls.length > 0
        ? [
            `line ${line}, ${controls.map((entry) => `column ${entry.hidden.column}: the control character ${describeCharacter(entry.hidden.character)}`).join(", ")} ${fate(controls)}; a control character is not text: a page shows it as nothing or as a stray box, and search cannot find it`,
          ]
        : []),
    ];
    const omit = editorial.splitLines.has(line)
      ? `line ${line} is already split: cut it further (in splits) so that each hidden character is a piece of its own, list those pieces under omissions with the reason ${found[0]?.hidden.reason ?? ""}, and use the other pieces where line ${line} was used`
      : omissionFix(
          line,
          source.lines[line - 1] ?? "",
          found.map((entry) => entry.hidden),
        );
    return {
      file: `content/sources/${source.file}`,
      line,
      problem: problems.join("; and "),
      fix: `omit it with a reason, leaving the source byte for byte: in ${editorial.file}, ${omit}${
        mark.length > 0
          ? "; or remove the mark from the file (save it as UTF-8 without BOM) and update sha256 in its manifest"
          : ""
      }`,
    };
  });
}

/**
 * The splits and omissions that make each run of hidden characters of a line
 * that is not yet split a piece of its own, omitted, and the pieces that stay.
 *
 * @example omissionFix(3, "\f正文", [{ reason: "control-character", line: 3, column: 1, character: "\f" }])
 * // "add 3: { at: [1] } to splits and { pieces: [3a], reason: control-character } to omissions, and use 3b where line 3 was used …"
 */
export function omissionFix(line: number, text: string, hidden: readonly HiddenCharacter[]): string {
  const reasons = new Map(hidden.map((entry) => [entry.column - 1, entry.reason]));
  const cuts = [...text].flatMap((_, offset) =>
    offset > 0 && reasons.get(offset) !== reasons.get(offset - 1) ? [offset] : [],
  );
  if (cuts.length === 0) {
    return `add { pieces: [${line}], reason: ${hidden[0]?.reason ?? ""} } to omissions, and use line ${line} nowhere else`;
  }
  const pieces = [0, ...cuts].map((start, index) => ({
    ref: `${line}${pieceLetter(index)}`,
    reason: reasons.get(start),
  }));
  const omitted = [...new Set(hidden.map((entry) => entry.reason))].map(
    (reason) =>
      `{ pieces: [${pieces
        .filter((piece) => piece.reason === reason)
        .map((piece) => piece.ref)
        .join(", ")}], reason: ${reason} }`,
  );
  const kept = pieces.filter((piece) => !piece.reason).map((piece) => piece.ref);
  // each join names the reason of the omitted piece just before its second piece
  const joins = kept.slice(1).map((ref, index) => {
    const between = pieces[pieces.findIndex((piece) => piece.ref === ref) - 1]?.reason ?? "";
    return `{ pieces: [${kept[index] ?? ""}, ${ref}], reason: ${between} }`;
  });
  const use =
    kept.length > 0
      ? `use ${kept.join(", ")} where line ${line} was used (a range of lines such as 5-19 takes them already)`
      : `use line ${line} nowhere else`;
  return `add ${line}: { at: [${cuts.join(", ")}] } to splits and ${omitted.join(", ")} to omissions, and ${use}${
    joins.length > 0 ? `; in the body, join them into one paragraph again: ${joins.join(", ")}` : ""
  }`;
}
