// After `npm install`: one line saying which Node the project's scripts run on,
// when npm itself runs on an older one (.npmrc silences npm's engine warnings).
// Plain JavaScript, so that it runs on any Node npm runs on.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const npmNode = /\bnode\/v(\d+)/.exec(process.env.npm_config_user_agent ?? "")?.[1];
const pinned = "node_modules/.bin/node";
if (npmNode !== undefined && Number(npmNode) < 22 && existsSync(pinned)) {
  const version = execFileSync(pinned, ["--version"], { encoding: "utf8" }).trim();
  console.log(
    `install: npm runs on Node ${npmNode}; the project's scripts (npm run …, npm test) run on Node ${version.slice(1)} from ${pinned}.`,
  );
}
