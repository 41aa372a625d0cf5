import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { waitForHydration } from "./pages/login-page";
import { demoHome } from "./support/demo";
import { CJK, englishSentences, message, rawKeyPattern, type ShownText, shownTexts } from "./support/page-text";
import { signIn } from "./support/sign-in";

// Issue 12: every page reads in English with no Chinese left outside user data marked lang="zh…", and
// in Chinese with no raw catalogue key. Each role walks the pages its navigation offers and the detail
// pages they link to (a candidate, a group, its weekly report and assignments, a log's inspection, a
// payout version once one is signed...), found by following the links, first in English, then the
// same pages in Chinese.
// Read-only: it opens panels and forms but never submits one, so the specs after it see the same demo.

type Language = "en" | "zh-CN";

const ROLES = ["caller01", "leader01", "lead", "admin", "data", "inspector", "strike"] as const;

/** Links are followed this many clicks deep from the home page, at most this many pages a role. */
const MAX_DEPTH = 3;
const MAX_PAGES = 16;

/** Not pages: downloads, the API, the group's spreadsheet, signing in again. */
const NOT_PAGES = [/^\/api\//, /\/export$/, /^\/login\b/];

const RAW_KEY = rawKeyPattern();
const ENGLISH = englishSentences();
/** next-intl's own report of a missing or broken sentence, in the browser's console (client components). */
const INTL_ERROR = /MISSING_MESSAGE|FORMATTING_ERROR|INVALID_KEY|INVALID_MESSAGE/;

/** One page per route: ids (cuid, numbers) in the path and the values of the query do not make another page. */
function routeOf(url: URL): string {
  const segments = url.pathname
    .split("/")
    .map((s) => (/^\d+$/.test(s) || (s.length >= 16 && /^[a-z0-9_-]+$/i.test(s)) ? ":id" : s));
  const keys = [...new Set(url.searchParams.keys())].sort();
  return segments.join("/") + (keys.length ? `?${keys.map((k) => `${k}=…`).join("&")}` : "");
}

async function setLanguage(context: BrowserContext, language: Language) {
  const url = test.info().project.use.baseURL;
  await context.addCookies([{ name: "NEXT_LOCALE", value: language, url }]);
}

/** Offending texts of one page sharing a place beyond this many are counted, not listed (the JSON has all). */
const SHOWN_PER_PLACE = 5;

/** What each page showed wrong: page → offending texts, each once, with where on the page. */
class Findings {
  private readonly byPage = new Map<string, Map<string, string>>();

  add(page: string, line: string, where = "") {
    const lines = this.byPage.get(page) ?? new Map<string, string>();
    lines.set(line, where);
    this.byPage.set(page, lines);
  }

  /**
   * Every page with all its offending texts at once, indented under it. A text the shell or a shared
   * part repeats on several pages is listed on the first, naming the others; a list of many names in one
   * place is cut after a few and counted.
   */
  report(): string[] {
    const pagesOf = new Map<string, string[]>();
    for (const [page, lines] of this.byPage) {
      for (const line of lines.keys()) pagesOf.set(line, [...(pagesOf.get(line) ?? []), page]);
    }
    return [...this.byPage].flatMap(([page, lines]) => {
      const fresh = [...lines].filter(([line]) => pagesOf.get(line)?.[0] === page);
      if (!fresh.length) return [];
      const perPlace = new Map<string, number>();
      const out = [page];
      for (const [line, where] of fresh) {
        const seen = (perPlace.get(where) ?? 0) + 1;
        perPlace.set(where, seen);
        if (seen > SHOWN_PER_PLACE) continue;
        const others = pagesOf.get(line)?.slice(1) ?? [];
        const also = others.length > 2 ? `${others.length} other pages` : others.join(" ");
        out.push(`    ${line}${also ? ` [also on ${also}]` : ""}`);
      }
      for (const [where, count] of perPlace) {
        if (count > SHOWN_PER_PLACE) out.push(`    … and ${count - SHOWN_PER_PLACE} more in ${where}`);
      }
      return out;
    });
  }

  json() {
    return Object.fromEntries([...this.byPage].map(([page, lines]) => [page, [...lines.keys()]]));
  }
}

const described = (t: ShownText) => `${JSON.stringify(t.text.slice(0, 120))} (${t.kind}, ${t.where})`;

/**
 * Opens what hides text until a click: the panels behind aria-expanded buttons (a send-back reason),
 * a log's edit form, a caller's subsidy explanation (a modal dialog, so last). Nothing is submitted.
 */
async function openHiddenParts(page: Page, language: Language) {
  const closed = page.locator('main button[aria-expanded="false"]');
  for (let i = Math.min(await closed.count(), 4) - 1; i >= 0; i--) await closed.nth(i).click();
  const edit = page.locator("main").getByRole("button", { name: message(language, "workspace.edit"), exact: true });
  if (await edit.count()) await edit.first().click();
  const explain = page.getByTestId("explain-subsidy");
  if (await explain.count()) {
    await explain.first().click();
    await expect(page.getByTestId("subsidy-explanation")).toBeVisible();
  }
}

/** Loads a signed-in page in a language, opens its hidden parts and reads its texts; null when it failed. */
async function readPage(page: Page, path: string, language: Language, findings: Findings) {
  const response = await page.goto(path);
  const status = response?.status() ?? 0;
  if (status >= 400) {
    findings.add(path, `HTTP ${status}`);
    return null;
  }
  await expect(page.locator("html"), `${path} in ${language}`).toHaveAttribute("lang", language);
  // the language switch is a client component on every page, in the shell and on the password page
  await waitForHydration(page, "[data-testid=language-switch]");
  // charts draw once they have measured their box
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".recharts-responsive-container")].every((chart) => chart.querySelector("svg")),
  );
  await openHiddenParts(page, language);
  const texts = await shownTexts(page);
  // a page that read as nearly empty would pass for the wrong reason
  expect(texts.length, `texts read on ${path}`).toBeGreaterThan(10);
  return texts;
}

