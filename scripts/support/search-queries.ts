import * as OpenCC from "opencc-js/cn2t";
import { buildCorpus, type Corpus } from "../lib/corpus.ts";
import type { Passage, SearchDocument } from "../../src/schemas/passage.ts";
import { passagesOfDocuments, readSearchCorpus } from "../lib/search-corpus.ts";
import { seededRandom } from "./seeded-random.ts";
import type { SearchScope } from "../../src/lib/search/match.ts";

/** A test query and why it is in the set. */
export interface TestQuery {
  query: string;
  kind: "policy" | "random" | "number" | "variant" | "join" | "multi" | "absent";
}

const policyPhrases = [
  "网络强国",
  "网信",
  "网络空间命运共同体",
  "管得住是硬道理",
  "正能量是总要求",
  "用得好是真本事",
  "十个坚持",
  "举旗帜聚民心",
  "防风险保安全",
  "强治理惠民生",
  "增动能促发展",
  "谋合作图共赢",
  "四梁八柱",
  "同心圆",
  "九龙治水",
  "清朗",
  "数字中国",
  "总体国家安全观",
  "关键信息基础设施",
  "军民融合",
  "数字鸿沟",
  "四项原则",
  "五点主张",
  "两个确立",
  "两个维护",
  "四个意识",
  "四个自信",
  "党管互联网",
  "网信为民",
  "中国特色治网之道",
  "一体之两翼、驱动之双轮",
  "没有网络安全就没有国家安全",
  "过不了互联网这一关",
  "世界互联网大会",
  "国家网络安全宣传周",
  "网络安全法",
  "习近平总书记关于网络强国的重要思想",
  "网络强国战略思想",
  "最大变量",
  "依法管网、依法办网、依法上网",
];

const numbers = [
  "10.79亿",
  "76.4%",
  "50.2万亿元",
  "41.5%",
  "367项",
  "20.5亿",
  "7.3亿",
  "482万个",
  "92%",
  "1994年",
  "2016年6月",
  "2023年6月1日",
  "2014年2月27日",
  "60余所",
  "150余部",
  "900余项",
  "12个",
  "5G",
  "6G",
  "App",
];

const absent = ["网络弱国", "不存在的短语", "数字日本", "十一个坚持", "互联网+航天", "zzz"];

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

/** Full-width forms of ASCII: what NFKC folds back. */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
}

/**
 * At least 300 queries: policy phrases, random substrings of 2 to 10
 * characters, numbers with units, Traditional, full-width and upper-case
 * variants, phrases that exist only across a joined page break, multi-term
 * queries and phrases the corpus lacks.
 */
export function testQueries(corpus: Corpus, passages: readonly Passage[]): TestQuery[] {
  const next = seededRandom(20231124);
  const queries: TestQuery[] = [];
  queries.push(...policyPhrases.map((query) => ({ query, kind: "policy" as const })));
  queries.push(...numbers.map((query) => ({ query, kind: "number" as const })));
  queries.push(...absent.map((query) => ({ query, kind: "absent" as const })));

  const texts = passages.map((passage) => passage.text).filter((text) => text.length >= 10);
  for (let count = 0; count < 180; count += 1) {
    const text = texts[Math.floor(next() * texts.length)] ?? "";
    const length = 2 + Math.floor(next() * 9);
    const start = Math.floor(next() * (text.length - length));
    queries.push({ query: text.slice(start, start + length), kind: "random" });
  }

  for (const { query } of queries.filter((entry) => entry.kind === "policy").slice(0, 20)) {
    queries.push({ query: toTraditional(query), kind: "variant" });
  }
  for (const query of ["76.4%", "10.79亿", "5G", "App", "2023年6月1日"])
    queries.push({ query: fullWidth(query), kind: "variant" });
  queries.push(
    { query: "APP", kind: "variant" },
    { query: "5g", kind: "variant" },
    { query: "１０ 亿", kind: "variant" },
  );

  for (const document of corpus.documents) {
    for (const block of document.blocks) {
      block.spans.slice(1).forEach((span) => {
        const offset = block.spans
          .slice(0, block.spans.indexOf(span))
          .reduce((sum, each) => sum + each.end - each.start, 0);
        queries.push({ query: block.text.slice(Math.max(0, offset - 3), offset + 3), kind: "join" });
      });
    }
  }

  queries.push(
    ...[
      "网络强国 数字中国",
      "“网络强国”“数字中国”",
      "网信 人才",
      "习近平 乌镇",
      "十个坚持 重要原则",
      "正能量 管得住 用得好",
      "“清朗”",
      "网络安全 信息化 现代化",
      "数据安全法 个人信息保护法",
      "网络强国 不存在的短语",
    ].map((query) => ({ query, kind: "multi" as const })),
  );
  return queries;
}

