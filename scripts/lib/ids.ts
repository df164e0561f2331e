import type { Block } from "../../src/schemas/speech.ts";
import type { DraftBlock } from "./assemble.ts";

export type IdentifiedBlock = DraftBlock & { id: Block["id"] };

/**
 * Numbers the blocks of a document in reading order: `p1`, `p2`, … for
 * headings, paragraphs and list items, `gap-1`, … for marked gaps. The ids
 * depend only on the order of blocks, so unchanged input gives unchanged ids.
 */
export function assignBlockIds(blocks: readonly DraftBlock[]): IdentifiedBlock[] {
  let paragraphs = 0;
  let gaps = 0;
  return blocks.map((block) => ({
    ...block,
    id: block.type === "gap" ? `gap-${(gaps += 1)}` : `p${(paragraphs += 1)}`,
  }));
}
