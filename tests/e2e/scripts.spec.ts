import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { CandidatePage } from "./pages/candidate-page";
import { waitForHydration } from "./pages/login-page";
import { query, someCandidateOf } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// 话术与培训手册: the admin edits the open phase's call script (the demo is in phase 4, 报到) with its live
// preview, a second editor opened on the same version is told and keeps its text, and the caller sees the
// saved script beside the contact form (closed on a phone until tapped) and reads the training manual.
// Both projects run it on the one demo database: versions are read from it, never assumed.

const PHONE = { tag: "@phone" };
// a caller no other spec signs in as
const CALLER = "caller20";
const ADMIN = "admin";

async function latestVersion(document: string): Promise<number> {
  const [row] = await query<{ v: number | null }>(
    `SELECT max(s.version) AS v FROM "ScriptVersion" s JOIN "Campaign" c ON c.id = s."campaignId"
      WHERE s.document = $1 AND c."isCurrent"`,
    [document],
  );
  return Number(row?.v ?? 0);
}

async function openEditor(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/admin/scripts/phase-4");
  await waitForHydration(page, "[data-testid=script-editor]");
  return page;
}

test(
  "[ADMIN → CALLER]: a script edited by an admin shows beside the contact form",
  PHONE,
  async ({ context: admin, browser }) => {
    const phone = test.info().project.name === "phone";
    const mark = `${phone ? "手机" : "电脑"}${Date.now() % 100_000}`;
    await signIn(admin, ADMIN);
    const before = await latestVersion("PHASE_4");

    // two editors opened on the same version: the first saves, the second is then told and keeps its text
    const first = await openEditor(admin);
    const second = await openEditor(admin);

    await test.step("the admin's text shows in the live preview, without its HTML or javascript: link", async () => {
      await expect(first.getByTestId("script-body")).toHaveValue(/报到/);
      await first
        .getByTestId("script-body")
        .fill(
          `## 报到提醒 ${mark}\n\n- **确认**报到日期\n- 提醒带齐材料\n\n<script>window.pwned = 1</script>\n\n[招生网](https://zs.example.edu.cn) [危险](javascript:alert(1))`,
        );
      const preview = first.getByTestId("script-preview");
      await expect(preview.getByRole("heading", { name: `报到提醒 ${mark}` })).toBeVisible();
      await expect(preview.locator("strong")).toHaveText("确认");
      await expect(preview.getByRole("link", { name: "招生网" })).toHaveAttribute("target", "_blank");
      await expect(preview.getByRole("link", { name: "危险" })).toHaveCount(0);
      await expect(preview.locator("script")).toHaveCount(0);
      await shootBothSizes(first, "scripts-editor");
      await first.getByTestId("save-script").click();
      await expect(first.getByTestId("script-message")).toHaveText(`已保存为第 ${before + 1} 版。`);
      expect(await latestVersion("PHASE_4")).toBe(before + 1);
    });

    await test.step("the second editor is refused, keeps its text, and saves once it has read the newer version", async () => {
      const text = `## 报到确认 ${mark}\n\n1. 问候\n2. *确认*报到日期和交通\n3. 犹豫的考生报告组长`;
      await second.getByTestId("script-body").fill(text);
      await second.getByTestId("save-script").click();
      await expect(second.getByTestId("script-body-error")).toHaveText(
        `第 ${before + 1} 版已由他人保存，您的文字没有保存，仍保留在表单中。`,
      );
      await expect(second.getByTestId("script-stale")).toBeVisible();
      await expect(second.getByTestId("script-body")).toHaveValue(text);
      expect(await latestVersion("PHASE_4")).toBe(before + 1);
      await shootBothSizes(second, "scripts-stale");
      await second.getByTestId("script-rebase").click();
      await second.getByTestId("save-script").click();
      await expect(second.getByTestId("script-message")).toHaveText(`已保存为第 ${before + 2} 版。`);
      await expect(second.getByTestId("script-stale")).toHaveCount(0);
    });

    await test.step("the earlier version is listed with who saved it, and reads as it was", async () => {
      await second.getByTestId(`script-version-${before + 1}`).click();
      await expect(second.getByTestId("script-version-viewing")).toContainText(`第 ${before + 1} 版`);
      await expect(second.getByTestId("script-version-body").getByRole("heading")).toHaveText(`报到提醒 ${mark}`);
      await shootBothSizes(second, "scripts-version");
    });

    const caller = await browser.newContext();
    await signIn(caller, CALLER);
    const page = await caller.newPage();
    const candidate = await someCandidateOf(CALLER);
    const workspace = new CandidatePage(page);
    await workspace.goto(candidate.id);

    await test.step("the caller sees the saved script beside the form: closed on a phone, open on a desktop", async () => {
      const panel = page.getByTestId("script-panel");
      await expect(panel).toContainText("本阶段话术：报到");
      const body = panel.getByTestId("script-panel-body");
      if (phone) {
        await expect(body).toBeHidden();
        await panel.locator("summary").click();
      }
      await expect(body.getByRole("heading")).toHaveText(`报到确认 ${mark}`);
      await expect(body.locator("em")).toHaveText("确认");
      await shootBothSizes(page, "scripts-contact-form", { phoneFullPage: false });
    });

    await test.step("the caller reads the training manual from the navigation", async () => {
      await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "培训手册" }).click();
      await expect(page).toHaveURL(/\/manual$/);
      await expect(page.getByTestId("manual-body").getByRole("heading", { level: 1 })).toHaveText(
        "单招电话回访培训手册",
      );
      await expect(page.getByTestId("edit-scripts")).toHaveCount(0);
      await page.getByTestId("manual-script-4").locator("summary").click();
      await expect(page.getByTestId("manual-script-4")).toContainText(`报到确认 ${mark}`);
      await shootBothSizes(page, "scripts-manual");
    });
    await caller.close();
  },
);
