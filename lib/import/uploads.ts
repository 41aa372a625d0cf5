import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Uploaded list files wait here between preview and apply, named by their sha-256, so the apply step
 * works on exactly the file that was previewed. (One folder per machine: behind several app
 * instances, preview and apply must reach the same one, or the file is simply uploaded again.)
 */
export function uploadPath(fileHash: string, format: "xlsx" | "csv"): string {
  if (!/^[0-9a-f]{64}$/.test(fileHash)) throw new Error("not a sha-256");
  const dir = path.join(process.env.HUIFANG_UPLOAD_DIR ?? path.join(tmpdir(), "huifang-uploads"));
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${fileHash}.${format}`);
}
