import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { discardRest } from "./discard-rest";

const limits = { idleMs: 80, totalMs: 400 };
const elapsed = async (work: Promise<void>) => {
  const started = performance.now();
  await work;
  return performance.now() - started;
};

describe("discarding what is left of a refused body", () => {
  it("reads to the end of a body the client finishes sending, keeping nothing", async () => {
    const body = new PassThrough();
    const drained = discardRest(body, limits);
    for (let i = 0; i < 20; i++) body.write(Buffer.alloc(64 * 1024));
    body.end();
    expect(await elapsed(drained)).toBeLessThan(limits.idleMs);
    expect(body.readableLength).toBe(0);
  });

  it("stops waiting once the client pauses: it is waiting for the answer", async () => {
    const body = new PassThrough();
    body.write("the first bytes");
    const time = await elapsed(discardRest(body, limits));
    expect(time).toBeGreaterThanOrEqual(limits.idleMs - 5);
    expect(time).toBeLessThan(limits.totalMs);
  });

  it("stops after the total time even while the client keeps sending", async () => {
    const body = new PassThrough();
    const sender = setInterval(() => body.write(Buffer.alloc(1024)), 10);
    const time = await elapsed(discardRest(body, limits)).finally(() => clearInterval(sender));
    expect(time).toBeGreaterThanOrEqual(limits.totalMs - 5);
    expect(time).toBeLessThan(limits.totalMs + 200);
  });

  it("stops at once on a broken connection", async () => {
    const body = new PassThrough();
    const drained = discardRest(body, limits);
    body.destroy(new Error("connection reset"));
    expect(await elapsed(drained)).toBeLessThan(limits.idleMs);
  });
});
