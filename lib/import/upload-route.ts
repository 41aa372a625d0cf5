import "server-only";
// The part every list upload route shares (the admission lists' and the staff list's): a body larger
// than the route takes is refused before a byte of it is parsed or stored, the uploads never applied are
// swept, and the post is streamed into the storage module (lib/import/receive). Each route then reads
// the stored file its own way.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { routeFailure } from "@/lib/action";
import { discardRest } from "@/lib/http/discard-rest";
import type { Text } from "@/lib/i18n/text";
import type { FileStore } from "@/lib/storage";
import { FileTooLargeError } from "@/lib/storage";
import { UnreadableFileError } from "./read";
import { BrokenUploadError, type ReceivedList, receiveList } from "./receive";
import { uploadStore } from "./upload-store";
import { deleteUpload, type ListFormat, sweepUploads } from "./uploads";

export interface UploadedList {
  store: FileStore;
  file: NonNullable<ReceivedList["file"]>;
  fields: ReceivedList["fields"];
  upload: { fileHash: string; format: ListFormat };
}

/** The route's own sentences for the refusals every upload can meet. */
export interface UploadRefusals {
  tooLarge: () => Promise<Response>;
  brokenUpload: string;
  noFile: string;
  render: (sentence: Text) => string;
}

/**
 * Receives the post's `file` into the store, or answers the refusal: too large (declared, or counted as a
 * chunked post streams in, or a stored file over `maxFileBytes`), unreadable, broken, or no file.
 */
export async function receiveUploadedList(
  request: Request,
  campaignId: string,
  limits: { maxBodyBytes: number; maxFileBytes?: number },
  refuse: UploadRefusals,
): Promise<UploadedList | Response> {
  // refused before a byte of the body is parsed or stored when the browser says how large it is (the
  // answer still waits for the client to stop sending: lib/http/discard-rest.ts); a chunked post (no
  // Content-Length) is counted as it streams in and refused at the store's limit
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limits.maxBodyBytes) {
    if (request.body) await discardRest(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>));
    return refuse.tooLarge();
  }

  const store = uploadStore();
  // uploads never applied go after 24 hours, on each upload (and by `cli retention`)
  await sweepUploads(store, new Date());
  const received = await receiveList(request, store, campaignId).catch((error: unknown) => {
    if (error instanceof FileTooLargeError || error instanceof UnreadableFileError) return error;
    if (error instanceof BrokenUploadError) return error;
    throw error;
  });
  if (received instanceof FileTooLargeError) return refuse.tooLarge();
  if (received instanceof UnreadableFileError) return routeFailure("UNREADABLE", refuse.render(received.reason));
  if (received instanceof BrokenUploadError) return routeFailure("INVALID_INPUT", refuse.brokenUpload);
  const { file, fields } = received;
  if (!file) return routeFailure("INVALID_INPUT", refuse.noFile);
  const upload = { fileHash: file.stored.sha256, format: file.format };
  if (limits.maxFileBytes !== undefined && file.stored.size > limits.maxFileBytes) {
    await deleteUpload(store, upload);
    return refuse.tooLarge();
  }
  return { store, file, fields, upload };
}
