// Every command in package.json that runs through tsx (npm start, seed, import, export,
// users, detect, db:migrate, bench:seed) loads its code outside React Server Components, where
// a module marked `import "server-only"` throws on import. The tests import that code through
// vitest, which stubs the marker, so only running the commands shows it. Each runs here
// against a database address that refuses connections: it gets as far as connecting and
// must fail on that, not on loading.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { PROJECT_ROOT } from "@/lib/db/embedded";

const scripts = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
/**
 * Commands through tsx without the react-server condition (npm run bench sets it on purpose),
 * with arguments that keep them small. bench:export is left out: it builds the app before it
 * connects anywhere, which would rebuild .next under the browser tests. bench:import is left out
 * too: it starts the app's server on a database of its own (not DATABASE_URL), so it would run a
 * whole import, and the timeout's kill would leave that server and its database behind.
 */
// bench:detect loads its own database whatever DATABASE_URL says: a small corpus lets it finish and drop it.
const ARGUMENTS: Record<string, string[]> = { "bench:seed": ["--claims", "1000", "--skip-baseline"], "bench:detect": ["--claims", "100"] };
const STARTS_THE_APP = new Set(["bench:export", "bench:import"]);
const COMMANDS = Object.entries(scripts)
  .filter(([name, command]) => /^tsx (?!--conditions)/.test(command) && !STARTS_THE_APP.has(name))
  .map(([name, command]) => ({ name, file: command.split(" ")[1]!, args: ARGUMENTS[name] ?? [] }));

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    // node --import tsx rather than the tsx binary: one process, so the timeout's kill ends it.
    const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: "postgresql://nobody@127.0.0.1:1/refused",
        NEXTAUTH_SECRET: "a-secret-of-thirty-two-characters-x",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

test("the list of commands is found", () => {
  expect(COMMANDS.map((command) => command.name)).toEqual(expect.arrayContaining(["start", "seed", "import", "export", "detect", "db:migrate", "bench:seed"]));
});

test.each(COMMANDS)(
  "npm run $name loads outside React Server Components",
  async ({ file, args }) => {
    const output = await run(file, args);
    expect(output).not.toMatch(/cannot be imported from a Client Component|Cannot find module|SyntaxError/);
  },
  90_000,
);
