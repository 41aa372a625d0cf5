import { describe, expect, it } from "vitest";
import { metricsAccess } from "./token";

const TOKEN = "t".repeat(32);

describe("metricsAccess", () => {
  it("is off without a configured token, whatever is sent", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, undefined)).toBe("OFF");
    expect(metricsAccess(null, undefined)).toBe("OFF");
  });

  it.each([
    [null],
    [""],
    ["Bearer"],
    [`Basic ${TOKEN}`],
    [`Bearer ${TOKEN.slice(1)}`],
    [`Bearer ${TOKEN}x`],
    [`Bearer ${TOKEN} ${TOKEN}`],
  ])("refuses %s", (authorization) => {
    expect(metricsAccess(authorization, TOKEN)).toBe("REFUSED");
  });

  it("lets the configured token in", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, TOKEN)).toBe("ALLOWED");
    expect(metricsAccess(`bearer ${TOKEN}`, TOKEN)).toBe("ALLOWED");
  });
});
