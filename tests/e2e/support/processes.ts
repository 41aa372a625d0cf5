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
  // a process group of its own: stop() ends the command and whatever it started (the launcher's web
  // server), so no server of a spec outlives it and holds its port for the next run
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
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

/**
 * Stops a started process (SIGTERM to its group, as a service manager would) and waits until it has
 * exited; past 15 s, or whatever of its group is left after it, is killed.
 */
export async function stop(started: Started | undefined) {
  const group = started?.process.pid;
  if (!started || group === undefined) return;
  if (started.process.exitCode === null && started.process.signalCode === null) {
    const exited = new Promise((resolve) => started.process.once("exit", resolve));
    signalGroup(group, "SIGTERM");
    const killed = setTimeout(() => signalGroup(group, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(killed);
  }
  // the launcher's web server may outlive the launcher by a moment: the group goes with it
  signalGroup(group, "SIGKILL");
}

function signalGroup(group: number, signal: NodeJS.Signals) {
  try {
    process.kill(-group, signal);
  } catch {
    // nothing of the group is left
  }
}

/** The project's tsx, which runs the app's TypeScript scripts without a build step. */
export const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
