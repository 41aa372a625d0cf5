import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signIn } from "./support/sign-in";

// A small 投档 list as Excel on a Chinese Windows machine would save it (here UTF-8 with a BOM), with
// a title row above the header. Exam numbers far from the demo's, so the demo data is untouched.
const LIST = `\uFEFF2024年单招投档名单（补充）,,,\r\n考生号,姓名,联系电话,地区\r\n24519900000001,测试甲,138 0000 9001,成都市\r\n24519900000002,测试乙,+86 13800009002,绵阳\r\n`;

test("[DATA]: uploads a list, previews it, imports it as one batch and undoes it", async ({ page }) => {
  await signIn(page.context(), "data");
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入名单");
  // React must own the form before it is used
  await page.waitForLoadState("networkidle");

  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "补充投档名单.csv", mimeType: "text/csv", buffer: Buffer.from(LIST) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("读取 2 行，有效 2 行，错误 0 处，重复考生号 0 个。");
  await expect(preview).toContainText("新增 2");
  await page.screenshot({ path: "test-results/screenshots/imports-preview-desktop.png", fullPage: true });

  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-message")).toHaveText("已导入：新增 2，修改 0，未能分配回访人员 0。");
  // the imported file is no longer chosen, and the input says so
  await expect(page.getByTestId("import-file")).toHaveValue("");
  const history = page.getByRole("table");
  await expect(history.getByRole("row").nth(1)).toContainText("补充投档名单.csv");
  await expect(history.getByRole("row").nth(1)).toContainText("已导入");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "撤销本批" }).click();
  await expect(history.getByRole("row").nth(1)).toContainText("已撤销");
});

test("[DATA]: a file with errors is previewed with its row numbers and cannot be imported", async ({ page }) => {
  await signIn(page.context(), "data");
  await page.goto("/admin/imports");
  await page.waitForLoadState("networkidle");
  const bad = "考生号,姓名,联系电话,地区\n2.45E+13,坏,12345,成都\n";
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "有错误.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("第 2 行 [考生号]");
  await expect(preview).toContainText("第 2 行 [联系电话]");
  await expect(page.getByTestId("import-apply")).toBeDisabled();
});

// 学号 and 片区 are names the checker does not know: the header is not found until the data team says
// which column is the exam number and which the region.
const UNKNOWN_HEADER = `\uFEFF学号,姓名,联系电话,片区,备注\r\n24519900000011,测试丙,13800009011,成都市,补录\r\n24519900000012,测试丁,13800009012,绵阳,\r\n`;

async function uploadUnknownHeader(page: import("@playwright/test").Page) {
  await signIn(page.context(), "data");
  await page.goto("/admin/imports");
  await page.waitForLoadState("networkidle");
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "补录名单.csv", mimeType: "text/csv", buffer: Buffer.from(UNKNOWN_HEADER) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("在前 20 行中找不到表头");
  return preview;
}

test("[DATA]: fixes the column mapping, previews again, imports with it and undoes", async ({ page }) => {
  const preview = await uploadUnknownHeader(page);
  await expect(page.getByTestId("import-apply")).toBeDisabled();

  // the row errors download as xlsx
  const download = page.waitForEvent("download");
  await page.getByTestId("import-error-report").click();
  expect((await download).suggestedFilename()).toBe("投档名单错误报告.xlsx");

  const mapping = page.getByTestId("import-mapping");
  await expect(mapping).toContainText("列的对应关系（表头在第 1 行）");
  await mapping.getByLabel("“学号”导入为").selectOption({ label: "考生号" });
  await mapping.getByLabel("“片区”导入为").selectOption({ label: "地区" });
  await page.getByRole("button", { name: "按此对应重新预览" }).click();
  await expect(preview).toContainText("读取 2 行，有效 2 行，错误 0 处，重复考生号 0 个。");
  await expect(preview).toContainText("新增 2");
  await expect(mapping).toContainText("当前预览使用的是你指定的对应关系");
  await page.screenshot({ path: "test-results/screenshots/imports-mapping-desktop.png", fullPage: true });

  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-message")).toHaveText("已导入：新增 2，修改 0，未能分配回访人员 0。");
  // the imported file is no longer chosen, and the input says so
  await expect(page.getByTestId("import-file")).toHaveValue("");
  const history = page.getByRole("table");
  await expect(history.getByRole("row").nth(1)).toContainText("补录名单.csv");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "撤销本批" }).click();
  await expect(history.getByRole("row").nth(1)).toContainText("已撤销");
});

test("[DATA]: the import page with a mapping to correct fits a phone @phone", async ({ page }, testInfo) => {
  await uploadUnknownHeader(page);
  await page.screenshot({
    path: `test-results/screenshots/imports-mapping-${testInfo.project.name}.png`,
    fullPage: true,
  });
  // nothing scrolls sideways
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 0,
  );
});

