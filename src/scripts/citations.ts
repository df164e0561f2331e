/**
 * Progressive enhancement of the citations on a document page (see
 * src/components/CitationForms.astro): writes today's date as the access
 * date, replaces a site-relative path with the address the page is read at
 * (when the site was built without SITE_URL), shows the copy buttons, and
 * writes the BibTeX, RIS and CSL-JSON of the document or a passage when the
 * reader downloads or copies one. Without JavaScript the citations are still
 * there to select, and the document's citation files to download. Button
 * messages come from their `data-copied` and `data-copy-failed` attributes,
 * in the page's language. The writers of the three formats load on the first
 * request, so that reading a page costs none of their bytes.
 */

const formatWriters = () => import("../lib/citation-formats.ts");
import type { CitedDocument, CitedEdition, CitedPassage } from "../lib/citation.ts";
import type { CitationFormat } from "../lib/citation-formats.ts";
import type { PassageType } from "../schemas/passage.ts";

interface CitationData {
  slug: string;
  cited: CitedDocument;
  edition: CitedEdition;
}

/** Today's date in the reader's time zone, ISO (`2026-12-03`): the Swedish locale writes dates that way. */
function todayIso(): string {
  return new Date().toLocaleDateString("sv");
}

/** Copies `text`, then shows the button's success or failure message for two seconds. */
function copyWithFeedback(button: HTMLButtonElement, text: () => string | Promise<string>): void {
  const label = button.textContent;
  button.addEventListener("click", () => {
    Promise.resolve(text())
      .then((value) => navigator.clipboard.writeText(value))
      .then(
        () => (button.textContent = button.dataset["copied"] ?? label),
        () => (button.textContent = button.dataset["copyFailed"] ?? label),
      );
    setTimeout(() => (button.textContent = label), 2000);
  });
}

function download(fileName: string, mediaType: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type: mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function enhanceCitations(): void {
  const accessed = todayIso();
  for (const slot of document.querySelectorAll<HTMLElement>(".access-date"))
    slot.textContent = `${slot.dataset["prefix"] ?? ""}[${accessed}]`;
  const dataText = document.querySelector<HTMLElement>("[data-citation-data]")?.dataset["citationData"];
  const data = dataText ? (JSON.parse(dataText) as CitationData) : undefined;
  for (const forms of document.querySelectorAll<HTMLElement>(".citation-forms")) {
    const path = forms.dataset["citePath"] ?? "";
    const absolute = new URL(path, location.href).href;
    let url: string | undefined;
    for (const slot of forms.querySelectorAll<HTMLElement>(".citation-url")) {
      if (!/^https?:/.test(slot.textContent)) slot.textContent = absolute;
      url = slot.textContent;
    }
    for (const note of forms.querySelectorAll<HTMLElement>(".relative-note")) note.hidden = true;
    if (!navigator.clipboard) continue;
    for (const button of forms.querySelectorAll<HTMLButtonElement>(".copy-citation")) {
      const citation = button.parentElement?.querySelector<HTMLElement>("[data-citation]");
      if (!citation) continue;
      button.hidden = false;
      copyWithFeedback(button, () => citation.textContent.trim());
    }
    if (!data) continue;
    const key = forms.dataset["citeKey"] ?? "";
    const passage: CitedPassage | undefined = key
      ? {
          type: (forms.dataset["citeType"] ?? "paragraph") as PassageType,
          number: Number(forms.dataset["citeNumber"]),
        }
      : undefined;
    const written = async (format: CitationFormat) => {
      const { cslItem, citationFormats } = await formatWriters();
      const item = cslItem({
        document: data.cited,
        passage,
        key: key ? `${data.slug}-${key}` : data.slug,
        url,
        path,
        edition: data.edition,
        accessed,
      });
      const { write, mediaType, extension } = citationFormats[format];
      return { body: write(item), mediaType, fileName: `${key ? `${data.slug}-${key}` : data.slug}.${extension}` };
    };
    for (const control of forms.querySelectorAll<HTMLElement>("[data-cite-download]")) {
      const format = control.dataset["citeDownload"] as CitationFormat;
      control.hidden = false;
      control.addEventListener("click", (event) => {
        event.preventDefault();
        void written(format).then(({ fileName, mediaType, body }) => download(fileName, mediaType, body));
      });
    }
    for (const button of forms.querySelectorAll<HTMLButtonElement>("[data-cite-copy]")) {
      const format = button.dataset["citeCopy"] as CitationFormat;
      button.hidden = false;
      copyWithFeedback(button, async () => (await written(format)).body);
    }
  }
}
