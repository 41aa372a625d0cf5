// Receives the import page's multipart post (`file`, `kind`, `mapping`) as a stream: the file goes
// straight into the storage module chunk by chunk while its bytes are counted, so a post of gigabytes
// is refused after MAX_FILE_BYTES have arrived, never read whole into memory first.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { discardRest } from "@/lib/http/discard-rest";
import type { FileStore, StoredFileInfo } from "@/lib/storage";
import { fileFormat, MAX_FILE_BYTES } from "./read";
import { type ListFormat, storeUpload } from "./uploads";

/** The multipart wrapping around the file and the form's two small fields, on top of the file itself. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/** The most a post to the upload route may declare in its Content-Length. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + FORM_OVERHEAD_BYTES;

/** The body ended before its form did, or is not a form: a cut connection, a crafted post. */
export class BrokenUploadError extends Error {}

export interface ReceivedList {
  fields: Map<string, string>;
  /** null when the post carried no file (or an empty one) */
  file: { name: string; format: ListFormat; stored: StoredFileInfo } | null;
}

/**
 * Parses the post with busboy, storing its `file` part as it arrives. Rejects with FileTooLargeError
 * (lib/storage; the partial file is gone and the rest of the body is read into nothing), UnreadableFileError
 * (a file type the import does not read) or BrokenUploadError.
 */
export function receiveList(request: Request, store: FileStore, campaignId: string): Promise<ReceivedList> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.toLowerCase().startsWith("multipart/form-data")) {
    return Promise.resolve({ fields: new Map(), file: null });
  }
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  return new Promise<ReceivedList>((resolve, reject) => {
    const fields = new Map<string, string>();
    let file: Promise<ReceivedList["file"]> = Promise.resolve(null);
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      // stop parsing a body that is refused anyway; the answer waits until the client stops sending
      // what is left, read into nothing (lib/http/discard-rest.ts says why)
      body.unpipe(parser);
      void discardRest(body).then(() => reject(error));
    };
    const parser = busboy({
      headers: { "content-type": contentType },
      // browsers send the file's name as raw UTF-8 (一份名单.csv), not in RFC 2231's encoded form
      defParamCharset: "utf8",
      // one file; the fields are a list kind and a column mapping of a few hundred bytes
      limits: { files: 1, fields: 8, fieldSize: 64 * 1024, parts: 10 },
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || failed) {
        stream.resume();
        return;
      }
      let format: ListFormat;
      try {
        format = fileFormat(info.filename ?? "");
      } catch (error) {
        stream.resume();
        fail(error);
        return;
      }
      file = storeUpload(store, stream, { format, campaignId, maxBytes: MAX_FILE_BYTES }).then(
        (stored) => ({ name: info.filename ?? "", format, stored }),
        (error: unknown) => {
          fail(error);
          return null;
        },
      );
    });
    parser.on("field", (name, value) => fields.set(name, value));
    const broken = (error: unknown) => fail(new BrokenUploadError(String(error)));
    parser.on("error", broken);
    body.on("error", broken);
    parser.on("close", () => {
      file.then((received) => {
        if (failed) return;
        if (received && received.stored.size === 0) {
          void store.delete("LIST_UPLOAD", received.stored.key);
          resolve({ fields, file: null });
        } else resolve({ fields, file: received });
      });
    });
    body.pipe(parser);
  });
}
