/**
 * The lines of a source text, as the editorial data numbers them: split at
 * line feeds, a carriage return before a line feed belonging to the line
 * ending (CRLF), not to the line. `lines[0]` is line 1. The bytes of the
 * source are kept unchanged; only its reading into lines knows line endings.
 */
export function splitSourceLines(text: string): string[] {
  return text.split(/\r?\n/);
}
