import { Writable } from "node:stream";
import { logTo } from "@/lib/log";

/** Sends the app's log lines (lib/log) to memory until `restore()`, for a test to read them as objects. */
export function captureLog(level = "info") {
  let written = "";
  const restore = logTo(
    new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    }),
    level,
  );
  return {
    lines: () =>
      written
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written,
    restore,
  };
}
