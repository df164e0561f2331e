/**
 * The edition's identity: its version and release date, as CHANGELOG.md
 * records them. The version must be the one package.json declares, so that
 * a release is named the same everywhere.
 */
export interface Edition {
  version: string;
  /** Release date, ISO (YYYY-MM-DD). */
  date: string;
}

const releaseHeading = /^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})\s*$/m;

/**
 * The latest release of a changelog: its first `## VERSION — YYYY-MM-DD`
 * heading. Throws when there is none or when it names another version than
 * `packageVersion`.
 *
 * @example latestRelease("# Changelog\n\n## 0.2.0 — 2026-12-03\n", "0.2.0") // { version: "0.2.0", date: "2026-12-03" }
 */
export function latestRelease(changelog: string, packageVersion: string): Edition {
  const match = releaseHeading.exec(changelog);
  if (!match?.[1] || !match[2])
    throw new Error(
      "CHANGELOG.md has no release heading. Start each release with a line such as “## 0.2.0 — 2026-12-03” (version, an em dash, the ISO date).",
    );
  const [, version, date] = match;
  if (version !== packageVersion)
    throw new Error(
      `CHANGELOG.md's latest release is ${version} but package.json says ${packageVersion}. Set "version" in package.json to ${version}, or add a “## ${packageVersion} — YYYY-MM-DD” section at the top of CHANGELOG.md.`,
    );
  return { version, date };
}
