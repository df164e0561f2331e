import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The sub-path that the second test build is served under. */
export const SUB_PATH = "/corpus/";

/** The public address the second test build is made for (SITE_URL); the first has none. */
export const TEST_SITE_URL = "https://edition.test";
