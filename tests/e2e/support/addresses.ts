import os from "node:os";

/** The port the browser tests' server listens on (playwright.config.ts). */
export const E2E_PORT = Number(process.env.HUIFANG_E2E_PORT ?? 3100);

/**
 * This machine's address on its network, as a phone on the campus Wi-Fi would type it: the first
 * IPv4 address that is not loopback (what `hostname -I` lists first).
 */
export function lanAddress(): string {
  for (const entries of Object.values(os.networkInterfaces())) {
    const found = entries?.find((entry) => entry.family === "IPv4" && !entry.internal);
    if (found) return found.address;
  }
  throw new Error("this machine has no network address besides loopback: the LAN tests need one");
}

/** The addresses a browser reaches the app by, other than the configured localhost. */
export function addressedHosts(): string[] {
  return ["127.0.0.1", lanAddress()];
}
