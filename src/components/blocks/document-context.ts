import { getCollection, getEntry } from "astro:content";
import type { CitedDocument } from "../../lib/citation.ts";
import { passageMentionsOf, type PassageMentions } from "../../lib/mentions.ts";

export interface DocumentContext {
  /** The document as its citations describe it. */
  cited: CitedDocument;
  /** What links to each of its passages, by passage id. */
  mentions: Map<string, PassageMentions>;
  /** Passages of other documents that share text with each passage, by passage id, with their documents' titles. */
  shared: Map<string, { doc: string; id: string; title: string; identical: boolean; longest: number }[]>;
}

const contexts = new Map<string, Promise<DocumentContext>>();

async function load(slug: string): Promise<DocumentContext> {
  const speech = await getEntry("speeches", slug);
  const passages = await getEntry("passages", slug);
  if (!speech || !passages) throw new Error(`No document “${slug}” in the speeches and passages collections.`);
  const { data } = speech;
  const titles = new Map((await getCollection("passages")).map((entry) => [entry.data.doc, entry.data.citeTitle]));
  const shared = new Map(
    passages.data.passages.map((passage) => [
      passage.id,
      passage.shared.map((link) => ({ ...link, title: titles.get(link.doc) ?? link.doc })),
    ]),
  );
  return {
    shared,
    cited: {
      title: passages.data.citeTitle,
      authors: data.authors.map((author) => author.value),
      outlet: data.outlet?.value,
      date: data.date && { value: data.date.value, precision: data.date.precision, inferred: Boolean(data.date.basis) },
      page: data.page?.value,
      kind: data.kind,
    },
    mentions: passageMentionsOf(slug, {
      sets: (await getCollection("principleSets")).map((entry) => entry.data),
      principles: (await getCollection("principles")).map((entry) => entry.data),
      milestones: (await getCollection("milestones")).map((entry) => entry.data),
      terms: (await getCollection("terms")).map((entry) => entry.data),
    }),
  };
}

/** The citation data and passage links of a document, loaded once per build and shared by all its blocks. */
export function documentContext(slug: string): Promise<DocumentContext> {
  let context = contexts.get(slug);
  if (!context) {
    context = load(slug);
    contexts.set(slug, context);
  }
  return context;
}
