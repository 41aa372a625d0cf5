import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, type Started, start, stop, TSX } from "./processes";

/**
 * A college's own deployment as it starts: the app on an embedded database of its own (a fresh data
 * folder), without the demo (HUIFANG_DEMO=off), its first admin made with the command line's
 * create-admin. For the specs that begin where a real college begins.
 */
export class EmptyDeployment {
  readonly dataDir: string;
  readonly origin: string;
  /** the environment the app and its commands run with */
  readonly env: NodeJS.ProcessEnv;
  app: Started | undefined;

  constructor(
    name: string,
    readonly port: number,
  ) {
    this.dataDir = mkdtempSync(path.join(os.tmpdir(), `huifang-${name}-`));
    this.origin = `http://127.0.0.1:${port}`;
    this.env = {
      ...process.env,
      HUIFANG_DATA_DIR: this.dataDir,
      DATABASE_URL: "",
      DATABASE_OWNER_URL: "",
      HUIFANG_DEMO: "off",
    };
  }

  /** `npm run cli -- create-admin`, the password from the environment as the README says. */
  createAdmin(account: { login: string; name: string; password: string }) {
    return spawnSync(TSX, ["scripts/cli.ts", "create-admin", "--login", account.login, "--name", account.name], {
      cwd: ROOT,
      env: { ...this.env, HUIFANG_ADMIN_PASSWORD: account.password },
      encoding: "utf8",
    });
  }

  /** Starts the app as `npm start` does after the build, resolving once it listens. */
  async start() {
    this.app = await start(
      TSX,
      ["scripts/serve.ts"],
      { ...this.env, PORT: String(this.port) },
      /\[huifang\] listening on port/,
    );
  }

  /** Stops the app and deletes its data folder. */
  async remove() {
    await stop(this.app);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
