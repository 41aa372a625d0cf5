// A request refused while its body is still arriving (a list upload over the limit) is answered only once
// the client has stopped sending, within limits, like nginx's lingering close. Answered earlier, the
// connection can be closed with unread bytes in its buffer (a route handler's request body is cancelled
// once its response is done), which the kernel turns into a reset, and a browser that has not read the
// answer yet shows a network error instead of the refusal's message.
import type { Readable } from "node:stream";

export interface Linger {
  /** stop once no byte has arrived for this long: the client is waiting for the answer */
  idleMs: number;
  /** and in any case after this long: a client that never stops sending gets its answer anyway */
  totalMs: number;
}

export const LINGER: Linger = { idleMs: 2_000, totalMs: 20_000 };

/** Reads and discards what is left of `body` (nothing is kept) until it ends, pauses or runs out of time. */
export function discardRest(body: Readable, limits: Linger = LINGER): Promise<void> {
  return new Promise((resolve) => {
    let idle: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(idle);
      clearTimeout(total);
      body.off("data", restartIdle);
      body.off("end", done);
      body.off("close", done);
      body.off("error", done);
      resolve();
    };
    const total = setTimeout(done, limits.totalMs);
    const restartIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(done, limits.idleMs);
    };
    restartIdle();
    body.on("data", restartIdle);
    body.once("end", done);
    body.once("close", done);
    body.once("error", done);
    body.resume();
  });
}
