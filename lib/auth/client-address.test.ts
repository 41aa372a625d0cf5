import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the address our proxy appended, not what the client sent", () => {
    // the client forged "1.2.3.4"; nginx appended the real peer 203.0.113.9
    expect(clientAddress("1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("counts trusted hops from the right", () => {
    // client -> CDN (appends 198.51.100.1) -> nginx (appends the CDN's address 10.0.0.2)
    expect(clientAddress("6.6.6.6, 198.51.100.1, 10.0.0.2", 2)).toBe("198.51.100.1");
  });

  it("uses the only entry there is", () => {
    expect(clientAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
  });

  it.each([[undefined], [""], [" , "], [["1.2.3.4"]]])("is 'unknown' without a usable header (%j)", (header) => {
    expect(clientAddress(header)).toBe("unknown");
  });
});
