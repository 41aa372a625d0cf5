import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/messages";
import { LINK_MARK, readyText, withLink } from "./ready-text";

describe("the ready text", () => {
  for (const locale of LOCALES) {
    for (const honorific of ["TEACHER", "STUDENT"] as const) {
      it(`formats to text with the mark, the code and the surname (${locale}, ${honorific})`, () => {
        const card = { team: "T", surname: "S", honorific, code: "012345" };
        const template = readyText(translatorFor(locale), card);
        // a sentence that fails to format comes back as its key
        expect(template).not.toMatch(/^verify\./);
        expect(template).toContain(LINK_MARK);
        expect(template).toContain("012345");
        const sent = withLink(template, "https://example.edu.cn/verify");
        expect(sent).toContain("https://example.edu.cn/verify");
        expect(sent).not.toContain(LINK_MARK);
      });
    }
  }
});
