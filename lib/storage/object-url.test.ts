import { describe, expect, it } from "vitest";
import { parseEnv, serverEnvSchema } from "@/lib/env";
import { DEFAULT_OBJECT_PREFIX, DEFAULT_REGION, describeObjectStore, parseObjectStoreUrl } from "./object-url";

describe("HUIFANG_OBJECT_STORE_URL", () => {
  it("reads the endpoint, credentials, bucket, folder and region", () => {
    expect(
      parseObjectStoreUrl("https://AKIA123:s3cr%2Ft%40x@s3.example.edu.cn/huifang/prod/files?region=cn-north-1"),
    ).toEqual({
      endpoint: "https://s3.example.edu.cn",
      bucket: "huifang",
      prefix: "prod/files/",
      region: "cn-north-1",
      accessKeyId: "AKIA123",
      secretAccessKey: "s3cr/t@x",
    });
  });

  it("defaults the folder and region, and keeps the port and plain http of a private MinIO", () => {
    expect(parseObjectStoreUrl("http://minio:minio-secret@10.0.0.5:9000/huifang")).toMatchObject({
      endpoint: "http://10.0.0.5:9000",
      bucket: "huifang",
      prefix: DEFAULT_OBJECT_PREFIX,
      region: DEFAULT_REGION,
    });
  });

  it.each([
    ["s3.example.edu.cn/huifang", "must be a URL"],
    ["s3://KEY:SECRET@host/huifang", "must start with https://"],
    ["https://s3.example.edu.cn/huifang", "access key and secret"],
    ["https://KEY@s3.example.edu.cn/huifang", "access key and secret"],
    ["https://KEY:SECRET@s3.example.edu.cn/", "must name the bucket"],
    ["https://KEY:SECRET@s3.example.edu.cn/Huifang_Files", "not a valid bucket name"],
    ["https://KEY:SECRET@s3.example.edu.cn/huifang?style=virtual", 'unknown parameter "style"'],
  ])("refuses %s", (url, problem) => {
    const parsed = parseObjectStoreUrl(url);
    expect("problem" in parsed && parsed.problem).toContain(problem);
  });

  it("is checked with the server's other variables, in one line that never shows the secret", () => {
    const base = { DATABASE_URL: "postgresql://app@127.0.0.1/huifang", NEXTAUTH_SECRET: "s".repeat(32) };
    expect(parseEnv(serverEnvSchema, base).HUIFANG_OBJECT_STORE_URL).toBeUndefined();
    expect(
      parseEnv(serverEnvSchema, { ...base, HUIFANG_OBJECT_STORE_URL: "" }).HUIFANG_OBJECT_STORE_URL,
    ).toBeUndefined();
    const bad = () =>
      parseEnv(serverEnvSchema, { ...base, HUIFANG_OBJECT_STORE_URL: "https://KEY:TOPSECRET@s3.example.edu.cn" });
    expect(bad).toThrow("HUIFANG_OBJECT_STORE_URL must name the bucket as its path");
    expect(bad).not.toThrow("TOPSECRET");
  });

  it("is described without its credentials", () => {
    const parsed = parseObjectStoreUrl("https://KEY:TOPSECRET@s3.example.edu.cn/huifang");
    if ("problem" in parsed) throw new Error(parsed.problem);
    expect(describeObjectStore(parsed)).toBe("https://s3.example.edu.cn/huifang/huifang-files/");
  });
});
