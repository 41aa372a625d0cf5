// HUIFANG_OBJECT_STORE_URL: where the object store backend keeps the bytes of stored files. One URL,
// the S3 endpoint's own address with the access key and secret as its user and password and the bucket
// as its path, so the scheme says plainly whether the connection is encrypted:
//   https://ACCESS_KEY:SECRET@s3.example.edu.cn/huifang?region=cn-north-1
//   http://minio:minio-secret@10.0.0.5:9000/huifang/prod       (objects under "prod/", not "huifang-files/")
// A secret with `/`, `@`, `:` or `%` in it is written percent-encoded (encodeURIComponent).

export interface ObjectStoreConfig {
  /** the endpoint, e.g. https://s3.example.edu.cn:9000 (path-style addressing: the bucket is not in the host) */
  endpoint: string;
  bucket: string;
  /** what every object's name begins with, ending in "/"; the orphan sweep looks only under it */
  prefix: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Objects go under this folder of the bucket when the URL names none. */
export const DEFAULT_OBJECT_PREFIX = "huifang-files/";

/** S3's own default; MinIO and SeaweedFS accept any region unless configured otherwise. */
export const DEFAULT_REGION = "us-east-1";

/** The URL's parts, or a sentence (English, as the environment's other messages) saying what is wrong. */
export function parseObjectStoreUrl(value: string): ObjectStoreConfig | { problem: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: "must be a URL such as https://ACCESS_KEY:SECRET@s3.example.edu.cn/bucket?region=cn-north-1" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { problem: "must start with https:// (or http:// on a private network): the S3 endpoint's address" };
  }
  if (!url.hostname) return { problem: "must name the S3 endpoint's host" };
  if (!url.username || !url.password) {
    return { problem: "must carry the access key and secret as https://ACCESS_KEY:SECRET@host/bucket" };
  }
  const [bucket, ...folders] = url.pathname.split("/").filter((part) => part !== "");
  if (!bucket) return { problem: "must name the bucket as its path, e.g. https://ACCESS_KEY:SECRET@host/huifang" };
  // S3's rule for bucket names (3-63 lower-case letters, digits, dots and hyphens)
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    return { problem: `names the bucket "${bucket}", which is not a valid bucket name (3-63 of a-z 0-9 . -)` };
  }
  const unknown = [...url.searchParams.keys()].filter((name) => name !== "region");
  if (unknown.length > 0) return { problem: `has an unknown parameter "${unknown[0]}" (only region is read)` };
  let accessKeyId: string;
  let secretAccessKey: string;
  try {
    accessKeyId = decodeURIComponent(url.username);
    secretAccessKey = decodeURIComponent(url.password);
  } catch {
    return { problem: "has a malformed percent-encoding in its access key or secret" };
  }
  return {
    endpoint: url.origin,
    bucket,
    prefix:
      folders.length > 0 ? `${folders.map((part) => decodeURIComponent(part)).join("/")}/` : DEFAULT_OBJECT_PREFIX,
    region: url.searchParams.get("region") || DEFAULT_REGION,
    accessKeyId,
    secretAccessKey,
  };
}

/** The endpoint and bucket without the secret, for logs and the backup command's output. */
export function describeObjectStore(config: ObjectStoreConfig): string {
  return `${config.endpoint}/${config.bucket}/${config.prefix}`;
}
