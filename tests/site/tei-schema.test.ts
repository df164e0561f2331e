import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";

/**
 * The built TEI files against RelaxNG, with libxml2's validator (npm
 * `xmllint-wasm`). The TEI P5 schema tei_all has no installable source (no
 * npm or Debian package carries it, docs/citing.md), and none is committed:
 * set TEI_ALL_RNG to the path of a tei_all.rng to validate against it. Without
 * it, the files are checked against a schema of the outline alone
 * (well-formed, a TEI or teiCorpus root in the TEI namespace, ids unique).
 */
const site = inject("siteDir");
const teiAll = process.env["TEI_ALL_RNG"];

const builtTei = (): XMLFileInfo[] => {
  const dir = join(site, "data", "tei");
  return [
    ...readdirSync(dir)
      .filter((name) => name.endsWith(".xml"))
      .sort()
      .map((name) => ({ fileName: `data/tei/${name}`, contents: readFileSync(join(dir, name), "utf8") })),
    { fileName: "data/tei.xml", contents: readFileSync(join(site, "data", "tei.xml"), "utf8") },
  ];
};

/** Any element in any namespace, any attribute but `xml:id`, which is an ID: unique in its file. */
const outline = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><element><choice><name ns="http://www.tei-c.org/ns/1.0">TEI</name><name ns="http://www.tei-c.org/ns/1.0">teiCorpus</name></choice><ref name="content"/></element></start>
  <define name="content">
    <zeroOrMore><choice>
      <attribute><anyName><except><name ns="http://www.w3.org/XML/1998/namespace">id</name></except></anyName></attribute>
      <attribute><name ns="http://www.w3.org/XML/1998/namespace">id</name><data type="ID"/></attribute>
      <text/>
      <element><anyName/><ref name="content"/></element>
    </choice></zeroOrMore>
  </define>
</grammar>`;

const validate = async (xml: XMLFileInfo[], schema: string) =>
  (await validateXML({ xml, schema: [{ fileName: "schema.rng", contents: schema }], extension: "relaxng" })).errors.map(
    (error) => error.rawMessage,
  );

describe("the built TEI files against RelaxNG", () => {
  it("has a TEI file per document and the teiCorpus, each well-formed, ids unique", async () => {
    const files = builtTei();
    expect(files.length).toBeGreaterThan(1);
    expect(await validate(files, outline)).toEqual([]);
    const duplicate = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p xml:id="a"/><p xml:id="a"/></TEI>';
    expect(await validate([{ fileName: "duplicate.xml", contents: duplicate }], outline)).not.toEqual([]);
  });

  it.skipIf(teiAll === undefined)("each is valid TEI P5 (tei_all at TEI_ALL_RNG)", { timeout: 120_000 }, async () => {
    const schema = readFileSync(teiAll ?? "", "utf8");
    expect(schema, "TEI_ALL_RNG is not a TEI RelaxNG schema").toContain('ns="http://www.tei-c.org/ns/1.0"');
    expect(await validate(builtTei(), schema)).toEqual([]);
    // The schema rejects what TEI forbids: a header without its file description.
    const invalid = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p/></body></text></TEI>';
    expect(await validate([{ fileName: "invalid.xml", contents: invalid }], schema)).not.toEqual([]);
  });
});
