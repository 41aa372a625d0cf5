// How the action wrapper turns refusals into sentences: a schema's catalogue keys with the check's limit,
// zod's own English messages as the general sentence, a body's Text field errors, all in the reader's
// language (the NEXT_LOCALE cookie).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { db } from "@/lib/db";
import { text } from "@/lib/i18n/text";
import { createUser } from "@/prisma/seed/factories";
import { captureLog } from "../support/log-lines";
import { signInAs } from "../support/session";

const cookie = vi.hoisted(() => ({ locale: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "NEXT_LOCALE" && cookie.locale ? { value: cookie.locale } : undefined),
  }),
}));

const probe = action(
  {
    name: "test.probe",
    permission: "staff.manage",
    schema: z
      .object({
        size: z.coerce.number().int().max(10, messageKey("settings.errors.tooBig")),
        label: z.string(),
        refuse: z.enum(["no", "yes", "crash"]).default("no"),
      })
      .strict(),
  },
  async (input, ctx) => {
    if (input.refuse === "crash") throw new Error('relation "Secret" does not exist');
    if (input.refuse === "yes") {
      throw new ActionError("INVALID_INPUT", { size: [text("settings.errors.tooSmall", { min: 3 })] });
    }
    ctx.unchanged();
    return input.size;
  },
);

describe("the action wrapper's sentences", () => {
  beforeAll(async () => {
    signInAs(await createUser(db(), { login: `admin-text-${Date.now()}`, roles: ["ADMIN"] }));
  });
  beforeEach(() => {
    cookie.locale = undefined;
  });

  it("renders a schema's catalogue key with the check's limit, in Chinese by default", async () => {
    const result = await probe({ size: 11, label: "x" });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      error: "填写的内容有误，请按提示修改后再提交。",
      fieldErrors: { size: ["不能大于 10。"] },
    });
  });

  it("renders the same refusal in English for a reader who chose English", async () => {
    cookie.locale = "en";
    const result = await probe({ size: 11, label: "x" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { size: ["Cannot be above 10."] } });
    expect(JSON.stringify(result)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("shows the general sentence for a field where zod would speak English", async () => {
    const result = await probe({ size: 1 });
    expect(result).toMatchObject({ ok: false, fieldErrors: { label: ["这一项填写有误，请检查后再提交。"] } });
  });

  it("renders a body's Text field errors and rolls nothing forward", async () => {
    cookie.locale = "en";
    const result = await probe({ size: 1, label: "x", refuse: "yes" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { size: ["Cannot be below 3."] } });
  });

  it("answers an unexpected failure as UNAVAILABLE, its detail in the server's log only", async () => {
    const log = captureLog();
    const result = await probe({ size: 1, label: "x", refuse: "crash" });
    log.restore();
    expect(result).toEqual({ ok: false, code: "UNAVAILABLE", error: "服务暂时出了问题，请稍后再试。" });
    expect(log.lines()).toContainEqual(
      expect.objectContaining({ level: "error", msg: "action failed", action: "test.probe" }),
    );
  });

  it("answers the data when nothing is refused", async () => {
    expect(await probe({ size: 4, label: "x" })).toEqual({ ok: true, data: 4 });
  });
});
