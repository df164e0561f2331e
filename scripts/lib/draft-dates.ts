/**
 * The date a draft proposes for a document, from what the text shows: a
 * full date in its metadata, a dateline (新华网北京2月28日电), a date in its
 * title or opening (the text's own 今天 with its day, a date opening a field the
 * page labels as its description), the periodical issue a page names as its source, and the web
 * page's posting time. What the text says of
 * itself comes before when a page was posted; where they disagree, the
 * draft proposes no date and asks, so that no basis it writes is false.
 */

export interface DateEvidence {
  /** A full date stated in a metadata piece (a dateline with its year, a date line). */
  stated?: { value: string; piece: string; line: number } | undefined;
  /** A line at the end of the text that is only a full date: the date a notice or letter is signed. */
  closing?: { value: string; piece: string; line: number } | undefined;
  /** A dateline's month and day, without a year; the month absent when it gives the day alone (十五日电). */
  dateline?: { month?: number | undefined; day: number; text: string; piece: string; line: number } | undefined;
  /** The month and day the text gives for its own 今天 (在今天（3月17日）召开的……), when it has no dateline. */
  today?: { month: number; day: number; text: string; piece: string; line: number } | undefined;
  /**
   * Full dates in the title and the first paragraphs, in order; `described`: the date opens
   * the value of a field the page labels (活動描述), the page's own description of the text.
   */
  opening: { value: string; text: string; piece: string; line: number; described?: boolean | undefined }[];
  /** The page's posting time, from an omitted line. */
  posted?: { value: string; text: string; line: number } | undefined;
  /** A periodical's issue the page names as its source (来源:《……学报》2019年第02期): the year it was printed. */
  issue?: { year: string; text: string; line: number } | undefined;
}

export interface ProposedDate {
  date?: { value: string; precision: "day" | "year"; from?: string; basis?: string } | undefined;
  /** What the editor must decide instead, with the YAML that records it. */
  question?: { text: string; fix: string } | undefined;
  /** What was decided, one sentence. */
  decided?: string | undefined;
}

const monthDay = (iso: string) => iso.slice(5);
const pad = (value: number) => String(value).padStart(2, "0");

export function proposeDate(evidence: DateEvidence): ProposedDate {
  const { stated, closing, opening, posted, issue } = evidence;
  // the text's own 今天 with its month and day is read as a dateline is
  const dateline = evidence.dateline ?? evidence.today;
  const where = evidence.dateline || !evidence.today ? "the dateline" : "the text's 今天";
  if (stated)
    return {
      date: { value: stated.value, precision: "day", from: stated.piece },
      decided: `date ${stated.value}, stated in line ${stated.line}`,
    };
  if (closing)
    return {
      date: { value: closing.value, precision: "day", from: closing.piece },
      decided: `date ${closing.value}, the date line at the end (line ${closing.line})`,
    };
  if (dateline?.month === undefined && dateline) {
    return {
      question: {
        text: dateline.text,
        fix: `the dateline (line ${dateline.line}) gives the day, ${dateline.day}日, but no month or year: find them, then add date: { value: "YYYY-MM-${pad(dateline.day)}", precision: day, basis: "电头载“${dateline.text}”；年月据……" }`,
      },
      decided: `no date: the dateline gives the day (${dateline.day}日) alone`,
    };
  }
  if (dateline?.month !== undefined) {
    const md = `${pad(dateline.month)}-${pad(dateline.day)}`;
    const inOpening = opening.find((found) => monthDay(found.value) === md);
    if (inOpening)
      return {
        date: { value: inOpening.value, precision: "day", from: inOpening.piece },
        decided: `date ${inOpening.value}, stated in line ${inOpening.line} and matching the dateline`,
      };
    if (posted && monthDay(posted.value) === md)
      return {
        date: {
          value: posted.value,
          precision: "day",
          basis: `${where === "the dateline" ? "电头" : "文中"}载“${dateline.text}”（第${dateline.line}行）；年份取自网页所载发布时间“${posted.text}”（第${posted.line}行，未刊出），月日与之相同。`,
        },
        decided: `date ${posted.value}: ${where}'s month and day, the year of the posting time, which agree`,
      };
    const year = posted?.value.slice(0, 4) ?? "YYYY";
    return {
      question: {
        text: dateline.text,
        fix: `${where} (line ${dateline.line}) gives ${dateline.month}月${dateline.day}日 but no year${
          posted ? `, and the page was posted on ${posted.value} (line ${posted.line}), a different day` : ""
        }: find the year, then add date: { value: "${year}-${md}", precision: day, basis: "${where === "the dateline" ? "电头" : "文中"}载“${dateline.text}”；年份据……" }`,
      },
      decided: `no date: ${where} gives ${dateline.month}月${dateline.day}日 without a year${posted ? " and disagrees with the posting time" : ""}`,
    };
  }
  if (issue) {
    return {
      date: {
        value: issue.year,
        precision: "year",
        basis: `网页所载来源为“${issue.text}”（第${issue.line}行，未刊出），文章当刊于${issue.year}年${posted ? `；网页发布时间“${posted.text}”为转载之时` : ""}。`,
      },
      decided: `date ${issue.year} (the year): the periodical issue the page names as its source${posted ? `, not the posting time ${posted.value}` : ""}`,
    };
  }
  if (posted) {
    const others = opening.filter((found) => found.value !== posted.value);
    const basis =
      others.length === 0
        ? `网页所载发布时间为“${posted.text}”（第${posted.line}行，未刊出）；文中开头未另载日期。`
        : `网页所载发布时间为“${posted.text}”（第${posted.line}行，未刊出）。`;
    return {
      date: { value: posted.value, precision: "day", basis },
      decided: `date ${posted.value}, inferred from the posting time in line ${posted.line}`,
      ...(others[0]
        ? {
            question: {
              text: others[0].text,
              fix: `the page was posted on ${posted.value} (line ${posted.line}), but line ${others[0].line} gives ${others[0].value}: if that is the document's date, set date: { value: "${others[0].value}", precision: day, from: ${others[0].piece} }`,
            },
          }
        : {}),
    };
  }
  // the page's own description of the text opens with its day (活動描述 / - 2006年2月14日下午2:30，……); a
  // paragraph that opens with a date may recall an earlier event, so it is only asked about (below)
  const described = opening.find((found) => found.described);
  if (described)
    return {
      date: { value: described.value, precision: "day", from: described.piece },
      decided: `date ${described.value}, which opens the page's description of the text (line ${described.line})`,
      question: {
        text: described.text,
        fix: `the page's description (line ${described.line}) opens with ${described.value}, taken as the date: if that is not the date of the text, set another date with its basis, or delete date`,
      },
    };
  const [first] = opening;
  if (first)
    return {
      question: {
        text: first.text,
        fix: `the text states no date of its own; line ${first.line} gives ${first.value}: if that is the document's date, add date: { value: "${first.value}", precision: day, from: ${first.piece} }`,
      },
      decided: "no date: the text states none of its own",
    };
  return {};
}
