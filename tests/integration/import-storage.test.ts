import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { bytesOf, databaseStore } from "@/lib/storage";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { csvText } from "../support/import-fixtures";
import { signInAs } from "../support/session";

// A list between its preview and its apply lives in the storage module (PostgreSQL), not on the disk of
// the instance that received it: no copy stays on any disk, the apply deletes it, and an instance with
// another disk applies what this one previewed.

// this file's own temporary folder, as os.tmpdir() reports it to the app: whatever the app leaves on
// disk is found here (the app wrote uploads to $TMPDIR/huifang-uploads)
const machineA = mkdtempSync(path.join(os.tmpdir(), "huifang-instance-a-"));
const machineB = mkdtempSync(path.join(os.tmpdir(), "huifang-instance-b-"));
const realTmp = process.env.TMPDIR;
process.env.TMPDIR = machineA;
afterAll(() => {
  process.env.TMPDIR = realTmp;
  rmSync(machineA, { recursive: true, force: true });
  rmSync(machineB, { recursive: true, force: true });
});

/** Every file under a folder, at any depth. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const list = (prefix: string) =>
  csvText([
    ["考生号", "姓名", "联系电话", "地区"],
    ...Array.from({ length: 20 }, (_, i) => [
      `2451${prefix}${String(i).padStart(8, "0")}`,
      `存储考生${prefix}${i}`,
      `135${prefix}${String(i).padStart(6, "0")}`,
      "成都",
    ]),
  ]);

/** The route and the action as one app instance loads them (each instance has its own modules). */
async function instance() {
  vi.resetModules();
  const [{ POST }, { applyUpload }] = await Promise.all([
    import("@/app/api/imports/route"),
    import("@/app/(app)/admin/imports/actions"),
  ]);
  const preview = async (content: string, name: string) => {
    const form = new FormData();
    form.set("file", new File([content], name, { type: "text/csv" }));
    form.set("kind", "toudang");
    const response = await POST(new Request("http://localhost/api/imports", { method: "POST", body: form }));
    expect(response.status).toBe(200);
    return (await response.json()) as { fileHash: string; plan: { create: number } };
  };
  const apply = (fileHash: string, name: string) =>
    applyUpload({ fileHash, format: "csv", kind: "toudang", fileName: name });
  return { preview, apply };
}

describe("uploaded lists in the storage module", () => {
  let campaignId: string;

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2, name: "存储" });
    campaignId = campaign.id;
    signInAs(await createUser(db(), { login: "storage-data", roles: ["DATA"] }));
    const caller = await createUser(db(), { login: "storage-caller", roles: ["CALLER"] });
    const group = await createGroup(db(), { campaignId, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId, userId: caller.id, groupId: group.id });
  });

  const storedUploads = () => db().storedFile.count({ where: { kind: "LIST_UPLOAD", campaignId } });

  it("keeps the upload in the database only, and deletes it when applied: no copy on disk or in the store", async () => {
    const a = await instance();
    const preview = await a.preview(list("01"), "名单一.csv");
    expect(preview.plan.create).toBe(20);
    expect(await storedUploads()).toBe(1);
    expect(filesUnder(machineA)).toEqual([]);

    expect(await a.apply(preview.fileHash, "名单一.csv")).toMatchObject({ ok: true, data: { created: 20 } });
    expect(await storedUploads()).toBe(0);
    expect(await db().storedFileChunk.count({ where: { file: { kind: "LIST_UPLOAD" } } })).toBe(0);
    expect(filesUnder(machineA)).toEqual([]);
  });

  it("applies on one instance what another previewed, each with its own disk and modules", async () => {
    const a = await instance();
    const preview = await a.preview(list("02"), "名单二.csv");

    process.env.TMPDIR = machineB;
    try {
      const b = await instance();
      expect(await b.apply(preview.fileHash, "名单二.csv")).toMatchObject({ ok: true, data: { created: 20 } });
    } finally {
      process.env.TMPDIR = machineA;
    }
    expect(await db().candidate.count({ where: { campaignId, name: { startsWith: "存储考生02" } } })).toBe(20);
    expect(filesUnder(machineB)).toEqual([]);
  });

  it("sweeps uploads never applied within 24 hours when the next list is uploaded", async () => {
    const store = databaseStore(db());
    const old = await store.put(
      { kind: "LIST_UPLOAD", key: `${"a".repeat(64)}.csv`, mimeType: "text/csv", campaignId },
      bytesOf(Buffer.from(list("03"))),
    );
    await db().storedFile.update({
      where: { id: old.id },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });

    await (await instance()).preview(list("04"), "名单四.csv");
    expect(await db().storedFile.count({ where: { id: old.id } })).toBe(0);
    expect(await storedUploads()).toBe(1);
  });
});
