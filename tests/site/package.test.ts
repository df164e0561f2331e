import { createHash } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { unzipSync } from "fflate";
import { builtBase, packageSite, readmeText } from "../../scripts/package.ts";
import { SUB_PATH } from "../helpers/root.ts";

/** The release archive of the test builds (scripts/package.ts). */
const root = inject("siteDir");
const subPath = inject("subPathSiteDir");

describe("the release archive", () => {
  const input = { dist: root, folder: "edition-9.9.9", date: "2026-12-03", base: builtBase(root) };

  it("is the same byte for byte when made twice", () => {
    const first = packageSite(input);
    const second = packageSite(input);
    expect(createHash("sha256").update(first).digest("hex")).toBe(createHash("sha256").update(second).digest("hex"));
  });

  it("holds the site in one folder, with SHA256SUMS of every file and a README.txt", () => {
    const entries = unzipSync(packageSite(input));
    const names = Object.keys(entries);
    expect(names.every((name) => name.startsWith("edition-9.9.9/"))).toBe(true);
    expect(names).toEqual([...names].sort());
    const sums = new TextDecoder().decode(entries["edition-9.9.9/SHA256SUMS"]);
    const listed = sums.trimEnd().split("\n");
    const siteFiles = names.filter((name) => !/^edition-9\.9\.9\/(SHA256SUMS|README\.txt)$/.test(name));
    expect(listed).toHaveLength(siteFiles.length);
    for (const line of listed) {
      const [hash = "", path = ""] = line.split("  ");
      const bytes = entries[`edition-9.9.9/${path}`];
      expect(bytes, path).toBeDefined();
      expect(
        createHash("sha256")
          .update(bytes ?? new Uint8Array())
          .digest("hex"),
        path,
      ).toBe(hash);
    }
    expect(new TextDecoder().decode(entries["edition-9.9.9/README.txt"])).toBe(readmeText("edition-9.9.9", "/"));
  });

  it("tells, from the build itself, the path it was built for", () => {
    expect(builtBase(root)).toBe("/");
    expect(builtBase(subPath)).toBe(SUB_PATH);
    expect(readmeText("x", SUB_PATH)).toContain(`under the path ${SUB_PATH}`);
  });
});
