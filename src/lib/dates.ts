/** How precisely a document's date is known. `after`: on or after the date. */
export type DatePrecision = "year" | "month" | "day" | "after";

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
