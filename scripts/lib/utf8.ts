import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError, type InputIssue } from "./issues.ts";

/**
 * The one reader of the edition's input as text: every source, manifest,
 * editorial, curated and vocabulary file is UTF-8, decoded strictly. Invalid
 * bytes are never replaced by U+FFFD: they are found, located (byte offset,
 * line) and described, and the file is refused. A byte order mark is kept as
 * the character U+FEFF, so that a source's text is exactly its bytes.
 */

/** The first invalid byte sequence of a text that is not UTF-8. */
export interface InvalidUtf8 {
  /** Offset of its first byte from the start of the file, from 0. */
  offset: number;
  /** 1-based line: the line feeds before it, plus one. */
  line: number;
  /** Its bytes: the sequence up to and including the byte that breaks it. */
  bytes: number[];
  /** What is wrong, in words. */
  problem: string;
  /** Up to ten characters before it on its line, for finding the place; empty at the start of a line. */
  before: string;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
const sizeName = { 2: "two-byte", 3: "three-byte", 4: "four-byte" } as const;

/**
 * The first invalid sequence of `bytes` as UTF-8 (the Unicode Standard's
 * table of well-formed byte sequences), or undefined when all of it is
 * UTF-8. Overlong forms, surrogates and code points above U+10FFFF are
 * invalid, as a strict decoder finds them.
 */
export function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const fault = (length: number, problem: string): InvalidUtf8 => ({
      offset: index,
      line: lineAt(bytes, index),
      bytes: [...bytes.subarray(index, index + length)],
      problem,
      before: textBefore(bytes, index),
    });
    if (lead < 0xc0) return fault(1, `the byte ${hex(lead)} continues a character, but no character begins before it`);
    if (lead < 0xc2) return fault(1, `the byte ${hex(lead)} could only begin an overlong form, which UTF-8 forbids`);
    if (lead > 0xf4) return fault(1, `the byte ${hex(lead)} never occurs in UTF-8`);
    const size = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    for (let position = 1; position < size; position += 1) {
      const byte = bytes[index + position];
      if (byte === undefined) {
        return fault(position, `the file ends inside a ${sizeName[size]} character that begins with ${hex(lead)}`);
      }
      const wrong = position === 1 ? secondByteProblem(lead, byte) : continues(byte) ? undefined : "";
      if (wrong !== undefined) {
        return fault(
          position + 1,
          wrong ||
            `the byte ${hex(lead)} begins a ${sizeName[size]} character, but byte ${position + 1} of it, ${hex(byte)}, does not continue it (a continuing byte is 0x80 to 0xBF)`,
        );
      }
    }
    index += size;
  }
  return undefined;
}

const continues = (byte: number) => byte >= 0x80 && byte <= 0xbf;

/** Why `byte` cannot follow `lead`: "" when it is no continuing byte, a reason for the narrower ranges, undefined when it may. */
function secondByteProblem(lead: number, byte: number): string | undefined {
  if (!continues(byte)) return "";
  const pair = `${hex(lead)} ${hex(byte)}`;
  if (lead === 0xe0 && byte < 0xa0)
    return `the bytes ${pair} begin an overlong form (a character below U+0800 in three bytes)`;
  if (lead === 0xed && byte > 0x9f)
    return `the bytes ${pair} begin a surrogate (U+D800 to U+DFFF), which UTF-8 cannot carry`;
  if (lead === 0xf0 && byte < 0x90)
    return `the bytes ${pair} begin an overlong form (a character below U+10000 in four bytes)`;
  if (lead === 0xf4 && byte > 0x8f) return `the bytes ${pair} begin a code point above U+10FFFF, beyond Unicode`;
  return undefined;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/** The last characters of the valid bytes between the start of the line and `offset`. */
function textBefore(bytes: Uint8Array, offset: number): string {
  const start = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  return [...decodeUtf8(bytes.subarray(start, offset))].slice(-10).join("");
}

/**
 * The text of `bytes`, which must be UTF-8: a byte order mark is kept as the
 * character U+FEFF. Throws on invalid bytes (find them with findInvalidUtf8).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** Where and how `bytes` are not UTF-8, in one sentence: offset, line, the place on the line, what is wrong. */
export function describeInvalidUtf8(fault: InvalidUtf8): string {
  const place = fault.before === "" ? "at its start" : `after “${fault.before}”`;
  return `not valid UTF-8 at byte offset ${fault.offset} (line ${fault.line}, ${place}): ${fault.problem}`;
}

/**
 * The issue of a file whose bytes are not UTF-8, or undefined when they are.
 * `afterwards` is what else the fix must do (a source: update its manifest).
 */
export function invalidUtf8Issue(bytes: Uint8Array, file: string, afterwards = ""): InputIssue | undefined {
  const fault = findInvalidUtf8(bytes);
  if (!fault) return undefined;
  return {
    file,
    line: fault.line,
    problem: describeInvalidUtf8(fault),
    fix: `save the file as UTF-8: a text from a Chinese Windows system is often GB18030 (\`iconv -f GB18030 -t UTF-8 ${file} > converted.txt\`, then check it and move it over ${file}); if only these bytes are damaged, correct them${afterwards ? `; ${afterwards}` : ""}`,
  };
}

/** A file of the project as UTF-8 text; an InputError naming the first invalid sequence if it is not UTF-8. */
export function readUtf8File(root: string, file: string): string {
  const bytes = readFileSync(join(root, file));
  const issue = invalidUtf8Issue(bytes, file);
  if (issue) throw new InputError([issue]);
  return decodeUtf8(bytes);
}