/** A generated query with an operator or a scope, and why it is in the set. */
export interface OperatorQuery {
  query: string;
  scope: SearchScope;
  kind: "or" | "not" | "near" | "group" | "sentence" | "document";
}

/** Terms for generated queries: substrings of 2 to 5 characters without spaces, quotation marks or operator characters. */
function termFrom(text: string, next: () => number): string {
  const cleaned = text.replace(/[\s"“”‘’「」『』＂﹁﹂﹃﹄()|｜\-－]/gu, "");
  const length = 2 + Math.floor(next() * 4);
  const start = Math.floor(next() * Math.max(1, cleaned.length - length));
  return cleaned.slice(start, start + length);
}

/**
 * At least 100 queries for each operator (`|`, `-`, `NEAR/n`, parentheses)
 * at passage scope, and for each of the sentence and document scopes, made
 * from the published passages so that most of them match something and many
 * exclude or require something that is really there.
 */
export function operatorQueries(passages: readonly Passage[]): OperatorQuery[] {
  const next = seededRandom(20261203);
  const texts = passages.map((passage) => passage.text).filter((text) => text.length >= 30);
  const pick = () => texts[Math.floor(next() * texts.length)] ?? "";
  const queries: OperatorQuery[] = [];
  for (let count = 0; count < 100; count += 1) {
    queries.push({ query: `${termFrom(pick(), next)} | ${termFrom(pick(), next)}`, scope: "passage", kind: "or" });
    // The excluded term is often in the same passage as the required one, so that exclusion removes something.
    const text = pick();
    const excluded = next() < 0.6 ? termFrom(text, next) : termFrom(pick(), next);
    queries.push({ query: `${termFrom(text, next)} -${excluded}`, scope: "passage", kind: "not" });
    // Two terms of one passage with a known gap, and a distance sometimes above and sometimes below it.
    const near = pick().replace(/[\s"“”‘’「」『』＂﹁﹂﹃﹄()|｜\-－]/gu, "");
    const start = Math.floor(next() * Math.max(1, near.length - 20));
    const gap = Math.floor(next() * 10);
    const [a, b] = [
      near.slice(start, start + 2 + Math.floor(next() * 3)),
      near.slice(start + 5 + gap, start + 8 + gap),
    ];
    const [first, second] = next() < 0.5 ? [a, b] : [b, a];
    queries.push({ query: `${first} NEAR/${Math.floor(next() * 15)} ${second}`, scope: "passage", kind: "near" });
    const grouped = pick();
    queries.push({
      query: `(${termFrom(grouped, next)} | ${termFrom(pick(), next)}) ${termFrom(grouped, next)}`,
      scope: "passage",
      kind: "group",
    });
    const sentence = pick();
    queries.push({
      query:
        next() < 0.3
          ? `${termFrom(sentence, next)} -${termFrom(sentence, next)}`
          : `${termFrom(sentence, next)} ${termFrom(sentence, next)}`,
      scope: "sentence",
      kind: "sentence",
    });
    const documentQuery =
      next() < 0.3
        ? `${termFrom(pick(), next)} -${termFrom(pick(), next)}`
        : `${termFrom(pick(), next)} ${termFrom(pick(), next)}`;
    queries.push({ query: documentQuery, scope: "document", kind: "document" });
  }
  return queries;
}

/**
 * The documents the search indexes (read from the generated collections, as
 * the build's search step reads them), their published passages, and the
 * test queries made from them.
 */
export function searchTestSet(root: string): {
  documents: SearchDocument[];
  passages: Passage[];
  queries: TestQuery[];
  operatorQueries: OperatorQuery[];
} {
  const corpus = buildCorpus(root);
  const { documents } = readSearchCorpus(root);
  const passages = passagesOfDocuments(documents);
  return { documents, passages, queries: testQueries(corpus, passages), operatorQueries: operatorQueries(passages) };
}