test("[DATA]: a longer list warns of a region no group covers, then shows the rows written until it is imported", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // long enough (15 chunks of 2,000) for the page's polls, every half second, to see rows being written
  const rows = Array.from(
    { length: 30_000 },
    (_, i) => `2451980${String(i).padStart(7, "0")},进度${i},138${String(70_000_000 + i)},成都`,
  );
  // row 30,002 as Excel shows it (the header is row 1): a region of no group
  rows.push("24519809999999,外省考生,13879999999,重庆市");
  const list = `考生号,姓名,联系电话,地区\r\n${rows.join("\r\n")}\r\n`;
  await signIn(page.context(), "data");
  await page.goto("/admin/imports");
  await page.waitForLoadState("networkidle");
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "进度.csv", mimeType: "text/csv", buffer: Buffer.from(list) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("新增 30001");
  const warnings = page.getByTestId("import-warnings");
  await expect(warnings).toContainText("1 行需要注意（仍可导入）");
  await expect(warnings).toContainText(
    "第 30002 行 [地区]：地区“重庆市”没有对应的回访小组，该考生将不会分配给任何人。",
  );

  await page.getByTestId("import-apply").click();
  // the rows written so far, polled from the server while the apply runs
  await expect(page.getByTestId("import-applying")).toContainText(/正在写入：\d+ \/ 30001 行/, { timeout: 60_000 });
  await expect(page.getByTestId("import-message")).toHaveText("已导入：新增 30001，修改 0，未能分配回访人员 1。", {
    timeout: 90_000,
  });
  await expect(page.getByTestId("import-applying")).toHaveCount(0);

  // leave the demo as it was for the specs after this one
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "撤销本批" }).click();
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("已撤销", { timeout: 60_000 });
});

/** The app server's memory: the process listening on `port` and every process under it, in MB. */
function serverRssMb(port: string): number {
  const listing = execFileSync("ss", ["-ltnpH", `sport = :${port}`]).toString();
  const pid = Number(/pid=(\d+)/.exec(listing)?.[1]);
  if (!pid) throw new Error(`nothing listens on port ${port}`);
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  let kb = 0;
  for (const member of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

/** The list uploads (and their chunks) the embedded database holds (playwright.config.ts: PORT + 1). */
async function storedUploads(port: string): Promise<{ files: number; chunks: number }> {
  const client = new pg.Client({
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${Number(port) + 1}/postgres`,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ files: number; chunks: number }>(
      `SELECT (SELECT count(*)::int FROM "StoredFile" WHERE kind = 'LIST_UPLOAD') AS files,
              (SELECT count(*)::int FROM "StoredFileChunk" c JOIN "StoredFile" f ON f.id = c."fileId"
                WHERE f.kind = 'LIST_UPLOAD') AS chunks`,
    );
    return rows[0] ?? { files: 0, chunks: 0 };
  } finally {
    await client.end();
  }
}

/**
 * Posts a list file of `megabytes` MB to /api/imports as a browser session would, streamed without a
 * Content-Length (chunked) unless `declaredLength` is given, writing until the server answers.
 */
function postLargeList(
  baseURL: string,
  cookie: string,
  megabytes: number,
  declaredLength?: number,
): Promise<{ status: number; body: string; sentMb: number }> {
  const boundary = "----huifang-large-upload";
  const url = new URL("/api/imports", baseURL);
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const request = http.request(url, {
      method: "POST",
      // a connection of its own, as a browser's upload has: Node's pooled sockets would carry the next
      // post into a connection whose server still reads the previous, refused body (declared, never sent)
      agent: false,
      headers: {
        cookie,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        ...(declaredLength ? { "content-length": String(declaredLength) } : { "transfer-encoding": "chunked" }),
      },
    });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (piece: string) => {
        body += piece;
      });
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, sentMb: sent / 1024 / 1024 });
      });
    });
    // the server may close the connection once it has answered: what matters is its answer
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const line = Buffer.alloc(1024 * 1024, "2451980000000,姓名,13800000000,成都\r\n");
    const write = () => {
      while (!answered && sent < megabytes * 1024 * 1024) {
        sent += line.length;
        if (!request.write(line)) {
          request.once("drain", write);
          return;
        }
      }
      if (!answered) request.end(`\r\n--${boundary}--\r\n`);
    };
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ntoudang\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="大名单.csv"\r\n` +
        "Content-Type: text/csv\r\n\r\n",
    );
    write();
  });
}

test("[DATA]: a list upload over 50 MB is refused with 413 while it streams, memory flat, nothing kept", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signIn(page.context(), "data");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const port = new URL(baseURL ?? "").port;
  const before = await storedUploads(port);

  // a size the browser declares is refused before the body is read
  const declared = await postLargeList(baseURL ?? "", cookie, 4, 1536 * 1024 * 1024).catch((error: Error) => {
    throw new Error(`the post declaring 1.5 GB got no answer: ${error.message}`);
  });
  expect(declared.status).toBe(413);
  expect(JSON.parse(declared.body)).toEqual({ code: "TOO_LARGE", error: "文件超过 50 MB，请拆分后再导入。" });

  // 300 MB without a Content-Length: counted as it streams into the store, refused at 50 MB
  const baseline = serverRssMb(port);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, serverRssMb(port));
  }, 100);
  const chunked = await postLargeList(baseURL ?? "", cookie, 300)
    .catch((error: Error) => {
      throw new Error(`the chunked 300 MB post got no answer: ${error.message}`);
    })
    .finally(() => clearInterval(sampler));
  peak = Math.max(peak, serverRssMb(port));
  console.log(
    `300 MB chunked upload: answered ${chunked.status} after ${chunked.sentMb.toFixed(0)} MB sent; server RSS ${baseline.toFixed(0)} MB → peak ${peak.toFixed(0)} MB (+${(peak - baseline).toFixed(0)} MB)`,
  );
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body)).toEqual({ code: "TOO_LARGE", error: "文件超过 50 MB，请拆分后再导入。" });
  expect(peak - baseline).toBeLessThan(150);
  // nothing of either upload stays stored
  await expect.poll(() => storedUploads(port)).toEqual(before);
});
