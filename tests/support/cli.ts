import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the repository to its end and collects what it printed; it sees this test's database. */
export function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** The data team's command line, `npm run cli -- <args>`, as its npm script runs it. */
export function cli(args: string[]): Promise<Run> {
  return run(tsx, ["scripts/cli.ts", ...args]);
}
