import { expect, test } from "@playwright/test";
import { waitForHydration } from "./pages/login-page";
import { withDb } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// 防诈骗核验: the admin switches the families' public check on, a caller reads their code off their own
// page, and a family on a phone, signed in nowhere, checks that code and then a number that is nobody's.
// The browser specs share one demo database whose college is not set and whose check is off: whatever
// this spec sets it takes back at the end (the row deleted when there was none).

type CollegeRow = { name: string; shortName: string; verifyEnabled: boolean; admissionsPhone: string | null };

const storedCollege = () =>
  withDb(async (client) => {
    const { rows } = await client.query<CollegeRow>(
      `SELECT name, "shortName", "verifyEnabled", "admissionsPhone" FROM "College"`,
    );
    return rows[0] ?? null;
  });

async function restore(previous: CollegeRow | null) {
  await withDb(async (client) => {
    if (previous) {
      await client.query(
        `UPDATE "College" SET name = $1, "shortName" = $2, "verifyEnabled" = $3, "admissionsPhone" = $4, "updatedAt" = now() WHERE id = 1`,
        [previous.name, previous.shortName, previous.verifyEnabled, previous.admissionsPhone],
      );
    } else {
      await client.query(`DELETE FROM "College"`);
    }
  });
}

test("[FAMILY]: checks a caller's code and a wrong number on the public page", { tag: "@phone" }, async ({
  browser,
}) => {
  const previous = await storedCollege();
  const admin = await browser.newContext();
  const caller = await browser.newContext();
  const family = await browser.newContext();
  try {
    // off: a plain 404, for families and for the route alike
    await withDb((client) => client.query(`UPDATE "College" SET "verifyEnabled" = false`));
    const familyPage = await family.newPage();
    expect((await familyPage.goto("/verify"))?.status()).toBe(404);

    // the admin switches it on (the college is named first, as the card asks)
    if (!previous) {
      await withDb((client) =>
        client.query(
          `INSERT INTO "College" (id, name, "shortName", "updatedAt") VALUES (1, '成都文理学院', '文理', now())`,
        ),
      );
    }
    await signIn(admin, "admin");
    const settings = await admin.newPage();
    await settings.goto("/admin/settings");
    await waitForHydration(settings, '[data-testid="save-verify"]');
    const card = settings.getByTestId("verify-settings");
    await card.getByTestId("verify-enabled").check();
    await card.getByTestId("verify-office-phone").fill("028-8461abc");
    await card.getByTestId("save-verify").click();
    await expect(card.getByTestId("verify-office-error")).toHaveText("请填写正确的电话号码，如 028-12345678。");
    await card.getByTestId("verify-office-phone").fill("028-84616000");
    await card.getByTestId("save-verify").click();
    await expect(card.getByTestId("message-verify")).toHaveText("已保存。");
    await shootBothSizes(settings, "verify-settings", { phoneFullPage: false, focus: card });

    // the caller's own page: today's code, and the ready text with the page's address and the code
    await signIn(caller, "caller13");
    const calls = await caller.newPage();
    await calls.goto("/calls");
    const mine = calls.getByTestId("verify-mine");
    const code = (await mine.getByTestId("verify-my-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^\d{6}$/);
    const message = mine.getByTestId("verify-message");
    await expect(message).toHaveValue(new RegExp(`/verify.*${code}`));
    await expect(message).toHaveValue(/回访人员/);
    await shootBothSizes(calls, "verify-mine", { phoneFullPage: false, focus: mine });

    // the family, on a phone, signed in nowhere: the code confirms a member of the team, by surname only
    await familyPage.setViewportSize({ width: 390, height: 844 });
    await familyPage.goto("/verify");
    await expect(familyPage.getByRole("heading", { level: 1 })).toHaveText("防诈骗核验");
    await waitForHydration(familyPage, '[data-testid="verify-submit"]');
    await familyPage.getByTestId("verify-value").fill("12 34");
    await familyPage.getByTestId("verify-submit").click();
    await expect(familyPage.getByTestId("verify-error")).toHaveText("请输入6位数字核验码。");
    await familyPage.getByTestId("verify-value").fill(code);
    await familyPage.getByTestId("verify-submit").click();
    const match = familyPage.getByTestId("verify-match");
    await expect(match).toContainText("核验通过");
    await expect(familyPage.getByTestId("verify-person")).toHaveText(/^成都文理学院.*回访人员 \S{1,2}(老师|同学)$/);
    // nothing more: neither the caller's full name nor their number
    const [member] = await withDb(async (client) => {
      const { rows } = await client.query<{ name: string; phone: string | null }>(
        `SELECT name, phone FROM "User" WHERE login = 'caller13'`,
      );
      return rows;
    });
    const shown = (await match.textContent()) ?? "";
    expect(shown).not.toContain(member?.name);
    if (member?.phone) expect(shown).not.toContain(member.phone);
    await shootBothSizes(familyPage, "verify-match");

    // a number that is nobody's on the team: hang up, and the admissions office's number
    await familyPage.getByTestId("verify-tab-number").click();
    await familyPage.getByTestId("verify-value").fill("130 0000 0000");
    await familyPage.getByTestId("verify-submit").click();
    const miss = familyPage.getByTestId("verify-no-match");
    await expect(miss).toContainText("该号码不属于本校回访人员。");
    await expect(miss).toContainText("请挂断电话");
    await expect(familyPage.getByTestId("verify-office")).toHaveAttribute("href", "tel:028-84616000");
    await shootBothSizes(familyPage, "verify-no-match");
  } finally {
    await Promise.all([admin.close(), caller.close(), family.close()]);
    await restore(previous);
  }
  expect(await storedCollege()).toEqual(previous);
});
