// Playwright's global teardown (playwright.config.ts): after the suite, and before the web server stops,
// the log the server wrote during the run (HUIFANG_E2E_LOG_FILE: its JSON lines and anything else it
// printed) must hold none of the demo's people: no candidate's or staff member's name or phone number,
// written out or percent-encoded as in a URL. They are read from the server's own database.
import { existsSync, readFileSync } from "node:fs";
import { withDb } from "./embedded-db";

const CJK = /\p{Script=Han}/u;

/** The names and phone numbers of every person in the database, the demo's and those specs added. */
async function peopleInDatabase(): Promise<{ names: string[]; phones: string[] }> {
  return withDb(async (client) => {
    const candidates = await client.query<{ name: string; phones: string[] }>(`SELECT name, phones FROM "Candidate"`);
    const users = await client.query<{ name: string; phone: string | null }>(`SELECT name, phone FROM "User"`);
    // a person's name, not a login kept as a name by a test account ("admin" is also a path)
    const names = [...candidates.rows.map((c) => c.name), ...users.rows.map((u) => u.name)].filter(
      (name) => CJK.test(name) && name.length >= 2,
    );
    const phones = [...candidates.rows.flatMap((c) => c.phones), ...users.rows.map((u) => u.phone)].filter(
      (phone): phone is string => typeof phone === "string" && /^\d{11}$/.test(phone),
    );
    return { names: [...new Set(names)], phones: [...new Set(phones)] };
  });
}

/** A finding, shown without the data itself: which kind, on which line, the value masked. */
function finding(kind: string, lineNo: number, line: string, value: string) {
  const masked = line.replaceAll(value, "▇").replaceAll(encodeURIComponent(value), "▇");
  return `line ${lineNo}: a ${kind}: ${masked.slice(0, 300)}`;
}

/**
 * What in a line could be a person's: every 11 digits in a row (a phone inside a longer number too),
 * and every run of Chinese characters, written out or percent-encoded as in a URL.
 */
function suspects(line: string): { digits: string[]; han: string[] } {
  const digits: string[] = [];
  for (const [run] of line.matchAll(/\d{11,}/g)) {
    for (let at = 0; at + 11 <= run.length; at++) digits.push(run.slice(at, at + 11));
  }
  const decoded = [...line.matchAll(/(?:%[0-9A-Fa-f]{2})+/g)].map(([encoded]) => {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return "";
    }
  });
  const han = [line, ...decoded].flatMap((text) => [...text.matchAll(/\p{Script=Han}+/gu)].map(([run]) => run));
  return { digits, han };
}

export default async function logsHoldNoPersonalData() {
  const file = process.env.HUIFANG_E2E_LOG_FILE;
  if (!file || !existsSync(file)) throw new Error(`the web server's log ${file ?? "(no file set)"} was not written`);
  const lines = readFileSync(file, "utf8").split("\n");
  const requestLines = lines.filter((line) => line.includes('"kind":"request"'));
  if (requestLines.length === 0) throw new Error(`${file} holds no request line: the server logged nothing`);

  const { names, phones } = await peopleInDatabase();
  if (names.length < 1000 || phones.length < 1000) {
    throw new Error(`expected the demo's people in the database, found ${names.length} names, ${phones.length} phones`);
  }
  const phoneSet = new Set(phones);
  const found: string[] = [];
  for (const [index, line] of lines.entries()) {
    const { digits, han } = suspects(line);
    for (const phone of digits.filter((d) => phoneSet.has(d)))
      found.push(finding("phone number", index + 1, line, phone));
    for (const run of han) {
      for (const name of names.filter((n) => run.includes(n))) found.push(finding("name", index + 1, line, name));
    }
  }
  if (found.length > 0) {
    throw new Error(`the web server's log ${file} holds personal data:\n${found.slice(0, 20).join("\n")}`);
  }
  console.log(
    `[logs] ${lines.length} lines (${requestLines.length} requests) hold none of ${names.length} names and ` +
      `${phones.length} phone numbers`,
  );
}
