import type { DatePrecision } from "../schemas/passage.ts";

export type { DatePrecision };

/**
 * An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) written the Chinese way.
 *
 * @example formatDate("2024-02-27", "day") // "2024年2月27日"
 * @example formatDate("2017-10", "after") // "2017年10月以后"
 */
export function formatDate(iso: string, precision: DatePrecision): string {
  const [year, month, day] = iso.split("-").map(Number);
  let text = `${year}年`;
  if (month !== undefined && precision !== "year") text += `${month}月`;
  if (day !== undefined && (precision === "day" || precision === "after")) text += `${day}日`;
  return precision === "after" ? `${text}以后` : text;
}

/** How precisely a milestone's date is known (see src/schemas/curated.ts). */
export type MilestonePrecision = "year" | "month" | "day" | "range" | "since";

/**
 * A milestone's ISO date (`1994`, `2016-06`, `2014-02-27`, a range
 * `2023-07-14/2023-07-15`, an open interval `2014/..`) written the Chinese way.
 *
 * @example formatMilestoneDate("2023-07-14/2023-07-15", "range") // "2023年7月14日至15日"
 * @example formatMilestoneDate("2014/..", "since") // "2014年以来"
 */
export function formatMilestoneDate(value: string, precision: MilestonePrecision): string {
  const [start = "", end = ""] = value.split("/");
  const parts = (iso: string) => iso.split("-").map(Number);
  const written = (iso: string) => {
    const [year, month, day] = parts(iso);
    return `${year}年${month ? `${month}月` : ""}${day ? `${day}日` : ""}`;
  };
  switch (precision) {
    case "since":
      return `${written(start)}以来`;
    case "range": {
      const [startYear, startMonth] = parts(start);
      const [endYear, endMonth, endDay] = parts(end);
      if (startYear === endYear && startMonth === endMonth) return `${written(start)}至${endDay}日`;
      if (startYear === endYear) return `${written(start)}至${endMonth}月${endDay}日`;
      return `${written(start)}至${written(end)}`;
    }
    default:
      return written(start);
  }
}

/** The year a milestone belongs to on the timeline: the year it starts. */
export function milestoneYear(value: string): string {
  return value.slice(0, 4);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * An ISO date written the English way, at its precision.
 *
 * @example formatDateEnglish("2024-02-27", "day") // "27 February 2024"
 * @example formatDateEnglish("2017-10", "after") // "October 2017 or later"
 */
export function formatDateEnglish(iso: string, precision: DatePrecision): string {
  const [year, month, day] = iso.split("-").map(Number);
  const monthName = month !== undefined ? MONTHS[month - 1] : undefined;
  let text = String(year);
  if (monthName && precision !== "year") text = `${monthName} ${text}`;
  if (day !== undefined && monthName && (precision === "day" || precision === "after")) text = `${day} ${text}`;
  return precision === "after" ? `${text} or later` : text;
}

/** A document's date in an interface language: Chinese (2024年2月27日) or English (27 February 2024). */
export function formatDateIn(locale: "zh-CN" | "en", iso: string, precision: DatePrecision): string {
  return locale === "en" ? formatDateEnglish(iso, precision) : formatDate(iso, precision);
}

/**
 * A milestone's date written the English way.
 *
 * @example formatMilestoneDateEnglish("2023-07-14/2023-07-15", "range") // "14–15 July 2023"
 * @example formatMilestoneDateEnglish("2014/..", "since") // "since 2014"
 */
export function formatMilestoneDateEnglish(value: string, precision: MilestonePrecision): string {
  const [start = "", end = ""] = value.split("/");
  const written = (iso: string) => {
    const [year, month, day] = iso.split("-").map(Number);
    const monthName = month ? MONTHS[month - 1] : undefined;
    return [day, monthName, year].filter((part) => part !== undefined).join(" ");
  };
  switch (precision) {
    case "since":
      return `since ${written(start)}`;
    case "range": {
      const [startYear, startMonth, startDay] = start.split("-").map(Number);
      const [endYear, endMonth] = end.split("-").map(Number);
      if (startYear === endYear && startMonth === endMonth) return `${startDay}–${written(end)}`;
      return `${written(start)} – ${written(end)}`;
    }
    default:
      return written(start);
  }
}
