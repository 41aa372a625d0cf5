import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";
import { temporaryPassword } from "./temporary-password";

describe("temporaryPassword", () => {
  it("gives 12 unambiguous characters with letters and digits that the policy accepts", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const password = temporaryPassword("zhang01");
      expect(password).toMatch(/^[a-km-np-z2-9]{12}$/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(passwordProblem(password, "zhang01")).toBeNull();
      seen.add(password);
    }
    // 2,000 draws from ~59 bits: any repeat means the source is not random
    expect(seen.size).toBe(2000);
  });
});
