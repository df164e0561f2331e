import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The sub-path that the second test build is served under. */
export const SUB_PATH = "/corpus/";
