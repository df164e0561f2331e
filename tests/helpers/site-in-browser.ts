import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../scripts/support/chromium.ts";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";

/** A built site on a static server, and a Chromium to open it in. */
export interface SiteInBrowser {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * Serves the built site `dir` under `base` and starts Chromium before the
 * calling file's tests, and stops both after them. Call it at the top of a
 * test file, before any hook that uses it; read `server` and `browser` in
 * hooks and tests only, since they exist once the first `beforeAll` has run.
 */
export function useSiteInBrowser(dir: string, base = "/"): SiteInBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveStatic(dir, base), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined)
      throw new Error(`useSiteInBrowser: the ${name} starts in beforeAll; read it in a hook or test`);
    return value;
  };
  return {
    get server() {
      return started(server, "server");
    },
    get browser() {
      return started(browser, "browser");
    },
  };
}
