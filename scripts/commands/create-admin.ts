// `npm run cli -- create-admin --login <login> --name <name>`: the first admin of a deployment, on the
// database the app would use (DATABASE_URL, else the embedded one in HUIFANG_DATA_DIR), migrated first.
// The password comes from HUIFANG_ADMIN_PASSWORD or is typed at a prompt, never from the arguments,
// which other users of the machine can read in the process list. Exit 0 created, 2 refused.
import path from "node:path";
import { parseArgs } from "node:util";
import { createAdmin } from "@/lib/accounts/create-admin";
import { normaliseLogin } from "@/lib/accounts/logins";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/accounts/password-policy";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText, type Text, text } from "@/lib/i18n/text";

// the command line speaks Chinese, as the college's data team does
const t = translatorFor("zh-CN");
const say = (sentence: Text) => renderText(t, sentence);

export async function createAdminCommand(args: string[]): Promise<number> {
  const options = (() => {
    try {
      return parseArgs({ args, options: { login: { type: "string" }, name: { type: "string" } } }).values;
    } catch {
      return null;
    }
  })();
  if (!options?.login || !options.name) return refuse(text("accounts.cli.usage"));

  // everything that needs no database is refused before the database is opened
  const login = normaliseLogin(options.login);
  if (!login) return refuse(text("accounts.errors.loginInvalid"));
  const password = process.env.HUIFANG_ADMIN_PASSWORD ?? (await promptPassword());
  if (password === null) return refuse(text("accounts.cli.noPassword"));
  if (password === undefined) return refuse(text("accounts.cli.passwordsDiffer"));
  const problem = passwordProblem(password, login);
  if (problem) return refuse(text(`accounts.password.${problem}`, { min: MIN_PASSWORD_LENGTH }));

  const database = await openDatabase();
  if (!database.ok) return refuse(database.reason);
  try {
    const { createPrismaClient } = await import("@/lib/db/client");
    const prisma = createPrismaClient(database.url, { poolSize: 1 });
    try {
      const result = await createAdmin(prisma, { login, name: options.name, password });
      if (!result.ok) return refuse(result.reason);
      console.log(say(text("accounts.cli.created", { login: result.login, name: options.name.trim() })));
      return 0;
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.close();
  }
}

function refuse(reason: Text): number {
  console.error(say(reason));
  return 2;
}

type OpenedDatabase = { ok: true; url: string; close: () => Promise<void> } | { ok: false; reason: Text };

/** The app's database, migrated: the server's (as its owner for the migration) or the embedded folder's. */
async function openDatabase(): Promise<OpenedDatabase> {
  const { applyMigrations } = await import("@/lib/db/migrate");
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    await applyMigrations(process.env.DATABASE_OWNER_URL || serverUrl, { quiet: true });
    return { ok: true, url: serverUrl, close: async () => {} };
  }
  const { EmbeddedDatabaseInUseError, startEmbeddedDatabase } = await import("@/lib/db/embedded");
  const dataDir = process.env.HUIFANG_DATA_DIR || ".data";
  try {
    const embedded = await startEmbeddedDatabase(dataDir);
    try {
      await applyMigrations(embedded.url, { quiet: true });
    } catch (error) {
      await embedded.stop();
      throw error;
    }
    return { ok: true, url: embedded.url, close: () => embedded.stop() };
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
    return { ok: false, reason: text("accounts.cli.databaseInUse", { folder: path.resolve(dataDir), pid: error.pid }) };
  }
}

/**
 * The password typed twice at a terminal, not echoed: null without a terminal, undefined when the two
 * differ.
 */
async function promptPassword(): Promise<string | null | undefined> {
  if (!process.stdin.isTTY) return null;
  const first = await readHidden(say(text("accounts.cli.passwordPrompt")));
  const second = await readHidden(say(text("accounts.cli.passwordRepeat")));
  return first === second ? first : undefined;
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    process.stdout.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let typed = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(typed);
          return;
        }
        if (char === "\u0003") process.exit(130); // Ctrl-C
        if (char === "\u007f" || char === "\b") typed = [...typed].slice(0, -1).join("");
        else typed += char;
      }
    };
    stdin.on("data", onData);
  });
}
