import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The sub-path that the second test build is served under. */
export const SUB_PATH = "/corpus/";

/** The public address the second test build is made for (SITE_URL); the first has none. */
export const TEST_SITE_URL = "https://edition.test";

/**
 * Positions from which a word of the test builds' index is in a word file
 * of its own (the build's SEARCH_WORD_FILES_FROM): low enough that about a
 * hundred of the real corpus's common words are, so that every search test
 * reads both word files and Pagefind (a real build puts only words of 10,000
 * positions or more there, which this corpus has none of).
 */
export const WORD_FILES_FROM = 100;
