import { expect, type Page, test } from "@playwright/test";
import { encodePng } from "../../prisma/seed/demo-photo";
import { CandidatePage } from "./pages/candidate-page";
import { waitForHydration } from "./pages/login-page";
import { query, workableCandidates } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// 联系截图: a caller on a phone logs a WeChat contact with two chat screenshots (the browser scales each to a
// JPEG, as it does withdrawal photos), and an inspector opens that record, sees both beside it and cites one
// in the verdict. The contact is logged outside working hours, so the rules flag it and it reaches the
// inspector's suspicious queue without a sample draw. caller14 is no other spec's.

const CALLER = "caller14";
const SAVED = "已记录，台账已更新。";

/** A real PNG of one colour, `width`×`height`: the browser decodes it, scales it and sends a JPEG. */
const png = (width: number, height: number, colour: [number, number, number]) => encodePng(width, height, () => colour);

const BEIJING_MS = 8 * 3_600_000;

/**
 * A time the contact form takes (the past 24 hours) that the OUTSIDE_HOURS rule flags (before 8:00 or from
 * 22:00 Beijing): ten minutes ago when that is outside hours, else 7:30 of that Beijing day.
 */
function outsideHours(now = new Date()): Date {
  const recent = new Date(now.getTime() - 10 * 60_000);
  const beijing = new Date(recent.getTime() + BEIJING_MS);
  const hour = beijing.getUTCHours();
  if (hour < 8 || hour >= 22) return recent;
  beijing.setUTCHours(7, 30, 0, 0);
  return new Date(beijing.getTime() - BEIJING_MS);
}

/** The datetime-local field's value: Beijing wall-clock time to the minute. */
const beijingField = (at: Date) => new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 16);

