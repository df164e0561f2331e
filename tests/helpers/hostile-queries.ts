/**
 * At least 1,000 hostile queries, generated from a fixed seed so every run
 * tries the same ones: very long input, regular-expression syntax, markup,
 * emoji, control characters, bidirectional marks, lone surrogates, each alone
 * and mixed into real phrases (so that some of them also find passages).
 */

import { seededRandom } from "../../scripts/support/seeded-random.ts";

const phrases = ["网信", "网络强国", "管得住是硬道理", "网络空间命运共同体", "10.79亿", "76.4%", "網信"];
const markup = [
  "<img src=x onerror=alert(1)>",
  "</mark><script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  "<a href=javascript:alert(1)>x</a>",
  "&lt;b&gt;&amp;",
  "<!--",
  "]]>",
  "<style>*{display:none}</style>",
];
const regex = [".*", "(", ")", "[", "]", "{2,}", "\\", "^$", "|", "+?", "(?<=x)", "\\u0000", "$&", "$1"];
const emoji = ["😀", "👨‍👩‍👧‍👦", "🇨🇳", "🏳️‍🌈", "1️⃣", "🧑🏽‍💻", "\u{1F600}\u{FE0F}"];
const controls = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\t",
  "\n",
  "\r",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u3000",
];
const direction = [
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u061c",
  "\u200b",
  "\u200d",
  "\ufeff",
];
const surrogates = ["\ud800", "\udfff", "\udbff", "\udc00", "a\ud83d", "\ude00b"];
const quotes = ["“", "”", "「", "」", '"', "'", "《", "》"];

export function hostileQueries(count = 1000, seed = 20261124): string[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const families: (() => string)[] = [
    () => pick(phrases).repeat(1 + Math.floor(next() * 400)),
    () => "网".repeat(150 + Math.floor(next() * 100)),
    () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(regex)).join(pick(["", " ", pick(phrases)])),
    () => pick(markup) + (next() < 0.5 ? pick(phrases) : ""),
    () => `${pick(phrases)}${pick(markup)}${pick(phrases)}`,
    () =>
      Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(emoji)).join(next() < 0.5 ? " " : pick(phrases)),
    () => `${pick(phrases)}${pick(controls)}${pick(phrases)}`,
    () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(controls)).join(""),
    () => `${pick(direction)}${pick(phrases)}${pick(direction)}`,
    () => pick(phrases).split("").join(pick(direction)),
    () => `${pick(surrogates)}${next() < 0.5 ? pick(phrases) : ""}${pick(surrogates)}`,
    () => `${pick(quotes)}${pick(phrases)}${pick(quotes)} ${pick(quotes)}${pick(markup)}`,
    () =>
      Array.from({ length: 2 + Math.floor(next() * 30) }, () =>
        pick([...phrases, ...markup, ...regex, ...emoji, ...controls, ...direction, ...surrogates, ...quotes, " "]),
      ).join(""),
  ];
  const queries = new Set<string>();
  while (queries.size < count) queries.add(pick(families)());
  return [...queries];
}
