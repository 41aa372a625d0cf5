import { expect, test } from "@playwright/test";
import { addressedHosts, E2E_PORT } from "./support/addresses";
import { signIn } from "./support/sign-in";

// Issue 11, item 1: choosing a list on any address other than localhost answered 跨站请求已拒绝。,
// because the upload route compared the browser's Origin with the address Next listens on.

const LIST = "考生号,姓名,联系电话,地区\r\n24519900000091,边界甲,13800009091,成都市\r\n";

for (const host of addressedHosts()) {
  test(`[EDGE]: the data team previews a list at ${host}`, async ({ page }) => {
    const origin = `http://${host}:${E2E_PORT}`;
    await signIn(page.context(), "data", undefined, origin);
    await page.goto(`${origin}/admin/imports`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入名单");
    await page.waitForLoadState("networkidle");

    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "边界名单.csv", mimeType: "text/csv", buffer: Buffer.from(LIST) });
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(page.getByTestId("import-preview")).toContainText("读取 1 行，有效 1 行");
    await expect(page.getByText("跨站请求已拒绝。")).toHaveCount(0);
  });
}

test("[EDGE]: a forged X-Forwarded-Host does not let a foreign Origin upload", async ({ context }) => {
  const origin = `http://127.0.0.1:${E2E_PORT}`;
  await signIn(context, "data", undefined, origin);
  const upload = (headers: Record<string, string>) =>
    context.request.post(`${origin}/api/imports`, {
      headers,
      multipart: { kind: "toudang", file: { name: "边界名单.csv", mimeType: "text/csv", buffer: Buffer.from(LIST) } },
    });

  const forged = await upload({ origin: "http://evil.example", "x-forwarded-host": "evil.example" });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({ code: "CROSS_SITE", error: "跨站请求已拒绝。" });
  // control: the same post from the page's own origin is accepted
  const own = await upload({ origin });
  expect(own.status()).toBe(200);
});
