import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/** The checkout's root: the app's own scripts run from it, as `npm start` runs them. */
export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export interface Started {
  process: ChildProcess;
  output: () => string;
}

/** Starts a process and resolves once a line of its output says it is ready; fails with its output if it exits. */
export function start(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Started> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ process: child, output: () => output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${command} ${args.join(" ")} exited (${code}):\n${output}`)));
  });
}

/** Stops a started process (SIGTERM, as a service manager would) and waits until it has exited. */
export async function stop(started: Started | undefined) {
  if (!started || started.process.exitCode !== null) return;
  const exited = new Promise((resolve) => started.process.once("exit", resolve));
  started.process.kill("SIGTERM");
  await exited;
}

/** The project's tsx, which runs the app's TypeScript scripts without a build step. */
export const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
