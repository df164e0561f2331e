/**
 * Writes src/lib/search/t2s.json: every CJK character that opencc-js converts
 * from Traditional (OpenCC standard, Taiwan and Hong Kong variants) to
 * Simplified Chinese, as one string of pairs. Search folds queries and texts
 * through it, so 網絡強國 finds 网络强国 without shipping the converter.
 *
 *   npm run generate:t2s      (a test fails when the file is out of date)
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js/t2cn";

const ranges: [number, number][] = [
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
];

export function traditionalToSimplifiedPairs(): string {
  const converters = (["t", "tw", "hk"] as const).map((from) => OpenCC.Converter({ from, to: "cn" }));
  let pairs = "";
  for (const [first, last] of ranges) {
    for (let codePoint = first; codePoint <= last; codePoint += 1) {
      const character = String.fromCodePoint(codePoint);
      const simplified = converters.map((convert) => convert(character)).find((output) => output !== character);
      if (simplified !== undefined && [...simplified].length === 1) pairs += character + simplified;
    }
  }
  return pairs;
}

export const T2S_PATH = fileURLToPath(new URL("../src/lib/search/t2s.json", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(
    T2S_PATH,
    `${JSON.stringify({ source: "opencc-js t2cn (t, tw, hk → cn), one character each", pairs: traditionalToSimplifiedPairs() })}\n`,
  );
  console.log(`wrote ${T2S_PATH}`);
}