/** Monday (YYYY-MM-DD) of the Beijing week holding `at`. */
function weekOf(at: Date): string {
  const beijing = new Date(at.getTime() + BEIJING_MS);
  const monday = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

async function newestLog(candidateId: string) {
  const [row] = await query<{ id: string; channel: string }>(
    `SELECT id, channel FROM "ContactLog" WHERE "candidateId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
    [candidateId],
  );
  if (!row) throw new Error("the contact was not stored");
  return row;
}

/** Whether the image shown has loaded (an audited file the route served), by its decoded width. */
async function imageLoaded(page: Page, testId: string): Promise<boolean> {
  return page
    .getByTestId(testId)
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
    .catch(() => false);
}

test("[CALLER → INSPECTOR]: two WeChat screenshots kept with a contact, seen and cited in the verdict", {
  tag: "@phone",
}, async ({ browser }) => {
  const [candidate] = await workableCandidates(CALLER);
  if (!candidate) throw new Error(`${CALLER} has no candidate left to work on`);
  const calledAt = outsideHours();

  // the caller, on a phone: a WeChat contact with two screenshots chosen from the gallery
  const callerContext = await browser.newContext();
  await signIn(callerContext, CALLER);
  const callerPage = await callerContext.newPage();
  const workspace = new CandidatePage(callerPage);
  await workspace.goto(candidate.id);
  await callerPage.getByTestId("called-at").fill(beijingField(calledAt));
  await workspace.fillContact({ channel: "微信", outcome: "答疑咨询", minutes: "6", seconds: "0" });
  const picker = callerPage.getByTestId("contact-evidence");
  await picker.getByTestId("contact-evidence-input").setInputFiles([
    { name: "聊天记录1.png", mimeType: "image/png", buffer: png(1200, 2400, [220, 240, 220]) },
    { name: "聊天记录2.png", mimeType: "image/png", buffer: png(900, 1600, [200, 220, 250]) },
  ]);
  await expect(picker.getByTestId("contact-evidence-item")).toHaveText(["截图 1：待上传移除", "截图 2：待上传移除"]);
  await shootBothSizes(callerPage, "evidence-chosen", { phoneFullPage: false, focus: picker });

  await workspace.submit.click();
  await expect(workspace.message).toHaveText(SAVED);
  // once both are kept the list empties, and the contact's row in the ledger holds them
  await expect(picker.getByTestId("contact-evidence-item")).toHaveCount(0);
  const log = await newestLog(candidate.id);
  expect(log.channel).toBe("WECHAT");
  const stored = await query<{ mimeType: string }>(
    `SELECT "mimeType" FROM "ContactEvidence" WHERE "contactLogId" = $1 ORDER BY "createdAt"`,
    [log.id],
  );
  // scaled in the browser before the upload: JPEGs, whatever was picked
  expect(stored.map((s) => s.mimeType)).toEqual(["image/jpeg", "image/jpeg"]);
  const ledger = callerPage.getByTestId("ledger-evidence-viewer").first();
  await expect(ledger.getByRole("button")).toHaveText(["截图 1", "截图 2"]);
  await ledger.getByTestId("ledger-evidence-open-1").click();
  await expect.poll(() => imageLoaded(callerPage, "ledger-evidence-image")).toBe(true);
  await shootBothSizes(callerPage, "evidence-ledger", { phoneFullPage: false, focus: ledger });
  await callerContext.close();

  // the inspector finds the record in the week's suspicious queue (outside working hours)
  const inspectorContext = await browser.newContext();
  await signIn(inspectorContext, "inspector");
  const inspector = await inspectorContext.newPage();
  await inspector.goto(`/inspection?week=${weekOf(calledAt)}`);
  await inspector.getByTestId("suspicious-table").locator(`a[href="/inspection/logs/${log.id}"]`).click();
  await expect(inspector).toHaveURL(new RegExp(`/inspection/logs/${log.id}$`));
  const [caller] = await query<{ name: string }>(`SELECT name FROM "User" WHERE login = $1`, [CALLER]);
  await expect(inspector.getByTestId("log-caller")).toHaveText(caller?.name ?? CALLER);
  await expect(inspector.getByTestId("log-evidence-summary")).toHaveText("2 张截图");

  // both screenshots beside the record; each opens when asked
  const viewer = inspector.getByTestId("inspection-evidence-viewer");
  await waitForHydration(inspector, '[data-testid="inspection-evidence-open-2"]');
  await expect(viewer.getByRole("button")).toHaveText(["截图 1", "截图 2"]);
  await viewer.getByTestId("inspection-evidence-open-2").click();
  await expect.poll(() => imageLoaded(inspector, "inspection-evidence-image")).toBe(true);
  await shootBothSizes(inspector, "evidence-inspector", { phoneFullPage: false, focus: viewer });

  // the verdict cites the second one, and the record says so
  await waitForHydration(inspector, '[data-testid="save-verdict"]');
  await inspector.getByText("属实", { exact: true }).click();
  await inspector.getByTestId("verdict-evidence").fill("截图2为当晚与家长的微信聊天，内容与记录一致");
  await inspector.getByTestId("verdict-cite").selectOption({ label: "截图 2" });
  await inspector.getByTestId("save-verdict").click();
  await expect(inspector.getByTestId("verdict-message")).toHaveText("结论已保存。");
  await inspector.reload();
  await expect(inspector.getByTestId("log-cited")).toHaveText("结论引用：截图 2");
  const [cited] = await query<{ citedEvidenceId: string | null; second: string }>(
    `SELECT i."citedEvidenceId",
            (SELECT id FROM "ContactEvidence" WHERE "contactLogId" = $1 ORDER BY "createdAt" OFFSET 1 LIMIT 1) AS second
       FROM "Inspection" i WHERE i."contactLogId" = $1`,
    [log.id],
  );
  expect(cited?.citedEvidenceId).toBe(cited?.second);
  await shootBothSizes(inspector, "evidence-cited", {
    phoneFullPage: false,
    focus: inspector.getByTestId("log-details"),
  });
  await inspectorContext.close();
});
