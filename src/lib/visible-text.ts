/** A stretch of text as a reader sees it: characters, a named mark for whitespace, or the code point of an invisible character. */
export type VisibleSegment =
  { text: string } | { mark: "tab" | "space" | "ideographic-space"; count: number } | { codePoint: string };

const INVISIBLE: Record<string, "tab" | "space" | "ideographic-space"> = {
  "\t": "tab",
  " ": "space",
  "\u3000": "ideographic-space",
};

/**
 * Text made visible. Characters a page would show as nothing, a control
 * character or U+FEFF, become their code points (`U+000C`). With
 * `whitespace` (the default, for omitted text) tabs and spaces, which a page
 * would show as nothing or as a stray gap, become named marks with their
 * count, so that a list of unpublished text shows only characters and
 * editorial statements; without it (a source line) they stay as they are.
 *
 * @example visibleText("\t1") // [{ mark: "tab", count: 1 }, { text: "1" }]
 * @example visibleText("\f1") // [{ codePoint: "U+000C" }, { text: "1" }]
 */
export function visibleText(text: string, { whitespace = true } = {}): VisibleSegment[] {
  const segments: VisibleSegment[] = [];
  for (const character of text) {
    const mark = whitespace ? INVISIBLE[character] : undefined;
    const last = segments.at(-1);
    if (isControlCharacter(character) || character === "\uFEFF") {
      segments.push({ codePoint: codePointLabel(character) });
    } else if (mark) {
      if (last && "mark" in last && last.mark === mark) last.count += 1;
      else segments.push({ mark, count: 1 });
    } else if (last && "text" in last) {
      last.text += character;
    } else {
      segments.push({ text: character });
    }
  }
  return segments;
}

/** The words for each mark in an interface language (`whitespace` of src/i18n/ui.ts). */
export interface MarkNames {
  tab(count: number): string;
  space(count: number): string;
  "ideographic-space"(count: number): string;
  invisible(codePoint: string): string;
}

/** What a mark says, in an interface language: `2 spaces`, `invisible character U+000C`. */
export function markLabel(segment: Exclude<VisibleSegment, { text: string }>, names: MarkNames): string {
  return "codePoint" in segment ? names.invisible(segment.codePoint) : names[segment.mark](segment.count);
}

/**
 * A control character (Unicode Cc: C0, DEL, C1) other than tab, line feed
 * and carriage return, the three a text file uses for its layout. A page
 * shows none of them as a character, and the search drops them.
 */
export function isControlCharacter(character: string): boolean {
  if (character.length !== 1) return false;
  const code = character.charCodeAt(0);
  return (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

/** A character's code point as Unicode writes it: `U+000C`, `U+1F600`. */
export function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
