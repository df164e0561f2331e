/**
 * Finds the date expressions of a text: a year written in Arabic digits
 * (`2016年`, `2023 年 6 月 1 日`), a relative year (`今年5月`, `去年`), a month
 * and day without a year (`7月14日至15日`), each with its framing words
 * (`自2014年以来`, `自2014年起`, `截至2016年底`). Years in Chinese numerals do
 * not occur in the corpus and are not recognised; durations (`十年来`,
 * `连续9年`) are not dates.
 */
const DATE_EXPRESSION = new RegExp(
  [
    String.raw`(?:自|截至)?\s*(?:(?<!\d)\d{4}\s*年|今年|去年)(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:\s*至\s*\d{1,2}\s*日)?(?:\s*(?:底|以来|起))?`,
    String.raw`(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*至\s*\d{1,2}\s*日)?`,
  ].join("|"),
  "gu",
);

export interface DateExpression {
  /** The expression as printed. */
  text: string;
  /** Offset in the text. */
  index: number;
}

export function findDateExpressions(text: string): DateExpression[] {
  return [...text.matchAll(DATE_EXPRESSION)].map((match) => {
    const leading = match[0].length - match[0].trimStart().length;
    return { text: match[0].trim(), index: match.index + leading };
  });
}

/** How a date expression is likely to be classified: what `add-source` proposes and open questions suggest. */
export type ProposedClassification = "milestone" | "statistic-date" | "publication-date" | "name-part";

/**
 * A first guess at what a date expression is, for an editor to confirm: a
 * date in a metadata field is the publication date; one inside a title in
 * 《》 is part of a name; one framed as a cut-off (截至…, …底, …末) or
 * followed closely by a figure is the date of a statistic; anything else is
 * taken for an event, which a milestone should record.
 */
export function proposeClassification(
  text: string,
  expression: DateExpression,
  inMetadataField: boolean,
): ProposedClassification {
  if (inMetadataField) return "publication-date";
  const before = text.slice(0, expression.index);
  if (before.lastIndexOf("《") > before.lastIndexOf("》")) return "name-part";
  const after = text.slice(expression.index + expression.text.length, expression.index + expression.text.length + 16);
  if (
    /^(截至|到)/.test(expression.text) ||
    /[底末]$/.test(expression.text) ||
    /^[^。；，]{0,12}\d[\d.,，]*\s*(万|亿|%|个|家|人|次|项)/.test(after)
  ) {
    return "statistic-date";
  }
  return "milestone";
}
