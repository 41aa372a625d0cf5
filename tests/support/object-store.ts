// An S3-compatible server for the storage tests: s3rver (npm, pure JavaScript, nothing to install on the
// machine), started in this process on a free port with a temporary folder, one bucket. The store is
// pointed at it exactly as a deployment points it at MinIO: through a HUIFANG_OBJECT_STORE_URL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { parseObjectStoreUrl } from "@/lib/storage/object-url";
import { type ObjectBucket, objectBucket } from "@/lib/storage/objects";

export interface TestObjectStore {
  /** the HUIFANG_OBJECT_STORE_URL that reaches it */
  url: string;
  bucket: ObjectBucket;
  /** how many objects the bucket holds (every prefix) */
  objectCount(): Promise<number>;
  /** writes `bytes` as the object `key`, behind the store's back */
  putRaw(key: string, bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

export async function startObjectStore(): Promise<TestObjectStore> {
  const directory = await mkdtemp(path.join(tmpdir(), "huifang-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: "huifang-test" }],
  });
  const { port } = await server.run();
  // s3rver accepts the key pair S3RVER / S3RVER
  const url = `http://S3RVER:S3RVER@127.0.0.1:${port}/huifang-test/files?region=us-east-1`;
  const config = parseObjectStoreUrl(url);
  if ("problem" in config) throw new Error(config.problem);
  const bucket = objectBucket(config);
  return {
    url,
    bucket,
    async objectCount() {
      let count = 0;
      let token: string | undefined;
      do {
        const page = await bucket.client.send(
          new ListObjectsV2Command({ Bucket: config.bucket, ContinuationToken: token }),
        );
        count += page.KeyCount ?? page.Contents?.length ?? 0;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return count;
    },
    async putRaw(key, bytes) {
      await bucket.client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: bytes }));
    },
    async close() {
      bucket.client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
