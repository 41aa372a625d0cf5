import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storeUpload } from "@/lib/import/uploads";
import { runRetention } from "@/lib/retention";
import { bytesOf, databaseStore } from "@/lib/storage";
import { buildCallsFixture } from "@/tests/support/calls-fixtures";
import { startObjectStore, type TestObjectStore } from "@/tests/support/object-store";
import { makeRetentionDue } from "@/tests/support/retention";

// Retention removes a campaign's files with the rest of its personal data, whichever backend holds their
// bytes: the rows go in the campaign's transaction, and the bytes (chunks with them; objects through the
// deletion queue, drained by the same run) leave nothing behind. The other campaign's files stay.

describe.each([
  { name: "PostgreSQL", objectStore: false },
  { name: "an S3-compatible object store (s3rver)", objectStore: true },
])("retention with the files on $name", ({ objectStore }) => {
  let server: TestObjectStore | undefined;
  beforeAll(async () => {
    // the app's own selection: HUIFANG_OBJECT_STORE_URL, as a deployment sets it
    if (objectStore) {
      server = await startObjectStore();
      process.env.HUIFANG_OBJECT_STORE_URL = server.url;
    } else delete process.env.HUIFANG_OBJECT_STORE_URL;
  });
  afterAll(async () => {
    delete process.env.HUIFANG_OBJECT_STORE_URL;
    await server?.close();
  });

  /** the pieces of bytes kept for the files: objects in the bucket, or chunk rows */
  const piecesHeld = () => (server ? server.objectCount() : db().storedFileChunk.count());

  async function plant() {
    const fx = await buildCallsFixture({ openPhase: 3 });
    const store = databaseStore(db());
    const request = await db().withdrawalRequest.create({
      data: { campaignId: fx.campaign.id, candidateId: fx.candidateA.id, callerId: fx.users.callerA.id },
    });
    for (const n of [1, 2]) {
      const file = await store.put(
        { kind: "WITHDRAWAL_PHOTO", key: `${request.id}/${n}`, mimeType: "image/jpeg", campaignId: fx.campaign.id },
        bytesOf(Buffer.from(`签字的放弃录取确认书 ${fx.tag} ${n}`)),
      );
      await db().withdrawalPhoto.create({
        data: { requestId: request.id, mimeType: "image/jpeg", fileId: file.id, size: file.size },
      });
    }
    await storeUpload(store, bytesOf(Buffer.from(`考生号,姓名\r\n24510100000001,${fx.candidateA.name}\r\n`)), {
      format: "csv",
      campaignId: fx.campaign.id,
      maxBytes: 1024,
    });
    return fx;
  }

  it("deletes the due campaign's photos and uploads, bytes included, and keeps the other campaign's", async () => {
    const held = await piecesHeld();
    const due = await plant();
    const kept = await plant();
    const files = await db().storedFile.findMany({ where: { campaignId: due.campaign.id } });
    expect(files).toHaveLength(3);
    // each file's bytes really are on the backend under test
    expect(files.every((file) => (file.objectKey !== null) === objectStore)).toBe(true);
    expect(await piecesHeld()).toBe(held + 6);

    const dueAt = await makeRetentionDue(due.campaign.id);
    const entries = await runRetention(db(), { now: dueAt, apply: true });
    expect(entries.find((e) => e.id === due.campaign.id)).toMatchObject({
      due: true,
      changed: true,
      counts: { withdrawalPhotos: 2, listUploads: 1 },
    });
    expect(await db().storedFile.count({ where: { campaignId: due.campaign.id } })).toBe(0);
    expect(await db().storedFile.count({ where: { campaignId: kept.campaign.id } })).toBe(3);
    // the due campaign's bytes are gone from the backend, the other's are all there
    expect(await piecesHeld()).toBe(held + 3);
    expect(await db().storedObjectDeletion.count()).toBe(0);
    const store = databaseStore(db());
    for (const file of await db().storedFile.findMany({ where: { campaignId: kept.campaign.id } })) {
      const stored = await store.get(file.kind, file.key);
      const chunks: Buffer[] = [];
      for await (const chunk of stored?.stream ?? []) chunks.push(chunk);
      expect(Buffer.concat(chunks).length).toBe(file.size);
    }
  });
});
