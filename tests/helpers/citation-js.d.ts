/**
 * The part of citation-js (https://citation.js.org) the tests use: parsing
 * BibTeX, RIS and CSL-JSON into CSL-JSON items. The packages ship no types.
 */
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    /** The parsed items, as CSL-JSON. */
    data: import("../../src/lib/citation-formats.ts").CslItem[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
