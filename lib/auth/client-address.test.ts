import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/forwarded";
import { clientAddress, UNKNOWN_ADDRESS } from "./client-address";

describe("clientAddress", () => {
  it("takes the address the web server wrote", () => {
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "2001:db8::1" })).toBe("2001:db8::1");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "::ffff:10.0.0.7" })).toBe("10.0.0.7");
  });

  it("never reads X-Forwarded-For, which the client writes", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4" })).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "10.0.0.2" })).toBe("10.0.0.2");
  });

  it.each([
    [undefined],
    [{}],
    [{ [CLIENT_ADDRESS_HEADER]: "" }],
    [{ [CLIENT_ADDRESS_HEADER]: "unknown" }],
    [{ [CLIENT_ADDRESS_HEADER]: ["1.2.3.4"] }],
    [{ [CLIENT_ADDRESS_HEADER]: "1.2.3.4, 5.6.7.8" }],
    [{ [CLIENT_ADDRESS_HEADER]: "1.2.3.4\u0000" }],
  ])("is 'unknown' without a usable header (%j)", (headers) => {
    expect(clientAddress(headers)).toBe(UNKNOWN_ADDRESS);
  });
});
