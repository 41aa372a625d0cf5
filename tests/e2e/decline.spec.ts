import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { waitForHydration } from "./pages/login-page";
import { query } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// 放弃录取 from the caller's page to the data team's bundle: the caller files it with the reason and a
// photo of the signed form, the data team approves it, and the zip they download holds its summary row
// and the photo named by 考生号.

/** The smallest bytes the server takes as a JPEG (it checks the magic bytes; the browser cannot decode them, so sends them as they are). */
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

interface Admitted {
  id: string;
  examNo: string;
  name: string;
  caller: string;
}

/** An admitted candidate of caller01 not yet enrolled, with nothing filed yet. */
async function admittedCandidate(): Promise<Admitted> {
  const [row] = await query<Admitted>(
    `SELECT c.id, c."examNo", c.name, u.name AS caller
       FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId"
      WHERE u.login = 'caller01' AND c.admitted AND c.decline = 'NONE' AND c.withdrawal = 'NONE'
        AND c."enrollmentRecord" IS NULL AND c.enrollment = 'PENDING'
      ORDER BY c."examNo" LIMIT 1`,
  );
  if (!row) throw new Error("the demo has no admitted candidate of caller01 left to decline");
  return row;
}

test("[CALLER] [DATA]: a 放弃录取 is filed with reason and photo, approved, and exported in the bundle", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const candidate = await admittedCandidate();
  const reason = "已被其他学校录取，家长签字确认放弃";

  // the caller files it and submits the materials
  const callerContext = await browser.newContext();
  await signIn(callerContext, "caller01");
  const caller = await callerContext.newPage();
  await caller.goto(`/calls/${candidate.id}`);
  await waitForHydration(caller, '[data-testid="open-decline"]');
  await caller.getByTestId("open-decline").click();
  const form = caller.getByTestId("decline-form");
  await form.getByTestId("submit-decline").click();
  // no reason: refused with a sentence, nothing filed
  await expect(form.getByTestId("decline-start-message")).toHaveText("请写明考生放弃录取的原因。");
  await form.getByTestId("decline-start-reason").fill(reason);
  await form.getByTestId("submit-decline").click();

  const panel = caller.getByTestId("decline-panel");
  await expect(panel.getByRole("heading")).toHaveText("放弃录取 · 已登记，收集材料中");
  await expect(panel.getByTestId("decline-reason")).toHaveValue(reason);
  await waitForHydration(caller, '[data-testid="decline-submit"]');
  // submitting before the materials are complete says what is missing
  await panel.getByTestId("decline-submit").click();
  await expect(panel.getByTestId("decline-message")).toHaveText(
    "请勾选全部材料、写明原因并至少上传一张签字表照片后再提交。",
  );
  for (const item of ["放弃录取申请表（考生签字）", "家长签字确认", "身份证复印件", "录取信息截图或录取通知书"]) {
    await panel.getByLabel(item).check();
  }
  await panel
    .getByTestId("decline-photos")
    .setInputFiles({ name: "签字表.jpg", mimeType: "image/jpeg", buffer: PHOTO });
  await shootBothSizes(caller, "decline-materials");
  await panel.getByTestId("decline-submit").click();
  await expect(panel.getByRole("heading")).toHaveText("放弃录取 · 已提交，待审核");
  await expect(panel.getByText("已上传 1 张签字表照片")).toBeVisible();
  await callerContext.close();

  // the data team sees the reason and the kind, and approves
  const dataContext = await browser.newContext();
  await signIn(dataContext, "data");
  const data = await dataContext.newPage();
  await data.goto("/admin/withdrawals");
  const item = data.getByTestId("review-item").filter({ hasText: candidate.name });
  await expect(item).toContainText("放弃录取");
  await expect(item.getByTestId("review-reason")).toHaveText(`原因：${reason}`);
  await expect(item).toContainText("✓ 录取信息截图或录取通知书");
  await waitForHydration(data, '[data-testid="bundle-download"]');
  // the demo's queue is many screens long on a phone: its first screen, with the bundle's form
  await shootBothSizes(data, "decline-review", { phoneFullPage: false });
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(data.getByTestId("review-item").filter({ hasText: candidate.name })).toHaveCount(0);
  const [record] = await query<{ decline: string; admitted: boolean; reviewer: string }>(
    `SELECT c.decline, c.admitted, u.name AS reviewer FROM "Candidate" c
       JOIN "WithdrawalRequest" w ON w."candidateId" = c.id AND w.kind = 'DECLINE'
       JOIN "User" u ON u.id = w."reviewerId" WHERE c.id = $1`,
    [candidate.id],
  );
  // approved, and still admitted: the candidate stays in the caller's admitted count
  expect(record).toMatchObject({ decline: "APPROVED", admitted: true });

  // a reversed range is refused beside the button, before any download
  const bundle = data.getByTestId("bundle-form");
  await bundle.getByTestId("bundle-from").fill("2030-08-01");
  await bundle.getByTestId("bundle-to").fill("2030-07-01");
  await bundle.getByTestId("bundle-download").click();
  await expect(bundle.getByTestId("bundle-error")).toHaveText("开始日期晚于结束日期，请调换后再下载。");

  // the 放弃录取 bundle: its row in summary.xlsx and its photo named by 考生号
  await bundle.getByTestId("bundle-from").fill("");
  await bundle.getByTestId("bundle-to").fill("");
  await bundle.getByTestId("bundle-kind").selectOption("DECLINE");
  const [download] = await Promise.all([data.waitForEvent("download"), bundle.getByTestId("bundle-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^退档放弃录取材料-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  const photo = await zip.file(`photos/${candidate.examNo}-1.jpg`)?.async("nodebuffer");
  expect(photo?.equals(PHOTO)).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await zip.file("summary.xlsx")?.async("nodebuffer")) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  expect(rows[0]).toEqual(["考生号", "姓名", "类型", "原因", "回访人员", "审核人", "审核时间", "照片文件"]);
  const row = rows.find((r) => r[0] === candidate.examNo);
  expect(row?.slice(0, 6)).toEqual([
    candidate.examNo,
    candidate.name,
    "放弃录取",
    reason,
    candidate.caller,
    record?.reviewer,
  ]);
  expect(row?.[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(row?.[7]).toBe(`${candidate.examNo}-1.jpg`);
  // only 放弃录取 in a bundle of that kind
  expect(rows.slice(1).every((r) => r[2] === "放弃录取")).toBe(true);
  await dataContext.close();
});