function checkTexts(path: string, texts: ShownText[], language: Language, findings: Findings) {
  for (const t of texts) {
    if (language === "en" && !t.zh && CJK.test(t.text)) findings.add(path, described(t), t.where);
    // the check above is only as good as the marks: a mark on a whole table or form would hide its words
    // (a text field marked for the Chinese typed into it keeps its English placeholder: not a finding)
    if (language === "en" && t.zh && t.kind === "text" && ENGLISH.has(t.text))
      findings.add(path, `English inside lang="zh…": ${described(t)}`, t.where);
    for (const key of t.text.match(RAW_KEY) ?? []) findings.add(path, `raw key ${key} in ${described(t)}`, t.where);
  }
}

/** The same-origin pages a page links to, as paths. */
async function linksOf(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const hrefs = await page
    .locator("a[href]:not([download])")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !NOT_PAGES.some((p) => p.test(url.pathname)))
    .map((url) => url.pathname + url.search);
}

function attachFindings(name: string, findings: Findings) {
  return test.info().attach(name, { body: JSON.stringify(findings.json(), null, 2), contentType: "application/json" });
}

for (const login of ROLES) {
  test(`[LANGUAGES]: ${login}'s pages read in English without Chinese outside user data, and in Chinese without raw keys`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const context = page.context();
    await signIn(context, login);
    let current = "";
    const consoleErrors = new Findings();
    page.on("console", (msg) => {
      if (msg.type() === "error" && INTL_ERROR.test(msg.text())) consoleErrors.add(current, msg.text().slice(0, 200));
    });

    // English: walk the links breadth first, one page per route
    await setLanguage(context, "en");
    const english = new Findings();
    const { home } = demoHome(login);
    const queue: { path: string; depth: number }[] = [{ path: home, depth: 0 }];
    const routes = new Set([routeOf(new URL(home, "http://x"))]);
    const walked: string[] = [];
    const timings: string[] = [];
    while (queue.length && walked.length < MAX_PAGES) {
      const { path, depth } = queue.shift() as { path: string; depth: number };
      current = path;
      const started = Date.now();
      const texts = await readPage(page, path, "en", english);
      walked.push(path);
      timings.push(`${path} ${Date.now() - started} ms`);
      if (!texts) continue;
      checkTexts(path, texts, "en", english);
      if (depth >= MAX_DEPTH) continue;
      // the links as served (an opened dialog or form adds none)
      for (const link of await linksOf(page)) {
        const route = routeOf(new URL(link, "http://x"));
        if (routes.has(route)) continue;
        routes.add(route);
        queue.push({ path: link, depth: depth + 1 });
      }
    }

    // Chinese: the same pages
    await setLanguage(context, "zh-CN");
    const chinese = new Findings();
    for (const path of walked) {
      current = path;
      const texts = await readPage(page, path, "zh-CN", chinese);
      if (texts) checkTexts(path, texts, "zh-CN", chinese);
    }

    test.info().annotations.push({ type: "pages (English)", description: timings.join(", ") });
    await attachFindings("english.json", english);
    await attachFindings("chinese.json", chinese);
    expect.soft(english.report(), `${login} in English: Chinese outside lang="zh…" or raw keys, by page`).toEqual([]);
    expect.soft(chinese.report(), `${login} in Chinese: raw catalogue keys, by page`).toEqual([]);
    expect.soft(consoleErrors.report(), `${login}: next-intl errors in the browser, by page`).toEqual([]);
  });
}

test("[LANGUAGES]: the login and password pages, the login's messages, and the not-found and forbidden pages read in either language", async ({
  page,
}) => {
  const context = page.context();
  for (const language of ["en", "zh-CN"] as const) {
    await setLanguage(context, language);
    const findings = new Findings();
    // signed out: the login page after a session ended, then its message for an empty form
    await page.goto("/login?ended=1");
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await waitForHydration(page, "form");
    checkTexts("/login?ended=1", await shownTexts(page), language, findings);
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByTestId("form-error")).toHaveText(message(language, "login.errors.EMPTY"));
    checkTexts("/login (empty form)", await shownTexts(page), language, findings);

    // signed in as a caller: the password page (outside the shell), a page that does not exist, and
    // one the role may not open
    await signIn(context, "caller01");
    for (const [path, status] of [
      ["/account/password", 200],
      ["/no-such-page", 404],
      ["/admin", 403],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(status);
      // the status pages stream in after the shell: read once the page's heading has arrived
      await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
      const texts = await shownTexts(page);
      expect(texts.length, `texts read on ${path}`).toBeGreaterThan(3);
      checkTexts(path, texts, language, findings);
    }
    await context.clearCookies();

    expect.soft(findings.report(), `status pages in ${language}`).toEqual([]);
  }
});
